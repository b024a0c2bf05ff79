"""The licence compatibility checker (issue #18 §3): answers from one
reviewed data file, each with its sources; unknown ids are refused; a pair
without a rule is "depends", never a guess."""

from osor.collection.legal.spdx import canonical_licence_id
from osor.collection.licences.compatibility import check_compatibility
from osor.collection.licences.compatibility import compatibility_data
from osor.collection.licences.compatibility import UnknownLicence
from osor.collection.licences.compatibility import VERDICTS

import pytest


# inbound, outbound, verdict, a source its answer must cite (URL part)
KNOWN_PAIRS = [
    ("EUPL-1.2", "GPL-2.0-only", "compatible", "eur-lex.europa.eu"),
    ("EUPL-1.2", "MPL-2.0", "compatible", "eur-lex.europa.eu"),
    ("EUPL-1.2", "LiLiQ-Rplus-1.1", "compatible", "eur-lex.europa.eu"),
    ("EUPL-1.2", "CC-BY-SA-3.0", "depends", "eur-lex.europa.eu"),
    ("GPL-2.0-only", "EUPL-1.2", "not_compatible", "gpl-2.0.html"),
    ("GPL-3.0-only", "EUPL-1.2", "not_compatible", "gpl-3.0.html"),
    ("MIT", "GPL-3.0-or-later", "compatible", "license-list.html"),
    ("BSD-3-Clause", "EUPL-1.2", "compatible", "eupl"),
    ("Apache-2.0", "GPL-3.0-only", "compatible", "apache.org"),
    ("Apache-2.0", "GPL-2.0-only", "not_compatible", "apache.org"),
    ("Apache-2.0", "GPL-2.0-or-later", "depends", "apache.org"),
    ("GPL-2.0-only", "GPL-3.0-only", "not_compatible", "v2v3Compatibility"),
    ("GPL-2.0-or-later", "GPL-3.0-only", "compatible", "gpl-2.0.html"),
    ("LGPL-2.1-only", "GPL-2.0-only", "compatible", "lgpl-2.1.html"),
    ("LGPL-3.0-only", "GPL-2.0-only", "not_compatible", "v2v3Compatibility"),
    ("GPL-3.0-only", "AGPL-3.0-only", "compatible", "gpl-3.0.html"),
    ("AGPL-3.0-only", "GPL-3.0-only", "depends", "agpl-3.0.html"),
    ("MPL-2.0", "GPL-3.0-or-later", "depends", "MPL/2.0"),
    ("CECILL-2.1", "GPL-3.0-only", "compatible", "cecill.info"),
]


@pytest.mark.parametrize("inbound, outbound, verdict, source", KNOWN_PAIRS)
def test_known_pairs_get_their_sourced_verdict(inbound, outbound, verdict, source):
    answer = check_compatibility(inbound, outbound)
    assert answer["verdict"] == verdict
    assert answer["explanation"]
    assert any(source in item["url"] for item in answer["sources"]), answer["sources"]


def test_a_condition_named_by_the_source_is_stated():
    answer = check_compatibility("EUPL-1.2", "CC-BY-SA-3.0")
    assert answer["verdict"] == "depends"
    assert "other than software" in " ".join(answer["conditions"])


def test_ids_match_case_insensitively():
    answer = check_compatibility("gpl-2.0-ONLY", "eupl-1.2")
    assert (answer["inbound"], answer["outbound"]) == ("GPL-2.0-only", "EUPL-1.2")


def test_the_same_licence_is_compatible():
    assert check_compatibility("MIT", "MIT")["verdict"] == "compatible"


def test_a_pair_without_rule_depends_and_points_to_the_legal_service():
    answer = check_compatibility("Unlicense", "CC0-1.0", ask_url="http://site/ask")
    assert answer["verdict"] == "depends"
    assert "no rule known" in answer["explanation"].lower()
    assert answer["ask"] == "http://site/ask"


@pytest.mark.parametrize("inbound, outbound, field", [("NotALicence", "MIT", "inbound"), ("MIT", "", "outbound")])
def test_an_unknown_id_is_refused_naming_the_field(inbound, outbound, field):
    with pytest.raises(UnknownLicence) as error:
        check_compatibility(inbound, outbound)
    assert error.value.field == field


def test_every_rule_is_valid_spdx_with_a_known_verdict_and_a_source():
    data = compatibility_data()
    seen = set()
    for rule in data["rules"]:
        assert rule["verdict"] in VERDICTS
        assert rule["sources"], rule
        assert all(key in data["sources"] for key in rule["sources"])
        if rule["verdict"] == "depends":
            assert rule.get("conditions"), rule
        pairs = [
            (i, o)
            for i in (rule["inbound"] if isinstance(rule["inbound"], list) else [rule["inbound"]])
            for o in (rule["outbound"] if isinstance(rule["outbound"], list) else [rule["outbound"]])
        ]
        for inbound, outbound in pairs:
            assert canonical_licence_id(inbound) == inbound, inbound
            assert canonical_licence_id(outbound) == outbound, outbound
            assert (inbound, outbound) not in seen, ("defined twice", inbound, outbound)
            seen.add((inbound, outbound))


def test_rest_answers_and_refuses_unknown_ids(functional_portal, request_factory):
    session = request_factory()
    answer = session.get("/@licence-compatibility", params={"inbound": "GPL-2.0-only", "outbound": "EUPL-1.2"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["verdict"] == "not_compatible"
    assert set(body) >= {"inbound", "outbound", "verdict", "explanation", "conditions", "sources"}
    assert all({"title", "url"} <= set(source) for source in body["sources"])
    refused = session.get("/@licence-compatibility", params={"inbound": "Nope-1", "outbound": "EUPL-1.2"})
    assert refused.status_code == 400
    assert "Nope-1" in refused.text
    missing = session.get("/@licence-compatibility", params={"inbound": "MIT"})
    assert missing.status_code == 400


def test_the_checker_page_shows_the_sourced_answer(functional_portal, request_factory):
    page = request_factory(api=False).get(
        "/@@licence-compatibility", params={"inbound": "GPL-2.0-only", "outbound": "EUPL-1.2"}
    )
    assert page.status_code == 200
    assert "gpl-2.0.html" in page.text
    assert "verdict-not_compatible" in page.text


def test_solution_hints_against_the_eupl():
    from osor.collection.licences.compatibility import eupl_hints

    hints = {hint["inbound"]: hint["verdict"] for hint in eupl_hints(["MIT", "GPL-2.0-only", "not-spdx"])}
    assert hints == {"MIT": "compatible", "GPL-2.0-only": "not_compatible"}
