"""Reading in one's own language: fallbacks in listings, canonical data on translations."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from osor.collection.demo.multilingual import setup_multilingual_site
from pages_content import add_release
from pages_content import anonymous_browser
from pages_content import commit
from pages_content import published
from plone import api
from plone.app.event.portlets.portlet_events import Assignment
from plone.app.multilingual import api as pam_api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from z3c.relationfield import RelationValue
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified

import lxml.html
import pytest
import pytz


@pytest.fixture
def bilingual_site(functional_portal):
    """English and French; Decidim and OpenProject are in English, only Decidim in French."""
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    roots = setup_multilingual_site(functional_portal, languages=("en", "fr"))
    collection = api.content.create(container=roots["en"], type="community_collection", id="osor", title="OSOR")
    api.content.transition(collection, to_state="validated")
    decidim = published(
        api.content.create(
            container=collection,
            type="software_solution",
            id="decidim",
            title="Decidim",
            owner_name="Barcelona City Council",
            interface_languages=["ca", "es"],
        )
    )
    openproject = published(
        api.content.create(container=collection, type="software_solution", id="openproject", title="OpenProject")
    )
    add_release(decidim, "0.28.0", date(2024, 4, 15))
    intids = getUtility(IIntIds)
    decidim.related_solutions = [RelationValue(intids.getId(openproject))]
    modified(decidim)
    french_collection = pam_api.translate(collection, "fr")
    french_collection.title = "OSOR (fr)"
    api.content.transition(french_collection, to_state="validated")
    french = pam_api.translate(decidim, "fr")
    french.title = "Decidim (fr)"
    french.reindexObject()
    published(french)
    commit()
    return {"collection": collection, "french_collection": french_collection, "french": french}


def french_page(app, url):
    browser = anonymous_browser(app)
    browser.addHeader("Accept-Language", "fr")
    browser.open(url)
    return browser, lxml.html.fromstring(browser.contents)


def test_french_listing_shows_the_translation_and_the_english_item_marked(bilingual_site, functional_app):
    _browser, tree = french_page(functional_app, bilingual_site["french_collection"].absolute_url())
    solutions = tree.xpath('//section[@data-portal-type="software_solution"]')[0]
    links = {link.text: link for link in solutions.xpath(".//article//h3/a")}
    assert sorted(links) == ["Decidim (fr)", "OpenProject"]
    assert links["Decidim (fr)"].get("hreflang") is None
    assert links["OpenProject"].get("hreflang") == "en"
    assert links["OpenProject"].get("lang") == "en"
    english_card = links["OpenProject"].getparent().getparent()
    assert english_card.xpath('.//p[contains(@class, "osor-fallback-note")]')


def test_a_translation_shows_the_releases_of_the_canonical_solution(bilingual_site, functional_app):
    browser, tree = french_page(functional_app, bilingual_site["french"].absolute_url())
    assert tree.xpath('//section[@class="osor-releases"]//h3/a/text()') == ["0.28.0"]
    assert browser.getLink(url="/en/osor/decidim/v0.28.0/source/@@download")


def test_a_translation_shows_the_owner_and_relations_of_the_canonical_solution(bilingual_site, functional_app):
    browser, tree = french_page(functional_app, bilingual_site["french"].absolute_url())
    assert "Barcelona City Council" in browser.contents
    related = tree.xpath('//section[@class="osor-related"]//h3/a')
    assert [link.text for link in related] == ["OpenProject"]
    assert related[0].get("hreflang") == "en"


def test_language_names_in_the_visitors_language(bilingual_site, functional_app):
    browser, _tree = french_page(functional_app, bilingual_site["french"].absolute_url())
    assert "catalan" in browser.contents
    assert "espagnol" in browser.contents


def assign_events_portlet(portal):
    manager = getUtility(IPortletManager, name="plone.rightcolumn", context=portal)
    mapping = getMultiAdapter((portal, manager), IPortletAssignmentMapping)
    if "events" not in mapping:  # Plone's default site has one
        mapping["events"] = Assignment(count=5, state=("published",))


def test_events_portlet_shows_translations_and_marked_english_events(bilingual_site, functional_portal, functional_app):
    soon = pytz.utc.localize(datetime.utcnow() + timedelta(days=7))
    collection = bilingual_site["collection"]
    translated = published(
        api.content.create(
            container=collection,
            type="community_event",
            id="webinar",
            title="Webinar",
            start=soon,
            end=soon + timedelta(hours=1),
        )
    )
    published(
        api.content.create(
            container=collection,
            type="community_event",
            id="summit",
            title="Summit",
            start=soon,
            end=soon + timedelta(hours=2),
        )
    )
    french = pam_api.translate(translated, "fr")
    french.title = "Webinaire"
    french.reindexObject()
    published(french)
    assign_events_portlet(functional_portal)
    commit()
    # Collections block the portlet column (their homepage lists the events):
    # the French language root still shows it.
    _browser, tree = french_page(functional_app, functional_portal["fr"].absolute_url())
    portlet = tree.xpath('//div[contains(@class, "portletEvents")]')[0]
    titles = [span.text for span in portlet.xpath(".//li/a/span[last()]")]
    assert sorted(titles) == ["Summit", "Webinaire"]
    summit = portlet.xpath('.//li[.//span[text()="Summit"]]')[0]
    assert summit.xpath(".//a/@hreflang") == ["en"]
    assert summit.xpath('.//span[contains(@class, "osor-fallback-note")]')
