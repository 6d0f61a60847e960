"""What the browser tests share: the Chromium they drive, and a page that records what leaked."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium calls home on start, which a closed network
# refuses. --no-sandbox because CI runs the tests as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
LOCAL_HOST = "127.0.0.1"
# Schemes that never reach the network.
LOCAL_SCHEMES = {"data", "blob", "about"}


def is_local(url: str) -> bool:
    """Whether loading `url` stays on this machine's loopback address."""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (
        parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname == LOCAL_HOST
    )


def page_path(kind: str, name: str) -> str:
    """Site path of a catalog page: `kind` is "services", "teams" or "areas"."""
    return f"catalog/{kind}/{name}/"


@dataclass
class Visit:
    """A browser page on the served site, with what tried to leave it and what went wrong."""

    page: Page
    base_url: str
    requests: list[str] = field(default_factory=list)
    """Every URL the browser asked for, from pages and their workers."""
    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def open(self, path: str = "") -> None:
        """Load the site page at `path` (relative to the site root) and wait until it settles."""
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")

    def check_stayed_local(self) -> None:
        """Fail when any request tried to leave 127.0.0.1."""
        assert not self.external_requests, "requests left 127.0.0.1 (aborted):\n" + "\n".join(
            self.external_requests
        )

    def check_no_console_errors(self) -> None:
        """Fail when a page logged an error to the console or threw an uncaught exception."""
        assert not self.console_errors, "console errors:\n" + "\n".join(self.console_errors)

    def heading(self) -> str:
        """The page's title as shown, without the permalink mark."""
        return self.page.locator("h1").first.inner_text().removesuffix("¶").strip()

    def toggle_palette(self) -> None:
        """Click the header's light/dark switch, as a reader would, then move the pointer away.

        Left over the switch, the pointer keeps its tooltip fading in; a check of the page in
        the middle of that fade would judge colours no reader sees for long.
        """
        self.page.locator("form[data-md-component=palette] label:visible").click()
        self.page.mouse.move(0, 0)
        self.page.wait_for_function(
            "[...document.querySelectorAll('.md-tooltip')]"
            ".every(tip => getComputedStyle(tip).opacity === '0')"
        )

    def scheme(self) -> str | None:
        """The palette Material shows: "default" (light) or "slate" (dark)."""
        return self.page.evaluate("document.body.getAttribute('data-md-color-scheme')")

    def screenshot(self, name: str) -> Path:
        """Save the whole page as test-artifacts/screenshots/<name>.png for reviewers."""
        path = self.screenshot_path(name)
        self.page.screenshot(path=path, full_page=True)
        return path

    @staticmethod
    def screenshot_path(name: str) -> Path:
        """Where the screenshot `name` goes; the folder is created."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        return SCREENSHOTS / f"{name}.png"


@dataclass(frozen=True)
class Sample:
    """A team and one of its services with dependencies, picked from the catalog under test."""

    team: str
    team_title: str
    service: str
    area: str
    """Slug of the service's product area, as in its page path."""
