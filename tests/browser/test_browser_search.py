"""A visitor narrows the demo's solutions with the faceted search, in Chromium (#17).

From the collection's homepage "See all" to one country and one licence,
clicking facet values; the counts promise what the results deliver; the
URL, opened in a fresh browser, gives the same page; the back button
returns to the previous state. (The phone layout and the page without
JavaScript: test_browser_search_phone.py.) Axe checks the page at both widths through
``browser_pages.PAGES`` (test_accessibility.py).
"""

from playwright.sync_api import expect

import re


COLLECTION = "/en/osor"
COUNTRY, LICENCE = "FI", "MIT"  # Decidim and X-Road cover Finland; X-Road alone is MIT


def facet_value(page, index: str, token: str):
    return page.locator(f"fieldset[data-facet='{index}'] input[value='{token}']")


def count_of(page, index: str, token: str) -> int:
    label = page.locator(f"label[for='{facet_value(page, index, token).get_attribute('id')}']")
    return int(label.locator(".osor-facet-count").inner_text().strip("()"))


def counts(page, index: str) -> list[int]:
    texts = page.locator(f"fieldset[data-facet='{index}'] .osor-facet-count").all_inner_texts()
    return [int(text.strip("()")) for text in texts]


def total(page) -> int:
    summary = page.locator(".osor-search-summary").first.inner_text()
    return int(re.search(r"(\d+)\s*$", summary.strip()).group(1))


def titles(page) -> list[str]:
    return page.locator(".osor-search-results .osor-card-title").all_inner_texts()


def choose(page, index: str, token: str) -> None:
    """Tick a facet value (opening its "more" if it is there): it applies at once."""
    value = facet_value(page, index, token)
    if not value.is_visible():
        page.locator(f"fieldset[data-facet='{index}'] .osor-facet-more > summary").click()
    value.check()
    # The URL is pushed as the fetched results are swapped in.
    expect(page).to_have_url(re.compile(f"{index}={token}"))


def test_visitor_narrows_the_solutions_to_one_country_and_one_licence_and_shares_the_url(
    new_page, site_url, external_requests
):
    page = new_page()
    page.goto(site_url + COLLECTION)
    with page.expect_navigation():
        page.locator("#osor-section-software_solution a.osor-see-all").click()
    assert "@@faceted-search" in page.url
    assert facet_value(page, "portal_type", "software_solution").is_checked()
    every_solution = total(page)

    promised = count_of(page, "osor_countries", COUNTRY)
    choose(page, "osor_countries", COUNTRY)
    by_country = titles(page)
    assert total(page) == promised == len(by_country) == 2
    assert set(by_country) == {"Decidim", "X-Road"}
    # Each of these solutions has one licence: the licence counts add up to the results.
    assert sum(counts(page, "osor_licences")) == total(page)
    # Disjunctive counts: the country facet still offers the other countries.
    assert count_of(page, "osor_countries", "FR") >= 1

    promised = count_of(page, "osor_licences", LICENCE)
    choose(page, "osor_licences", LICENCE)
    assert total(page) == promised == 1
    assert titles(page) == ["X-Road"]
    chips = page.locator(".osor-search-chips li").all_inner_texts()
    assert len(chips) == 3  # the type, the country and the licence, each removable

    shared = page.url
    assert f"osor_countries={COUNTRY}" in shared and f"osor_licences={LICENCE}" in shared
    elsewhere = new_page()  # a fresh context: no cookies, no history
    elsewhere.goto(shared)
    assert titles(elsewhere) == ["X-Road"]
    assert facet_value(elsewhere, "osor_countries", COUNTRY).is_checked()
    assert facet_value(elsewhere, "osor_licences", LICENCE).is_checked()
    assert elsewhere.locator(".osor-search-chips li").all_inner_texts() == chips

    page.go_back()
    expect(page.locator(".osor-search-results .osor-card")).to_have_count(2)
    assert set(titles(page)) == {"Decidim", "X-Road"}
    assert facet_value(page, "osor_countries", COUNTRY).is_checked()
    assert not facet_value(page, "osor_licences", LICENCE).is_checked()
    page.go_back()
    expect(page.locator(".osor-search-summary")).to_contain_text(f"of {every_solution}")
    assert external_requests == []


def test_facets_are_a_sidebar_next_to_the_results_on_a_desktop(new_page, site_url):
    page = new_page()
    page.goto(f"{site_url}{COLLECTION}/@@faceted-search?portal_type=software_solution")
    form = page.locator("form.osor-search-form").bounding_box()
    results = page.locator(".osor-search-results").bounding_box()
    assert form["x"] + form["width"] <= results["x"]
    assert results["y"] - form["y"] < 50  # side by side, not one below the other
