"""Catalog facts for hand-written pages: counts and small tables, as Markdown."""

from __future__ import annotations

from pathlib import Path

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import YamlLexer

from .catalog import Catalog
from .models import Lifecycle
from .rendering import render_fragment

LIFECYCLES: tuple[Lifecycle, ...] = ("production", "experimental", "deprecated")


def service_count(catalog: Catalog, lifecycle: str | None = None) -> int:
    """How many services there are, of one lifecycle when `lifecycle` is given."""
    if lifecycle is not None and lifecycle not in LIFECYCLES:
        raise ValueError(f"unknown lifecycle {lifecycle!r}; use one of {', '.join(LIFECYCLES)}")
    return sum(1 for s in catalog.services.values() if lifecycle in (None, s.lifecycle))


def services_by_lifecycle(catalog: Catalog, page: str) -> str:
    """A table per lifecycle, for a page at docs path `page`."""
    groups = {
        lifecycle: [s for s in catalog.services.values() if s.lifecycle == lifecycle]
        for lifecycle in LIFECYCLES
    }
    return render_fragment("fact_lifecycles.md.j2", page, catalog, groups=groups)


def services_per_team(catalog: Catalog, page: str) -> str:
    """Teams with the number of services each owns."""
    return render_fragment("fact_per_team.md.j2", page, catalog)


def team_services_table(catalog: Catalog, team: str, page: str) -> str:
    """The services `team` owns; an unknown team is an error naming the known ones."""
    if team not in catalog.teams:
        raise ValueError(f"no team {team!r}; known teams: {', '.join(catalog.teams)}")
    return render_fragment("fact_team_services.md.j2", page, catalog, team=team)


def entry_source(root: Path, catalog: Catalog, service: str) -> str:
    """The YAML file of `service`, exactly as written, as a highlighted block of HTML.

    It is HTML rather than a fenced block: the file is an author's text, and Markdown
    extensions read lines inside fences too (a snippet line `--8<-- "x"` would pull in
    another file). Pygments escapes every `<` and `&`, so nothing in it is read as markup.
    """
    if service not in catalog.services:
        raise ValueError(f"no service {service!r} in the catalog")
    text = (root / catalog.service_files[service]).read_text(encoding="utf-8-sig")
    formatter = HtmlFormatter(cssclass="language-yaml highlight", wrapcode=True)
    return str(highlight(text, YamlLexer(), formatter))
