"""No request leaves 127.0.0.1: the interception every browser test relies on, shown to work."""

from __future__ import annotations

import re

import pytest
from browsing import Sample, Visit, page_path

INJECT = """
async () => {
    const image = new Image();
    const loaded = new Promise(resolve => {
        image.onload = () => resolve('loaded');
        image.onerror = () => resolve('blocked');
    });
    image.src = 'https://example.com/x.png';
    document.body.append(image);
    const fetched = await fetch('https://cdn.example.com/tracker.js').then(
        () => 'fetched', () => 'blocked');
    return [await loaded, fetched];
}
"""


def test_interception_catches_an_injected_external_request(visit: Visit) -> None:
    visit.open()

    outcome = visit.page.evaluate(INJECT)

    assert outcome == ["blocked", "blocked"]
    assert sorted(visit.external_requests) == [
        "https://cdn.example.com/tracker.js",
        "https://example.com/x.png",
    ]
    with pytest.raises(AssertionError, match=re.escape("https://example.com/x.png")):
        visit.check_stayed_local()
    # Caught as intended: clear the record so the fixture's own check passes.
    visit.external_requests.clear()
    visit.console_errors.clear()


@pytest.mark.parametrize("kind", ["home", "catalog", "teams", "services", "areas"])
def test_interception_pages_request_only_the_site(visit: Visit, sample: Sample, kind: str) -> None:
    paths = {
        "home": "",
        "catalog": "catalog/",
        "teams": page_path("teams", sample.team),
        "services": page_path("services", sample.service),
        "areas": page_path("areas", sample.area),
    }
    visit.open(paths[kind])

    assert visit.requests, "the route saw no request; interception is not in place"
    assert all(url.startswith(visit.base_url) for url in visit.requests), visit.requests
    visit.check_stayed_local()
    visit.check_no_console_errors()
