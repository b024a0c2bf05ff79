"""Usage declarations (#29 §3): members declare who uses a solution,
facilitators moderate, the page, the facets and the exports show them; the
upgrade to 1004 turns the free-text "used by" list into declarations."""

from lxml import html
from member_fixtures import make_nordic_collection
from member_fixtures import PASSWORD
from osor.collection.discovery.facets import facet_named
from osor.collection.upgrades.usage import migrate_used_by
from osor.collection.usage import declarations
from pages_content import json_ld
from pages_content import of_type
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser
from zExceptions import Forbidden

import pytest
import transaction
import yaml


DECLARATION = {
    "organisation": "Ville de Lyon",
    "organisation_type": "LocalAuthority",
    "country": "FR",
    "since": 2021,
    "contact": "https://www.lyon.fr/",
    "referent": True,
}


@pytest.fixture
def solution(functional_portal):
    collection = make_nordic_collection(functional_portal, moderated=True)
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    solution = api.content.create(
        container=collection,
        type="software_solution",
        id="decidim",
        title="Decidim",
        description="Participatory democracy.",
        repository_url="https://github.com/decidim/decidim",
        licences=["AGPL-3.0-only"],
    )
    api.content.transition(solution, to_state="published")
    setRoles(functional_portal, TEST_USER_ID, ["Member"])
    transaction.commit()
    return solution


def path(solution):
    return f"/{solution.__parent__.getId()}/{solution.getId()}/@usage"


def catalog_count(**query) -> int:
    return len(api.content.find(portal_type="software_solution", **query))


def test_a_member_declares_a_facilitator_approves_and_everything_follows(solution, session_for):
    response = session_for("alice").post(path(solution), json=DECLARATION)
    assert response.status_code == 201, response.text
    declared = response.json()
    assert declared["state"] == "pending"
    # Pending: nobody sees it yet, the facets do not count it.
    assert session_for().get(path(solution)).json()["items"] == []
    transaction.begin()
    assert catalog_count(osor_used_in_country="FR") == 0

    # A member may not approve; the collection's facilitator may.
    refused = session_for("bob").patch(path(solution), json={"id": declared["id"], "state": "approved"})
    assert refused.status_code == 401
    facilitator = session_for("fred")
    assert [item["organisation"] for item in facilitator.get(path(solution)).json()["pending"]] == ["Ville de Lyon"]
    approved = facilitator.patch(path(solution), json={"id": declared["id"], "state": "approved"})
    assert approved.status_code == 200
    assert approved.json()["state"] == "approved"

    listing = session_for().get(path(solution)).json()
    assert listing["countries"] == ["FR"]
    assert listing["has_referents"] is True
    assert listing["items"][0]["declarer"] == "Alice Andersen"
    assert "pending" not in listing
    transaction.begin()
    assert catalog_count(osor_used_in_country="FR") == 1
    assert catalog_count(osor_has_referents="yes") == 1

    browser = Browser(_app(solution))
    browser.open(solution.absolute_url())
    assert "Ville de Lyon" in browser.contents
    assert "Referents: ask them about it" in browser.contents
    assert browser.getLink("France").url.endswith("osor_used_in_country=FR")
    used = of_type(json_ld(browser.contents), "SoftwareApplication")["interactionStatistic"]
    assert used["userInteractionCount"] == 1
    assert used["interactionType"]["agent"][0]["name"] == "Ville de Lyon"

    browser.open(f"{solution.absolute_url()}/@publiccode")
    assert yaml.safe_load(browser.contents)["usedBy"] == ["Ville de Lyon"]


def _app(solution):
    return solution.getPhysicalRoot()


@pytest.mark.parametrize(
    "change, parameter",
    [
        ({"organisation": ""}, "organisation"),
        ({"country": "XX"}, "country"),
        ({"organisation_type": "Dragon"}, "organisation_type"),
        ({"since": 1850}, "since"),
        ({"contact": "javascript:alert(1)"}, "contact"),
        ({"contact": "", "referent": True}, "contact"),
        ({"referent": "maybe"}, "referent"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(solution, session_for, change, parameter):
    response = session_for("alice").post(path(solution), json={**DECLARATION, **change})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter
    transaction.begin()
    assert declarations.pending(solution) == []


def test_anonymous_visitors_cannot_declare(solution, session_for):
    assert session_for().post(path(solution), json=DECLARATION).status_code == 401


def test_the_declaration_form_of_classic_ui(solution):
    browser = Browser(_app(solution))
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic alice:{PASSWORD}")
    browser.open(solution.absolute_url())
    browser.getLink("Declare that your organisation uses it").click()
    browser.getControl(name="organisation").value = "Comune di Torino"
    browser.getControl(name="country").value = ["IT"]
    browser.getControl(name="contact").value = "not a contact"
    browser.getControl(name="declare").click()
    assert "Give a public web address" in browser.contents
    browser.getControl(name="contact").value = "ict@comune.torino.it"
    browser.getControl(name="declare").click()
    assert "a facilitator will review the declaration" in browser.contents

    facilitator = Browser(_app(solution))
    facilitator.handleErrors = False
    facilitator.addHeader("Authorization", f"Basic fred:{PASSWORD}")
    facilitator.open(solution.absolute_url())
    assert "Declarations waiting for review" in facilitator.contents
    approve = facilitator.getForm(action=f"{solution.absolute_url()}/@@moderate-usage")
    # Following a link to the target (GET) approves nothing.
    with pytest.raises(Forbidden):
        facilitator.open(f"{solution.absolute_url()}/@@moderate-usage?approve=x")
    approve.getControl(name="approve").click()
    assert "Comune di Torino" in facilitator.contents
    assert "The declaration is approved." in facilitator.contents
    assert "Declarations waiting for review" not in facilitator.contents


def test_the_declaration_form_names_the_countries_in_the_visitors_language(solution):
    browser = Browser(_app(solution))
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic alice:{PASSWORD}")
    browser.open(f"{solution.absolute_url()}/@@declare-usage?set_language=de")
    options = html.fromstring(browser.contents).xpath("//select[@name='country']/option[@value!='']")
    titles = {option.get("value"): option.text_content().strip() for option in options}
    assert titles["DE"] == "Deutschland"
    assert titles["AT"] == "Österreich"
    # Sorted as a reader expects: Österreich among the O, after Norwegen.
    order = [title for title in titles.values() if title in ("Norwegen", "Österreich", "Polen")]
    assert order == ["Norwegen", "Österreich", "Polen"]


def test_the_facets_are_defined():
    assert facet_named("osor_used_in_country") is not None
    assert facet_named("osor_has_referents") is not None


def test_the_upgrade_turns_the_used_by_list_into_declarations(solution):
    solution.used_by = ["Comune di Roma", "Gemeente Utrecht", ""]
    modified = solution.modified()
    migrate_used_by()
    migrate_used_by()  # twice: nothing is declared twice
    assert declarations.organisation_names(solution) == ["Comune di Roma", "Gemeente Utrecht"]
    assert solution.used_by == ["Comune di Roma", "Gemeente Utrecht", ""]  # kept as written
    assert solution.modified() == modified
