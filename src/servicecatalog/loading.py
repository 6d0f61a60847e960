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
KINDS = ("teams", "services")


def entry_files(root: Path, kind: str) -> list[Path]:
    """Everything in `catalog/<kind>/` that an author may mean as an entry, sorted.

    A README and hidden files other than YAML (an editor's swap file, `.DS_Store`) are left
    out; folders, links and other files are kept so that the check can say why they are not
    read rather than skip them in silence.
    """
    folder = root / CATALOG_DIR / kind
    return sorted(
        path
        for path in folder.glob("*")
        if path.name != "README.md"
        and not (path.name.startswith(".") and not path.name.lower().endswith((".yaml", ".yml")))
    )


def _not_an_entry(path: Path, kind: str) -> str | None:
    """Why `path` cannot be read as an entry, if it cannot."""
    if path.is_symlink():
        return "is a symbolic link; an entry must be a file of its own"
    if path.is_dir():
        return f"is a folder; entries are files directly in {CATALOG_DIR}/{kind}/"
    if path.name.startswith("."):
        return "is hidden (its name starts with '.'), so the site would skip it; rename it"
    if path.suffix != ".yaml":
        hint = "rename it to .yaml" if path.suffix == ".yml" else "only .yaml files belong here"
        return f"is not a .yaml file; {hint}"
    if not path.is_file():
        return "is not a regular file; an entry is a text file"
    return None


def _layout_problems(root: Path) -> list[Problem]:
    """The catalog folder holds `teams/` and `services/`; anything else would be skipped."""
    problems = []
    for kind in KINDS:
        folder = root / CATALOG_DIR / kind
        if folder.is_symlink() or not folder.is_dir():
            message = f"no {CATALOG_DIR}/{kind}/ folder; entries live in it, one file each"
            problems.append(Problem(f"{CATALOG_DIR}/{kind}", 1, "catalog", message))
    for path in sorted((root / CATALOG_DIR).iterdir()):
        if path.name not in (*KINDS, "README.md") and not path.name.startswith("."):
            shown = path.relative_to(root).as_posix()
            message = f"is not read; entries go in {CATALOG_DIR}/teams/ or {CATALOG_DIR}/services/"
            problems.append(Problem(shown, 1, "file", message))
    return problems


def load_catalog(root: Path, *, docs_dir: Path | None = None) -> Catalog:
    """Load and check the catalog under `root`; raise `CatalogError` listing every problem.

    `docs_dir`, when given, is where runbook pages named by a docs path must exist.
    """
    if not (root / CATALOG_DIR).is_dir():
        message = "no catalog/ folder here; run from the repository root or give --root"
        raise CatalogError([Problem(CATALOG_DIR, 1, "catalog", message)])

    problems = _layout_problems(root)
    unreadable: dict[str, set[str]] = {kind: set() for kind in KINDS}
    teams = _load_kind(root, "teams", Team, problems, unreadable["teams"])
    services = _load_kind(root, "services", Service, problems, unreadable["services"])

    problems += check_names("team", teams)
    problems += check_names("service", services)
    problems += check_spellings(teams, services)
    problems += check_references(services, teams, docs_dir, unreadable)
    # Loops among the valid entries are reported even when other files have errors, so that
    # one run still lists everything there is to fix.
    cycles = find_cycles({item.entry.name: item for item in services if item.entry})
    if problems:
        raise CatalogError(problems + cycles)

    # With no problem reported, every file was read and every entry is valid.
    team_entries = {team.name: team for item in teams if (team := item.entry) is not None}
    service_entries = {svc.name: svc for item in services if (svc := item.entry) is not None}
    return Catalog(
        teams=dict(sorted(team_entries.items())),
        services=dict(sorted(service_entries.items())),
        team_files={item.entry.name: item.source.path for item in teams if item.entry},
        service_files={item.entry.name: item.source.path for item in services if item.entry},
        warnings=sorted(cycles),
    )


def _load_kind(
    root: Path, kind: str, model: type[EntryT], problems: list[Problem], unreadable: set[str]
) -> list[Loaded[EntryT]]:
    loaded = []
    for path in entry_files(root, kind):
        shown = path.relative_to(root).as_posix()
        if refused := _not_an_entry(path, kind):
            problems.append(Problem(shown, 1, "file", refused))
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
