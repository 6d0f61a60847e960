"""mkdocs-macros module: catalog facts for hand-written pages that opt in.

A page opts in with `render_macros: true` in its front matter; no other page is rendered as a
template, so `${{ ... }}` in a pipeline example stays as written. The catalog is read when a
macro is called, after `hooks/catalog.py` has checked it.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from jinja2 import TemplateNotFound, TemplateSyntaxError
from mkdocs_macros.errors import format_error

from servicecatalog import Catalog, facts
from servicecatalog.cache import load_catalog_cached


def describe_macro_error(error: Exception, markdown: str, page: Any) -> str:
    """One line, `docs/<page>:<line>: macros: <problem>`, instead of a Python traceback.

    mkdocs-macros logs what this returns as a warning (which fails the strict build) and, in a
    preview, shows it in place of the page.
    """
    line = getattr(error, "lineno", None) if isinstance(error, TemplateSyntaxError) else None
    if line is None:
        frames = [
            f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"
        ]
        line = frames[-1].lineno if frames else None
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    front_matter = len(source.splitlines()) - len(markdown.splitlines())
    where = f"docs/{page.file.src_uri}" + (f":{line + front_matter}" if line else "")
    message = getattr(error, "message", None) or str(error)
    if isinstance(error, TemplateNotFound):
        message = f"no file '{error.name}' to include; paths are relative to docs/"
    return f"{where}: macros: {message} ({type(error).__name__})"


# mkdocs-macros picks its error formatter by exception type; these replace its defaults.
format_error.register(Exception, describe_macro_error)
format_error.register(TemplateSyntaxError, describe_macro_error)


def define_env(env: Any) -> None:
    root = Path(env.conf.config_file_path).parent
    docs_dir = Path(env.conf.docs_dir)

    def catalog() -> Catalog:
        return load_catalog_cached(root, docs_dir=docs_dir)

    def page_path() -> str:
        return str(env.page.file.src_uri)

    @env.macro
    def service_count(lifecycle: str | None = None) -> int:
        """How many services the catalog lists, optionally of one lifecycle."""
        return facts.service_count(catalog(), lifecycle)

    @env.macro
    def team_count() -> int:
        """How many teams the catalog lists."""
        return len(catalog().teams)

    @env.macro
    def team_services(team: str) -> str:
        """A table of the services `team` owns."""
        return facts.team_services_table(catalog(), team, page_path())

    @env.macro
    def services_by_lifecycle() -> str:
        """One table per lifecycle: experimental, production, deprecated."""
        return facts.services_by_lifecycle(catalog(), page_path())

    @env.macro
    def entry_source(service: str) -> str:
        """The catalog file of `service` as written, shown as a YAML code block."""
        return facts.entry_source(root, catalog(), service)

    @env.macro
    def services_per_team() -> str:
        """A table of teams with how many services each owns."""
        return facts.services_per_team(catalog(), page_path())
