"""Checks that look across catalog files: names, owners, dependencies, cycles."""

from __future__ import annotations

import graphlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Generic, TypeVar

from slugify import slugify

from .models import Service, Team
from .problems import Problem
from .validation import did_you_mean
from .yamlsource import SourceDocument, format_loc

EntryT = TypeVar("EntryT", Service, Team)


@dataclass(frozen=True)
class Loaded(Generic[EntryT]):
    """A valid entry and the file it came from."""

    entry: EntryT
    source: SourceDocument

    def problem(self, loc: tuple[str | int, ...], field: str, message: str) -> Problem:
        return Problem(self.source.path, self.source.line_of(loc), field, message)


def check_names(kind: str, loaded: list[Loaded[Service]] | list[Loaded[Team]]) -> list[Problem]:
    """Each name matches its file and no two files produce the same name or page path."""
    problems = []
    by_page: dict[str, list[Loaded[Service]] | list[Loaded[Team]]] = defaultdict(list)
    for item in loaded:
        stem = PurePosixPath(item.source.path).stem
        if item.entry.name != stem:
            problems.append(
                item.problem(
                    ("name",),
                    "name",
                    f"is '{item.entry.name}' but the file is '{stem}.yaml'; "
                    "rename one so they match",
                )
            )
        by_page[item.entry.name.casefold()].append(item)  # type: ignore[arg-type]

    for clashing in by_page.values():
        for item in clashing:
            others = ", ".join(
                f"{other.source.path}:{other.source.line_of(('name',))}"
                for other in clashing
                if other is not item
            )
            if others:
                message = f"{kind} '{item.entry.name}' is also defined in {others}"
                problems.append(item.problem(("name",), "name", f"{message}; names must be unique"))
    return problems


def check_spellings(teams: list[Loaded[Team]], services: list[Loaded[Service]]) -> list[Problem]:
    """A product area or capability is spelled one way everywhere: two spellings that give the
    same page or heading (`Field ops`, `Field Ops`) are an error naming both files."""
    places: list[tuple[str, str, Loaded[Team] | Loaded[Service], tuple[str | int, ...]]] = []
    for team in teams:
        for index, area in enumerate(team.entry.product_areas):
            places.append(("product area", area, team, ("product_areas", index)))
    for service in services:
        places.append(("product area", service.entry.product_area, service, ("product_area",)))
        capability = service.entry.business_capability
        places.append(("business capability", capability, service, ("business_capability",)))

    first_spelling: dict[tuple[str, str], tuple[str, str]] = {}
    problems = []
    for kind, label, item, loc in places:
        where = f"{item.source.path}:{item.source.line_of(loc)}"
        key = (kind, slugify(label))
        spelled, first_where = first_spelling.setdefault(key, (label, where))
        if spelled != label:
            message = f"{kind} '{label}' is spelled '{spelled}' in {first_where}; use one spelling"
            problems.append(item.problem(loc, format_loc(loc), message))
    return problems


def check_references(
    services: list[Loaded[Service]], teams: dict[str, Team], docs_dir: Path | None
) -> list[Problem]:
    """Owners are teams, dependencies are services, areas are declared, runbooks exist."""
    names = {item.entry.name for item in services}
    areas = sorted({area for team in teams.values() for area in team.product_areas})
    problems = []
    for item in services:
        service = item.entry
        if service.owner not in teams:
            hint = did_you_mean(service.owner, teams)
            problems.append(
                item.problem(
                    ("owner",), "owner", f"no team '{service.owner}' in catalog/teams/{hint}"
                )
            )
        if service.product_area not in areas:
            hint = did_you_mean(service.product_area, areas) or f"; known: {', '.join(areas)}"
            message = f"'{service.product_area}' is not an area any team lists{hint}"
            problems.append(item.problem(("product_area",), "product_area", message))
        if service.lifecycle == "production" and "production" not in service.environments:
            message = "a production service must list its production environment"
            problems.append(item.problem(("environments",), "environments", message))
        if docs_dir is not None and "://" not in service.runbook:
            page = service.runbook.split("#", 1)[0]
            if not (docs_dir / page).is_file():
                message = f"no page docs/{page}; write it or link the runbook by URL"
                problems.append(item.problem(("runbook",), "runbook", message))
        problems.extend(_check_dependencies(item, names))
    return problems


def _check_dependencies(item: Loaded[Service], names: set[str]) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for index, dependency in enumerate(item.entry.dependencies):
        field = f"dependencies[{index}]"
        loc = ("dependencies", index)
        target = dependency.target
        if target in seen:
            problems.append(item.problem(loc, field, f"'{target}' is listed twice"))
        seen.add(target)
        if dependency.service is None:
            continue
        if dependency.service == item.entry.name:
            problems.append(item.problem(loc, field, "a service cannot depend on itself"))
        elif dependency.service not in names:
            hint = did_you_mean(dependency.service, names)
            if not hint:
                hint = "; use 'external: <name>' for a system outside the catalog"
            problems.append(
                item.problem(loc, field, f"no service '{dependency.service}' in the catalog{hint}")
            )
    return problems


def find_cycles(services: list[Loaded[Service]]) -> list[Problem]:
    """One warning per dependency cycle, naming every service in it."""
    by_name = {item.entry.name: item for item in services}
    graph = {
        name: {d.service for d in item.entry.dependencies if d.service in by_name}
        for name, item in by_name.items()
    }
    warnings: list[Problem] = []
    while True:
        try:
            tuple(graphlib.TopologicalSorter(graph).static_order())
            return warnings
        except graphlib.CycleError as error:
            cycle: list[str] = list(error.args[1])
            # graphlib lists the cycle backwards (each node is needed by the one before it).
            cycle.reverse()
            start = cycle.index(min(cycle[:-1]))
            ordered = cycle[start:-1] + cycle[:start] + [cycle[start]]
            first = by_name[ordered[0]]
            index = next(
                i for i, d in enumerate(first.entry.dependencies) if d.service == ordered[1]
            )
            chain = " -> ".join(ordered)
            warning = first.problem(
                ("dependencies", index),
                f"dependencies[{index}]",
                f"dependency cycle {chain}; a cycle means none of them can be deployed or "
                "recover alone, so break one of the calls",
            )
            warnings.append(
                Problem(warning.path, warning.line, warning.field, warning.message, None, "warning")
            )
            graph[ordered[0]].discard(ordered[1])
