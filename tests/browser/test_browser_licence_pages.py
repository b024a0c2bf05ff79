"""The licence pages, the compatibility checker and the Legal FAQ in every
language of the demo, as a visitor uses them in Chromium."""

from browser_fixtures import axe_violations

import pytest


LEGAL_PAGES = {
    "licences": "/@@licences",
    "licence": "/@@licence?id=EUPL-1.2",
    "comparison": "/@@licence-comparison?ids=MIT,EUPL-1.2",
    "checker": "/@@licence-compatibility",
    "legal-faq": "/@@legal-faq",
}
# A word of each page's heading, by language.
HEADINGS = {
    "fr": {"licences": "Licences", "checker": "compatibilité", "legal-faq": "FAQ"},
    "de": {"licences": "Lizenzen", "checker": "Kompatibilität", "legal-faq": "FAQ"},
}


@pytest.mark.parametrize("name", LEGAL_PAGES)
@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_each_legal_page_is_served_under_each_language_root(page, site_url, language, name):
    response = page.goto(f"{site_url}/{language}{LEGAL_PAGES[name]}")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    heading = HEADINGS.get(language, {}).get(name)
    if heading:
        assert heading.lower() in page.locator("h1").first.inner_text().lower()


@pytest.mark.parametrize("name", ["licences", "licence", "checker", "legal-faq"])
def test_the_language_switcher_leads_to_the_same_page_in_the_other_language(page, site_url, name):
    path = LEGAL_PAGES[name]
    page.goto(f"{site_url}/fr{path}")
    with page.expect_navigation():
        page.locator("#portal-languageselector .language-de a").click()
    assert page.url.startswith(f"{site_url}/de{path.split('?')[0]}")
    assert page.locator("html").get_attribute("lang") == "de"
    if "?" in path:
        assert path.split("?")[1] in page.url


def test_links_of_a_french_licence_page_stay_in_french(page, site_url):
    page.goto(f"{site_url}/fr/@@licences")
    href = page.locator("table.licence-list a", has_text="EUPL-1.2").first.get_attribute("href")
    assert href.startswith(f"{site_url}/fr/@@licence?")


def test_every_compare_checkbox_of_the_licence_list_has_a_name(page, site_url):
    page.goto(f"{site_url}/fr/@@licences")
    boxes = page.locator("input[name='ids:list']")
    assert boxes.count() >= 40
    assert page.get_by_role("checkbox", name="Comparer MIT License").count() == 1
    assert axe_violations(page) == []


def test_the_checker_offers_licence_ids_as_the_visitor_types(page, site_url):
    page.goto(f"{site_url}/en/@@licence-compatibility")
    inbound = page.get_by_role("combobox", name="Licence of the code you reuse (SPDX id or expression)")
    inbound.press_sequentially("gpl-2")
    option = page.get_by_role("option", name="GPL-2.0-only", exact=False).first
    option.click()
    assert inbound.input_value().startswith("GPL-2.0-only")
    outbound = page.get_by_role("combobox", name="Licence of your work (SPDX id or expression)")
    outbound.press_sequentially("eupl-1.2")
    outbound.press("ArrowDown")
    outbound.press("Enter")
    assert outbound.input_value().strip() == "EUPL-1.2"
    with page.expect_navigation():
        page.get_by_role("button", name="Check").click()
    assert "GPL-2.0-only" in page.locator(".licence-compatibility-result h2").inner_text()


def test_an_empty_check_says_what_is_missing_under_each_field(page, site_url):
    page.goto(f"{site_url}/fr/@@licence-compatibility")
    with page.expect_navigation():
        page.locator("form.licence-compatibility-form button[type=submit]").click()
    for name in ("inbound", "outbound"):
        field = page.locator(f"#{name}")
        assert field.get_attribute("aria-invalid") == "true"
        error = page.locator(f"#{field.get_attribute('aria-describedby')}")
        assert error.is_visible()
        assert "SPDX" in error.inner_text()
    assert page.get_by_role("alert").is_visible()
    assert axe_violations(page) == []


def test_an_incomplete_check_names_the_field_and_what_is_wrong(page, site_url):
    page.goto(f"{site_url}/en/@@licence-compatibility?inbound=GPL-2.0-only+OR&outbound=EUPL-1.2")
    assert page.locator("#inbound").get_attribute("aria-invalid") == "true"
    assert page.locator("#outbound").get_attribute("aria-invalid") is None
    assert "is not a known SPDX licence id" in page.locator("#inbound-error").inner_text()


def test_a_french_answer_is_in_french_and_english_only_sources_are_marked(page, site_url):
    page.goto(f"{site_url}/fr/@@licence-compatibility?inbound=MIT&outbound=EUPL-1.2")
    result = page.locator(".licence-compatibility-result")
    assert "OSADL" in result.inner_text()
    explanation = result.locator("p").first.inner_text()
    assert "Selon la matrice" in explanation
    sources = result.locator("a[href*='osadl.org']")
    assert sources.first.get_attribute("lang") == "en"
