"""Catalog facts on hand-written pages, and what a template mistake in a page does."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from sitebuild import copy_repository, run_mkdocs_build

from servicecatalog import load_catalog

ROOT = Path(__file__).resolve().parents[1]


def test_macros_home_page_shows_live_catalog_counts(built_site: Path) -> None:
    catalog = load_catalog(ROOT)
    html = (built_site / "index.html").read_text(encoding="utf-8")
    text = BeautifulSoup(html, "html.parser").get_text(" ")

    assert f"{len(catalog.services)} services" in text
    assert f"{len(catalog.teams)} teams" in text


def test_macros_errors_fail_strict_build_naming_each_page_and_line(tmp_path: Path) -> None:
    repository = copy_repository(tmp_path / "repo")
    pages = {
        "guides/add-a-service.md": "# Add\n\nThere are {{ no_such_count }} services.\n",
        "decisions/index.md": "# Decisions\n\n{% include 'missing-part.md' %}\n",
        "catalog/about.md": "# About\n\n{% if %}\n",
    }
    for page, body in pages.items():
        (repository / "docs" / page).write_text(f"---\nrender_macros: true\n---\n{body}")

    result = run_mkdocs_build(repository, tmp_path / "site")

    output = result.stdout + result.stderr
    problems = sorted(re.findall(r"docs/\S+: macros: .*", output))
    assert result.returncode == 1
    assert problems == [
        "docs/catalog/about.md:6: macros: Expected an expression, got 'end of statement block' "
        "(TemplateSyntaxError)",
        "docs/decisions/index.md:6: macros: no file 'missing-part.md' to include; paths are "
        "relative to docs/ (TemplateNotFound)",
        "docs/guides/add-a-service.md:6: macros: 'no_such_count' is undefined (UndefinedError)",
    ]
    assert "Traceback" not in output
    assert re.search(r"Aborted with \d+ warnings in strict mode!", output)


def test_macros_pages_without_opt_in_keep_template_syntax(tmp_path: Path) -> None:
    repository = copy_repository(tmp_path / "repo")
    example = "run: echo ${{ github.sha }} and {{ service_count() }} and {% raw %}"
    (repository / "docs" / "guides" / "add-a-service.md").write_text(
        f"# Add\n\n```yaml\n{example}\n```\n"
    )

    result = run_mkdocs_build(repository, tmp_path / "site")

    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "guides" / "add-a-service" / "index.html").read_text()
    assert example in BeautifulSoup(html, "html.parser").get_text()
