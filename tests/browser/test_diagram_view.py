"""Dependency diagrams as a reader sees them: visible, readable in both palettes, clickable."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from browsing import Sample, Visit, page_path

# Text colour against its box, per node kind present on the page.
CONTRAST_SCRIPT = """
() => [...document.querySelectorAll('.catalog-diagram__node')].map(node => ({
    kind: node.getAttribute('class'),
    text: getComputedStyle(node.querySelector('text')).fill,
    box: getComputedStyle(node.querySelector('rect')).fill,
}))
"""


def channels(color: str) -> tuple[float, float, float, float]:
    """An `rgb()`/`rgba()` computed colour as red, green, blue (0-255) and alpha (0-1)."""
    numbers = [float(number) for number in re.findall(r"[\d.]+", color)]
    red, green, blue = numbers[:3]
    return red, green, blue, numbers[3] if len(numbers) > 3 else 1.0


def luminance(red: float, green: float, blue: float) -> float:
    """Relative luminance as WCAG defines it."""

    def linear(channel: float) -> float:
        channel /= 255
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of `foreground`, blended onto an opaque `background`."""
    *back, _ = channels(background)
    *fore, alpha = channels(foreground)
    blended = [alpha * f + (1 - alpha) * b for f, b in zip(fore, back, strict=True)]
    lighter, darker = sorted((luminance(*blended), luminance(*back)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_of_black_on_white_is_21() -> None:
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    assert round(contrast("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"), 1) == 1.0


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_service_diagram_readable_in_each_palette(visit: Visit, sample: Sample, dark: bool) -> None:
    visit.open(page_path("services", sample.service))
    if dark:
        visit.toggle_palette()
    assert visit.scheme() == ("slate" if dark else "default")

    diagram = visit.page.locator(".catalog-diagram svg")
    diagram.scroll_into_view_if_needed()
    box = diagram.bounding_box()
    nodes = visit.page.evaluate(CONTRAST_SCRIPT)

    assert diagram.is_visible() and box is not None and box["width"] > 100
    assert diagram.get_attribute("role") == "group"
    assert visit.page.locator(".catalog-diagram svg title").text_content() == (
        f"Dependencies of {sample.service}"
    )
    assert any("--current" in node["kind"] for node in nodes)
    for node in nodes:
        ratio = contrast(node["text"], node["box"])
        assert ratio >= 4.5, f"{node['kind']}: {node['text']} on {node['box']} is {ratio:.2f}:1"
    visit.page.locator(".catalog-diagram").screenshot(
        path=visit.screenshot_path(f"service-diagram-{'dark' if dark else 'light'}")
    )


def test_service_diagram_node_opens_that_service(visit: Visit, sample: Sample) -> None:
    visit.open(page_path("services", sample.service))
    link = visit.page.locator("a.catalog-diagram__node").first
    name = link.locator("text").text_content() or ""

    link.click()
    visit.page.wait_for_load_state("networkidle")

    assert urlsplit(visit.page.url).path == "/" + page_path("services", name)
    assert visit.heading() == name


def test_area_diagram_links_every_service_of_the_area(visit: Visit, sample: Sample) -> None:
    visit.open(page_path("areas", sample.area))

    in_diagram = visit.page.locator("a.catalog-diagram__node text").all_text_contents()
    in_table = visit.page.locator(".md-content table a[href*='services/']").all_text_contents()

    assert visit.page.locator(".catalog-diagram svg").is_visible()
    assert sorted(in_diagram) == sorted(in_table)
    assert sample.service in in_diagram
