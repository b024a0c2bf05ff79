"""The collection header: the join button matching the visitor's state."""

from osor.collection.membership import members
from pages_content import anonymous_browser
from pages_content import commit
from pages_content import make_osor_collection
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser

import lxml.html
import pytest


PASSWORD = "a-long-test-password"


@pytest.fixture
def make(functional_portal):
    def factory(closed=False):
        collection = make_osor_collection(functional_portal, closed=closed)
        for userid in ("maria", "nina"):
            api.user.create(email=f"{userid}@example.org", username=userid, password=PASSWORD)
        members.add_member(collection, "maria", "member")
        setRoles(functional_portal, TEST_USER_ID, ["Member"])
        commit()
        return collection

    return factory


def header_of(app, url, userid=None):
    browser = Browser(app) if userid else anonymous_browser(app)
    browser.handleErrors = False
    if userid:
        browser.addHeader("Authorization", f"Basic {userid}:{PASSWORD}")
    browser.open(url)
    return lxml.html.fromstring(browser.contents).xpath('//div[contains(@class, "osor-collection-header")]')[0]


def test_a_non_member_gets_a_join_button(make, functional_app):
    collection = make()
    header = header_of(functional_app, collection.absolute_url(), "nina")
    assert header.xpath(".//form/@action") == [f"{collection.absolute_url()}/@@join"]
    assert header.xpath(".//form//input[@name='_authenticator']")
    assert not header.xpath('.//a[contains(@class, "osor-login-to-join")]')


def test_a_closed_collection_sends_a_request_to_join_in_one_click(make, functional_app):
    collection = make(closed=True)
    header = header_of(functional_app, collection.absolute_url(), "nina")
    button = header.xpath('.//form//button[contains(@class, "osor-request-to-join")]')[0]
    assert button.text.strip() == "Request to join"
    assert button.xpath("ancestor::form/@action") == [f"{collection.absolute_url()}/@@join"]
    with_message = header.xpath('.//a[contains(@class, "osor-request-with-message")]')[0]
    assert with_message.get("href") == f"{collection.absolute_url()}/@@members#osor-join-form"


def test_a_member_gets_a_leave_button(make, functional_app):
    collection = make()
    header = header_of(functional_app, collection.absolute_url(), "maria")
    assert header.xpath(".//form/@action") == [f"{collection.absolute_url()}/@@leave"]


def test_anonymous_visitors_get_about_members_and_log_in_to_join(make, functional_app):
    collection = make()
    header = header_of(functional_app, collection.absolute_url())
    links = {link.text.strip(): link.get("href") for link in header.xpath(".//a")}
    assert links["About"] == f"{collection.absolute_url()}/@@about"
    assert links["Members"] == f"{collection.absolute_url()}/@@members"
    assert "/login?came_from=" in links["Log in to join"]
    assert "2 members" in header.text_content()
