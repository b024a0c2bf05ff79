"""The interface in any EU language, whatever the content languages (issue #30).

The functional site has one content language (``en-us``); a visitor whose
browser, or whose ``?set_language=``, names another EU language reads the
interface in it, with the page's ``lang`` saying so and the content's own
texts keeping theirs.
"""

from lxml import html
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser

import pytest
import transaction


@pytest.fixture
def collection(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    collection = api.content.create(
        container=functional_portal, type="community_collection", id="nordic", title="Nordic open source"
    )
    api.content.transition(collection, to_state="validated")
    transaction.commit()
    return collection


@pytest.fixture
def browser(functional_app):
    browser = Browser(functional_app)
    browser.handleErrors = False
    return browser


def page(browser):
    return html.fromstring(browser.contents)


def test_the_browser_language_is_the_interface_language(browser, collection):
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    transaction.commit()
    browser.addHeader("Accept-Language", "es-ES, fr;q=0.9")
    browser.open(f"{collection.absolute_url()}/@@about")
    assert page(browser).get("lang") == "es"
    assert "Member permissions" not in browser.contents


def test_set_language_chooses_and_is_remembered(browser, collection):
    browser.open(f"{collection.absolute_url()}/@@about?set_language=fr")
    assert page(browser).get("lang") == "fr"
    assert "Droits des membres" in browser.contents
    browser.open(f"{collection.absolute_url()}/@@about")
    assert "Droits des membres" in browser.contents, "the choice is kept for the next pages"
    browser.open(f"{collection.absolute_url()}/@@about?set_language=de")
    assert page(browser).get("lang") == "de"
    assert "Member permissions" not in browser.contents


def test_a_language_outside_the_eu_is_left_to_plone(browser, collection):
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    transaction.commit()
    browser.addHeader("Accept-Language", "ja")
    browser.open(f"{collection.absolute_url()}/@@about")
    assert page(browser).get("lang") in ("en", "en-us")
    assert "Member permissions" in browser.contents


def test_the_content_keeps_its_language(browser, collection):
    solution = api.content.create(container=collection, type="software_solution", id="decidim", title="Decidim")
    api.content.transition(solution, to_state="published")
    transaction.commit()
    browser.open(f"{solution.absolute_url()}?set_language=fr")
    tree = page(browser)
    assert tree.get("lang") == "fr"
    [heading] = tree.xpath("//h1[contains(@class, 'documentFirstHeading')]")
    assert heading.text_content().strip() == "Decidim"
    assert heading.get("lang") in ("en", "en-us")


def test_the_browser_language_is_ignored_where_the_site_ignores_it(browser, collection):
    api.portal.set_registry_record("plone.use_request_negotiation", False)
    transaction.commit()
    browser.addHeader("Accept-Language", "es")
    browser.open(f"{collection.absolute_url()}/@@about")
    assert page(browser).get("lang") in ("en", "en-us")
