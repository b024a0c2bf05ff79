"""A member's change of the display (``layout``) of published content waits
for a facilitator like her other edits (#26 §3): a REST PATCH of ``layout``
in a moderated collection leaves visitors the published display."""

from community_fixtures import community_collection
from community_fixtures import community_site
from community_fixtures import create
from member_fixtures import PASSWORD
from member_fixtures import rest_path
from plone import api

import pytest
import transaction


@pytest.fixture
def published_solution(functional_portal):
    solution = create(
        community_collection(community_site(functional_portal)), "alice", "software_solution", id="solution"
    )
    api.content.transition(solution, transition="publish")
    transaction.commit()
    return solution


def layout_seen_by(request_factory, solution, userid=None) -> str:
    session = request_factory(**({"basic_auth": (userid, PASSWORD)} if userid else {}))
    return session.get(rest_path(solution)).json()["layout"]


def test_a_members_patch_of_the_layout_waits(published_solution, request_factory):
    assert layout_seen_by(request_factory, published_solution) == "solution-view"
    alice = request_factory(basic_auth=("alice", PASSWORD))
    answer = alice.patch(rest_path(published_solution), json={"layout": "view"})
    assert answer.status_code == 204, answer.text
    assert layout_seen_by(request_factory, published_solution) == "solution-view"
    assert layout_seen_by(request_factory, published_solution, "alice") == "solution-view"


def test_the_facilitator_sees_and_approves_the_new_layout(published_solution, request_factory):
    alice = request_factory(basic_auth=("alice", PASSWORD))
    assert alice.patch(rest_path(published_solution), json={"layout": "view"}).status_code == 204
    fay = request_factory(basic_auth=("fay", PASSWORD))
    waiting = fay.get(rest_path(published_solution, "/@pending-edit")).json()
    assert [(each["name"], each["title"], each["pending"]) for each in waiting["fields"]] == [
        ("layout", "Display", "view")
    ]
    assert fay.post(rest_path(published_solution, "/@pending-edit"), json={"action": "approve"}).status_code == 200
    assert layout_seen_by(request_factory, published_solution) == "view"


def test_a_facilitators_patch_of_the_layout_applies_at_once(published_solution, request_factory):
    fay = request_factory(basic_auth=("fay", PASSWORD))
    assert fay.patch(rest_path(published_solution), json={"layout": "view"}).status_code == 204
    assert layout_seen_by(request_factory, published_solution) == "view"
