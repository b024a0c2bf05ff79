"""Relations do not disclose what the viewer may not see (issue #15, defect 10)."""

from member_fixtures import make_nordic_collection
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent

import pytest
import transaction


@pytest.fixture
def solutions(functional_portal):
    """A published solution related to a published and a draft one, and a
    published case study that used them both."""
    collection = make_nordic_collection(functional_portal)
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    made = {}
    for id_, title, state in (
        ("public", "Public solution", "published"),
        ("shown", "Shown solution", "published"),
        ("secret", "Secret draft solution", None),
    ):
        made[id_] = api.content.create(container=collection, type="software_solution", id=id_, title=title)
        if state:
            api.content.transition(made[id_], to_state=state)
    intids = getUtility(IIntIds)
    made["public"].related_solutions = [
        RelationValue(intids.getId(made["shown"])),
        RelationValue(intids.getId(made["secret"])),
    ]
    notify(ObjectModifiedEvent(made["public"]))
    case = api.content.create(container=collection, type="case_study", id="case", title="Case")
    case.solutions_used = [RelationValue(intids.getId(made["secret"]))]
    notify(ObjectModifiedEvent(case))
    api.content.transition(case, to_state="published")
    setRoles(functional_portal, TEST_USER_ID, ["Member"])
    transaction.commit()
    return collection


def titles(relations):
    return [item["title"] for item in relations]


def test_anonymous_rest_sees_only_published_targets(solutions, request_factory):
    anonymous = request_factory()
    data = anonymous.get(f"/{solutions.getId()}/public").json()
    assert titles(data["related_solutions"]) == ["Shown solution"]
    assert anonymous.get(f"/{solutions.getId()}/case").json()["solutions_used"] == []


def test_who_may_see_the_draft_gets_it(solutions, manager_request):
    data = manager_request.get(f"/{solutions.getId()}/public").json()
    assert titles(data["related_solutions"]) == ["Shown solution", "Secret draft solution"]


def test_the_page_shows_only_published_targets(solutions, browser_for):
    browser = browser_for()
    browser.open(f"{solutions.absolute_url()}/public")
    assert "Shown solution" in browser.contents
    assert "Secret draft solution" not in browser.contents
