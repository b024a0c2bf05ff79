"""In an archived collection membership is read-only (issue #15, defect 14)."""

from member_fixtures import make_nordic_collection
from osor.collection.mail.outbox import queued_mails
from osor.collection.membership import members
from osor.collection.membership.members import MembershipError
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest
import transaction


USERS = ("olga", "fred", "alice", "bob", "carl")


@pytest.fixture
def archived(portal):
    """An archived closed collection: olga owner, fred facilitator, alice
    member, bob waiting to join; carl is nobody."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for userid in USERS:
        api.user.create(email=f"{userid}@example.org", username=userid, password="a-long-password")
    collection = api.content.create(container=portal, type="community_collection", id="c", title="C", closed=True)
    api.content.transition(collection, transition="validate")
    members.add_member(collection, "olga", "owner")
    members.add_member(collection, "fred", "facilitator")
    members.add_member(collection, "alice", "member")
    members.join(collection, "bob", "Let me in")
    api.content.transition(collection, transition="archive", comment="The project ended.")
    del queued_mails()[:]
    return collection


CHANGES = {
    "a member leaves": lambda c: members.leave(c, "alice"),
    "a facilitator removes a member": lambda c: members.remove_member(c, "alice"),
    "a role changes": lambda c: members.change_role(c, "alice", "author"),
    "a user is added": lambda c: members.add_member(c, "carl", "member"),
    "a user asks to join": lambda c: members.join(c, "carl", "Hello"),
    "a request is approved": lambda c: members.approve_request(c, "bob"),
    "a request is rejected": lambda c: members.reject_request(c, "bob"),
    "a request is withdrawn": lambda c: members.cancel_request(c, "bob"),
    "ownership is transferred": lambda c: members.transfer_ownership(c, "olga", "fred"),
}


def membership(collection):
    return members.members_of(collection), dict(members.pending_requests(collection))


@pytest.mark.parametrize("change", CHANGES.values(), ids=list(CHANGES))
def test_membership_of_an_archived_collection_does_not_change(archived, change):
    before = membership(archived)
    with pytest.raises(MembershipError) as error:
        change(archived)
    assert "archived" in str(error.value.args[0].default)
    assert membership(archived) == before
    assert queued_mails() == []


def test_a_member_keeps_the_owner_role_on_her_frozen_content(portal, archived):
    news = api.content.create(container=archived, type="community_news", id="news", title="News")
    news.setCreators(["alice"])
    news.manage_setLocalRoles("alice", ["Owner"])
    news.reindexObject()
    with pytest.raises(MembershipError):
        members.leave(archived, "alice")
    assert "Owner" in news.get_local_roles_for_userid("alice")


@pytest.fixture
def archived_with_alice(functional_portal):
    """Over HTTP: an archived collection of which alice is a member."""
    collection = make_nordic_collection(functional_portal)
    members.add_member(collection, "alice", "member")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(collection, transition="archive", comment="Done.")
    transaction.commit()
    return collection


def test_a_member_cannot_leave_an_archived_collection_over_rest(archived_with_alice, session_for):
    collection = archived_with_alice
    response = session_for("alice").post(f"{collection.getId()}/@membership", json={"action": "leave"})
    assert response.status_code == 400
    assert "archived" in response.json()["error"]["message"]
    transaction.begin()
    assert members.role_of(collection, "alice") == "member"


def test_the_members_page_offers_no_leave_button(archived_with_alice, browser_for):
    collection = archived_with_alice
    browser = browser_for("alice")
    browser.open(f"{collection.absolute_url()}/@@members")
    assert "You are a member of this collection" in browser.contents
    assert 'name="leave"' not in browser.contents
