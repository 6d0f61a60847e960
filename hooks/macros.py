"""mkdocs-macros module: catalog facts for hand-written pages that opt in.

A page opts in with `render_macros: true` in its front matter; no other page is rendered as a
template, so `${{ ... }}` in a pipeline example stays as written. The catalog is read when a
macro is called, after `hooks/catalog.py` has checked it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from servicecatalog import facts
from servicecatalog.cache import load_catalog_cached


def define_env(env: Any) -> None:
    root = Path(env.conf.config_file_path).parent
    docs_dir = Path(env.conf.docs_dir)

    def catalog() -> facts.Catalog:
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
    def services_per_team() -> str:
        """A table of teams with how many services each owns."""
        return facts.services_per_team(catalog(), page_path())
