"""Dependency diagrams: the layout, the SVG it renders to, and the diagrams in the built site."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from servicecatalog.catalog import Catalog
from servicecatalog.diagrams import (
    MAX_AREA_SERVICES,
    MAX_COLUMN_NODES,
    Diagram,
    Node,
    Waypoint,
    area_diagram,
    layer_services,
    service_diagram,
)
from servicecatalog.models import Service, Team
from servicecatalog.rendering import render_diagram

TEAM = {
    "name": "scheduling",
    "display_name": "Scheduling and Dispatch",
    "description": "Owns the schedule board.",
    "contacts": {"chat": "#team-scheduling", "email": "scheduling@example.com"},
    "on_call": {
        "schedule": "https://oncall.example.com/schedules/scheduling",
        "escalation": ["Primary on-call engineer"],
    },
    "product_areas": ["Operations", "Sales"],
    "code_review_handle": "@example/scheduling",
    "last_reviewed": "2026-11-02",
}
SERVICE = {
    "description": "A service used by the diagram tests.",
    "lifecycle": "production",
    "business_capability": "Scheduling and dispatch",
    "owner": "scheduling",
    "repository": "https://git.example.com/fieldops/example",
    "runtime": {"hosting": "kubernetes", "language": "Kotlin"},
    "data_stores": [],
    "external_integrations": [],
    "pipeline": {"provider": "GitHub Actions", "url": "https://git.example.com/ci"},
    "environments": {"production": {"url": "https://app.example.com"}},
    "dashboards": [{"title": "Overview", "url": "https://grafana.example.com/d/x"}],
    "alerts": [{"title": "Errors", "url": "https://alerts.example.com/x"}],
    "runbook": "https://runbooks.example.com/x",
    "slo": {"objective": 99.9, "indicator": "requests answered", "window": "28d"},
    "data_classification": "internal",
    "security_notes": "None.",
    "last_reviewed": "2026-11-02",
}


def make_service(
    name: str, *, uses: Iterable[str] = (), external: Iterable[str] = (), area: str = "Operations"
) -> Service:
    dependencies = [{"service": used} for used in uses] + [{"external": x} for x in external]
    document = {**SERVICE, "name": name, "product_area": area, "dependencies": dependencies}
    return Service.model_validate(document)


def make_catalog(*services: Service) -> Catalog:
    return Catalog(
        teams={"scheduling": Team.model_validate(TEAM)},
        services={service.name: service for service in sorted(services, key=lambda s: s.name)},
    )


def columns(diagram: Diagram) -> list[list[Node]]:
    by_x: dict[int, list[Node]] = {}
    for node in diagram.nodes:
        by_x.setdefault(node.x, []).append(node)
    return [sorted(by_x[x], key=lambda node: node.y) for x in sorted(by_x)]


def labels(nodes: Iterable[Node]) -> list[str]:
    return [node.label for node in nodes]


def test_service_diagram_puts_upstream_left_and_downstream_right() -> None:
    catalog = make_catalog(
        make_service("maps-proxy"),
        make_service("dispatch-api", uses=["maps-proxy"], external=["Payment gateway"]),
        make_service("mobile-api", uses=["dispatch-api"]),
    )

    diagram = service_diagram(catalog, "dispatch-api")

    assert diagram is not None
    assert [heading.label for heading in diagram.headings] == ["Depends on", "Service", "Used by"]
    upstream, middle, downstream = columns(diagram)
    assert labels(upstream) == ["maps-proxy", "Payment gateway (external)"]
    assert [(node.kind, node.service) for node in upstream] == [
        ("service", "maps-proxy"),
        ("external", None),
    ]
    assert [(node.label, node.kind, node.service) for node in middle] == [
        ("dispatch-api", "current", None)
    ]
    assert [(node.label, node.service) for node in downstream] == [("mobile-api", "mobile-api")]
    assert len(diagram.edges) == 3
    assert diagram.title == "Dependencies of dispatch-api"
    assert "depends on maps-proxy, Payment gateway (external)" in diagram.description
    assert "used by mobile-api" in diagram.description


def test_service_diagram_edges_run_from_dependency_to_user() -> None:
    catalog = make_catalog(make_service("a"), make_service("b", uses=["a"]))

    diagram = service_diagram(catalog, "b")

    assert diagram is not None
    (a,), (b,) = columns(diagram)
    start, end = re.findall(r"M(\d+),.* (\d+),[\d.]+$", diagram.edges[0])[0]
    assert (int(start), int(end)) == (a.x + a.width, b.x)


def test_service_diagram_none_without_neighbours() -> None:
    catalog = make_catalog(make_service("lonely"), make_service("other"))

    assert service_diagram(catalog, "lonely") is None


def test_service_diagram_long_column_ends_with_a_count() -> None:
    users = [make_service(f"user-{number:02d}", uses=["hub"]) for number in range(30)]
    catalog = make_catalog(make_service("hub"), *users)

    diagram = service_diagram(catalog, "hub")

    assert diagram is not None
    _, downstream = columns(diagram)
    assert len(downstream) == MAX_COLUMN_NODES
    assert downstream[-1].kind == "more"
    assert downstream[-1].label == f"and {30 - MAX_COLUMN_NODES + 1} more"
    assert downstream[-1].service is None
    assert len(diagram.edges) == MAX_COLUMN_NODES


def test_service_diagram_boxes_stay_inside_and_apart() -> None:
    catalog = make_catalog(
        make_service("a-service-with-a-rather-long-name"),
        make_service("b", uses=["a-service-with-a-rather-long-name"], external=["X", "Y"]),
        make_service("c", uses=["b"]),
    )

    diagram = service_diagram(catalog, "b")

    assert diagram is not None
    for column in columns(diagram):
        for upper, lower in itertools.pairwise(column):
            assert upper.y + upper.height < lower.y
    for left, right in itertools.pairwise(columns(diagram)):
        assert max(node.x + node.width for node in left) < right[0].x
    for node in diagram.nodes:
        assert node.x > 0 and node.y > 0
        assert node.x + node.width < diagram.width and node.y + node.height < diagram.height


def test_layer_services_places_each_service_by_its_longest_dependency_path() -> None:
    graph = {"a": [], "b": ["a"], "c": ["a", "b"], "d": []}

    assert layer_services(graph) == [["a", "d"], ["b", Waypoint("a", "c", 1)], ["c"]]


def test_layer_services_breaks_a_cycle_and_keeps_every_service() -> None:
    graph = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}

    layers = layer_services(graph)

    assert sorted(slot for layer in layers for slot in layer if isinstance(slot, str)) == [
        "a",
        "b",
        "c",
        "d",
    ]
    column = {slot: index for index, layer in enumerate(layers) for slot in layer}
    backwards = [
        (user, used)
        for user, uses in graph.items()
        for used in uses
        if column[used] >= column[user]
    ]
    assert len(backwards) == 1
    assert column["d"] > column["a"]


def test_layer_services_orders_a_column_by_what_it_depends_on() -> None:
    graph = {"a": [], "z": [], "uses-z": ["z"], "uses-a": ["a"]}

    assert layer_services(graph) == [["a", "z"], ["uses-a", "uses-z"]]


def test_area_diagram_shows_only_the_area_and_dependencies_inside_it() -> None:
    catalog = make_catalog(
        make_service("pricing", area="Sales"),
        make_service("board", area="Operations"),
        make_service("dispatch", uses=["board", "pricing"], external=["Maps"], area="Operations"),
    )

    diagram = area_diagram(catalog, "Operations")

    assert diagram is not None
    assert [labels(column) for column in columns(diagram)] == [["board"], ["dispatch"]]
    assert all(node.kind == "service" and node.service == node.label for node in diagram.nodes)
    assert len(diagram.edges) == 1
    assert diagram.headings == ()
    assert "dispatch depends on board." in diagram.description


def test_area_diagram_long_arrow_runs_through_a_free_row() -> None:
    catalog = make_catalog(
        make_service("base"),
        make_service("middle", uses=["base"]),
        make_service("top", uses=["base", "middle"]),
    )

    diagram = area_diagram(catalog, "Operations")

    assert diagram is not None
    assert [labels(column) for column in columns(diagram)] == [["base"], ["middle"], ["top"]]
    (base,), (middle,), _ = columns(diagram)
    (long_arrow,) = [edge for edge in diagram.edges if " L" in edge]
    crossing = re.search(r" L(\d+),(\d+)", long_arrow)
    assert crossing is not None
    assert int(crossing[1]) == middle.x + middle.width
    assert abs(int(crossing[2]) - middle.center_y) >= middle.height
    assert long_arrow.startswith(f"M{base.x + base.width},{base.center_y} ")


def test_service_diagram_shortens_long_labels_and_keeps_them_whole_in_a_tooltip() -> None:
    name = "Tenant identity providers (Microsoft Entra ID, Okta, Google Workspace)"
    catalog = make_catalog(make_service("login", external=[name]))

    diagram = service_diagram(catalog, "login")

    assert diagram is not None
    (external,), _ = columns(diagram)
    assert external.label == "Tenant identity providers… (external)"
    assert external.full_label == f"{name} (external)"
    html = str(render_diagram(diagram, "catalog/services/login.md"))
    group = ElementTree.fromstring(html)[0].find("g")  # noqa: S314 (our own output)
    assert group is not None and group.findtext("title") == f"{name} (external)"


def test_area_diagram_none_for_an_area_too_large_to_read() -> None:
    services = [make_service(f"s-{number:03d}") for number in range(MAX_AREA_SERVICES + 1)]

    assert area_diagram(make_catalog(*services), "Operations") is None
    assert area_diagram(make_catalog(*services[:MAX_AREA_SERVICES]), "Operations") is not None


def test_render_diagram_makes_one_raw_html_block_of_svg() -> None:
    catalog = make_catalog(
        make_service("a"), make_service("b", uses=["a"], external=["<Acme & Co>"])
    )

    html = str(render_diagram(service_diagram(catalog, "b"), "catalog/services/b.md"))

    assert html.startswith('<div class="catalog-diagram">\n<svg ')
    assert html.endswith("</svg>\n</div>")
    assert not re.search(r"\n\s*\n", html), "a blank line would end the Markdown HTML block"
    svg = ElementTree.fromstring(html)[0]  # noqa: S314 (our own output)
    assert svg.get("role") == "group"
    assert svg.findtext("title") == "Dependencies of b"
    assert "<Acme & Co> (external)" in (svg.findtext("desc") or "")
    links = {link.findtext("text"): link.get("href") for link in svg.iter("a")}
    assert links == {"a": "../a/"}


def test_render_diagram_links_from_an_area_page() -> None:
    catalog = make_catalog(make_service("a"), make_service("b", uses=["a"]))

    html = str(render_diagram(area_diagram(catalog, "Operations"), "catalog/areas/operations.md"))

    svg = ElementTree.fromstring(html)  # noqa: S314 (our own output)
    hrefs = sorted(link.get("href") or "" for link in svg.iter("a"))
    assert hrefs == ["../../services/a/", "../../services/b/"]


def test_render_diagram_none_renders_nothing() -> None:
    assert render_diagram(None, "catalog/services/b.md") is None


def test_built_site_diagram_links_open_service_pages(built_site: Path) -> None:
    pages = sorted((built_site / "catalog").glob("*/*/index.html"))
    with_diagram = [page for page in pages if 'class="catalog-diagram"' in page.read_text("utf-8")]

    assert any("/services/" in page.as_posix() for page in with_diagram)
    for page in with_diagram:
        html = page.read_text("utf-8")
        base = "http://site/" + page.parent.relative_to(built_site).as_posix() + "/"
        for href in re.findall(r'<a class="catalog-diagram__node[^"]*" href="([^"]+)"', html):
            target = urlsplit(urljoin(base, href)).path.lstrip("/")
            assert target.startswith("catalog/services/"), (page, href)
            assert (built_site / target / "index.html").is_file(), (page, href)


@pytest.mark.parametrize("kind", ["services", "areas"])
def test_built_site_diagram_is_svg_in_the_page(built_site: Path, kind: str) -> None:
    html = "".join(
        page.read_text("utf-8") for page in (built_site / "catalog" / kind).glob("*/index.html")
    )

    assert '<div class="catalog-diagram">\n<svg role="group"' in html
    assert "&lt;svg" not in html
