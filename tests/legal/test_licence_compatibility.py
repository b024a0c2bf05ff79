"""The licence compatibility checker (issues #18 §3, #26 §1): answers from
maintained sources (the EUPL's own rules, the OSADL matrix, then our sourced
table), each naming its sources; SPDX expressions are evaluated with the
reasoning shown; unknown ids are refused; a pair no source covers is
"unknown", never a guess."""

from osor.collection.licences.compatibility import check_compatibility
from osor.collection.licences.compatibility import compatibility_data
from osor.collection.licences.compatibility import eupl_data
from osor.collection.licences.compatibility import osadl_answer
from osor.collection.licences.compatibility import OSADL_VERDICTS
from osor.collection.licences.compatibility import UnknownLicence
from osor.collection.licences.compatibility import VERDICTS
from osor.collection.licences.spdx import canonical_licence_id

import lxml.html
import pytest


OSADL = "osadl.org"
EUPL_11 = "eupl1.1"
EUPL_12 = "eur-lex.europa.eu"

# inbound, outbound, verdict, a source its answer must cite (URL part)
KNOWN_PAIRS = [
    # The five pairs of issue #26 §1, which the hand-written table left to "depends".
    ("EUPL-1.2", "MIT", "not_compatible", EUPL_12),
    ("GPL-3.0-only", "MIT", "not_compatible", OSADL),
    ("GPL-3.0-only", "Apache-2.0", "not_compatible", OSADL),
    ("AGPL-3.0-only", "GPL-2.0-only", "not_compatible", OSADL),
    ("MPL-2.0", "GPL-3.0-only", "compatible", "MPL/2.0"),
    ("EUPL-1.1", "GPL-2.0-only", "compatible", EUPL_11),
    # The EUPL's own rules.
    ("EUPL-1.2", "GPL-2.0-only", "compatible", EUPL_12),
    ("EUPL-1.2", "MPL-2.0", "compatible", EUPL_12),
    ("EUPL-1.2", "LiLiQ-Rplus-1.1", "compatible", EUPL_12),
    ("EUPL-1.2", "CC-BY-SA-3.0", "depends", EUPL_12),
    ("EUPL-1.1", "EUPL-1.2", "compatible", EUPL_11),
    ("EUPL-1.1", "GPL-3.0-only", "not_compatible", EUPL_11),
    # The OSADL matrix.
    ("GPL-2.0-only", "EUPL-1.2", "not_compatible", OSADL),
    ("GPL-3.0-only", "EUPL-1.2", "not_compatible", OSADL),
    ("MIT", "GPL-3.0-or-later", "compatible", OSADL),
    ("BSD-3-Clause", "EUPL-1.2", "compatible", OSADL),
    ("Apache-2.0", "GPL-3.0-only", "compatible", OSADL),
    ("Apache-2.0", "GPL-2.0-only", "not_compatible", OSADL),
    ("GPL-2.0-only", "GPL-3.0-only", "not_compatible", OSADL),
    ("GPL-2.0-or-later", "GPL-3.0-only", "compatible", OSADL),
    ("LGPL-2.1-only", "GPL-2.0-only", "compatible", OSADL),
    ("LGPL-3.0-only", "GPL-2.0-only", "not_compatible", OSADL),
    # Our table, where OSADL says "Check dependency", "Unknown" or nothing.
    ("GPL-3.0-only", "AGPL-3.0-only", "compatible", "gpl-3.0.html"),
    ("Apache-2.0", "EUPL-1.2", "compatible", "eupl"),
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


def test_mpl_into_the_gpl_holds_unless_the_exhibit_b_notice():
    answer = check_compatibility("MPL-2.0", "GPL-3.0-only")
    assert answer["verdict"] == "compatible"
    assert "Exhibit B" in " ".join(answer["conditions"])
    urls = " ".join(source["url"] for source in answer["sources"])
    assert OSADL in urls and "MPL/2.0" in urls


def test_the_eupl_11_reaches_the_gpl_through_its_appendix():
    answer = check_compatibility("EUPL-1.1", "GPL-2.0-only")
    assert "Appendix" in answer["explanation"]
    assert "Article 5" in answer["sources"][0]["title"]


def test_direction_matters():
    assert check_compatibility("MIT", "GPL-3.0-only")["verdict"] == "compatible"
    assert check_compatibility("GPL-3.0-only", "MIT")["verdict"] == "not_compatible"


def test_ids_match_case_insensitively():
    answer = check_compatibility("gpl-2.0-ONLY", "eupl-1.2")
    assert (answer["inbound"], answer["outbound"]) == ("GPL-2.0-only", "EUPL-1.2")


def test_the_same_licence_is_compatible():
    assert check_compatibility("MIT", "MIT")["verdict"] == "compatible"


def test_a_pair_no_source_covers_is_unknown_says_so_and_points_to_the_legal_service():
    assert osadl_answer("Unlicense", "CECILL-2.1") is None
    answer = check_compatibility("Unlicense", "CECILL-2.1", ask_url="http://site/ask")
    assert answer["verdict"] == "unknown"
    assert answer["sources"] == []
    assert "no source" in answer["explanation"].lower()
    assert answer["ask"] == "http://site/ask"


def test_osadl_unknown_is_unknown_citing_osadl():
    assert osadl_answer("MS-PL", "0BSD") == "Unknown"
    answer = check_compatibility("MS-PL", "0BSD")
    assert answer["verdict"] == "unknown"
    assert OSADL in answer["sources"][0]["url"]


def test_osadl_check_dependency_depends_with_a_condition():
    pair = ("GPL-2.0-or-later", "AGPL-3.0-only")
    assert osadl_answer(*pair) == "Check dependency"
    answer = check_compatibility(*pair)
    assert answer["verdict"] == "depends"
    assert answer["conditions"]
    assert OSADL in answer["sources"][0]["url"]


def test_inbound_or_takes_the_best_option_with_its_reasoning():
    answer = check_compatibility("MIT OR GPL-2.0-only", "Apache-2.0")
    assert answer["verdict"] == "compatible"
    assert answer["inbound"] == "MIT OR GPL-2.0-only"
    assert len(answer["reasoning"]) == 3
    assert "MIT → Apache-2.0" in answer["reasoning"][0]
    assert "GPL-2.0-only → Apache-2.0" in answer["reasoning"][1]
    assert "best option" in answer["reasoning"][2] and "MIT" in answer["reasoning"][2]


def test_inbound_and_needs_every_part():
    answer = check_compatibility("MIT AND GPL-2.0-only", "Apache-2.0")
    assert answer["verdict"] == "not_compatible"
    assert "every part" in answer["reasoning"][-1]
    assert any(OSADL in source["url"] for source in answer["sources"])


def test_an_outbound_expression_needs_every_licence_it_names():
    answer = check_compatibility("Apache-2.0", "GPL-3.0-only OR GPL-2.0-only")
    assert answer["verdict"] == "not_compatible"
    assert any("GPL-2.0-only" in step for step in answer["reasoning"])


def test_an_or_of_and_is_evaluated_as_a_tree():
    answer = check_compatibility("(GPL-2.0-only AND MIT) OR BSD-3-Clause", "Apache-2.0")
    assert answer["verdict"] == "compatible"
    assert len(answer["reasoning"]) == 5


def test_an_exception_adds_permissions_or_leaves_the_answer_unknown():
    kept = check_compatibility("GPL-2.0-or-later WITH Classpath-exception-2.0", "GPL-3.0-only")
    assert kept["verdict"] == "compatible"
    assert "Classpath-exception-2.0" in kept["explanation"]
    assert "Classpath-exception-2.0" in kept["reasoning"][-1]
    unknown = check_compatibility("GPL-2.0-only WITH Classpath-exception-2.0", "MIT")
    assert unknown["verdict"] == "unknown"
    assert "Classpath-exception-2.0" in unknown["reasoning"][-1]
    assert check_compatibility("MIT", "GPL-2.0-only WITH Classpath-exception-2.0")["verdict"] == "unknown"


@pytest.mark.parametrize(
    "inbound, outbound, field",
    [("NotALicence", "MIT", "inbound"), ("MIT", "", "outbound"), ("MIT", "MIT OR", "outbound")],
)
def test_an_unknown_id_is_refused_naming_the_field(inbound, outbound, field):
    with pytest.raises(UnknownLicence) as error:
        check_compatibility(inbound, outbound)
    assert error.value.field == error.value.parameter == field


def test_the_eupl_data_is_valid_spdx_and_sourced():
    for eupl, rules in eupl_data().items():
        assert canonical_licence_id(eupl) == eupl
        assert rules["source"]["url"].startswith("https://")
        for key in ("compatible", "later_versions", "non_software"):
            assert all(canonical_licence_id(spdx_id) == spdx_id for spdx_id in rules[key]), rules[key]


def test_every_rule_is_valid_spdx_with_a_known_verdict_and_a_source():
    data = compatibility_data()
    seen = set()
    cited = set()
    for rule in data["rules"]:
        assert rule["verdict"] in VERDICTS
        assert rule["sources"], rule
        assert all(key in data["sources"] for key in rule["sources"])
        cited.update(rule["sources"])
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
            # The table only holds what the maintained sources do not cover,
            # or (``refines``) adds conditions to the OSADL verdict it agrees with.
            assert inbound not in eupl_data(), ("the EUPL's own rules decide", inbound, outbound)
            said = OSADL_VERDICTS.get(osadl_answer(inbound, outbound))
            if rule.get("refines"):
                assert said == rule["verdict"], ("refines but disagrees with OSADL", inbound, outbound)
            else:
                assert said is None, ("OSADL covers", inbound, outbound, said)
    assert cited == set(data["sources"]), "every source of the table is cited"


def test_rest_answers_and_refuses_unknown_ids(functional_portal, request_factory):
    session = request_factory()
    answer = session.get("/@licence-compatibility", params={"inbound": "GPL-2.0-only", "outbound": "EUPL-1.2"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["verdict"] == "not_compatible"
    assert set(body) >= {"inbound", "outbound", "verdict", "explanation", "conditions", "sources", "reasoning"}
    assert all({"title", "url"} <= set(source) for source in body["sources"])
    expression = session.get(
        "/@licence-compatibility", params={"inbound": "MIT OR GPL-2.0-only", "outbound": "Apache-2.0"}
    ).json()
    assert expression["verdict"] == "compatible"
    assert len(expression["reasoning"]) == 3


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"inbound": "Nope-1", "outbound": "EUPL-1.2"}, "inbound"),
        ({"inbound": "MIT", "outbound": "MIT AND"}, "outbound"),
        ({"inbound": "MIT"}, "outbound"),
        ({"inbound": "", "outbound": "MIT"}, "inbound"),
        ({"inbound": ["MIT", "GPL-2.0-only"], "outbound": "EUPL-1.2"}, "inbound"),
        ({"inbound": "MIT", "outbound": ["MIT", "MIT"]}, "outbound"),
    ],
)
def test_rest_refuses_bad_input_naming_the_parameter(functional_portal, request_factory, params, parameter):
    refused = request_factory().get("/@licence-compatibility", params=params)
    assert refused.status_code == 400
    error = refused.json()["error"]
    assert error["parameter"] == error["field"] == parameter
    assert parameter in error["message"]


def test_the_checker_page_shows_the_sourced_answer(functional_portal, request_factory):
    page = request_factory(api=False).get(
        "/@@licence-compatibility", params={"inbound": "MIT AND GPL-2.0-only", "outbound": "EUPL-1.2"}
    )
    assert page.status_code == 200
    assert "osadl.org" in page.text
    assert "verdict-not_compatible" in page.text
    assert "licence-compatibility-reasoning" in page.text


def test_the_checker_page_asks_first(functional_portal, request_factory):
    page = request_factory(api=False).get("/@@licence-compatibility")
    assert page.status_code == 200
    assert "licence-compatibility-result" not in page.text


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"inbound": "Nope-1", "outbound": "EUPL-1.2"}, "inbound"),
        ({"inbound": "MIT", "outbound": ""}, "outbound"),
        ({"inbound": ["MIT", "GPL-2.0-only"], "outbound": "EUPL-1.2"}, "inbound"),
    ],
)
def test_the_checker_page_refuses_bad_input_under_the_field_concerned(
    functional_portal, request_factory, params, parameter
):
    page = request_factory(api=False).get("/@@licence-compatibility", params=params)
    assert page.status_code == 400
    html = lxml.html.fromstring(page.text)
    (field,) = html.xpath(f'//input[@id="{parameter}"]')
    assert field.get("aria-invalid") == "true"
    (error,) = html.xpath(f'//*[@id="{field.get("aria-describedby")}"]')
    assert error.text_content().strip()
    assert "licence-compatibility-result" not in page.text


def test_an_empty_check_says_both_licences_are_missing(functional_portal, request_factory):
    page = request_factory(api=False).get("/@@licence-compatibility", params={"inbound": "", "outbound": ""})
    assert page.status_code == 400
    html = lxml.html.fromstring(page.text)
    assert html.xpath('//*[@id="inbound-error"]') and html.xpath('//*[@id="outbound-error"]')
    assert "Enter the licence of the code you reuse" in page.text
    assert "Enter the licence of your work" in page.text


def test_solution_hints_against_the_eupl():
    from osor.collection.licences.compatibility import eupl_hints

    hints = {hint["inbound"]: hint["verdict"] for hint in eupl_hints(["MIT", "GPL-2.0-only", "CECILL-B", "not-spdx"])}
    assert hints == {"MIT": "compatible", "GPL-2.0-only": "not_compatible", "CECILL-B": "unknown"}


def test_every_verdict_has_a_title_and_a_badge():
    from osor.collection.browser.pages import VERDICT_BADGES
    from osor.collection.licences.labels import VERDICT_TITLES

    assert set(VERDICT_TITLES) == set(VERDICT_BADGES) == set(VERDICTS)
