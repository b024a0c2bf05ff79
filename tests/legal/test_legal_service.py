"""The legal coaching service (issue #18 §1): legal experts, the private
legal request and its workflow, its e-mails and SPDX expressions.

alice and bob are members of the collection (bob asks his own question),
fay its facilitator, oscar its owner, nina no member, max a site moderator
and lex a legal expert (through the ``Legal experts`` group).
"""

from community_fixtures import acting_as
from community_fixtures import finds
from community_fixtures import mails
from community_fixtures import may
from community_fixtures import recipients
from community_fixtures import state
from community_fixtures import transition
from community_fixtures import transitions_of
from legal_fixtures import answered
from legal_fixtures import ask
from lxml import html
from osor.collection.content.legal_request import ILegalRequest
from osor.collection.fields import LicenceExpressionError
from osor.collection.legal.experts import EXPERTS_GROUP
from osor.collection.legal.experts import LEGAL_EXPERT_ROLE
from osor.collection.legal.notifications import link
from osor.collection.upgrades.legal import upgrade_to_legal_service
from plone import api
from plone.api.exc import InvalidParameterError

import pytest


OTHERS = (None, "bob", "fay", "oscar", "nina", "max")


@pytest.fixture
def request_of_alice(unmoderated, expert):
    request = ask(unmoderated, consent=True)
    api.portal.get().MailHost.reset()
    return request


# Experts --------------------------------------------------------------------


def test_install_creates_the_legal_experts_group_with_its_role(portal):
    group = api.group.get(groupname=EXPERTS_GROUP)
    assert group is not None
    assert LEGAL_EXPERT_ROLE in api.group.get_roles(groupname=EXPERTS_GROUP)


def test_who_may_create_content_may_ask_a_legal_question(site, unmoderated, expert):
    tool = api.portal.get_tool("portal_actions")
    for userid, expected in (("alice", True), ("fay", True), (None, False)):
        with acting_as(userid):
            actions = {a["id"] for a in tool.listFilteredActionsFor(unmoderated)["object"]}
        assert ("osor_ask_legal_question" in actions) is expected, userid


# Privacy --------------------------------------------------------------------


def test_only_the_requester_experts_and_administrators_see_a_request(site, request_of_alice):
    request = request_of_alice
    ask(request.aq_parent, "bob", title="Bob's own question")
    for name in ("submitted", "in_review", "answered", "closed"):
        if name == "in_review":
            transition(request, "lex", "take")
        elif name == "answered":
            transition(request, "lex", "answer", comment="An answer.")
        elif name == "closed":
            transition(request, "alice", "close")
        assert state(request) == name
        for userid in ("alice", "lex"):
            assert may(userid, "View", request), (name, userid)
            assert finds(userid, request), (name, userid)
        assert len(api.portal.get_tool("portal_catalog")(UID=request.UID())) == 1  # as Manager
        for userid in OTHERS:
            assert not may(userid, "View", request), (name, userid)
            assert not may(userid, "Access contents information", request), (name, userid)
            assert not finds(userid, request), (name, userid)


def test_facet_counts_leave_out_requests_of_others(site, request_of_alice):
    def count(userid):
        with acting_as(userid):
            return len(api.portal.get_tool("portal_catalog")(osor_legal_category="licence_compatibility"))

    assert count("alice") == 1
    assert count("lex") == 1
    for userid in OTHERS:
        assert count(userid) == 0, userid


def test_collection_sharing_does_not_reach_the_request(site, request_of_alice):
    collection = request_of_alice.aq_parent
    api.user.grant_roles(username="nina", obj=collection, roles=["Editor", "Reviewer", "Reader"])
    assert not may("nina", "View", request_of_alice)
    assert not finds("nina", request_of_alice)


def test_the_requester_cannot_share_the_request(site, request_of_alice):
    assert not may("alice", "Change local roles", request_of_alice)


# Workflow -------------------------------------------------------------------


def test_submission_mails_the_experts(site, unmoderated, expert):
    site.MailHost.reset()
    request = ask(unmoderated)
    assert state(request) == "submitted"
    ((to, subject, body),) = mails(site)
    assert to == "lex@example.org"
    assert request.Title() in subject
    assert link(request) in body


def test_an_expert_takes_the_request_and_the_requester_sees_who(site, request_of_alice):
    assert "take" not in transitions_of(request_of_alice, "fay")
    assert "take" not in transitions_of(request_of_alice, "alice")
    transition(request_of_alice, "lex", "take")
    assert state(request_of_alice) == "in_review"
    assert request_of_alice.taken_by == "Lex Expert"


def test_answering_needs_an_answer_and_mails_the_requester(site, request_of_alice):
    transition(request_of_alice, "lex", "take")
    with pytest.raises(InvalidParameterError):
        transition(request_of_alice, "lex", "answer")
    assert state(request_of_alice) == "in_review"
    site.MailHost.reset()
    transition(request_of_alice, "lex", "answer", comment="Yes, under the EUPL appendix.")
    assert state(request_of_alice) == "answered"
    assert "Yes, under the EUPL appendix." in request_of_alice.answer.raw
    assert request_of_alice.answered_by == "Lex Expert"
    ((to, _subject, body),) = mails(site)
    assert to == "alice@example.org"
    assert link(request_of_alice) in body


def test_only_experts_answer(site, request_of_alice):
    for userid in ("alice", "fay", "oscar", "max"):
        assert not may(userid, "Review portal content", request_of_alice), userid
    transition(request_of_alice, "lex", "take")
    assert "answer" not in transitions_of(request_of_alice, "alice")


def test_a_follow_up_needs_a_question_and_goes_back_to_review(site, request_of_alice):
    answered(request_of_alice)
    assert "follow_up" not in transitions_of(request_of_alice, "lex")
    with pytest.raises(InvalidParameterError):
        transition(request_of_alice, "alice", "follow_up")
    site.MailHost.reset()
    transition(request_of_alice, "alice", "follow_up", comment="And for the AGPL?")
    assert state(request_of_alice) == "in_review"
    ((to, _subject, body),) = mails(site)
    assert to == "lex@example.org"
    assert "And for the AGPL?" in body


def test_an_answered_request_is_reopened_once(site, request_of_alice):
    answered(request_of_alice)
    transition(request_of_alice, "alice", "close")
    assert state(request_of_alice) == "closed"
    assert "reopen" not in transitions_of(request_of_alice, "lex")
    with pytest.raises(InvalidParameterError):
        transition(request_of_alice, "alice", "reopen")
    site.MailHost.reset()
    transition(request_of_alice, "alice", "reopen", comment="The library changed its licence.")
    assert state(request_of_alice) == "in_review"
    assert recipients(site) == ["lex@example.org"]
    transition(request_of_alice, "lex", "answer", comment="Then it is fine.")
    transition(request_of_alice, "alice", "close")
    assert "reopen" not in transitions_of(request_of_alice, "alice")
    with pytest.raises(InvalidParameterError):
        transition(request_of_alice, "alice", "reopen", comment="Once more?")


def test_a_request_closed_without_answer_cannot_be_reopened(site, request_of_alice):
    transition(request_of_alice, "alice", "close")
    assert "reopen" not in transitions_of(request_of_alice, "alice")


def test_declining_needs_a_reason_and_mails_the_requester(site, request_of_alice):
    with pytest.raises(InvalidParameterError):
        transition(request_of_alice, "lex", "decline")
    transition(request_of_alice, "lex", "decline", comment="This is a question for a lawyer.")
    assert state(request_of_alice) == "declined"
    ((to, _subject, body),) = mails(site)
    assert to == "alice@example.org"
    assert "This is a question for a lawyer." in body
    assert transitions_of(request_of_alice, "alice") == set()


def test_the_requester_edits_only_until_an_expert_takes_it(site, request_of_alice):
    assert may("alice", "Modify portal content", request_of_alice)
    transition(request_of_alice, "lex", "take")
    assert not may("alice", "Modify portal content", request_of_alice)
    assert may("lex", "Modify portal content", request_of_alice)


# SPDX expressions -------------------------------------------------------------


@pytest.mark.parametrize(
    "expression",
    ["MIT OR Apache-2.0", "GPL-2.0-or-later WITH Classpath-exception-2.0", "(mit AND bsd-3-clause) OR EUPL-1.2"],
)
def test_valid_spdx_expressions_are_accepted(expression):
    ILegalRequest["licence_expression"].validate(expression)


@pytest.mark.parametrize(
    "expression, token",
    [("MIT OR Foo-1.0", "Foo-1.0"), ("MIT AND", "AND"), ("GPL-2.0-only WITH nope", "nope"), ("MIT ; x", ";")],
)
def test_invalid_spdx_expressions_name_the_offending_token(expression, token):
    with pytest.raises(LicenceExpressionError) as error:
        ILegalRequest["licence_expression"].validate(expression)
    assert token in error.value.doc()


# Existing sites ----------------------------------------------------------------


def test_upgrade_creates_the_group_and_remaps_requests_idempotently(site, request_of_alice):
    api.group.delete(groupname=EXPERTS_GROUP)
    upgrade_to_legal_service()
    upgrade_to_legal_service()
    assert LEGAL_EXPERT_ROLE in api.group.get_roles(groupname=EXPERTS_GROUP)
    assert state(request_of_alice) == "submitted"
    assert not finds("fay", request_of_alice)
    assert finds("alice", request_of_alice)


def test_members_find_their_legal_requests_in_the_user_menu(site, unmoderated, expert):
    tool = api.portal.get_tool("portal_actions")
    with acting_as("alice"):
        user_actions = {a["id"] for a in tool.listFilteredActionsFor(site)["user"]}
    assert "osor_legal_requests" in user_actions
    with acting_as(None):
        user_actions = {a["id"] for a in tool.listFilteredActionsFor(site).get("user", [])}
    assert "osor_legal_requests" not in user_actions


def test_uninstall_removes_the_group_and_the_actions(site):
    from Products.CMFPlone.utils import get_installer

    get_installer(site, site.REQUEST).uninstall_product("osor.collection")
    try:
        assert api.group.get(groupname=EXPERTS_GROUP) is None
        actions = api.portal.get_tool("portal_actions")
        assert "osor_ask_legal_question" not in actions.object.objectIds()
        assert "osor_legal_requests" not in actions.user.objectIds()
    finally:
        get_installer(site, site.REQUEST).install_product("osor.collection")


def test_the_request_page_links_licences_to_their_pages_or_to_spdx(site, unmoderated, expert):
    request = ask(unmoderated, licences=["EUPL-1.2", "Beerware"])
    with acting_as("alice"):
        links = {
            link["text"]: link["url"] for link in request.restrictedTraverse("@@legal-request-view").licence_links()
        }
    assert links["EUPL-1.2"].endswith("/@@licence?id=EUPL-1.2")
    assert links["Beerware"] == "https://spdx.org/licenses/Beerware.html"


def test_every_text_a_step_needs_has_a_label_on_the_request_page(site, request_of_alice):
    """Screen readers name the answer and the reasons an expert types in."""
    transition(request_of_alice, "lex", "take")
    with acting_as("lex"):
        page = html.fromstring(request_of_alice.restrictedTraverse("@@legal-request-view")())
    textareas = page.cssselect(".legal-request-steps textarea")
    labels = {label.get("for"): label.text_content().strip() for label in page.cssselect(".legal-request-steps label")}
    assert len(textareas) >= 2  # answer, decline, ask a follow-up...
    assert all(labels.get(textarea.get("id")) for textarea in textareas), labels
    assert labels["legal-step-answer"] == "Your answer"
