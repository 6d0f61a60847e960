"""Browser fixtures: Debian's Chromium driven by Playwright, every request checked to stay local.

The site is the one `tests/conftest.py` builds and serves on 127.0.0.1. Each test gets a fresh
browser context whose requests all pass through a route handler: requests to 127.0.0.1 go on,
anything else is aborted and recorded, and the test fails at teardown if any was made or if a
page logged an error.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import CHROMIUM, CHROMIUM_ARGS, Sample, Visit, is_local
from playwright.sync_api import Browser, ConsoleMessage, Error, Route, sync_playwright
from slugify import slugify


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless; fails with the fix when it is not installed."""
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} is missing or cannot be run; install it with `make browser` (as root "
            "or with sudo)"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def visit(browser: Browser, site_url: str) -> Iterator[Visit]:
    """A fresh light-mode page; the test fails if a request left 127.0.0.1 or a page errored."""
    context = browser.new_context(
        color_scheme="light",
        viewport={"width": 1280, "height": 900},
        # A service worker's requests would bypass the route below.
        service_workers="block",
    )
    page = context.new_page()
    visit = Visit(page, site_url)

    def route(route: Route) -> None:
        visit.requests.append(route.request.url)
        if is_local(route.request.url):
            route.continue_()
        else:
            visit.external_requests.append(route.request.url)
            route.abort("blockedbyclient")

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            visit.console_errors.append(f"{page.url}: {message.text}")

    def page_error(error: Error) -> None:
        visit.console_errors.append(f"{page.url}: uncaught {error.name}: {error.message}")

    context.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", page_error)
    yield visit

    context.close()
    visit.check_stayed_local()
    visit.check_no_console_errors()


@pytest.fixture(scope="session")
def sample(built_site: Path) -> Sample:
    """A service with dependencies and dependents, owned by the team with the fewest services.

    Chosen from the built site's catalog.json, so the tests follow whatever the catalog holds;
    a small team keeps its service near the top of search results for the team's name.
    """
    exported = json.loads((built_site / "catalog.json").read_text(encoding="utf-8"))
    services, teams = exported["services"], {team["name"]: team for team in exported["teams"]}
    sizes = Counter(service["owner"] for service in services)
    candidates = [s for s in services if s["dependencies"] and s["dependents"]]
    candidates = candidates or [s for s in services if s["dependencies"]]
    assert candidates, "the catalog needs a service with dependencies for the browser tests"
    service = min(candidates, key=lambda s: (sizes[s["owner"]], s["name"]))
    return Sample(
        team=service["owner"],
        team_title=teams[service["owner"]]["display_name"],
        service=service["name"],
        area=slugify(service["product_area"]),
    )
