"""Render the catalog into Markdown pages for the handbook.

Templates decide the markup; this module decides what goes in. Every catalog text passes the
`text` filter, which backslash-escapes Markdown punctuation (the site enables
`pymdownx.escapeall`, so any escaped character comes out literally) and turns line breaks into
`<br>`: whatever an author writes, it shows as written and cannot add structure to the page.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import jinja2
from markupsafe import Markup
from slugify import slugify

from .catalog import Catalog
from .diagrams import Diagram, area_diagram, service_diagram
from .fieldref import field_reference
from .freshness import ReviewPolicy
from .models import STAGES

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# A letter or digit with none before it: a word may start after `_` too (`_PR_`).
_PUNCTUATION_OR_WORD_START = re.compile(r"([!-/:-@\[-`{-~]|(?<![^\W_])[^\W_])")


@dataclass(frozen=True)
class GeneratedPage:
    """A page for the docs tree: where it goes, its Markdown, and the file it is edited in."""

    path: str
    markdown: str
    edit_path: str | None = None
    """The catalog file behind the page, relative to the repository root."""


@cache
def escape_text(value: object) -> Markup:
    """Catalog text as Markdown that renders to exactly that text."""
    return _escaped(str(value), _PUNCTUATION)


@cache
def escape_words(value: object) -> Markup:
    """Like `escape_text`, for catalog text on a hand-written page: the first character of
    every word is escaped too, so the page's abbreviations (`PR` for "pull request") cannot
    attach a tooltip to a word an author wrote with another meaning."""
    return _escaped(str(value), _PUNCTUATION_OR_WORD_START)


def _escaped(text: str, pattern: re.Pattern[str]) -> Markup:
    lines = text.strip().splitlines()
    escaped = "<br>".join(pattern.sub(r"\\\1", line) for line in lines)
    return Markup(escaped)  # noqa: S704 - every character `pattern` matches is escaped


def link_target(url: str) -> Markup:
    """A validated http(s) URL as a Markdown link target; angle brackets keep `( )` inside.

    `|` is percent-encoded (the same address to a browser): in a table cell it would end the
    cell before Markdown sees the link. `&` is written `&amp;`, so a character reference in
    the address (`&lt;`, `&#106;`) stays the text it was, not the character it names.
    """
    target = url.replace("&", "&amp;").replace("|", "%7C")
    return Markup(f"<{target}>")  # noqa: S704 - fieldtypes refuses <, >, quotes and spaces


def percent_text(objective: Decimal) -> str:
    """An objective as written: `99.9`, `99.90`, `99`, `0.000001` (never rounded or shortened)."""
    return format(objective, "f")


def window_text(window: str) -> str:
    """An SLO window as words: `28d` -> `28 days`, `1w` -> `1 week`."""
    count, unit = int(window[:-1]), {"d": "day", "w": "week"}[window[-1]]
    return f"{count} {unit}{'s' if count != 1 else ''}"


def service_page(name: str) -> str:
    return f"catalog/services/{name}.md"


def team_page(name: str) -> str:
    return f"catalog/teams/{name}.md"


def area_page(area: str) -> str:
    return f"catalog/areas/{slugify(area)}.md"


INDEX_PAGES = {
    "catalog/index.md": "index.md.j2",
    "catalog/teams/index.md": "teams.md.j2",
    "catalog/ownership/by-team.md": "by_team.md.j2",
    "catalog/ownership/by-product-area.md": "by_area.md.j2",
    "catalog/ownership/by-capability.md": "by_capability.md.j2",
}
FIELDS_PAGE = "catalog/fields.md"


def render_catalog_pages(
    catalog: Catalog, review: ReviewPolicy | None = None
) -> list[GeneratedPage]:
    """Every generated page: one per service, team and product area, and the indexes.

    `review` decides which entries the pages flag as due for review (default: 180 days).
    """
    review = review or ReviewPolicy()

    def render(path: str, template: str, **values: object) -> str:
        return render_fragment(template, path, catalog, review=review, **values)

    pages = [GeneratedPage(path, render(path, template)) for path, template in INDEX_PAGES.items()]
    pages.append(
        GeneratedPage(FIELDS_PAGE, render(FIELDS_PAGE, "fields.md.j2", reference=field_reference()))
    )

    for name, service in catalog.services.items():
        path = service_page(name)
        diagram = render_diagram(service_diagram(catalog, name), path)
        markdown = render(path, "service.md.j2", service=service, diagram=diagram)
        pages.append(GeneratedPage(path, markdown, catalog.service_files.get(name)))
    for name, team in catalog.teams.items():
        path = team_page(name)
        markdown = render(path, "team.md.j2", team=team)
        pages.append(GeneratedPage(path, markdown, catalog.team_files.get(name)))
    for area, services in catalog.product_areas.items():
        path = area_page(area)
        diagram = render_diagram(area_diagram(catalog, area), path)
        markdown = render(path, "area.md.j2", area=area, services=services, diagram=diagram)
        pages.append(GeneratedPage(path, markdown))
    return pages


def render_diagram(diagram: Diagram | None, page: str) -> Markup | None:
    """`diagram` as an inline SVG block for the page at docs path `page`; None stays None."""
    if diagram is None:
        return None

    # MkDocs rewrites links only in Markdown, so raw HTML gets the built URL relative to the
    # built page, with MkDocs' default directory URLs: catalog/services/<name>/.
    services = posixpath.relpath(posixpath.dirname(service_page("x")), page.removesuffix(".md"))

    def link(service: str) -> str:
        return f"{services}/{service}/"

    svg = _environment().get_template("diagram.svg.j2").render(diagram=diagram, link=link)
    return Markup(svg.strip())  # noqa: S704 (the output of an autoescaping template)


def render_fragment(template: str, page: str, catalog: Catalog, **values: object) -> str:
    """Render `template` for the page at docs path `page`; links are made relative to it."""

    folder = posixpath.dirname(page)

    def href(target: str) -> str:
        return _relative(target, folder)

    environment = _environment(hand_written_page=True)
    return environment.get_template(template).render(catalog=catalog, href=href, **values)


@cache
def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)


@cache
def _environment(*, hand_written_page: bool = False) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("servicecatalog", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["text"] = escape_words if hand_written_page else escape_text
    env.filters["target"] = link_target
    env.filters["window"] = window_text
    env.filters["percent"] = percent_text
    env.tests["stale"] = lambda reviewed, review: review.is_stale(reviewed)
    env.globals.update(
        service_page=service_page, team_page=team_page, area_page=area_page, stages=STAGES
    )
    return env
