"""Facilitators pin items on the collection homepage: permission-checked, CSRF-protected, indexed."""

from osor.collection.membership import members
from osor.collection.pages import featured
from pages_content import anonymous_browser
from pages_content import commit
from pages_content import make_osor_collection
from pages_content import make_solution
from pages_content import published
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser
from zExceptions import Forbidden
from zExceptions import Unauthorized

import lxml.html
import pytest
import transaction


PASSWORD = "a-long-test-password"


@pytest.fixture
def collection(functional_portal):
    collection = make_osor_collection(functional_portal)
    make_solution(collection)
    published(api.content.create(container=collection, type="software_solution", id="zeta", title="Zeta"))
    for userid in ("fiona", "maria"):
        api.user.create(email=f"{userid}@example.org", username=userid, password=PASSWORD)
    members.add_member(collection, "fiona", "facilitator")
    members.add_member(collection, "maria", "member")
    setRoles(functional_portal, TEST_USER_ID, ["Member"])
    commit()
    return collection


def browser_of(app, userid):
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {userid}:{PASSWORD}")
    return browser


def solution_titles(app, collection):
    browser = anonymous_browser(app)
    browser.open(collection.absolute_url())
    tree = lxml.html.fromstring(browser.contents)
    return tree.xpath('//section[@data-portal-type="software_solution"]//article//h3/a/text()')


def test_a_facilitator_pins_an_item_from_its_page_and_it_comes_first(collection, functional_app):
    api.content.get(path="/osor/zeta").setModificationDate(api.content.get(path="/osor/decidim").modified() - 10)
    # Not reindexObject(): without idxs it sets the modification date to now.
    api.content.get(path="/osor/zeta").reindexObject(idxs=["modified"])
    commit()
    assert solution_titles(functional_app, collection)[0] == "Decidim"
    browser = browser_of(functional_app, "fiona")
    browser.open(collection["zeta"].absolute_url())
    browser.getControl("Pin on the collection homepage").click()
    assert "Pinned on the collection homepage." in browser.contents
    transaction.begin()
    assert featured.is_featured(collection["zeta"])
    catalog = api.portal.get_tool("portal_catalog")
    assert [brain.getId for brain in catalog(osor_featured=True)] == ["zeta"]
    assert solution_titles(functional_app, collection)[0] == "Zeta"

    browser.getControl("Unpin from the collection homepage").click()
    transaction.begin()
    assert not featured.is_featured(collection["zeta"])


def test_members_see_no_pin_button_and_cannot_pin(collection, functional_app):
    browser = browser_of(functional_app, "maria")
    browser.open(collection["zeta"].absolute_url())
    assert "Pin on the collection homepage" not in browser.contents
    with pytest.raises(Unauthorized):
        browser.post(f"{collection['zeta'].absolute_url()}/@@feature", "featured=1")


def test_pinning_needs_the_csrf_token(collection, functional_app):
    browser = browser_of(functional_app, "fiona")
    with pytest.raises(Forbidden):
        browser.post(f"{collection['zeta'].absolute_url()}/@@feature", "featured=1")
    transaction.begin()
    assert not featured.is_featured(collection["zeta"])


def test_pinning_is_post_only(collection, functional_app):
    browser = browser_of(functional_app, "fiona")
    with pytest.raises(Forbidden):
        browser.open(f"{collection['zeta'].absolute_url()}/@@feature?featured=1")
    transaction.begin()
    assert not featured.is_featured(collection["zeta"])
