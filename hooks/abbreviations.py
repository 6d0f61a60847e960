"""MkDocs hook: the handbook's abbreviations (SLO, SAST, PR...) on hand-written pages only.

pymdownx.snippets could append them to every page, but on a generated catalog page an author's
"PR" (press release) would get the tooltip for "pull request": catalog text must show exactly
as written, so generated pages are left alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

ABBREVIATIONS = "includes/abbreviations.md"

_definitions = ""


def on_config(config: MkDocsConfig) -> None:
    global _definitions
    path = Path(config.config_file_path).parent / ABBREVIATIONS
    _definitions = path.read_text(encoding="utf-8")


def on_page_markdown(markdown: str, page: Page, **_: Any) -> str:
    if getattr(page.file, "generated_by", None):
        return markdown
    return f"{markdown}\n\n{_definitions}"
