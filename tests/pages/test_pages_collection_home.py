"""The collection homepage: sections per type with counts, featured first, events, news, centres."""

from datetime import datetime
from datetime import timedelta
from pages_content import anonymous_browser
from pages_content import commit
from pages_content import json_ld
from pages_content import make_osor_collection
from pages_content import make_solution
from pages_content import of_type
from pages_content import published
from plone import api

import lxml.html
import pytest
import pytz


def add(collection, portal_type, id, **fields):
    return published(api.content.create(container=collection, type=portal_type, id=id, **fields))


@pytest.fixture
def collection(functional_portal):
    collection = make_osor_collection(functional_portal)
    make_solution(collection)
    add(collection, "software_solution", "openproject", title="OpenProject")
    api.content.create(container=collection, type="software_solution", id="draft", title="Unpublished idea")
    add(collection, "case_study", "case", title="Barcelona decides", year=2021, spatial_coverage=["ES"])
    soon = pytz.utc.localize(datetime.utcnow() + timedelta(days=10))
    add(collection, "community_event", "webinar", title="Next webinar", start=soon, end=soon + timedelta(hours=1))
    add(collection, "community_news", "news", title="Report published")
    add(collection, "competence_centre", "agid", title="AgID", country="IT")
    add(collection, "competence_centre", "cnll", title="CNLL", country="FR")
    commit()
    return collection


@pytest.fixture
def page(collection, functional_app):
    browser = anonymous_browser(functional_app)
    browser.open(collection.absolute_url())
    return lxml.html.fromstring(browser.contents), browser


def section(tree, portal_type):
    found = tree.xpath(f'//section[@data-portal-type="{portal_type}"]')
    return found[0] if found else None


def test_sections_per_type_with_counts_and_see_all(page):
    tree, browser = page
    solutions = section(tree, "software_solution")
    assert solutions.xpath('.//span[contains(@class, "osor-count")]/text()') == ["2"]
    titles = solutions.xpath(".//article//h3/a/text()")
    assert sorted(titles) == ["Decidim", "OpenProject"]
    see_all = solutions.xpath('.//a[@class="osor-see-all"]/@href')[0]
    assert "/@@faceted-search?portal_type=software_solution" in see_all
    # "See all" is the collection's faceted search on that type.
    browser.open(see_all)
    assert "Decidim" in browser.contents and "OpenProject" in browser.contents
    assert section(tree, "legal_request") is None


def test_unpublished_items_are_not_shown_to_anonymous(page):
    _tree, browser = page
    assert "Unpublished idea" not in browser.contents


def test_cards_show_key_facts(page):
    tree, _browser = page
    decidim = section(tree, "software_solution").xpath('.//article[.//a[text()="Decidim"]]')[0]
    facts = decidim.xpath(".//ul/li/text()")
    assert "AGPL-3.0-only" in facts
    case = section(tree, "case_study").xpath(".//article")[0]
    assert "2021" in case.text_content() and "Spain" in case.text_content()


def test_upcoming_events_and_latest_news(page):
    tree, browser = page
    events = tree.xpath('//section[contains(@class, "osor-upcoming-events")]')[0]
    assert events.xpath(".//h3/a/text()") == ["Next webinar"]
    assert browser.getLink("Past events")
    news = tree.xpath('//section[contains(@class, "osor-latest-news")]')[0]
    assert news.xpath(".//h3/a/text()") == ["Report published"]


def test_competence_centres_grouped_by_country(page):
    tree, _browser = page
    centres = tree.xpath('//section[contains(@class, "osor-centres-by-country")]')[0]
    assert centres.xpath(".//h3/text()") == ["France", "Italy"]


def test_collection_header_links_for_anonymous_visitors(page, collection):
    _tree, browser = page
    assert browser.getLink("About").url == f"{collection.absolute_url()}/@@about"
    assert browser.getLink("Members").url == f"{collection.absolute_url()}/@@members"
    assert "/login?came_from=" in browser.getLink("Log in to join").url


def test_collection_header_on_the_collections_content(collection, functional_app):
    browser = anonymous_browser(functional_app)
    browser.open(collection["decidim"].absolute_url())
    assert browser.getLink("Open Source Observatory").url == collection.absolute_url()
    assert browser.getLink("Log in to join")


def test_structured_data_of_the_homepage(page, collection):
    _tree, browser = page
    items = json_ld(browser.contents)
    assert of_type(items, "CollectionPage")["url"] == collection.absolute_url()
    assert of_type(items, "BreadcrumbList")
