"""Outdated content: an item nobody updated or confirmed for its
collection's period tells visitors so, until its owner or a facilitator
says "Still accurate" (which keeps its modification date)."""

from DateTime import DateTime
from member_fixtures import make_nordic_collection
from member_fixtures import PASSWORD
from osor.collection.review.outdated import is_outdated
from osor.collection.review.outdated import outdated_items
from osor.collection.upgrades.reports import add_last_confirmed_index
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest
import transaction


NOTICE = "This information may be outdated"


@pytest.fixture
def collection(functional_portal):
    return make_nordic_collection(functional_portal)


def published_news(portal, collection, months_old: int, creator: str = "alice"):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    news = api.content.create(container=collection, type="community_news", title=f"News of {months_old} months")
    api.content.transition(news, transition="publish")
    news.setCreators([creator])
    news.setModificationDate(DateTime() - months_old * 30.5)
    # Naming the indexes keeps the date (a bare reindexObject dates it now).
    news.reindexObject(idxs=api.portal.get_tool("portal_catalog").indexes())
    setRoles(portal, TEST_USER_ID, ["Member"])
    transaction.commit()
    return news


@pytest.fixture
def old(functional_portal, collection):
    return published_news(functional_portal, collection, 19)


@pytest.fixture
def recent(functional_portal, collection):
    return published_news(functional_portal, collection, 17)


def test_an_item_older_than_18_months_tells_visitors_it_may_be_outdated(old, recent, browser_for):
    visitor = browser_for()
    visitor.open(old.absolute_url())
    assert NOTICE in visitor.contents
    assert "Still accurate" not in visitor.contents
    visitor.open(recent.absolute_url())
    assert NOTICE not in visitor.contents


def test_the_period_is_set_per_collection(functional_portal, collection, old):
    assert is_outdated(old)
    collection.outdated_after_months = 24
    assert not is_outdated(old)
    assert outdated_items(collection) == []


def test_the_review_list_has_an_outdated_tab(collection, old, recent, browser_for):
    fred = browser_for("fred")
    fred.open(f"{collection.absolute_url()}/@@review")
    fred.getLink("Outdated").click()
    assert old.Title() in fred.contents
    assert recent.Title() not in fred.contents
    fred.getControl("Still accurate").click()
    assert "still accurate" in fred.contents
    assert old.Title() not in fred.contents


def test_still_accurate_by_the_owner_resets_the_clock_but_not_modified(old, browser_for):
    modified = old.modified()
    alice = browser_for("alice")
    alice.open(old.absolute_url())
    alice.getControl("Still accurate").click()
    assert NOTICE not in alice.contents
    browser_for().open(old.absolute_url())
    transaction.begin()
    assert old.modified() == modified
    assert api.content.find(UID=old.UID())[0].modified == modified
    visitor = browser_for()
    visitor.open(old.absolute_url())
    assert NOTICE not in visitor.contents


def test_others_may_not_confirm(old, request_factory):
    bob = request_factory(basic_auth=("bob", PASSWORD))
    url = f"{old.aq_parent.getId()}/{old.getId()}/@still-accurate"
    assert bob.post(url, json={}).status_code == 403
    assert request_factory().post(url, json={}).status_code == 401
    transaction.begin()
    assert is_outdated(old)


def test_a_facilitator_confirms_over_rest(old, request_factory):
    modified = old.modified()
    fred = request_factory(basic_auth=("fred", PASSWORD))
    url = f"{old.aq_parent.getId()}/{old.getId()}/@still-accurate"
    # Not without a JSON body: a form on another site could post that.
    assert fred.post(url, data={"x": "1"}).status_code == 400
    response = fred.post(url, json={})
    assert response.status_code == 200, response.text
    transaction.begin()
    assert not is_outdated(old)
    assert old.modified() == modified


def test_still_accurate_needs_a_post_with_its_token(old, browser_for):
    alice = browser_for("alice")
    alice.raiseHttpErrors = False
    alice.open(f"{old.absolute_url()}/@@still-accurate")
    assert alice.headers["status"].startswith("403")  # plone.protect's PostOnly
    transaction.begin()
    assert is_outdated(old)


def test_a_draft_is_never_called_outdated(old):
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(old, to_state="draft")
    assert not is_outdated(old)


def test_an_edit_resets_the_clock(old):
    old.setModificationDate(DateTime())
    old.reindexObject(idxs=["modified", "osor_last_confirmed"])
    assert not is_outdated(old)


def test_the_upgrade_step_adds_and_fills_the_index(functional_portal, collection, old):
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("osor_last_confirmed")
    catalog.delColumn("osor_last_confirmed")
    modified = old.modified()
    add_last_confirmed_index()
    assert [brain.UID for brain in outdated_items(collection)] == [old.UID()]
    assert old.modified() == modified
