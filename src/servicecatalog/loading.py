"""Load `catalog/` from disk: read every file, validate it, check across files."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from .catalog import Catalog
from .checks import Loaded, check_names, check_references, check_spellings
from .cycles import find_cycles
from .models import Service, Team
from .problems import CatalogError, Problem
from .validation import validate_document
from .yamlsource import read_yaml_file

CATALOG_DIR = "catalog"
EntryT = TypeVar("EntryT", Service, Team)


def entry_files(root: Path, kind: str) -> list[Path]:
    """The files in `catalog/<kind>/` that should be entries, sorted; a README is not one."""
    folder = root / CATALOG_DIR / kind
    return sorted(
        path
        for path in folder.glob("*")
        if path.is_file() and not path.name.startswith(".") and path.name != "README.md"
    )


def load_catalog(root: Path, *, docs_dir: Path | None = None) -> Catalog:
    """Load and check the catalog under `root`; raise `CatalogError` listing every problem.

    `docs_dir`, when given, is where runbook pages named by a docs path must exist.
    """
    if not (root / CATALOG_DIR).is_dir():
        message = "no catalog/ folder here; run from the repository root or give --root"
        raise CatalogError([Problem(CATALOG_DIR, 1, "catalog", message)])

    problems: list[Problem] = []
    unreadable: dict[str, set[str]] = {"teams": set(), "services": set()}
    teams = _load_kind(root, "teams", Team, problems, unreadable["teams"])
    services = _load_kind(root, "services", Service, problems, unreadable["services"])

    problems += check_names("team", teams)
    problems += check_names("service", services)
    problems += check_spellings(teams, services)
    problems += check_references(services, teams, docs_dir, unreadable)
    if problems:
        raise CatalogError(problems)

    # With no problem reported, every file was read and every entry is valid.
    team_entries = {team.name: team for item in teams if (team := item.entry) is not None}
    service_entries = {svc.name: svc for item in services if (svc := item.entry) is not None}
    return Catalog(
        teams=dict(sorted(team_entries.items())),
        services=dict(sorted(service_entries.items())),
        team_files={item.entry.name: item.source.path for item in teams if item.entry},
        service_files={item.entry.name: item.source.path for item in services if item.entry},
        warnings=sorted(find_cycles({item.entry.name: item for item in services if item.entry})),
    )


def _load_kind(
    root: Path, kind: str, model: type[EntryT], problems: list[Problem], unreadable: set[str]
) -> list[Loaded[EntryT]]:
    loaded = []
    for path in entry_files(root, kind):
        shown = path.relative_to(root).as_posix()
        if path.suffix != ".yaml":
            hint = "rename it to .yaml" if path.suffix == ".yml" else "only .yaml files belong here"
            problems.append(Problem(shown, 1, "file", f"is not a .yaml file; {hint}"))
            continue
        try:
            document = read_yaml_file(path, shown)
        except CatalogError as error:
            problems += error.problems
            unreadable.add(path.stem)
            continue
        entry, found = validate_document(model, document)
        problems += found
        flagged = frozenset(problem.field for problem in found)
        loaded.append(Loaded(document, entry, flagged))
    return loaded
