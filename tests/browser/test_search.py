"""Search, served from 127.0.0.1 like the rest of the site: type, see results, open one."""

from __future__ import annotations

from urllib.parse import urlsplit

from browsing import Sample, Visit, page_path
from playwright.sync_api import Locator
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

MORE_RESULTS = "shown => document.querySelectorAll('.md-search-result__item').length > shown"


def search(visit: Visit, query: str) -> Locator:
    """Type `query` into the header's search box; the result links once results are shown."""
    visit.open()
    visit.page.locator("input.md-search__input").click()
    visit.page.keyboard.type(query)
    results = visit.page.locator(".md-search-result__item > a.md-search-result__link")
    results.first.wait_for()
    return results


def open_result(visit: Visit, target: str) -> None:
    """Click the result for the site path `target`, scrolling the list until it is shown."""
    page = visit.page
    wanted = page.locator(f'.md-search-result__item > a.md-search-result__link[href*="/{target}"]')
    # Material renders results in batches of ten, the next when the list is scrolled to its end.
    while not wanted.count():
        shown = page.locator(".md-search-result__item").count()
        page.locator(".md-search__scrollwrap").evaluate(
            "list => list.scrollTo(0, list.scrollHeight)"
        )
        try:
            page.wait_for_function(MORE_RESULTS, arg=shown, timeout=5_000)
        except PlaywrightTimeoutError:
            raise AssertionError(f"{target} is not among the {shown} search results") from None
    wanted.first.click()
    page.wait_for_load_state("networkidle")


def test_search_service_by_name_opens_its_page(visit: Visit, sample: Sample) -> None:
    search(visit, sample.service)

    open_result(visit, page_path("services", sample.service))

    assert urlsplit(visit.page.url).path == "/" + page_path("services", sample.service)
    assert visit.heading() == sample.service


def test_search_service_by_owner_team_finds_it(visit: Visit, sample: Sample) -> None:
    results = search(visit, sample.team_title)
    top = results.first.get_attribute("href") or ""

    open_result(visit, page_path("services", sample.service))

    # The team's own page, titled with its name, ranks first.
    assert urlsplit(top).path == "/" + page_path("teams", sample.team)
    assert urlsplit(visit.page.url).path == "/" + page_path("services", sample.service)
    owner = visit.page.locator(".md-content table a", has_text=sample.team_title).first
    assert owner.is_visible()


def test_search_index_comes_from_the_site(visit: Visit, sample: Sample) -> None:
    search(visit, sample.service)

    index = [url for url in visit.requests if url.endswith("search/search_index.json")]

    assert index and all(url.startswith(visit.base_url) for url in index)
