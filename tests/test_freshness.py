"""Entries not reviewed for longer than the configured age are flagged where people look."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sitebuild import ROOT, copy_repository, run_mkdocs_build

from servicecatalog import Catalog, load_catalog
from servicecatalog.freshness import ReviewPolicy


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT)


def _article(site: Path, path: str) -> Tag:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").find("article")
    assert isinstance(article, Tag)
    return article


def _flagged(article: Tag) -> bool:
    return any("Review due" in note.get_text() for note in article.find_all(class_="admonition"))


def _due_for_review_rows(site: Path) -> list[str]:
    article = _article(site, "catalog")
    heading = next(h for h in article.find_all("h2") if h.get_text().startswith("Entries due"))
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            return []
        if sibling.name == "table":
            return [row.find("td").get_text() for row in sibling.find_all("tr")[1:]]
    return []


def test_freshness_review_policy_counts_days() -> None:
    policy = ReviewPolicy(stale_after_days=30, today=datetime.date(2026, 12, 3))

    assert policy.age(datetime.date(2026, 11, 3)) == 30
    assert not policy.is_stale(datetime.date(2026, 11, 3))
    assert policy.is_stale(datetime.date(2026, 11, 2))


def test_freshness_sample_has_stale_and_fresh_entries(catalog: Catalog) -> None:
    policy = ReviewPolicy()
    services = [s for s in catalog.services.values() if policy.is_stale(s.last_reviewed)]
    assert 0 < len(services) < len(catalog.services)


def test_freshness_service_pages_flag_only_stale_entries(
    built_site: Path, catalog: Catalog
) -> None:
    policy = ReviewPolicy()
    for name, service in catalog.services.items():
        article = _article(built_site, f"catalog/services/{name}")
        assert _flagged(article) == policy.is_stale(service.last_reviewed), name


def test_freshness_team_pages_flag_team_and_its_stale_services(
    built_site: Path, catalog: Catalog
) -> None:
    policy = ReviewPolicy()
    for name, team in catalog.teams.items():
        stale = [s.name for s in catalog.services_of(name) if policy.is_stale(s.last_reviewed)]
        article = _article(built_site, f"catalog/teams/{name}")
        assert _flagged(article) == (policy.is_stale(team.last_reviewed) or bool(stale)), name
        notes = " ".join(n.get_text() for n in article.find_all(class_="admonition"))
        assert all(service in notes for service in stale)


def test_freshness_catalog_index_lists_every_stale_entry(
    built_site: Path, catalog: Catalog
) -> None:
    policy = ReviewPolicy()
    stale_services = [s.name for s in catalog.services.values() if policy.is_stale(s.last_reviewed)]
    stale_teams = [
        t.display_name for t in catalog.teams.values() if policy.is_stale(t.last_reviewed)
    ]

    assert _due_for_review_rows(built_site) == stale_services + stale_teams


def test_freshness_age_limit_is_configurable(tmp_path: Path, catalog: Catalog) -> None:
    repository = copy_repository(tmp_path / "repo")
    config = repository / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("stale_after_days: 180", "stale_after_days: 30"))

    result = run_mkdocs_build(repository, tmp_path / "site")

    assert result.returncode == 0, result.stderr
    policy = ReviewPolicy(stale_after_days=30)
    expected = [s.name for s in catalog.services.values() if policy.is_stale(s.last_reviewed)]
    expected += [t.display_name for t in catalog.teams.values() if policy.is_stale(t.last_reviewed)]
    rows = _due_for_review_rows(tmp_path / "site")
    assert rows == expected
    assert len(rows) > sum(
        ReviewPolicy().is_stale(s.last_reviewed) for s in catalog.services.values()
    )
