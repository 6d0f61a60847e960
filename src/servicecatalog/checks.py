"""Checks that look across catalog files: names, spellings, owners, dependencies.

They read each file's values as written, not only the entries that passed validation: a
service with a typo in one field still has its owner and dependencies checked, and a service
that depends on an invalid (but present) entry is not told that the entry does not exist.
A field that already has a problem is left alone, so one mistake is reported once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Generic, TypeVar

from slugify import slugify

from .models import Service, Team
from .problems import Problem, Severity
from .validation import did_you_mean
from .yamlsource import Loc, SourceDocument, format_loc

EntryT = TypeVar("EntryT", Service, Team)

PAGE_NAME_MAX_LENGTH = 120
"""A product area's page is named after it; file systems stop at 255 bytes a name."""


@dataclass(frozen=True)
class Loaded(Generic[EntryT]):
    """A readable catalog file, and its entry when the entry is valid."""

    source: SourceDocument
    entry: EntryT | None
    flagged: frozenset[str] = field(default=frozenset())
    """Fields that already have a problem in this file."""

    def problem(self, loc: Loc, message: str, severity: Severity = "error") -> Problem:
        line = self.source.line_of(loc)
        return Problem(self.source.path, line, format_loc(loc), message, None, severity)

    def text(self, loc: Loc) -> str | None:
        """The text at `loc` as written, unless missing, not text, or already flagged."""
        value: Any = self.source.values
        for part in loc:
            if isinstance(value, dict) and isinstance(part, str):
                value = value.get(part)
            elif isinstance(value, list) and isinstance(part, int) and part < len(value):
                value = value[part]
            else:
                return None
        here = format_loc(loc)
        flagged = any(_overlap(here, name) for name in self.flagged)
        return value if isinstance(value, str) and not flagged else None

    def texts(self, key: str) -> Iterator[tuple[Loc, str]]:
        """Each text item of the list at top-level `key`, with where it is."""
        items = self.source.values.get(key)
        for index in range(len(items) if isinstance(items, list) else 0):
            text = self.text((key, index))
            if text is not None:
                yield (key, index), text


def _overlap(field: str, other: str) -> bool:
    """Whether one field is the other or lies inside it (`slo` and `slo.window`)."""
    shorter, longer = sorted((field, other), key=len)
    return longer == shorter or longer.startswith((f"{shorter}.", f"{shorter}["))


RESERVED_NAMES = frozenset({"index"})
"""Names whose page path belongs to a generated index (`catalog/teams/index.md`)."""


def check_names(kind: str, loaded: list[Loaded[Service]] | list[Loaded[Team]]) -> list[Problem]:
    """Each name matches its file and no two files produce the same name or page path."""
    problems = []
    by_page: dict[str, list[tuple[Loaded[Any], str]]] = defaultdict(list)
    for item in loaded:
        name = item.text(("name",))
        if name is None:
            continue
        if name in RESERVED_NAMES:
            message = f"'{name}' is the name of the {kind}s' index page; choose another name"
            problems.append(item.problem(("name",), message))
        stem = PurePosixPath(item.source.path).stem
        if name != stem:
            message = f"is '{name}' but the file is '{stem}.yaml'; rename one so they match"
            problems.append(item.problem(("name",), message))
        by_page[name.casefold()].append((item, name))

    for clashing in by_page.values():
        for item, name in clashing:
            others = ", ".join(
                f"{other.source.path}:{other.source.line_of(('name',))}"
                for other, _ in clashing
                if other is not item
            )
            if others:
                message = f"{kind} '{name}' is also defined in {others}; names must be unique"
                problems.append(item.problem(("name",), message))
    return problems


def check_spellings(teams: list[Loaded[Team]], services: list[Loaded[Service]]) -> list[Problem]:
    """A product area or capability is spelled one way everywhere: two spellings that give the
    same page or heading (`Field ops`, `Field Ops`) are an error naming both files."""
    places: list[tuple[str, Loaded[Any], Loc, str]] = []
    problems = []
    for team in teams:
        listed: set[str] = set()
        for loc, area in team.texts("product_areas"):
            if area in listed:
                problems.append(team.problem(loc, f"'{area}' is listed twice"))
            else:
                listed.add(area)
                places.append(("product area", team, loc, area))
    for service in services:
        # A service's product area must be one a team lists, written the same way: that is
        # checked with the references, which name the team's spelling.
        label = service.text(("business_capability",))
        if label is not None:
            places.append(("business capability", service, ("business_capability",), label))

    groups: dict[tuple[str, str], list[tuple[Loaded[Any], Loc, str]]] = {}
    for kind, item, loc, label in places:
        slug = slugify(label)
        if not slug:
            message = f"'{label}' gives no page name; use some letters a-z or digits in it"
            problems.append(item.problem(loc, message))
        elif len(slug) > PAGE_NAME_MAX_LENGTH:
            message = (
                f"'{label}' gives a page name {len(slug)} characters long (letters outside a-z "
                f"are spelled out); the limit is {PAGE_NAME_MAX_LENGTH}, so shorten it"
            )
            problems.append(item.problem(loc, message))
        else:
            groups.setdefault((kind, slug), []).append((item, loc, label))

    for (kind, _), found in groups.items():
        # The spelling most places use is the one to keep (the first seen on a tie), so a
        # new entry spelled differently is the one told to change, not every other file.
        counts = Counter(label for _, _, label in found)
        spelled = max(counts, key=lambda label: counts[label])
        item, loc, _ = next(place for place in found if place[2] == spelled)
        where = f"{item.source.path}:{item.source.line_of(loc)}"
        for item, loc, label in found:
            if label != spelled:
                message = f"{kind} '{label}' is spelled '{spelled}' in {where}; use one spelling"
                problems.append(item.problem(loc, message))
    return problems


def check_references(
    services: list[Loaded[Service]],
    teams: list[Loaded[Team]],
    docs_dir: Path | None,
    unreadable: dict[str, set[str]],
) -> list[Problem]:
    """Owners are teams, dependencies are services, areas are declared, runbooks exist.

    `unreadable` names, by kind, the files that could not be read at all: their file names
    stand in for the names inside, so that others referring to them get no false problem.
    """
    team_names = {name for team in teams if (name := team.text(("name",)))}
    team_names |= unreadable.get("teams", set())
    service_names = {name for service in services if (name := service.text(("name",)))}
    service_names |= unreadable.get("services", set())
    areas = sorted({area for team in teams for _, area in team.texts("product_areas")})
    # With a team file unreadable, its areas are unknown; better no message than a wrong one.
    areas_known = all(team.entry is not None for team in teams) and not unreadable.get("teams")

    problems = []
    for item in services:
        owner = item.text(("owner",))
        if owner is not None and owner not in team_names:
            hint = did_you_mean(owner, team_names)
            problems.append(item.problem(("owner",), f"no team '{owner}' in catalog/teams/{hint}"))
        area = item.text(("product_area",))
        if areas_known and area is not None and area not in areas:
            same = [known for known in areas if slugify(known) == slugify(area)]
            hint = f"; did you mean '{same[0]}'?" if same else did_you_mean(area, areas)
            hint = hint or f"; known: {', '.join(areas)}"
            message = f"'{area}' is not an area any team lists{hint}"
            problems.append(item.problem(("product_area",), message))
        problems += _check_dependencies(item, service_names)
        if item.entry is not None:
            problems += _check_entry(item, item.entry, docs_dir)
    return problems


def runbook_page(service: Service) -> str | None:
    """The page under docs/ that is the service's runbook, when it is not a link."""
    return None if "://" in service.runbook else service.runbook


def _check_entry(item: Loaded[Service], service: Service, docs_dir: Path | None) -> list[Problem]:
    problems = []
    if service.lifecycle == "production" and "production" not in service.environments:
        message = "a production service must list its production environment"
        problems.append(item.problem(("environments",), message))
    page = runbook_page(service)
    if docs_dir is not None and page is not None and not (docs_dir / page).is_file():
        message = f"no page docs/{page}; write it or link the runbook by URL"
        problems.append(item.problem(("runbook",), message))
    return problems


def dependency_targets(item: Loaded[Service]) -> Iterator[tuple[Loc, str, bool]]:
    """(where, name, is a catalog service) for each dependency written as text."""
    listed = item.source.values.get("dependencies")
    for index in range(len(listed) if isinstance(listed, list) else 0):
        loc = ("dependencies", index)
        service = item.text(loc) or item.text((*loc, "service"))
        if service is not None:
            yield loc, service, True
        elif (external := item.text((*loc, "external"))) is not None:
            yield loc, external, False


def _check_dependencies(item: Loaded[Service], names: set[str]) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    own_name = item.text(("name",))
    for loc, target, in_catalog in dependency_targets(item):
        if target in seen:
            problems.append(item.problem(loc, f"'{target}' is listed twice"))
        seen.add(target)
        if not in_catalog:
            continue
        if target == own_name:
            problems.append(item.problem(loc, "a service cannot depend on itself"))
        elif target not in names:
            hint = did_you_mean(target, names)
            hint = hint or "; use 'external: <name>' for a system outside the catalog"
            problems.append(item.problem(loc, f"no service '{target}' in the catalog{hint}"))
    return problems
