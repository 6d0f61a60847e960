"""Accessibility: axe-core on the pages people use most, in the light and the dark palette."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import Sample, Visit, page_path

BLOCKING = {"serious", "critical"}
PAGES = ["home", "catalog index", "team", "service", "product area"]


def describe(violations: list[dict[str, Any]]) -> str:
    """Violations as a reader-friendly list: rule, impact, help, and each offending element."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {' '.join(map(str, node['target']))}")
            lines.append(f"    {node['html'][:200]}")
            lines.extend(f"    {line}" for line in node["failureSummary"].splitlines()[1:])
    return "\n".join(lines)


def test_describe_names_rule_element_and_fix() -> None:
    violation = {
        "id": "color-contrast",
        "impact": "serious",
        "help": "Elements must meet minimum color contrast ratio thresholds",
        "helpUrl": "https://dequeuniversity.com/rules/axe/4.12/color-contrast",
        "nodes": [
            {
                "target": [".md-footer a"],
                "html": '<a href="#">Next</a>',
                "failureSummary": "Fix any of the following:\n  Contrast is 2.1:1",
            }
        ],
    }

    assert describe([violation]).splitlines() == [
        "color-contrast (serious): Elements must meet minimum color contrast ratio thresholds",
        "  https://dequeuniversity.com/rules/axe/4.12/color-contrast",
        "  - .md-footer a",
        '    <a href="#">Next</a>',
        "      Contrast is 2.1:1",
    ]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_accessibility_no_serious_violations(
    visit: Visit, sample: Sample, page: str, dark: bool
) -> None:
    paths = {
        "home": "",
        "catalog index": "catalog/",
        "team": page_path("teams", sample.team),
        "service": page_path("services", sample.service),
        "product area": page_path("areas", sample.area),
    }
    visit.open(paths[page])
    if dark:
        visit.toggle_palette()

    results = Axe().run(visit.page).response
    blocking = [violation for violation in results["violations"] if violation["impact"] in BLOCKING]

    assert results["testEngine"]["name"] == "axe-core"
    assert not blocking, f"{paths[page] or 'home'}:\n{describe(blocking)}"
