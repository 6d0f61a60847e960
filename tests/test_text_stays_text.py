"""Whatever an author writes in catalog text shows on the page exactly as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from sitebuild import copy_repository, run_mkdocs_build

SCRIPT = "<script>alert(1)</script> and <b>bold</b>"
TEMPLATE_AND_MARKDOWN = (
    "{{ config }} {% include 'x' %} [x](y) | pipe *emph* _under_ `code` <!-- c --> &amp; "
    "back\\slash ${{ secrets.TOKEN }} :smile: <https://example.com> https://example.com/x "
    "PR SLO"
)
LINES = (
    "line one\nline two | with pipe\n\n# not a heading\n1. not a list\n- not an item\n"
    '--8<-- "mkdocs.yml"\n> not a quote\n    not code\n=== "not a tab"\n'
    '!!! note "not an admonition"'
)
ABBREVIATED = "PR API SLO CI/CD SAST _PR_ x_IaC"
ENTITY_URL = "https://example.com/&lt;script&gt;&#106;?a=1&b=2"
# Lines that would end a code fence, add markup or pull in a file if the entry's YAML were
# pasted into a page: the About page shows dispatch-api's file as written.
FENCE_BREAK = (
    "security_notes: 'Run this:\n```\n\n<img src=x onerror=alert(document.domain)>\n\n"
    '# Injected heading\n\n--8<-- "mkdocs.yml"\n\n```yaml\n\'\n'
)
AS_TYPED = {
    "description": "NO",
    "security_notes": "1.10",
    "language": "off",
    "pipeline_notes": "yes",
    "store": "0o17",
    "purpose": "1e3",
    "environment_notes": "2001-12-14",
    "dashboard": "true",
}


def _hostile_entries(repository: Path) -> None:
    source = repository / "catalog" / "services" / "dispatch-api.yaml"
    entry = yaml.safe_load(source.read_text(encoding="utf-8"))
    written = re.sub(r"(?m)^security_notes:.*\n(?:[ ].*\n)*", "", source.read_text("utf-8"))
    source.write_text(written + FENCE_BREAK, encoding="utf-8")

    hostile = dict(entry, name="hostile-text", description=SCRIPT, security_notes=LINES)
    hostile["runtime"] = dict(entry["runtime"], notes=TEMPLATE_AND_MARKDOWN)
    hostile["dependencies"] = [{"external": SCRIPT, "purpose": LINES}]
    hostile["data_stores"] = [{"name": "a | b | c", "technology": LINES, "purpose": SCRIPT}]
    hostile["dashboards"] = [{"title": TEMPLATE_AND_MARKDOWN, "url": "https://example.com/a_(b)"}]
    hostile["environments"] = {"production": {"url": "https://logs.example.com/q=(a|b)|c"}}
    _write(repository / "catalog" / "services" / "hostile-text.yaml", hostile)

    # Words the handbook abbreviates, and a link whose address holds character references.
    words = dict(entry, name="plain-words", description=ABBREVIATED)
    words["dashboards"] = [{"title": "Entities", "url": ENTITY_URL}]
    _write(repository / "catalog" / "services" / "plain-words.yaml", words)

    # A name YAML would read as the number 15 if it were written into front matter unquoted.
    _write(repository / "catalog" / "services" / "017.yaml", dict(entry, name="017"))

    # Unquoted, these would be a boolean, numbers and a date under YAML 1.1.
    typed = "\n".join(
        f"{key}: {value}"
        for key, value in dict(entry, name="typed-values", description="NO").items()
        if key not in ("runtime", "pipeline", "data_stores", "dashboards", "environments",
                       "security_notes")
        and not isinstance(value, dict | list)
    )  # fmt: skip
    typed += """
security_notes: 1.10
runtime:
  hosting: kubernetes
  language: off
pipeline:
  provider: GitHub Actions
  url: https://git.example.com/p
  notes: yes
data_stores:
  - name: 0o17
    technology: PostgreSQL
    purpose: 1e3
environments:
  production:
    notes: 2001-12-14
dashboards:
  - title: true
    url: https://grafana.example.com/d/x
dependencies: []
external_integrations: []
alerts:
  - title: Errors
    url: https://alerts.example.com/x
slo:
  objective: 99.90
  indicator: ok
  window: 28d
"""
    (repository / "catalog" / "services" / "typed-values.yaml").write_text(typed)


def _write(path: Path, entry: dict[str, object]) -> None:
    path.write_text(yaml.safe_dump(entry, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repository = copy_repository(tmp_path_factory.mktemp("repo"))
    _hostile_entries(repository)
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(repository, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _article(site: Path, service: str) -> Tag:
    html = (site / "catalog" / "services" / service / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").find("article")
    assert isinstance(article, Tag)
    return article


def _text(element: Tag) -> str:
    for line_break in element.find_all("br"):
        line_break.replace_with("\n")
    return element.get_text()


def _section(article: Tag, heading: str) -> Tag:
    titles = [h for h in article.find_all(["h2", "h3"]) if h.get_text().rstrip("¶") == heading]
    assert titles, heading
    title = titles[0]
    following = title.find_next_sibling()
    assert isinstance(following, Tag)
    return following


def test_text_script_and_html_show_literally(hostile_site: Path) -> None:
    article = _article(hostile_site, "hostile-text")

    description = article.find("h1").find_next_sibling("p")  # type: ignore[union-attr]
    assert _text(description) == SCRIPT  # type: ignore[arg-type]
    assert article.find_all("script") == []
    assert article.find_all("b") == []
    assert article.find_all("abbr") == []


def test_text_markdown_and_block_syntax_show_literally(hostile_site: Path) -> None:
    article = _article(hostile_site, "hostile-text")

    assert _text(_section(article, "Security notes")) == LINES
    for tag in ("blockquote", "pre", "ol", "details"):
        assert article.find(tag, string=lambda text: text and "not" in text) is None
    assert "site_name" not in article.get_text()


def test_text_template_syntax_is_not_rendered(hostile_site: Path) -> None:
    article = _article(hostile_site, "hostile-text")

    assert TEMPLATE_AND_MARKDOWN in _text(article)
    dashboard = _section(article, "Dashboards").find("a")
    assert _text(dashboard) == TEMPLATE_AND_MARKDOWN  # type: ignore[arg-type]
    assert dashboard["href"] == "https://example.com/a_(b)"  # type: ignore[index]


def test_text_tables_keep_their_column_count(hostile_site: Path) -> None:
    article = _article(hostile_site, "hostile-text")
    stage = _section(article, "Environments").find("a")
    assert stage["href"] == "https://logs.example.com/q=(a%7Cb)%7Cc"  # type: ignore[index]

    tables = article.find_all("table")
    assert len(tables) >= 4
    for table in tables:
        widths = {len(row.find_all(["th", "td"])) for row in table.find_all("tr")}
        assert len(widths) == 1, _text(table)
    stores = _section(article, "Data stores")
    cells = [_text(cell) for cell in stores.find_all("td")]
    assert cells == ["a | b | c", LINES, SCRIPT]


def test_text_yaml_implicit_types_show_as_typed(hostile_site: Path) -> None:
    article = _article(hostile_site, "typed-values")
    text = _text(article)

    assert _text(article.find("h1").find_next_sibling("p")) == "NO"  # type: ignore[arg-type]
    assert _text(_section(article, "Security notes")) == "1.10"
    for shown in ("kubernetes, off", ": yes", "0o17", "1e3", "2001-12-14", "true"):
        assert shown in text, shown
    assert "False" not in text and "1.1\n" not in text
    assert "99.90%" in text


def test_text_link_address_keeps_character_references(hostile_site: Path) -> None:
    article = _article(hostile_site, "plain-words")

    link = _section(article, "Dashboards").find("a")
    assert link["href"] == ENTITY_URL  # type: ignore[index]


def test_text_catalog_words_get_no_tooltips_on_hand_written_pages(hostile_site: Path) -> None:
    html = (hostile_site / "golden-path" / "service-template" / "index.html").read_text("utf-8")
    page = BeautifulSoup(html, "html.parser")
    rows = [row for row in page.find_all("tr") if "plain-words" in row.get_text()]

    assert page.find_all("abbr"), "the page's own text lost its tooltips"
    assert len(rows) == 1
    assert ABBREVIATED in rows[0].get_text()
    assert rows[0].find_all("abbr") == []


def test_text_entry_shown_as_written_cannot_break_out_of_its_code_block(
    hostile_site: Path,
) -> None:
    html = (hostile_site / "catalog" / "about" / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").find("article")
    assert isinstance(article, Tag)

    assert article.find("img") is None
    assert article.find(id="injected-heading") is None
    assert "site_name" not in article.get_text()
    blocks = [block.get_text() for block in article.select("div.highlight pre")]
    assert any(FENCE_BREAK in block for block in blocks), blocks


def test_text_service_named_like_a_number_keeps_its_name(hostile_site: Path) -> None:
    article = _article(hostile_site, "017")
    html = (hostile_site / "catalog" / "services" / "017" / "index.html").read_text("utf-8")

    assert article.find("h1").get_text().rstrip("¶") == "017"  # type: ignore[union-attr]
    title = BeautifulSoup(html, "html.parser").title
    assert title is not None
    assert title.get_text().startswith("017")
