"""A committed community for the functional tests: the users of "nordic" and
a browser per user.

A pytest plugin (``conftest.py``): ``browser_for``, ``session_for``,
``open_collection``, ``closed_collection`` and ``collection_with_alice`` are there for every test;
``make_nordic_collection`` (a function: the collection is committed),
``rest_path`` and ``PASSWORD`` (every test community's) are imported by name.
"""

from osor.collection.membership import members
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser

import pytest
import transaction


PASSWORD = "a-long-test-password"
PEOPLE = {
    "olga": "Olga Owner",
    "fred": "Fred Facilitator",
    "alice": "Alice Andersen",
    "bob": "Bob Brown",
}


def make_nordic_collection(portal, closed=False, **fields):
    """Users, and a validated collection owned by olga (facilitator: fred)."""
    api.portal.set_registry_record("plone.email_from_address", "osor@example.org")
    for userid, fullname in PEOPLE.items():
        api.user.create(
            email=f"{userid}@example.org",
            username=userid,
            password=PASSWORD,
            properties={"fullname": fullname},
        )
    setRoles(portal, TEST_USER_ID, ["Manager"])
    collection = api.content.create(
        container=portal,
        type="community_collection",
        id="nordic",
        title="Nordic open source",
        closed=closed,
        **fields,
    )
    api.content.transition(collection, to_state="validated")
    # The Manager who created it hands it over to olga.
    members.add_member(collection, "olga", "owner")
    members.remove_member(collection, TEST_USER_ID)
    members.add_member(collection, "fred", "facilitator")
    setRoles(portal, TEST_USER_ID, ["Member"])
    portal.MailHost.reset()
    transaction.commit()
    return collection


@pytest.fixture
def open_collection(functional_portal):
    return make_nordic_collection(functional_portal)


@pytest.fixture
def closed_collection(functional_portal):
    return make_nordic_collection(functional_portal, closed=True)


@pytest.fixture
def collection_with_alice(functional_portal):
    """The open collection, alice its member."""
    collection = make_nordic_collection(functional_portal)
    members.join(collection, "alice", "")
    transaction.commit()
    return collection


@pytest.fixture
def browser_for(functional_app):
    def factory(userid=None):
        browser = Browser(functional_app)
        browser.handleErrors = True
        if userid:
            browser.addHeader("Authorization", f"Basic {userid}:{PASSWORD}")
        return browser

    return factory


@pytest.fixture
def session_for(request_factory):
    def factory(userid=None, api=True):
        """A REST session as ``userid`` (None: anonymous), or with
        ``api=False`` a browser's (Classic UI pages)."""
        session = request_factory(api=api, **({"basic_auth": (userid, PASSWORD)} if userid else {}))
        if not api:
            session.headers["Accept"] = "text/html"
        return session

    return factory


def rest_path(obj, suffix=""):
    """``obj``'s path below the portal, as the sessions' URLs take it."""
    return "/".join(obj.getPhysicalPath()[2:]) + suffix
