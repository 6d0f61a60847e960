"""Dependency cycles: services that cannot be deployed or recover without each other."""

from __future__ import annotations

from collections import deque

from .checks import Loaded, dependency_targets
from .models import Service
from .problems import Problem


def find_cycles(services: dict[str, Loaded[Service]]) -> list[Problem]:
    """One warning per group of services that depend on each other in a loop.

    Each warning shows one shortest loop from the group's first service and, when the group is
    larger than that loop, names the rest: time and output stay in proportion to the catalog.
    """
    graph = {
        name: sorted(
            {target for _, target, known in dependency_targets(item) if known} & set(services)
        )
        for name, item in services.items()
    }
    warnings = []
    for group in _loops(graph):
        start = min(group)
        loop = _shortest_loop(graph, start, group)
        others = sorted(group - set(loop))
        also = ""
        if others:
            shown = ", ".join(others[:10]) + (
                f" and {len(others) - 10} more" if len(others) > 10 else ""
            )
            also = f" (the loop also takes in {shown})"
        first = services[start]
        loc = next(loc for loc, target, _ in dependency_targets(first) if target == loop[1])
        message = (
            f"dependency cycle {' -> '.join(loop)}{also}; a cycle means none of them can be "
            "deployed or recover alone, so break one of the calls"
        )
        warnings.append(first.problem(loc, message, "warning"))
    return warnings


def _loops(graph: dict[str, list[str]]) -> list[set[str]]:
    """Groups of two or more nodes that all reach each other (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = lowest[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = lowest[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(graph[target])))
                elif target in on_stack:
                    lowest[node] = min(lowest[node], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                lowest[parent] = min(lowest[parent], lowest[node])
            if lowest[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)
    return sorted(groups, key=min)


def _shortest_loop(graph: dict[str, list[str]], start: str, group: set[str]) -> list[str]:
    """The shortest path from `start` back to itself inside `group` (breadth first)."""
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target in graph[node]:
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if target in group and target not in came_from:
                came_from[target] = node
                queue.append(target)
    raise AssertionError(f"{start} is in a loop but no path leads back to it")
