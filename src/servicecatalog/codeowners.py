"""`.github/CODEOWNERS` from the catalog: owners review changes to their own entries.

Each team's file and the files of the services it owns are reviewed by the team's
`code_review_handle`. Everything else, the hand-written pages included, falls to the platform
team. GitHub applies the last pattern that matches a path, so the catch-all comes first.
"""

from __future__ import annotations

from pathlib import Path

from .catalog import Catalog
from .generated import Rendered
from .loading import load_catalog
from .problems import CatalogError, Problem

CODEOWNERS_PATH = ".github/CODEOWNERS"
PLATFORM_TEAM = "platform"
"""The team that owns the handbook itself; it reviews every path no other team owns."""

_HEADER = """\
# Generated from the catalog by `make codeowners`. Do not edit: change a team's
# `code_review_handle` or a service's `owner` in catalog/ and run `make codeowners`.
#
# GitHub applies the last pattern that matches a path. The platform team owns everything by
# default; each team owns its own catalog file and the files of the services it owns.
"""


def render_codeowners(catalog: Catalog) -> str:
    """The CODEOWNERS text for `catalog`; raise `CatalogError` when it has no platform team."""
    platform = catalog.teams.get(PLATFORM_TEAM)
    if platform is None:
        message = (
            f"no team '{PLATFORM_TEAM}' in the catalog; CODEOWNERS gives it every path that no "
            f"other team owns, so add catalog/teams/{PLATFORM_TEAM}.yaml"
        )
        raise CatalogError([Problem(f"catalog/teams/{PLATFORM_TEAM}.yaml", 0, "file", message)])

    blocks = [
        _HEADER,
        f"*       {platform.code_review_handle}\n/docs/  {platform.code_review_handle}\n",
    ]
    for name, team in catalog.teams.items():
        files = [catalog.team_files[name]]
        files += [catalog.service_files[service.name] for service in catalog.services_of(name)]
        lines = [f"# {team.display_name}"]
        lines += [f"/{path} {team.code_review_handle}" for path in files]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def render_codeowners_file(root: Path) -> Rendered:
    """`{".github/CODEOWNERS": text}` for the catalog under `root`."""
    return {CODEOWNERS_PATH: render_codeowners(load_catalog(root))}
