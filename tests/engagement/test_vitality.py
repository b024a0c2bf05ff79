"""The vitality indicator (#29 §3): computed by the nightly job
(``POST <site>/@vitality``), stored, indexed, shown with its inputs."""

from DateTime import DateTime
from datetime import date
from datetime import timedelta
from osor.collection.discovery.facets import facet_named
from osor.collection.discovery.params import SORTS
from osor.collection.interop.publiccode.storage import store_publiccode
from osor.collection.review.outdated import confirm
from osor.collection.usage.vitality import stored_vitality
from osor.collection.usage.vitality import verdict
from pages_content import add_release
from pages_content import anonymous_browser
from pages_content import commit
from pages_content import make_osor_collection
from pages_content import make_solution
from plone import api

import pytest
import transaction


TODAY = date(2026, 6, 1)


def inputs(**values):
    base = {
        "last_release": None,
        "releases_in_two_years": 0,
        "maintenance_type": None,
        "maintenance_contacts": 0,
        "last_update": "2020-01-01",
        "usage_declarations": 0,
    }
    return {**base, **values}


@pytest.mark.parametrize(
    "values, expected",
    [
        ({}, "unknown"),
        ({"last_release": "2026-01-10", "releases_in_two_years": 1}, "active"),
        ({"last_release": "2024-09-01", "releases_in_two_years": 3}, "active"),
        ({"last_release": "2025-01-10", "releases_in_two_years": 1}, "slowing_down"),
        ({"last_release": "2021-01-10"}, "inactive"),
        ({"last_release": "2026-01-10", "maintenance_type": "none"}, "inactive"),
        ({"maintenance_type": "community", "maintenance_contacts": 2, "last_update": "2026-03-01"}, "active"),
        ({"maintenance_type": "community", "maintenance_contacts": 2, "last_update": "2025-03-01"}, "slowing_down"),
    ],
)
def test_the_verdict_follows_its_inputs(values, expected):
    assert verdict(inputs(**values), TODAY) == expected


@pytest.fixture
def solutions(functional_portal):
    collection = make_osor_collection(functional_portal)
    alive = make_solution(collection)
    add_release(alive, "1.0", date.today() - timedelta(days=30))
    store_publiccode(
        alive,
        text="",
        data={"maintenance": {"type": "community", "contacts": [{"name": "Ada"}]}},
        filename="publiccode.yml",
    )
    quiet = api.content.create(
        container=collection, type="software_solution", id="quiet", title="Quiet", description="Old."
    )
    add_release(quiet, "0.1", date.today() - timedelta(days=6 * 365))
    api.content.transition(quiet, to_state="published")
    # Its page was last updated years ago, too.
    quiet.setModificationDate(DateTime("2019-05-01"))
    quiet.reindexObject(idxs=["modified"])
    commit()
    return alive, quiet


def test_the_nightly_job_stores_indexes_and_shows_the_vitality(solutions, manager_request, request_factory):
    alive, _quiet = solutions
    # Never during a page view: nothing is shown before the job ran.
    browser = anonymous_browser(alive.getPhysicalRoot())
    browser.open(alive.absolute_url())
    assert "osor-vitality" not in browser.contents
    assert request_factory().post("/@vitality").status_code == 401

    response = manager_request.post("/@vitality")
    assert response.status_code == 200
    assert response.json()["vitality"] == {"active": 1, "slowing_down": 0, "inactive": 1, "unknown": 0}

    transaction.begin()
    stored = stored_vitality(alive)
    assert stored["state"] == "active"
    assert stored["inputs"]["maintenance_type"] == "community"
    assert stored["inputs"]["maintenance_contacts"] == 1
    assert stored["inputs"]["releases_in_two_years"] == 1
    assert [brain.getId for brain in api.content.find(osor_vitality="inactive")] == ["quiet"]
    ranked = api.content.find(portal_type="software_solution", sort_on="osor_vitality_rank", sort_order="descending")
    assert [brain.getId for brain in ranked] == ["decidim", "quiet"]

    browser.open(alive.absolute_url())
    assert "osor-vitality-active" in browser.contents
    assert "Releases in the last two years" in browser.contents


def test_a_solution_confirmed_still_accurate_counts_as_updated_then(solutions, manager_request):
    _alive, quiet = solutions
    confirm(quiet)
    commit()
    assert manager_request.post("/@vitality").status_code == 200

    transaction.begin()
    stored = stored_vitality(quiet)
    assert stored["inputs"]["last_update"] == date.today().isoformat()
    # Its last release is years old, but someone vouched for the page.
    assert stored["state"] == "slowing_down"
    assert quiet.modified() < DateTime("2020-01-01")


def test_the_facet_and_the_sort_order_are_defined():
    assert facet_named("osor_vitality") is not None
    assert SORTS["vitality"] == ("osor_vitality_rank", True)
