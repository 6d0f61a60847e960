"""The built handbook: a page per service and team, ownership tables, catalog.json, search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sitebuild import ROOT, copy_repository, run_mkdocs_build

from servicecatalog import Catalog, load_catalog
from servicecatalog.synthetic import write_synthetic_catalog


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT, docs_dir=ROOT / "docs")


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _article(site: Path, path: str) -> Tag:
    article = _page(site, path).find("article")
    assert isinstance(article, Tag), path
    return article


def test_site_sample_catalog_is_realistic(catalog: Catalog) -> None:
    assert len(catalog.services) >= 24
    assert len(catalog.teams) >= 6
    assert catalog.warnings == []
    # A team added in its own pull request owns nothing yet; the sample still spreads its
    # services over at least six teams.
    assert sum(1 for team in catalog.teams if catalog.services_of(team)) >= 6


def test_site_service_page_shows_sections_in_order(built_site: Path, catalog: Catalog) -> None:
    for name, service in catalog.services.items():
        article = _article(built_site, f"catalog/services/{name}")
        headings = [h.get_text().rstrip("¶") for h in article.find_all("h2")]
        team = catalog.teams[service.owner]

        assert article.find("h1").get_text().rstrip("¶") == name  # type: ignore[union-attr]
        assert headings == [
            f"Owned by {team.display_name}",
            "Runtime and delivery",
            "Dependencies",
            "Data stores and integrations",
            "Operations",
            "Security notes",
        ]
        first_table = article.find("table")
        assert isinstance(first_table, Tag)
        summary = [cell.get_text() for cell in first_table.find_all("td")]
        assert summary[:3] == [team.display_name, service.lifecycle, service.data_classification]


def test_site_service_page_lists_dependents(built_site: Path, catalog: Catalog) -> None:
    for name, dependents in catalog.dependents.items():
        article = _article(built_site, f"catalog/services/{name}")
        used_by = next(h for h in article.find_all("h3") if h.get_text().rstrip("¶") == "Used by")
        table = used_by.find_next_sibling()
        listed = (
            [row.find("td").get_text() for row in table.find_all("tr")[1:]]
            if table.name == "table"
            else []
        )  # type: ignore[union-attr]
        assert listed == dependents, name


def test_site_service_edit_button_opens_its_yaml(built_site: Path, catalog: Catalog) -> None:
    for name in catalog.services:
        page = _page(built_site, f"catalog/services/{name}")
        edit = page.find("a", rel="edit")
        view = page.find("a", title="View source of this page")

        assert isinstance(edit, Tag) and isinstance(view, Tag), name
        assert str(edit["href"]).endswith(f"/edit/main/catalog/services/{name}.yaml")
        assert str(view["href"]).endswith(f"/raw/main/catalog/services/{name}.yaml")


def test_site_team_page_lists_its_services_and_contacts(built_site: Path, catalog: Catalog) -> None:
    for name, team in catalog.teams.items():
        article = _article(built_site, f"catalog/teams/{name}")
        text = article.get_text()
        links = {a.get_text() for a in article.find_all("a")}

        assert team.contacts.chat in text and team.contacts.email in text
        assert {s.name for s in catalog.services_of(name)} <= links
        edit = _page(built_site, f"catalog/teams/{name}").find("a", rel="edit")
        assert edit["href"].endswith(f"/catalog/teams/{name}.yaml")  # type: ignore[index]


@pytest.mark.parametrize(
    "page", ["catalog", "catalog/ownership/by-team", "catalog/ownership/by-product-area",
             "catalog/ownership/by-capability"],
)  # fmt: skip
def test_site_ownership_tables_list_every_service_once(
    built_site: Path, catalog: Catalog, page: str
) -> None:
    article = _article(built_site, page)
    if page == "catalog":
        heading = [h for h in article.find_all("h2") if h.get_text().startswith("All services")]
        tables = [heading[0].find_next_sibling("table")]
    else:
        tables = article.find_all("table")[1:]
    rows = [row for table in tables for row in table.find_all("tr")]

    listed = [row.find("td").get_text() for row in rows if row.find("td")]
    assert sorted(listed) == sorted(catalog.services)


def test_site_teams_index_lists_every_team(built_site: Path, catalog: Catalog) -> None:
    article = _article(built_site, "catalog/teams")
    names = [row.find("td").get_text() for row in article.find_all("tr")[1:]]
    assert names == [team.display_name for team in catalog.teams.values()]


def test_site_sidebar_does_not_grow_with_services(built_site: Path, catalog: Catalog) -> None:
    for path in ("", "catalog", f"catalog/services/{next(iter(catalog.services))}"):
        navigation = _page(built_site, path).find("nav", class_="md-nav--primary")
        links = [a["href"] for a in navigation.find_all("a", href=True)]  # type: ignore[union-attr]
        assert not [href for href in links if "catalog/services/" in href], path


def _counts(site: Path, root: Path) -> tuple[int, int, int, int]:
    files = len(list((root / "catalog" / "services").glob("*.yaml")))
    pages = len(list((site / "catalog" / "services").glob("*/index.html")))
    exported = len(json.loads((site / "catalog.json").read_text(encoding="utf-8"))["services"])
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    searchable = {
        doc["location"] for doc in index["docs"]
        if doc["location"].startswith("catalog/services/") and "#" not in doc["location"]
    }  # fmt: skip
    return files, pages, exported, len(searchable)


def test_site_nothing_lost_in_sample_catalog(built_site: Path) -> None:
    files, pages, exported, searchable = _counts(built_site, ROOT)
    assert files == pages == exported == searchable >= 24


def test_site_nothing_lost_in_generated_catalog(tmp_path: Path) -> None:
    repository = copy_repository(tmp_path / "repo")
    write_synthetic_catalog(repository, 60)
    result = run_mkdocs_build(repository, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    files, pages, exported, searchable = _counts(tmp_path / "site", repository)
    assert files == pages == exported == searchable
    assert files >= 60 + 24


def test_site_catalog_json_has_every_entry_with_dependents(
    built_site: Path, catalog: Catalog
) -> None:
    exported = json.loads((built_site / "catalog.json").read_text(encoding="utf-8"))

    assert [team["name"] for team in exported["teams"]] == list(catalog.teams)
    by_name = {service["name"]: service for service in exported["services"]}
    assert list(by_name) == list(catalog.services)
    for name, service in by_name.items():
        assert service["dependents"] == catalog.dependents[name]
        assert service["file"] == f"catalog/services/{name}.yaml"
        assert service["owner"] == catalog.services[name].owner


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('stale_after_days: "180"', ".stale_after_days: '180' is not a whole number of days"),
        ("stale_after_days: 0", ".stale_after_days: 0 is not a whole number of days"),
        (
            "stale_after_dayz: 9",
            ".stale_after_dayz: unknown setting; the one setting is stale_after_days",
        ),
        ("- 180", ": [180] is not a mapping of settings"),
    ],
)
def test_site_review_age_setting_errors_name_the_setting(
    tmp_path: Path, setting: str, message: str
) -> None:
    repository = copy_repository(tmp_path / "repo")
    config = repository / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("stale_after_days: 180", setting))

    result = run_mkdocs_build(repository, tmp_path / "site")

    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"mkdocs.yml: extra.catalog{message}" in output
    assert "Traceback" not in output
