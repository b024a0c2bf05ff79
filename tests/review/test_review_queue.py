"""A collection's "Waiting for review" list: facilitators approve proposed
content or send it back with a motivation, from ``@@review``."""

from community_fixtures import acting_as
from osor.collection.review.queue import decide
from osor.collection.review.queue import ReviewError
from osor.collection.review.queue import waiting_for_review
from plone import api
from plone.protect.authenticator import createToken
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


def test_proposed_content_is_waiting_for_review(moderated, proposed):
    assert [brain.UID for brain in waiting_for_review(moderated)] == [proposed.UID()]


def test_drafts_are_not_waiting_for_review(moderated):
    with acting_as("alice"):
        api.content.create(container=moderated, type="community_news", id="draft", title="Draft")
    assert waiting_for_review(moderated) == []


def test_facilitator_approves_and_the_item_is_published(moderated, proposed):
    with acting_as("fay"):
        decide(moderated, proposed.UID(), "approve")
    assert api.content.get_state(proposed) == "published"
    assert waiting_for_review(moderated) == []


def test_facilitator_requests_changes_with_a_motivation(moderated, proposed):
    with acting_as("fay"):
        decide(moderated, proposed.UID(), "request_changes", "Please add a source.")
    assert api.content.get_state(proposed) == "needs_update"


def test_requesting_changes_needs_a_motivation(moderated, proposed):
    with acting_as("fay"), pytest.raises(ReviewError):
        decide(moderated, proposed.UID(), "request_changes", "  ")
    assert api.content.get_state(proposed) == "proposed"


def test_member_cannot_approve_their_own_proposal(moderated, proposed):
    with acting_as("alice"), pytest.raises(ReviewError):
        decide(moderated, proposed.UID(), "approve")
    assert api.content.get_state(proposed) == "proposed"


def test_an_item_of_another_collection_cannot_be_decided_here(moderated, proposed, portal):
    other = api.content.create(container=portal, type="community_collection", id="other", title="Other")
    with pytest.raises(ReviewError):
        decide(other, proposed.UID(), "approve")


def test_review_page_lists_the_proposal_for_the_facilitator(moderated, proposed, layer_request):
    with acting_as("fay"):
        html = api.content.get_view("review", moderated, layer_request)()
    assert "Alice&#39;s news" in html or "Alice's news" in html
    assert 'value="approve"' in html


def test_review_page_approves_on_post_with_authenticator(moderated, proposed, layer_request):
    with acting_as("fay"):
        layer_request.method = "POST"
        layer_request.form.update({"uid": proposed.UID(), "decision": "approve", "_authenticator": createToken()})
        api.content.get_view("review", moderated, layer_request)()
    assert api.content.get_state(proposed) == "published"


def test_review_page_refuses_a_post_without_authenticator(moderated, proposed, layer_request):
    from zExceptions import Forbidden

    with acting_as("fay"):
        layer_request.method = "POST"
        layer_request.form.update({"uid": proposed.UID(), "decision": "approve"})
        with pytest.raises(Forbidden):
            api.content.get_view("review", moderated, layer_request)()
    assert api.content.get_state(proposed) == "proposed"


def test_collection_tabs_link_the_review_page_for_facilitators_only(moderated, proposed):
    def tab_ids(userid):
        with acting_as(userid):
            actions = api.portal.get_tool("portal_actions").listFilteredActionsFor(moderated)
        return {action["id"] for action in actions.get("object", [])}

    assert "osor_collection_review" in tab_ids("fay")
    assert "osor_collection_review" not in tab_ids("alice")


def test_review_page_lists_pending_edits_of_published_content(moderated, proposed, layer_request):
    with acting_as("fay"):
        api.content.transition(proposed, transition="approve")
    with acting_as("alice"):
        proposed.title = "Alice's rewritten news"
        notify(ObjectModifiedEvent(proposed))
    with acting_as("fay"):
        html = api.content.get_view("review", moderated, layer_request)()
    assert f"{proposed.absolute_url()}/@@pending-edit" in html
