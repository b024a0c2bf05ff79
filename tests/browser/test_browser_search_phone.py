"""The faceted search, phones first (#27 §3), in Chromium at 1280 and 390 px.

On a phone the first result is on the first screen: the filters wait behind
a "Filters (n selected)" disclosure. A facet with many values shows its top
values and a "more" disclosure. With JavaScript a ticked value applies at
once (the results and the URL change, Back restores the previous search);
without it the Apply button at the top of the filters does.
"""

from browser_fixtures import axe_violations
from browser_fixtures import DESKTOP
from browser_fixtures import PHONE
from browser_fixtures import VIEWPORTS
from playwright.sync_api import expect

import json
import pytest
import re


SOLUTIONS = "/en/osor/@@faceted-search?portal_type=software_solution"
LEGAL_FAQ = "/@@legal-faq"
FIRST_SCREEN = 900  # px from the top of the page at 390 px
COUNTRY = "FI"  # Decidim and X-Road cover Finland


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return VIEWPORTS[request.param]


def filters(page):
    return page.locator(".osor-faceted-search details.osor-filters")


def filters_toggle(page):
    return filters(page).locator("> summary")


def facet_value(page, index: str, token: str):
    return page.locator(f"fieldset[data-facet='{index}'] input[value='{token}']")


def open_filters(page) -> None:
    if filters(page).get_attribute("open") is None:
        filters_toggle(page).click()
    expect(filters(page)).to_have_attribute("open", "")


def reveal(page, index: str, token: str):
    """The checkbox of a value, its facet's "more" opened if it is there."""
    value = facet_value(page, index, token)
    if not value.is_visible():
        page.locator(f"fieldset[data-facet='{index}'] .osor-facet-more > summary").click()
    expect(value).to_be_visible()
    return value


def total(page) -> int:
    summary = page.locator(".osor-search-summary").first.inner_text()
    return int(re.search(r"(\d+)\s*$", summary.strip()).group(1))


def titles(page) -> list[str]:
    return page.locator(".osor-search-results .osor-card-title").all_inner_texts()


def test_the_first_result_is_on_a_phones_first_screen(new_page, site_url, external_requests):
    page = new_page(viewport=PHONE)
    page.goto(site_url + SOLUTIONS)
    first = page.locator(".osor-search-results .osor-card").first.bounding_box()
    assert first["y"] < FIRST_SCREEN, f"the first result starts {first['y']:.0f} px down"
    assert not page.locator("fieldset.osor-facet").first.is_visible()
    assert filters_toggle(page).inner_text().strip() == "Filters (1 selected)"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert external_requests == []


def test_the_first_result_is_on_a_phones_first_screen_without_javascript(chromium_no_js, site_url):
    page = chromium_no_js(PHONE)
    page.goto(site_url + SOLUTIONS)
    first = page.locator(".osor-search-results .osor-card").first.bounding_box()
    assert first["y"] < FIRST_SCREEN, f"the first result starts {first['y']:.0f} px down"


def test_the_filters_control_opens_the_panel_on_a_phone(new_page, site_url):
    page = new_page(viewport=PHONE)
    page.goto(site_url + SOLUTIONS)
    toggle = filters_toggle(page)
    toggle.focus()
    page.keyboard.press("Enter")  # a keyboard user opens it too
    expect(filters(page)).to_have_attribute("open", "")
    expect(page.locator("fieldset[data-facet='osor_countries']")).to_be_visible()
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=1)
    page.keyboard.press("Enter")
    expect(page.locator("fieldset[data-facet='osor_countries']")).to_be_hidden()


def test_the_filters_are_beside_the_results_on_a_desktop(new_page, site_url):
    page = new_page(viewport=DESKTOP)
    page.goto(site_url + SOLUTIONS)
    expect(filters(page)).to_have_attribute("open", "")
    types = page.locator("fieldset.osor-facet").first.bounding_box()
    results = page.locator(".osor-search-results").bounding_box()
    assert types["x"] + types["width"] <= results["x"]
    assert types["y"] < page.viewport_size["height"]


def test_a_facet_with_many_values_shows_the_top_ones_and_more(new_page, site_url, viewport):
    page = new_page(viewport=viewport)
    page.goto(site_url + SOLUTIONS)
    open_filters(page)
    countries = page.locator("fieldset[data-facet='osor_countries']")
    shown = countries.locator("input[type='checkbox']:visible")
    every = countries.locator("input[type='checkbox']").count()
    assert shown.count() == 5 < every
    counts = [int(text.strip("()")) for text in countries.locator(".osor-facet-count:visible").all_inner_texts()]
    hidden_counts = [
        int(text.strip("()")) for text in countries.locator(".osor-facet-more .osor-facet-count").all_text_contents()
    ]
    assert min(counts) >= max(hidden_counts)  # the top values by count
    more = countries.locator(".osor-facet-more > summary")
    assert more.inner_text() == f"Show {every - 5} more"
    more.click()
    assert shown.count() == every
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=1)


def test_ticking_a_value_applies_at_once_and_back_restores(new_page, site_url, viewport, external_requests):
    page = new_page(viewport=viewport)
    page.goto(site_url + SOLUTIONS)
    every_solution = total(page)
    assert page.get_by_role("button", name="Apply filters").is_hidden()
    open_filters(page)
    country = reveal(page, "osor_countries", COUNTRY)
    with page.expect_request(lambda request: f"osor_countries={COUNTRY}" in request.url):
        country.check()
    expect(page).to_have_url(re.compile(f"osor_countries={COUNTRY}"))
    expect(page.locator(".osor-search-results .osor-card")).to_have_count(2)
    assert set(titles(page)) == {"Decidim", "X-Road"}
    # The panel stays open, the ticked box keeps the focus and is ticked,
    # the control and the live region say how many filters are selected.
    expect(filters(page)).to_have_attribute("open", "")
    assert facet_value(page, "osor_countries", COUNTRY).is_checked()
    assert page.evaluate("document.activeElement.value") == COUNTRY
    assert filters_toggle(page).inner_text().strip() == "Filters (2 selected)"
    assert page.locator("[role='status']").inner_text() == "Filters selected: 2. Results: 2."

    page.go_back()
    expect(page).not_to_have_url(re.compile("osor_countries"))
    expect(page.locator(".osor-search-summary")).to_contain_text(f"of {every_solution}")
    assert not facet_value(page, "osor_countries", COUNTRY).is_checked()
    assert filters_toggle(page).inner_text().strip() == "Filters (1 selected)"
    page.go_forward()
    expect(page.locator(".osor-search-results .osor-card")).to_have_count(2)
    assert facet_value(page, "osor_countries", COUNTRY).is_checked()
    assert external_requests == []


def test_the_legal_faq_applies_a_ticked_category_at_once(new_page, site_url):
    page = new_page(viewport=PHONE)
    page.goto(site_url + LEGAL_FAQ)
    assert page.locator(".osor-search-chips li").count() == 0
    open_filters(page)
    category = page.locator("fieldset[data-facet='osor_legal_category'] input[type='checkbox']").first
    token = category.get_attribute("value")
    category.check()
    expect(page).to_have_url(re.compile(f"osor_legal_category={token}"))
    expect(page.locator(".osor-search-chips li")).to_have_count(1)
    assert filters_toggle(page).inner_text().strip() == "Filters (1 selected)"
    page.go_back()
    expect(page.locator(".osor-search-chips li")).to_have_count(0)
    assert not page.locator(f"input[name='osor_legal_category'][value='{token}']").is_checked()


@pytest.fixture
def chromium_no_js(chromium, local_only):
    """A factory of pages in a browser context with JavaScript off."""
    contexts = []

    def make(viewport: dict):
        context = chromium.new_context(viewport=viewport, locale="en-GB", java_script_enabled=False)
        context.route("**/*", local_only)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("viewport_name", list(VIEWPORTS))
def test_without_javascript_the_apply_button_at_the_top_of_the_filters_works(chromium_no_js, site_url, viewport_name):
    page = chromium_no_js(VIEWPORTS[viewport_name])
    page.goto(site_url + SOLUTIONS)
    filters_toggle(page).click()
    apply = page.get_by_role("button", name="Apply filters")
    panel = page.locator(".osor-filters-panel").bounding_box()
    button = apply.bounding_box()
    assert button["y"] - panel["y"] < 50, "the Apply button is not at the top of the filters"
    assert button["y"] < page.locator("fieldset.osor-facet").first.bounding_box()["y"]
    more = page.locator("fieldset[data-facet='osor_countries'] .osor-facet-more")
    more.locator("> summary").click()  # the "more" disclosure needs no script either
    expect(more).to_have_attribute("open", "")
    facet_value(page, "osor_countries", COUNTRY).check()
    with page.expect_navigation():
        apply.click()
    assert f"osor_countries={COUNTRY}" in page.url
    assert set(titles(page)) == {"Decidim", "X-Road"}
    assert facet_value(page, "osor_countries", COUNTRY).is_checked()
