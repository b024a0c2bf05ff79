"""A software solution's page: what an anonymous visitor reads, and its structured data."""

from datetime import date
from osor.collection.content.software_solution import ISoftwareSolution
from pages_content import add_release
from pages_content import anonymous_browser
from pages_content import assert_hidden_from_anonymous
from pages_content import commit
from pages_content import json_ld
from pages_content import make_osor_collection
from pages_content import make_solution
from pages_content import of_type
from plone import api
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

import lxml.html
import pytest
import transaction


@pytest.fixture
def solution(functional_portal):
    collection = make_osor_collection(functional_portal)
    solution = make_solution(collection, used_by=["City of Barcelona", "City of Helsinki"])
    add_release(solution, "0.27.0", date(2023, 5, 2))
    add_release(solution, "0.28.0", date(2024, 4, 15))
    commit()
    return solution


@pytest.fixture
def page(solution, functional_app):
    browser = anonymous_browser(functional_app)
    browser.open(solution.absolute_url())
    return browser


def test_the_solution_page_is_the_default_view(solution, page):
    assert 'class="osor-solution"' in page.contents


def test_links_are_real_links(page):
    assert page.getLink("https://github.com/decidim/decidim").url == "https://github.com/decidim/decidim"
    assert page.getLink("https://decidim.org").url == "https://decidim.org"


def test_licence_links_to_its_licence_page_and_to_the_search(page):
    tree = lxml.html.fromstring(page.contents)
    hrefs = tree.xpath('//section[@class="osor-key-facts"]//a/@href')
    assert any(href.endswith("/@@licence?id=AGPL-3.0-only") for href in hrefs)
    assert "https://spdx.org/licenses/AGPL-3.0-only.html" not in hrefs
    assert any("@@faceted-search?osor_licences=AGPL-3.0-only" in href for href in hrefs)


def test_status_links_to_the_search(page):
    status = page.getLink("Completed")
    assert "@@faceted-search?osor_status=Completed" in status.url


def test_releases_newest_first_with_a_download_button(page):
    tree = lxml.html.fromstring(page.contents)
    versions = tree.xpath('//section[@class="osor-releases"]//h3/a/text()')
    assert versions == ["0.28.0", "0.27.0"]
    buttons = tree.xpath('//a[contains(@class, "osor-download")]/@href')
    assert buttons and all(href.endswith("/@@download") for href in buttons)
    assert "1.2 MB" in page.contents
    assert "Apr 15, 2024" in page.contents


def test_download_button_counts_the_download(solution, page):
    distribution = solution["v0.28.0"]["source"]
    # A browser's download counts (tests/pages/test_download_counting.py); the test browser says none.
    page.addHeader("User-Agent", "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")
    page.getLink(url=f"{distribution.absolute_url()}/@@download").click()
    assert page.contents == b"x" * 1_234_567
    transaction.begin()
    assert distribution.download_count == 1


def test_used_by_are_separate_items(page):
    tree = lxml.html.fromstring(page.contents)
    assert tree.xpath('//section[@class="osor-used-by"]//li/text()') == ["City of Barcelona", "City of Helsinki"]


def test_interface_languages_are_named(page):
    assert "Catalan" in page.contents
    assert "Spanish" in page.contents


def test_empty_fields_are_not_shown(page):
    tree = lxml.html.fromstring(page.contents)
    labels = [text.strip() for text in tree.xpath("//dl[contains(@class, 'osor-facts')]/dt/text()")]
    assert "Issue tracker" not in labels
    assert "Documentation" not in labels
    assert "Programming languages" not in labels
    assert "Logo" not in page.contents
    assert "No image" not in page.contents


def test_structured_data_is_a_software_application(solution, page):
    items = json_ld(page.contents)
    application = of_type(items, "SoftwareApplication")
    assert application["name"] == "Decidim"
    assert application["url"] == solution.absolute_url()
    assert application["license"] == ["https://spdx.org/licenses/AGPL-3.0-only.html"]
    assert application["softwareVersion"] == "0.28.0"
    crumbs = of_type(items, "BreadcrumbList")
    assert [item["name"] for item in crumbs["itemListElement"]][-1] == "Decidim"


def test_an_unpublished_solution_is_not_shown_to_anonymous(solution, functional_app):
    draft = api.content.create(
        container=solution.aq_parent, type="software_solution", id="draft", title="A draft solution"
    )
    commit()
    assert_hidden_from_anonymous(functional_app, draft)


def test_a_licence_without_facts_links_to_its_spdx_text(solution, functional_app):
    solution.licence_expression = "AGPL-3.0-only OR Beerware"
    notify(ObjectModifiedEvent(solution, Attributes(ISoftwareSolution, "licence_expression")))
    commit()
    browser = anonymous_browser(functional_app)
    browser.open(solution.absolute_url())
    hrefs = lxml.html.fromstring(browser.contents).xpath('//section[@class="osor-key-facts"]//a/@href')
    assert "https://spdx.org/licenses/Beerware.html" in hrefs
    assert any(href.endswith("/@@licence?id=AGPL-3.0-only") for href in hrefs)


def test_an_expression_that_says_more_than_or_is_shown(solution, functional_app):
    solution.licence_expression = "GPL-2.0-or-later WITH Classpath-exception-2.0"
    notify(ObjectModifiedEvent(solution, Attributes(ISoftwareSolution, "licence_expression")))
    commit()
    browser = anonymous_browser(functional_app)
    browser.open(solution.absolute_url())
    assert "GPL-2.0-or-later WITH Classpath-exception-2.0" in browser.contents


def test_the_page_hints_whether_its_licences_may_go_into_an_eupl_project(page):
    tree = lxml.html.fromstring(page.contents)
    (hint,) = tree.xpath('//section[@class="osor-eupl-hint"]//li')
    text = " ".join(hint.text_content().split())
    assert "Not compatible" in text  # AGPL-3.0 code cannot be relicensed under the EUPL
    (checker,) = hint.xpath(".//a/@href")
    assert checker.endswith("/@@licence-compatibility?inbound=AGPL-3.0-only&outbound=EUPL-1.2")


def test_a_licence_no_source_covers_gets_an_unknown_hint(solution, functional_app):
    solution.licence_expression = "CECILL-B"
    notify(ObjectModifiedEvent(solution, Attributes(ISoftwareSolution, "licence_expression")))
    commit()
    browser = anonymous_browser(functional_app)
    browser.open(solution.absolute_url())
    (hint,) = lxml.html.fromstring(browser.contents).xpath('//section[@class="osor-eupl-hint"]//li')
    assert "Unknown: no source covers it" in " ".join(hint.text_content().split())
    assert hint.xpath('.//*[contains(@class, "osor-verdict-unknown")]')


def test_an_eupl_solution_gets_no_hint_about_itself(solution, functional_app):
    solution.licence_expression = "EUPL-1.2"
    notify(ObjectModifiedEvent(solution, Attributes(ISoftwareSolution, "licence_expression")))
    commit()
    browser = anonymous_browser(functional_app)
    browser.open(solution.absolute_url())
    assert 'class="osor-eupl-hint"' not in browser.contents
