"""Who must act sees it on the collection itself (issue #20, point 6):
facilitators the requests to join waiting for them, site administrators
that notifications cannot be sent."""

from member_fixtures import make_nordic_collection
from osor.collection.membership import members
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import transaction


@pytest.fixture
def closed(functional_portal):
    collection = make_nordic_collection(functional_portal, closed=True)
    members.join(collection, "alice", "Hello")
    members.join(collection, "bob", "Hi")
    transaction.commit()
    return collection


def page(browser, collection, view=""):
    browser.open(f"{collection.absolute_url()}/{view}")
    return browser.contents


@pytest.mark.parametrize("view", ["", "@@about", "@@members"])
def test_facilitators_see_the_pending_requests_on_the_collection(closed, browser_for, view):
    contents = page(browser_for("fred"), closed, view)
    assert "osor-pending-requests" in contents
    assert "<strong>2</strong>" in contents
    assert f"{closed.absolute_url()}/@@manage-members" in contents


@pytest.mark.parametrize("userid", [None, "alice", "bob"])
def test_others_do_not_see_the_requests(closed, browser_for, userid):
    assert "osor-pending-requests" not in page(browser_for(userid), closed)


def test_no_notice_without_pending_requests(functional_portal, browser_for):
    collection = make_nordic_collection(functional_portal, closed=True)
    assert "osor-pending-requests" not in page(browser_for("fred"), collection)


@pytest.fixture
def site_admin_browser(browser_for):
    browser = browser_for()
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def test_the_site_admin_sees_that_mail_is_not_configured(closed, site_admin_browser, browser_for):
    api.portal.set_registry_record("plone.email_from_address", "")
    transaction.commit()
    contents = page(site_admin_browser, closed, "@@about")
    assert "osor-mail-not-configured" in contents
    assert "The site has no e-mail sender address." in contents
    assert "@@mail-controlpanel" in contents
    # Facilitators cannot configure mail: they are not bothered with it.
    assert "osor-mail-not-configured" not in page(browser_for("fred"), closed, "@@about")


def test_no_mail_notice_when_mail_is_configured(closed, site_admin_browser):
    assert "osor-mail-not-configured" not in page(site_admin_browser, closed, "@@about")
