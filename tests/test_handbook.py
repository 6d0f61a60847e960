"""The handbook as a reader sees it in the built site.

Every item of the brief in `../shared/seed/` is findable on its topic page, every topic page
carries an example and ends with its reflection questions and 30-day action, the printable
handouts exist, live catalog facts are right, and no run of eight words of the brief is pasted
into `docs/`. What is expected is written in `handbook_brief.py`, not read from the pages.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from handbook_brief import BRIEF_LISTS, CAPABILITY_TAGS, CATALOG_FIELD_KEYS, TOPIC_PAGES, BriefList
from handbook_pages import (
    brief_runs,
    content_of,
    copied_runs,
    find_section,
    missing_items,
    read_page,
    section_words,
    words_of,
)
from sitebuild import ROOT

# The brief sits beside the repository (../shared/seed) in every checkout and CI run;
# HANDBOOK_BRIEF_DIR points elsewhere for a clone kept in another folder.
BRIEF_DIR = Path(os.environ.get("HANDBOOK_BRIEF_DIR", ROOT.parent / "shared" / "seed"))
RUN_LENGTH = 8


@pytest.mark.parametrize("brief_list", BRIEF_LISTS, ids=lambda brief_list: brief_list.name)
def test_handbook_brief_list_complete(built_site: Path, brief_list: BriefList) -> None:
    assert len(brief_list.items) == brief_list.count
    missing = missing_items(built_site, brief_list)
    assert not missing, f"{brief_list.page}: {brief_list.name} not found: {missing}"


def test_handbook_field_reference_lists_every_catalog_field(built_site: Path) -> None:
    article = content_of(read_page(built_site, "catalog/fields/"))
    first_cells = {
        words_of(row.find("td"))
        for element in find_section(article, "service-file")
        for row in element.find_all("tr")
        if row.find("td")
    }
    missing = sorted(set(CATALOG_FIELD_KEYS) - first_cells)
    assert not missing, f"the generated field reference lacks {missing}"

    about = content_of(read_page(built_site, "catalog/about/"))
    assert about.find("a", href="../fields/"), "About the catalog does not link the field reference"


def test_handbook_catalog_about_shows_complete_entry(built_site: Path) -> None:
    article = content_of(read_page(built_site, "catalog/about/"))
    entries = [
        code.text for code in article.select("pre code") if "business_capability:" in code.text
    ]
    assert entries, "About the catalog shows no complete example entry"
    missing = [key for key in CATALOG_FIELD_KEYS if f"{key}:" not in entries[0]]
    assert not missing, f"the example entry lacks {missing}"


@pytest.mark.parametrize("url", TOPIC_PAGES)
def test_handbook_topic_page_has_example_and_ends_with_reflection(
    built_site: Path, url: str
) -> None:
    article = content_of(read_page(built_site, url))
    assert article.select("pre code"), f"{url}: no code block or snippet"

    titles = [words_of(heading) for heading in article.find_all("h2")]
    assert "run a session on this page" in titles, f"{url}: no workshop section"
    assert titles[-2:] == ["reflection questions", "in the next 30 days"], (
        f"{url}: must end with 'Reflection questions' then 'In the next 30 days', not {titles[-2:]}"
    )

    reflection = find_section(article, "reflection-questions")
    questions = [words_of(item) for element in reflection for item in element.find_all("li")]
    assert len(questions) >= 3 and all(q.endswith("?") for q in questions), (
        f"{url}: needs at least three reflection questions, found {questions}"
    )
    action = section_words(find_section(article, "in-the-next-30-days"))
    assert len(action.split()) >= 15, f"{url}: the 30-day action is missing or too thin"


@pytest.mark.parametrize("url", TOPIC_PAGES)
def test_handbook_topic_page_tagged_by_capability(built_site: Path, url: str) -> None:
    tags = {tag.get_text(strip=True) for tag in read_page(built_site, url).select("a.md-tag")}
    assert tags, f"{url}: no capability tag"
    assert tags <= set(CAPABILITY_TAGS), f"{url}: unknown tags {tags - set(CAPABILITY_TAGS)}"


def test_handbook_tags_index_lists_every_capability(built_site: Path) -> None:
    article = content_of(read_page(built_site, "tags/"))
    headings = {words_of(heading) for heading in article.find_all(["h2", "h3"])}
    missing = [tag for tag in CAPABILITY_TAGS if tag.lower() not in headings]
    assert not missing, f"the tags index has no section for {missing}"
    assert article.find("a", href=re.compile(r"golden-path/service-template/")), (
        "the tags index does not link the golden path page"
    )


def test_handbook_abbreviations_show_tooltips(built_site: Path) -> None:
    titles: dict[str, str] = {}
    for url in TOPIC_PAGES:
        for abbr in read_page(built_site, url).find_all("abbr"):
            titles.setdefault(abbr.get_text(), str(abbr.get("title", "")))
    for term in ("SLO", "SLA", "SAST", "IaC", "PR", "CI/CD", "SSO", "PII"):
        assert titles.get(term), f"{term} has no tooltip on any topic page"


def test_handbook_pipeline_expressions_shown_literally(built_site: Path) -> None:
    article = content_of(read_page(built_site, "golden-path/service-template/"))
    workflows = [code.text for code in article.select("pre code") if "runs-on:" in code.text]
    assert workflows, "the golden path page shows no GitHub Actions workflow"
    for expression in ("${{ github.sha }}", "${{ secrets.GRAFANA_TOKEN }}", "${{ github.ref }}"):
        assert expression in workflows[0], f"{expression} is not shown in the pipeline example"
    assert "{%" not in article.get_text(), "a template tag leaked onto the golden path page"


def services_per_team_in_catalog() -> dict[str, int]:
    """Services per team display name, counted from the catalog's YAML files."""
    teams = {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["display_name"]
        for path in (ROOT / "catalog" / "teams").glob("*.yaml")
    }
    counts = dict.fromkeys(teams.values(), 0)
    for path in (ROOT / "catalog" / "services").glob("*.yaml"):
        counts[teams[yaml.safe_load(path.read_text(encoding="utf-8"))["owner"]]] += 1
    return counts


def test_handbook_ownership_page_counts_services_per_team(built_site: Path) -> None:
    article = content_of(read_page(built_site, "ownership/"))
    shown = {
        words_of(cells[0]): words_of(cells[1])
        for row in article.find_all("tr")
        if len(cells := row.find_all("td")) >= 2
    }
    for team, count in services_per_team_in_catalog().items():
        assert shown.get(team.lower()) == str(count), f"{team}: expected {count} services"


def test_handbook_golden_path_lists_services_by_lifecycle(built_site: Path) -> None:
    article = content_of(read_page(built_site, "golden-path/service-template/"))
    text = words_of(article)
    for lifecycle in ("production", "experimental", "deprecated"):
        assert re.search(rf"\b{lifecycle} \(\d+\)", text), f"no '{lifecycle} (n)' group"
    assert article.find("a", href=re.compile(r"catalog/services/dispatch-api/")), (
        "the services by lifecycle do not link the service pages"
    )


def test_handbook_print_page_contains_every_topic(built_site: Path) -> None:
    print_page = read_page(built_site, "print_page/")
    titles = {words_of(h1) for h1 in print_page.select("section.print-page h1")}
    for url in TOPIC_PAGES:
        title = words_of(content_of(read_page(built_site, url)).find("h1"))
        assert title in titles, f"print_page/ lacks the topic '{title}' ({url})"


def test_handbook_print_page_loads_nothing_from_outside(built_site: Path) -> None:
    print_page = read_page(built_site, "print_page/")
    resources = [tag.get("src") for tag in print_page.find_all(["script", "img"])]
    resources += [tag.get("href") for tag in print_page.find_all("link", rel="stylesheet")]
    outside = [url for url in resources if url and re.match(r"(https?:)?//", str(url))]
    assert not outside, f"the print page loads {outside}"


@pytest.mark.parametrize("url", TOPIC_PAGES)
def test_handbook_topic_page_prints_as_handout(built_site: Path, url: str) -> None:
    links = read_page(built_site, url).find_all("link", rel="stylesheet")
    assert any(str(link.get("href", "")).endswith("stylesheets/print.css") for link in links), (
        f"{url}: the print stylesheet is not linked"
    )
    stylesheet = (built_site / "stylesheets" / "print.css").read_text(encoding="utf-8")
    assert "@media print" in stylesheet, "print.css has no print rules"
    assert "attr(href)" in stylesheet, "print.css does not print link addresses"


def test_handbook_workshop_page_explains_both_handouts(built_site: Path) -> None:
    article = content_of(read_page(built_site, "workshops/handouts/"))
    assert article.find("a", href="../../print_page/"), "no link to the whole-handbook handout"
    assert "one topic" in words_of(article), "no instructions for a one-topic handout"


def test_handbook_docs_do_not_copy_the_brief() -> None:
    if not BRIEF_DIR.is_dir():
        pytest.fail(f"the brief is missing: expected its text files in {BRIEF_DIR}")
    runs = brief_runs(BRIEF_DIR, RUN_LENGTH)
    assert runs, f"the brief in {BRIEF_DIR} has no line of {RUN_LENGTH} words or more"

    copied = copied_runs(ROOT / "docs", runs, RUN_LENGTH)
    assert not copied, "pages repeat the brief word for word:\n" + "\n".join(copied)
