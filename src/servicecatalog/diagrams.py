"""Lay out dependency diagrams as positioned boxes and arrows, for an SVG template to draw.

A service's diagram has up to three columns: what it depends on (upstream), the service, and
the services that use it (downstream). A product area's diagram puts each of its services in
the column given by its longest chain of dependencies inside the area. Either way an arrow runs
from a dependency to the service that uses it, so upstream is on the left.
"""

from __future__ import annotations

import graphlib
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from .catalog import Catalog

NodeKind = Literal["service", "current", "external", "more", "waypoint"]

# Labels are measured without a font: a generous average width per character at 13px keeps
# every label inside its box in the sans-serif fonts readers have.
CHAR_WIDTH = 7.6
LABEL_PADDING = 14
MAX_LABEL_CHARS = 28
NODE_HEIGHT = 30
ROW_GAP = 12
COLUMN_GAP = 56
MARGIN = 8
HEADING_HEIGHT = 28

MAX_COLUMN_NODES = 12
"""A service diagram shows this many neighbours per column; a last box counts the rest."""
MAX_AREA_SERVICES = 60
"""Above this many services an area diagram would be unreadable, so none is drawn."""


@dataclass(frozen=True)
class Node:
    """A box in a diagram; `service` is the catalog service it links to, if any."""

    label: str
    kind: NodeKind
    x: int
    y: int
    width: int
    service: str | None = None
    full_label: str | None = None
    """The whole label when `label` had to be shortened, for a tooltip."""
    height: int = NODE_HEIGHT

    @property
    def center_x(self) -> int:
        return self.x + self.width // 2

    @property
    def center_y(self) -> int:
        return self.y + self.height // 2


@dataclass(frozen=True)
class Heading:
    """A column title, centred at `x`."""

    label: str
    x: int
    y: int


@dataclass(frozen=True)
class Diagram:
    """Everything an SVG needs: size, texts for assistive technology, boxes and arrow paths."""

    title: str
    description: str
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[str, ...]
    """SVG path data of each arrow, from the dependency to the service that uses it."""
    headings: tuple[Heading, ...] = ()


@dataclass(frozen=True)
class Waypoint:
    """Where the arrow from `dependency` to `user` crosses a column between theirs."""

    dependency: str
    user: str
    column: int


Slot = str | Waypoint
"""A place in a column of an area diagram: a service, or an arrow passing through."""


@dataclass(frozen=True)
class _Box:
    label: str
    kind: NodeKind
    service: str | None = None


def service_diagram(catalog: Catalog, name: str) -> Diagram | None:
    """The upstream and downstream services of `name`; None when it has neither."""
    service = catalog.services[name]
    upstream = [
        _Box(dependency.service, "service", dependency.service)
        if dependency.service
        else _Box(f"{dependency.target} (external)", "external")
        for dependency in service.dependencies
    ]
    downstream = [_Box(user, "service", user) for user in catalog.dependents[name]]
    if not upstream and not downstream:
        return None

    columns: list[tuple[str, list[_Box]]] = []
    if upstream:
        columns.append(("Depends on", _capped(upstream)))
    columns.append(("Service", [_Box(name, "current")]))
    if downstream:
        columns.append(("Used by", _capped(downstream)))
    middle = 1 if upstream else 0
    links = [[(0, row), (middle, 0)] for row in range(len(columns[0][1]))] if upstream else []
    if downstream:
        links += [[(middle, 0), (middle + 1, row)] for row in range(len(columns[-1][1]))]

    description = []
    if upstream:
        description.append(f"{name} depends on {_listing(columns[0][1])}.")
    if downstream:
        description.append(f"{name} is used by {_listing(columns[-1][1])}.")
    return _arrange(
        f"Dependencies of {name}",
        " ".join(description),
        [boxes for _, boxes in columns],
        links,
        [heading for heading, _ in columns],
    )


def area_diagram(catalog: Catalog, area: str) -> Diagram | None:
    """The services of product area `area` and the dependencies between them.

    None when the area has no services, or more than `MAX_AREA_SERVICES`.
    """
    services = catalog.product_areas.get(area, [])
    if not services or len(services) > MAX_AREA_SERVICES:
        return None

    names = {service.name for service in services}
    graph = {
        service.name: [d.service for d in service.dependencies if d.service and d.service in names]
        for service in services
    }
    layers = layer_services(graph)
    position = {
        slot: (column, row) for column, layer in enumerate(layers) for row, slot in enumerate(layer)
    }
    links = []
    for user, used in graph.items():
        for dependency in used:
            # An arrow passes through the waypoints kept for it in the columns it crosses.
            crossed = range(position[dependency][0] + 1, position[user][0])
            waypoints = [Waypoint(dependency, user, column) for column in crossed]
            through = [position[waypoint] for waypoint in waypoints if waypoint in position]
            links.append([position[dependency], *through, position[user]])

    uses = [f"{user} depends on {', '.join(used)}." for user, used in graph.items() if used]
    description = f"Services in {area}: {', '.join(sorted(names))}. " + " ".join(uses)
    boxes = [
        [
            _Box(slot, "service", slot) if isinstance(slot, str) else _Box("", "waypoint")
            for slot in layer
        ]
        for layer in layers
    ]
    return _arrange(f"Services in {area} and their dependencies", description.strip(), boxes, links)


def layer_services(graph: Mapping[str, Iterable[str]]) -> list[list[Slot]]:
    """Columns of services: each one right of everything it depends on, by longest path.

    `graph` maps each service to the services it depends on (all keys of `graph`). An arrow
    that skips columns gets a `Waypoint` in each column it crosses, so it runs through a free
    row rather than behind another service's box. Within a column, slots sit near the average
    row of what leads into them, then services by name. A cycle, which a draft build allows,
    is broken by leaving one of its dependencies out of the layout.
    """
    acyclic = {name: set(used) for name, used in graph.items()}
    while True:
        try:
            order = list(graphlib.TopologicalSorter(acyclic).static_order())
            break
        except graphlib.CycleError as error:
            # args[1] lists the cycle, each service a dependency of the next.
            cycle: list[str] = error.args[1]
            acyclic[cycle[1]].discard(cycle[0])

    depth: dict[str, int] = {}
    for name in order:
        depth[name] = 1 + max((depth[used] for used in acyclic[name]), default=-1)
    layers: list[list[Slot]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    leads_in: dict[Slot, list[Slot]] = {}
    for name in sorted(depth):
        layers[depth[name]].append(name)
        leads_in[name] = []
        for used in sorted(acyclic[name]):
            previous: Slot = used
            for column in range(depth[used] + 1, depth[name]):
                waypoint = Waypoint(used, name, column)
                layers[column].append(waypoint)
                leads_in[waypoint] = [previous]
                previous = waypoint
            leads_in[name].append(previous)

    row: dict[Slot, int] = {}
    for layer in layers:
        layer.sort(key=lambda slot: (_average(row[s] for s in leads_in[slot]), _sort_key(slot)))
        row.update((slot, index) for index, slot in enumerate(layer))
    return layers


def _sort_key(slot: Slot) -> tuple[int, str, str]:
    if isinstance(slot, str):
        return (0, slot, "")
    return (1, slot.dependency, slot.user)


def _average(values: Iterable[int]) -> float:
    numbers = list(values)
    return sum(numbers) / len(numbers) if numbers else 0.0


def _capped(boxes: list[_Box]) -> list[_Box]:
    if len(boxes) <= MAX_COLUMN_NODES:
        return boxes
    rest = len(boxes) - MAX_COLUMN_NODES + 1
    return [*boxes[: MAX_COLUMN_NODES - 1], _Box(f"and {rest} more", "more")]


def _listing(boxes: Sequence[_Box]) -> str:
    return ", ".join(box.label for box in boxes)


def _shorten(label: str) -> str:
    """At most MAX_LABEL_CHARS, keeping an " (external)" mark whole."""
    suffix = " (external)" if label.endswith(" (external)") else ""
    name = label.removesuffix(suffix)
    if len(name) <= MAX_LABEL_CHARS:
        return label
    cut = name[: MAX_LABEL_CHARS - 1]
    if " " in cut[MAX_LABEL_CHARS // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…" + suffix


def _label_width(label: str) -> int:
    return math.ceil(len(label) * CHAR_WIDTH) + 2 * LABEL_PADDING


def _arrange(
    title: str,
    description: str,
    columns: list[list[_Box]],
    links: list[list[tuple[int, int]]],
    headings: list[str] | None = None,
) -> Diagram:
    """Place the columns left to right, each centred vertically, and route the links.

    A link is the (column, row) of each box it passes, from the dependency to its user.
    """
    top = MARGIN + (HEADING_HEIGHT if headings else 0)
    tallest = max(len(boxes) for boxes in columns)
    body = tallest * (NODE_HEIGHT + ROW_GAP) - ROW_GAP

    placed: list[list[Node]] = []
    titles: list[Heading] = []
    x = MARGIN
    for index, boxes in enumerate(columns):
        labels = [_shorten(box.label) for box in boxes]
        texts = [*labels, headings[index]] if headings else labels
        width = max(_label_width(text) for text in texts)
        y = top + (body - len(boxes) * (NODE_HEIGHT + ROW_GAP) + ROW_GAP) // 2
        column = []
        for box, label in zip(boxes, labels, strict=True):
            full = box.label if label != box.label else None
            column.append(Node(label, box.kind, x, y, width, box.service, full))
            y += NODE_HEIGHT + ROW_GAP
        placed.append(column)
        if headings:
            titles.append(Heading(headings[index], x + width // 2, MARGIN + HEADING_HEIGHT // 2))
        x += width + COLUMN_GAP

    edges = tuple(_route([placed[column][row] for column, row in link]) for link in links)
    nodes = tuple(node for column in placed for node in column if node.kind != "waypoint")
    width, height = x - COLUMN_GAP + MARGIN, top + body + MARGIN
    return Diagram(title, description, width, height, nodes, edges, tuple(titles))


def _route(nodes: Sequence[Node]) -> str:
    """Curves from box to box, each leaving and entering on the sides that face each other.

    A waypoint is crossed in a straight line. Boxes in the same column, which only a broken
    cycle produces, are joined by a loop out on the right.
    """
    start, _ = _facing_sides(nodes[0], nodes[1])
    commands = [f"M{start},{nodes[0].center_y}"]
    for source, target in itertools.pairwise(nodes):
        x1, x2 = _facing_sides(source, target)
        bend = (x1 + x2) // 2 if x1 != x2 else x1 + COLUMN_GAP // 2
        y1, y2 = source.center_y, target.center_y
        commands.append(f"C{bend},{y1} {bend},{y2} {x2},{y2}")
        if target.kind == "waypoint":
            commands.append(f"L{target.x + target.width},{y2}")
    return " ".join(commands)


def _facing_sides(source: Node, target: Node) -> tuple[int, int]:
    if target.x > source.x:
        return source.x + source.width, target.x
    if target.x < source.x:
        return source.x, target.x + target.width
    return source.x + source.width, target.x + target.width
