"""What happens next is always said (issue #25 §3): a notice on a draft, a
proposal and an item sent back, for its author and the facilitators; a
member's own dashboard of her work in progress."""

from community_fixtures import acting_as
from osor.collection.membership import members
from osor.collection.review import pending_edits
from osor.collection.review.my_contributions import my_contributions
from osor.collection.review.next_step import next_step
from osor.collection.review.queue import decide
from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


@pytest.fixture
def make_collection_of_maria_and_nina(portal):
    """``make_collection_of_maria_and_nina(moderated=…)``: maria and nina members, fiona facilitator, olga owner."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    api.portal.set_registry_record("plone.email_from_address", "osor@example.org")
    for userid in ("maria", "nina", "fiona", "olga"):
        api.user.create(
            email=f"{userid}@example.org",
            username=userid,
            password="a-long-test-password",
            properties={"fullname": f"{userid.capitalize()} Example"},
        )

    def make(moderated=True):
        collection = api.content.create(
            container=portal, type="community_collection", id="coll", title="Coll", moderated=moderated
        )
        api.content.transition(collection, transition="validate")
        members.add_member(collection, "maria", "member")
        members.add_member(collection, "nina", "member")
        members.add_member(collection, "fiona", "facilitator")
        members.add_member(collection, "olga", "owner")
        members.remove_member(collection, TEST_USER_ID)
        return collection

    return make


def step_for(obj, userid):
    with acting_as(userid):
        return next_step(obj)


def text(message) -> str:
    return api.portal.translate(message)


@pytest.fixture
def draft(make_collection_of_maria_and_nina):
    collection = make_collection_of_maria_and_nina()
    with acting_as("maria"):
        return api.content.create(container=collection, type="software_solution", id="s", title="Maria's solution")


def test_a_draft_tells_its_author_who_sees_it_and_offers_to_propose_it(draft):
    step = step_for(draft, "maria")
    assert text(step["text"]) == ("Draft: only you and the facilitators see it. Propose for review sends it to them.")
    assert step["transition"] == "submit"
    assert text(step["button"]) == "Propose for review"


def test_in_an_unmoderated_collection_the_draft_offers_to_publish(make_collection_of_maria_and_nina):
    collection = make_collection_of_maria_and_nina(moderated=False)
    with acting_as("maria"):
        item = api.content.create(container=collection, type="community_news", id="n", title="News")
    step = step_for(item, "maria")
    assert step["transition"] == "publish"
    assert "Publish makes it visible to everyone" in text(step["text"])


def test_other_members_and_visitors_get_no_notice(draft):
    assert step_for(draft, "nina") is None
    assert step_for(draft, None) is None


def test_facilitators_see_the_notice_of_a_draft(draft):
    assert step_for(draft, "fiona")["state"] == "draft"


def test_a_proposal_names_its_reviewers_and_the_mail(draft):
    with acting_as("maria"):
        api.content.transition(draft, transition="submit")
    step = step_for(draft, "maria")
    assert step["reviewers"] == ["Fiona Example", "Olga Example"]
    assert step["transition"] is None
    assert "gets an e-mail" in text(step["text"])


def test_an_item_sent_back_shows_the_facilitators_motivation(draft):
    collection = draft.aq_parent
    with acting_as("maria"):
        api.content.transition(draft, transition="submit")
    with acting_as("fiona"):
        decide(collection, draft.UID(), "request_changes", "Please name the licence.")
    step = step_for(draft, "maria")
    assert step["motivation"] == "Please name the licence."
    assert step["transition"] == "submit"
    assert step_for(draft, "fiona")["motivation"] == "Please name the licence."
    assert step_for(draft, "nina") is None


def test_published_content_gets_no_notice(make_collection_of_maria_and_nina):
    collection = make_collection_of_maria_and_nina(moderated=False)
    with acting_as("maria"):
        item = api.content.create(container=collection, type="community_news", id="n", title="News")
        api.content.transition(item, transition="publish")
    assert step_for(item, "maria") is None


# The member's dashboard ----------------------------------------------------------


def groups_of(userid) -> dict:
    with acting_as(userid):
        return {group["id"]: [item["title"] for item in group["entries"]] for group in my_contributions(userid)}


def test_the_dashboard_lists_her_drafts_proposals_sent_back_and_legal_questions(make_collection_of_maria_and_nina):
    collection = make_collection_of_maria_and_nina()
    with acting_as("maria"):
        api.content.create(container=collection, type="case_study", id="d", title="A draft")
        proposal = api.content.create(container=collection, type="community_news", id="p", title="A proposal")
        api.content.transition(proposal, transition="submit")
        sent_back = api.content.create(container=collection, type="publication", id="b", title="Sent back")
        api.content.transition(sent_back, transition="submit")
        api.content.create(container=collection, type="legal_request", id="q", title="May we relicense?")
    with acting_as("fiona"):
        decide(collection, sent_back.UID(), "request_changes", "Add the PDF.")
    groups = groups_of("maria")
    assert groups["draft"] == ["A draft"]
    assert groups["proposed"] == ["A proposal"]
    assert groups["needs_update"] == ["Sent back"]
    assert groups["legal_requests"] == ["May we relicense?"]
    assert groups["pending_edits"] == []


def test_the_dashboard_lists_her_edits_waiting_for_approval(make_collection_of_maria_and_nina):
    collection = make_collection_of_maria_and_nina()
    with acting_as("maria"):
        item = api.content.create(container=collection, type="community_news", id="n", title="News")
        api.content.transition(item, transition="submit")
    with acting_as("fiona"):
        decide(collection, item.UID(), "approve")
    with acting_as("maria"):
        item.title = "News, corrected"
        notify(ObjectModifiedEvent(item))
    assert pending_edits.pending(item)["kind"] == "edit"
    assert groups_of("maria")["pending_edits"] == ["News"]


def test_the_dashboard_shows_nobody_else_s_work(make_collection_of_maria_and_nina):
    collection = make_collection_of_maria_and_nina()
    with acting_as("maria"):
        api.content.create(container=collection, type="case_study", id="d", title="A draft")
        api.content.create(container=collection, type="legal_request", id="q", title="May we relicense?")
    assert all(items == [] for items in groups_of("nina").values())
    # Even asked for maria's work, nina's catalog shows her nothing she may not see.
    with acting_as("nina"):
        assert all(group["entries"] == [] for group in my_contributions("maria"))
