"""Collection pages use the page (#27), measured in Chromium at 1280 and
390 px on the demo site: the content is at least 800 px wide at 1280, no
portlet lists the collection's items, the section navigation counts what
the visitor may see, the header search box leads to the collection's
faceted search with the words filled in, and Plone's search offers no
internal types."""

from browser_fixtures import axe_violations
from browser_fixtures import FACILITATOR
from browser_fixtures import screenshot
from browser_fixtures import VIEWPORTS
from plone import api
from zope.component.hooks import setSite

import pytest
import re
import transaction


COLLECTION = "/en/osor"
COLLECTION_PAGES = {
    "collection": COLLECTION,
    "solution": f"{COLLECTION}/decidim",
    "faceted-search": f"{COLLECTION}/@@faceted-search",
}
MIN_CONTENT_WIDTH = 800


def content_width(page) -> float:
    return page.locator("#content").bounding_box()["width"]


def section_count(page, portal_type: str) -> int:
    link = page.locator(f".osor-section-nav a[data-portal-type='{portal_type}']")
    return int(link.locator(".osor-section-count").inner_text())


@pytest.mark.parametrize("name", list(COLLECTION_PAGES))
def test_collection_pages_use_the_width_of_the_page(shared_page, site_url, name, tmp_path):
    page = shared_page("desktop")
    page.goto(f"{site_url}{COLLECTION_PAGES[name]}")
    assert content_width(page) >= MIN_CONTENT_WIDTH
    assert page.locator("#portal-column-one, #portal-column-two").count() == 0
    assert page.locator(".portletNavigationTree, .portletEvents").count() == 0
    screenshot(page, f"layout-{name}-desktop", tmp_path)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(COLLECTION_PAGES))
def test_collection_pages_fit_and_are_accessible(shared_page, site_url, name, viewport):
    page = shared_page(viewport)
    page.goto(f"{site_url}{COLLECTION_PAGES[name]}")
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
    nav = page.locator(".osor-section-nav")
    assert nav.get_by_role("link", name="About").count() == 1
    assert axe_violations(page) == []


def test_card_titles_break_between_words_only(shared_page, site_url):
    page = shared_page("desktop")
    page.goto(f"{site_url}{COLLECTION}")
    cards = page.locator(".osor-cards .card")
    assert cards.count()
    narrowest = min(cards.nth(index).bounding_box()["width"] for index in range(cards.count()))
    assert narrowest >= 250
    styles = page.locator(".osor-cards .card-title").first.evaluate(
        "title => [getComputedStyle(title).wordBreak, getComputedStyle(title).overflowWrap]"
    )
    assert styles == ["normal", "normal"]


@pytest.fixture
def draft_solution(demo_portal):
    """A draft solution in the demo collection: its facilitator sees it, visitors do not."""
    setSite(demo_portal)
    with api.env.adopt_roles(["Manager"]):
        draft = api.content.create(
            container=demo_portal.en.osor, type="software_solution", id="draft-idea", title="Draft idea"
        )
    transaction.commit()
    yield draft
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(draft)
    transaction.commit()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_section_navigation_counts_what_the_visitor_may_see(new_page, site_url, draft_solution, viewport):
    from browser_fixtures import log_in

    visitor = new_page(viewport=VIEWPORTS[viewport])
    visitor.goto(f"{site_url}{COLLECTION}/decidim")
    solutions = section_count(visitor, "software_solution")

    facilitator = new_page(viewport=VIEWPORTS[viewport])
    log_in(facilitator, site_url, FACILITATOR)
    facilitator.goto(f"{site_url}{COLLECTION}/decidim")
    assert section_count(facilitator, "software_solution") == solutions + 1  # the draft

    # The section leads to the faceted search of that type, which lists as many.
    link = visitor.locator(".osor-section-nav a[data-portal-type='software_solution']")
    with visitor.expect_navigation():
        link.click()
    assert "/en/osor/@@faceted-search?portal_type=software_solution" in visitor.url
    summary = visitor.locator(".osor-search-summary").first.inner_text()
    assert re.search(rf"\bof {solutions}\b", summary), summary
    assert "Draft idea" not in visitor.locator("#content").inner_text()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_header_search_of_a_collection_lands_on_its_faceted_search(new_page, site_url, viewport):
    page = new_page(viewport=VIEWPORTS[viewport])
    page.goto(f"{site_url}{COLLECTION}/decidim")
    box = page.locator("#searchGadget")
    if not box.is_visible():  # phones: the search sits behind the menu button
        page.locator(".navbar-toggler").first.click()
    box.fill("Decidim")
    with page.expect_navigation():
        box.press("Enter")
    assert page.url.startswith(f"{site_url}{COLLECTION}/@@faceted-search?")
    assert "SearchableText=Decidim" in page.url
    assert page.locator("#osor-search-text").input_value() == "Decidim"
    results = page.locator(".osor-search-results")
    assert results.get_by_role("link", name="Decidim", exact=True).count() >= 1
    assert axe_violations(page) == []


def test_the_header_search_of_a_language_root_lands_on_its_faceted_search(page, site_url):
    page.goto(f"{site_url}/en/@@faceted-search")
    assert page.locator("#searchGadget_form").get_attribute("action") == f"{site_url}/en/@@faceted-search"
    assert content_width(page) >= MIN_CONTENT_WIDTH


def test_plones_search_offers_no_internal_types(page, site_url):
    page.goto(f"{site_url}/en/@@search?SearchableText=open&advanced_search=True")
    offered = page.locator("input[name='portal_type:list']").evaluate_all("boxes => boxes.map(box => box.value)")
    assert offered  # the filter is there
    assert not {"LRF", "LIF"} & set(offered)
    labels = page.locator("#search-filter, #content").first.inner_text()
    assert "Language Root Folder" not in labels
