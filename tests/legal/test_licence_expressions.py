"""SPDX licence expressions (issue #18 §2): parsed and validated with the
``license-expression`` library; a solution's licences are the ids of its
expression; an invalid expression is a form error or a 400 naming the
offending token, never a 500."""

from community_fixtures import acting_as
from community_fixtures import create
from community_fixtures import search
from osor.collection.content.software_solution import ISoftwareSolution
from osor.collection.fields import LicenceExpressionError
from osor.collection.licences.spdx import InvalidLicenceExpression
from osor.collection.licences.spdx import parse_licence_expression
from osor.collection.review import pending_edits
from osor.collection.upgrades.legal_expressions import add_licence_expressions
from plone import api
from plone.app.z3cform.interfaces import IPloneFormLayer
from plone.autoform.interfaces import OMITTED_KEY
from zope.event import notify
from zope.interface import alsoProvides
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

import pytest
import transaction


# The parser -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expression, ids",
    [
        ("MIT OR Apache-2.0", "MIT OR Apache-2.0", ("MIT", "Apache-2.0")),
        (
            "GPL-2.0-or-later WITH Classpath-exception-2.0",
            "GPL-2.0-or-later WITH Classpath-exception-2.0",
            ("GPL-2.0-or-later",),
        ),
        (
            "(mit and bsd-3-clause) or eupl-1.2",
            "(MIT AND BSD-3-Clause) OR EUPL-1.2",
            ("MIT", "BSD-3-Clause", "EUPL-1.2"),
        ),
        # Deprecated SPDX spellings become the current ids.
        ("GPL-2.0+", "GPL-2.0-or-later", ("GPL-2.0-or-later",)),
        ("MIT OR mit", "MIT OR MIT", ("MIT",)),
        # An id of the SPDX list newer than the library's own index.
        ("bola-1.1 OR mit", "BOLA-1.1 OR MIT", ("BOLA-1.1", "MIT")),
    ],
)
def test_an_expression_is_normalised_with_its_licence_ids(text, expression, ids):
    parsed = parse_licence_expression(text)
    assert (parsed.expression, parsed.licence_ids) == (expression, ids)


@pytest.mark.parametrize(
    "text, token",
    [
        ("MIT OR Foo-1.0", "Foo-1.0"),
        ("MIT AND", "AND"),
        ("MIT OR OR Apache-2.0", "OR"),
        ("GPL-2.0-only WITH nope", "nope"),
        ("Apache-2.0 WITH MIT", "MIT"),
        ("Classpath-exception-2.0", "Classpath-exception-2.0"),
        ("(MIT AND Apache-2.0", "("),
        ("MIT)", ")"),
        ("MIT Apache-2.0", "Apache-2.0"),
        ("MIT ; x", ";"),
        ("MIT/Apache-2.0", "MIT/Apache-2.0"),
        # Known to the library's index but not an SPDX licence of our list.
        ("LicenseRef-scancode-3com-microcode", "LicenseRef-scancode-3com-microcode"),
    ],
)
def test_an_invalid_expression_names_the_offending_token(text, token):
    with pytest.raises(InvalidLicenceExpression) as error:
        parse_licence_expression(text)
    assert error.value.token == token


def test_the_solution_field_error_names_the_token():
    with pytest.raises(LicenceExpressionError) as error:
        ISoftwareSolution["licence_expression"].validate("EUPL-1.2 OR Nonsense-9")
    assert "Nonsense-9" in error.value.doc()


# A solution's licences --------------------------------------------------------


def modified(obj, *fields):
    notify(ObjectModifiedEvent(obj, Attributes(ISoftwareSolution, *fields)))


def test_the_form_shows_the_expression_in_place_of_the_derived_list():
    omitted = {name for _iface, name, value in ISoftwareSolution.queryTaggedValue(OMITTED_KEY, []) if value}
    assert "licences" in omitted
    names = list(ISoftwareSolution.names(all=False))
    assert "licence_expression" in names


def test_a_new_solution_gets_the_licences_of_its_expression(collection, found):
    solution = api.content.create(
        container=collection,
        type="software_solution",
        id="java",
        title="Java thing",
        licence_expression="gpl-2.0-or-later WITH classpath-exception-2.0 OR MIT",
    )
    assert solution.licence_expression == "GPL-2.0-or-later WITH Classpath-exception-2.0 OR MIT"
    assert solution.licences == ["GPL-2.0-or-later", "MIT"]
    assert solution.UID() in found(osor_licences="GPL-2.0-or-later")


def test_a_new_solution_with_ids_only_gets_their_expression(collection):
    solution = api.content.create(
        container=collection, type="software_solution", id="ids", title="Ids", licences=["EUPL-1.2", "MIT"]
    )
    assert solution.licence_expression == "EUPL-1.2 OR MIT"


def test_editing_the_expression_replaces_the_licences(solution, found):
    solution.licence_expression = "EUPL-1.2 AND Apache-2.0"
    modified(solution, "licence_expression")
    assert solution.licences == ["EUPL-1.2", "Apache-2.0"]
    assert solution.UID() in found(osor_licences="Apache-2.0")
    solution.licence_expression = None
    modified(solution, "licence_expression")
    assert solution.licences == []
    assert solution.UID() not in found(osor_licences="Apache-2.0")


def test_editing_only_the_ids_rewrites_the_expression(solution):
    solution.licence_expression = "MIT"
    modified(solution, "licence_expression")
    solution.licences = ["EUPL-1.2", "MPL-2.0"]
    modified(solution, "licences")
    assert solution.licence_expression == "EUPL-1.2 OR MPL-2.0"


def test_an_edit_of_other_fields_keeps_both(solution):
    solution.licence_expression = "MIT AND Apache-2.0"
    modified(solution, "licence_expression")
    solution.description = "Changed"
    modified(solution, "description")
    assert (solution.licence_expression, solution.licences) == ("MIT AND Apache-2.0", ["MIT", "Apache-2.0"])


def test_the_upgrade_gives_existing_solutions_an_expression_idempotently(solution):
    solution.licences = ["EUPL-1.2", "MIT"]
    solution.licence_expression = None
    other = api.content.create(
        container=solution.aq_parent,
        type="software_solution",
        id="other",
        title="Other",
        licence_expression="MIT AND Zlib",
    )
    add_licence_expressions()
    add_licence_expressions()
    assert solution.licence_expression == "EUPL-1.2 OR MIT"
    assert solution.licences == ["EUPL-1.2", "MIT"]
    assert other.licence_expression == "MIT AND Zlib"


# REST ---------------------------------------------------------------------------


def test_rest_sets_the_expression_and_the_licences_follow(content, manager_request):
    response = manager_request.patch("/osor/app", json={"licence_expression": "MIT OR Apache-2.0"})
    assert response.status_code == 204, response.text
    data = manager_request.get("/osor/app").json()
    assert data["licence_expression"] == "MIT OR Apache-2.0"
    assert [term["token"] for term in data["licences"]] == ["MIT", "Apache-2.0"]


def test_rest_clients_that_send_only_ids_get_the_matching_expression(content, manager_request):
    manager_request.patch("/osor/app", json={"licence_expression": "MIT AND Zlib"})
    response = manager_request.patch("/osor/app", json={"licences": ["EUPL-1.2", "MPL-2.0"]})
    assert response.status_code == 204, response.text
    data = manager_request.get("/osor/app").json()
    assert data["licence_expression"] == "EUPL-1.2 OR MPL-2.0"
    assert [term["token"] for term in data["licences"]] == ["EUPL-1.2", "MPL-2.0"]


@pytest.mark.parametrize("expression, token", [("MIT OR Nonsense-9", "Nonsense-9"), ("MIT AND", "AND")])
def test_rest_refuses_an_invalid_expression_with_a_400_naming_the_token(
    content,
    manager_request,
    expression,
    token,
):
    response = manager_request.patch("/osor/app", json={"licence_expression": expression})
    assert response.status_code == 400, response.text
    assert "licence_expression" in response.text and token in response.text
    transaction.begin()
    assert content.osor.app.licences == ["EUPL-1.2"]


def test_rest_creation_with_an_invalid_expression_creates_nothing(content, manager_request):
    response = manager_request.post(
        "/osor",
        json={"@type": "software_solution", "id": "bad", "title": "Bad", "licence_expression": "GPL-2.0-only WITH MIT"},
    )
    assert response.status_code == 400, response.text
    assert "MIT" in response.json()["message"]
    transaction.begin()
    assert "bad" not in content.osor.objectIds()


# The form ------------------------------------------------------------------------


def add_form(collection, request, **widgets):
    alsoProvides(request, IPloneFormLayer)
    if widgets:
        request.form.update({f"form.widgets.{name}": value for name, value in widgets.items()})
        request.form["form.buttons.save"] = "Save"
    return collection.restrictedTraverse("++add++software_solution")()


def test_the_add_form_asks_for_an_expression_not_a_list(collection, layer_request):
    html = add_form(collection, layer_request)
    assert 'name="form.widgets.licence_expression"' in html
    assert 'name="form.widgets.licences:list"' not in html


def test_the_add_form_refuses_an_invalid_expression_naming_the_token(collection, layer_request):
    html = add_form(
        collection, layer_request, **{"IDublinCore.title": "Bad", "licence_expression": "MIT OR Nonsense-9"}
    )
    assert "Not a valid SPDX licence expression" in html and "Nonsense-9" in html
    assert not [obj for obj in collection.objectValues() if obj.portal_type == "software_solution"]


def test_the_add_form_stores_the_expression_and_its_licences(collection, layer_request):
    add_form(collection, layer_request, **{"IDublinCore.title": "Good", "licence_expression": "mit or apache-2.0"})
    (solution,) = [obj for obj in collection.objectValues() if obj.portal_type == "software_solution"]
    assert (solution.licence_expression, solution.licences) == ("MIT OR Apache-2.0", ["MIT", "Apache-2.0"])


# Moderated collections -----------------------------------------------------------


@pytest.mark.parametrize("described", [True, False])
def test_a_moderated_expression_edit_waits_and_its_licences_follow_on_approval(moderated, described):
    collection = moderated
    solution = create(collection, "alice", "software_solution", id="app", title="App", licence_expression="EUPL-1.2")
    api.content.transition(solution, transition="publish")
    with acting_as("alice"):
        solution.licence_expression = "MIT OR Apache-2.0"
        descriptions = (Attributes(ISoftwareSolution, "licence_expression"),) if described else ()
        notify(ObjectModifiedEvent(solution, *descriptions))
    # Visitors and search keep the published licences while the edit waits.
    assert (solution.licence_expression, solution.licences) == ("EUPL-1.2", ["EUPL-1.2"])
    assert search(osor_licences="MIT") == set()
    with acting_as("fay"):
        pending_edits.approve(solution)
    assert (solution.licence_expression, solution.licences) == ("MIT OR Apache-2.0", ["MIT", "Apache-2.0"])
    assert search(osor_licences="MIT") == {solution.UID()}
