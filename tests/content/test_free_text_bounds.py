"""Free text that is not content is bounded (issue #15, defect 13): join
messages, the facilitators' answers and workflow motivations at 5,000
characters, with a clear error; @membership bodies at 64 KB."""

from member_fixtures import make_nordic_collection
from osor.collection.mail.outbox import queued_mails
from osor.collection.membership import members
from osor.collection.membership.members import MAX_MESSAGE_LENGTH
from osor.collection.membership.members import MembershipError
from osor.collection.review.motivation import MotivationTooLong
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest
import transaction


TOO_LONG = "x" * (MAX_MESSAGE_LENGTH + 1)


@pytest.fixture
def closed(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.portal.set_registry_record("plone.email_from_address", "osor@example.org")
    for userid in ("olga", "alice"):
        api.user.create(email=f"{userid}@example.org", username=userid, password="a-long-password")
    collection = api.content.create(container=portal, type="community_collection", id="c", title="C", closed=True)
    api.content.transition(collection, transition="validate")
    members.add_member(collection, "olga", "owner")
    del queued_mails()[:]
    return collection


def test_a_join_message_of_5000_characters_is_accepted(closed):
    members.join(closed, "alice", "x" * MAX_MESSAGE_LENGTH)
    assert members.is_pending(closed, "alice")


def test_a_longer_join_message_is_refused_and_nothing_is_stored_or_mailed(closed):
    with pytest.raises(MembershipError) as error:
        members.join(closed, "alice", TOO_LONG)
    assert error.value.args[0].mapping == {"max": MAX_MESSAGE_LENGTH}
    assert not members.is_pending(closed, "alice")
    assert queued_mails() == []


@pytest.mark.parametrize("answer", [members.approve_request, members.reject_request])
def test_a_facilitators_answer_is_bounded(closed, answer):
    members.join(closed, "alice", "Hello")
    with pytest.raises(MembershipError):
        answer(closed, "alice", TOO_LONG)
    assert members.is_pending(closed, "alice")


def test_a_workflow_motivation_is_bounded(closed):
    with pytest.raises(MotivationTooLong):
        api.portal.get_tool("portal_workflow").doActionFor(closed, "archive", comment=TOO_LONG)
    assert api.content.get_state(closed) == "validated"


def test_a_long_message_over_rest_is_a_clear_400(functional_portal, session_for):
    collection = make_nordic_collection(functional_portal, closed=True)
    response = session_for("alice").post(
        f"{collection.getId()}/@membership", json={"action": "join", "message": TOO_LONG}
    )
    assert response.status_code == 400
    assert "at most 5000 characters" in response.json()["error"]["message"]
    transaction.begin()
    assert not members.is_pending(collection, "alice")
    assert functional_portal.MailHost.messages == []


def test_a_huge_membership_body_is_refused(functional_portal, session_for):
    collection = make_nordic_collection(functional_portal, closed=True)
    response = session_for("alice").post(
        f"{collection.getId()}/@membership", json={"action": "join", "message": "x" * 2_000_000}
    )
    assert response.status_code == 413
    transaction.begin()
    assert not members.is_pending(collection, "alice")


def test_a_long_motivation_over_rest_is_a_clear_400(functional_portal, manager_request):
    collection = make_nordic_collection(functional_portal)
    response = manager_request.post(f"/{collection.getId()}/@workflow/archive", json={"comment": TOO_LONG})
    assert response.status_code == 400
    assert "at most 5000 characters" in response.json()["error"]["message"]
    transaction.begin()
    assert api.content.get_state(collection) == "validated"
