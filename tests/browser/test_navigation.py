"""Reading the site as people do: clicking from the home page down to a service, switching
palettes, and saving screenshots of each page for reviewers."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

from browsing import Sample, Visit, page_path


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_navigation_home_to_service_page_by_clicking(visit: Visit, sample: Sample) -> None:
    page = visit.page
    visit.open()
    assert visit.heading() == "Platform Handbook"
    visit.screenshot("home")

    page.locator(".md-content a", has_text="catalog index").first.click()
    page.wait_for_load_state("networkidle")
    assert path_of(page.url) == "/catalog/"
    assert visit.heading() == "Catalog index"
    visit.screenshot("catalog-index")

    page.locator(f'.md-content a[href$="teams/{sample.team}/"]').first.click()
    page.wait_for_load_state("networkidle")
    assert path_of(page.url) == "/" + page_path("teams", sample.team)
    assert visit.heading() == sample.team_title
    visit.screenshot("team")

    page.locator(f'.md-content a[href$="services/{sample.service}/"]').first.click()
    page.wait_for_load_state("networkidle")
    assert path_of(page.url) == "/" + page_path("services", sample.service)
    assert visit.heading() == sample.service
    visit.screenshot("service")


def test_navigation_service_page_edit_button_opens_its_yaml(visit: Visit, sample: Sample) -> None:
    visit.open(page_path("services", sample.service))

    edit = visit.page.locator("a.md-content__button[rel=edit]")

    assert edit.is_visible()
    edit_path = posixpath.normpath(path_of(edit.get_attribute("href") or ""))
    assert edit_path.endswith(f"/catalog/services/{sample.service}.yaml")


def test_navigation_team_page_edit_button_opens_its_yaml(visit: Visit, sample: Sample) -> None:
    visit.open(page_path("teams", sample.team))

    edit_path = path_of(
        visit.page.locator("a.md-content__button[rel=edit]").get_attribute("href") or ""
    )

    assert posixpath.normpath(edit_path).endswith(f"/catalog/teams/{sample.team}.yaml")


def test_navigation_palette_toggle_switches_light_and_dark(visit: Visit, sample: Sample) -> None:
    visit.open(page_path("services", sample.service))
    assert visit.scheme() == "default"
    background = visit.page.evaluate("getComputedStyle(document.body).backgroundColor")

    visit.toggle_palette()
    assert visit.scheme() == "slate"
    assert visit.page.evaluate("getComputedStyle(document.body).backgroundColor") != background
    visit.screenshot("service-dark")

    # The choice is remembered on the next page, and switching back works.
    visit.open()
    assert visit.scheme() == "slate"
    visit.toggle_palette()
    assert visit.scheme() == "default"
