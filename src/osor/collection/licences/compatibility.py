"""May code under one licence be reused in a work under another?

The answers are the rules of ``data/compatibility.yaml`` (each with its
sources); this module only looks them up. Ids match case-insensitively;
an id that is not SPDX is an ``UnknownLicence`` (a 400 in REST); a pair
without a rule is "depends: no rule known", with a pointer to the legal
coaching service, never a guess.
"""

from functools import cache
from osor.collection import _
from osor.collection.legal.spdx import canonical_licence_id
from pathlib import Path
from zope.globalrequest import getRequest
from zope.i18n import translate

import yaml


DATA = Path(__file__).parent / "data" / "compatibility.yaml"
VERDICTS = ("compatible", "not_compatible", "depends")

NO_RULE = _(
    "licence_compatibility_no_rule",
    default="No rule known for this pair; ask the legal coaching service.",
)


class UnknownLicence(ValueError):
    """``value`` given for ``field`` is not an SPDX licence id."""

    def __init__(self, field: str, value: str):
        super().__init__(f"{field}: unknown SPDX licence id {value!r}")
        self.field = field
        self.value = value


def _as_list(value) -> list[str]:
    return value if isinstance(value, list) else [value]


@cache
def compatibility_data() -> dict:
    with DATA.open(encoding="utf-8") as data:
        return yaml.safe_load(data)


@cache
def rules() -> dict[tuple[str, str], dict]:
    """Every rule of the data file, by (inbound, outbound) SPDX id."""
    table = {}
    for rule in compatibility_data()["rules"]:
        for inbound in _as_list(rule["inbound"]):
            for outbound in _as_list(rule["outbound"]):
                table[(inbound, outbound)] = rule
    return table


def _sources(keys) -> list[dict]:
    sources = compatibility_data()["sources"]
    return [{"title": sources[key]["title"], "url": sources[key]["url"]} for key in keys]


def _licence(field: str, value: str) -> str:
    known = canonical_licence_id(value)
    if known is None:
        raise UnknownLicence(field, value or "")
    return known


def check_compatibility(inbound: str, outbound: str, ask_url: str = "") -> dict:
    """The verdict, explanation, conditions and sources for reusing
    ``inbound`` code in a work distributed under ``outbound``."""
    inbound = _licence("inbound", inbound)
    outbound = _licence("outbound", outbound)
    rule = compatibility_data()["same_licence"] if inbound == outbound else rules().get((inbound, outbound))
    if rule is None:
        return {
            "inbound": inbound,
            "outbound": outbound,
            "verdict": "depends",
            "explanation": translate(NO_RULE, context=getRequest()),
            "conditions": [],
            "sources": [],
            "ask": ask_url,
        }
    return {
        "inbound": inbound,
        "outbound": outbound,
        "verdict": rule["verdict"],
        "explanation": " ".join(rule["explanation"].split()),
        "conditions": list(rule.get("conditions", [])),
        "sources": _sources(rule["sources"]),
    }


def eupl_hints(spdx_ids, outbound: str = "EUPL-1.2") -> list[dict]:
    """The compatibility of each licence of a solution against the EUPL-1.2
    (the hint solution pages show); ids that are not SPDX are skipped."""
    hints = []
    for spdx_id in spdx_ids or ():
        try:
            hints.append(check_compatibility(spdx_id, outbound))
        except UnknownLicence:
            continue
    return hints
