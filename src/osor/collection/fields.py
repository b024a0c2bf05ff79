"""Field types of our own.

``WebAddress``: a URL field that accepts only the schemes a visitor can
safely follow. ``zope.schema.URI`` accepts any scheme, so a
``javascript:`` URL stored by a member would run in the browser of every
visitor who clicks it (stored XSS). Every URL field of our types is a
``WebAddress``; templates render stored URLs through ``safe_url``, which
also protects against values stored before the rule existed.

``rows_need``: the constraint of a data-grid list whose rows need a
column. A required column would make the data grid show a required
marker on the whole (optional) field; the list checks the rows instead.

``LicenceExpression``: a text line holding an SPDX licence expression,
validated by ``valid_licence_expression``; an invalid one is a form error
(a 400 in REST) naming the offending token, with the expression meant
when the text is a near miss ("Did you mean EUPL-1.2?"). Its own type lets
the forms give it the licence type-ahead (browser/licence_widget.py).

``SoftwareHeritageId``: a SWHID (https://www.swhid.org/specification/),
the persistent identifier of a release, revision, directory, content or
snapshot archived by Software Heritage, checked by its syntax alone (the
site never calls the archive while a form is saved).
"""

from osor.collection import _
from osor.collection.licences.spdx import InvalidLicenceExpression
from osor.collection.licences.spdx import parse_licence_expression
from osor.collection.licences.spdx import suggest_licence_expression
from plone.supermodel.exportimport import BaseHandler
from urllib.parse import quote
from urllib.parse import urlsplit
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer
from zope.schema import TextLine
from zope.schema import URI
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import ValidationError

import re


WEB_SCHEMES = ("http", "https")


class UnsafeURL(ValidationError):
    __doc__ = _("error_unsafe_url", default="Only http and https addresses are accepted.")


def scheme_of(url: str) -> str:
    return urlsplit(url.strip()).scheme.lower()


def is_safe_url(url, schemes=WEB_SCHEMES) -> bool:
    return isinstance(url, str) and scheme_of(url) in schemes


def safe_url(url, schemes=WEB_SCHEMES):
    """``url`` when a visitor may follow it, else None (render no link)."""
    return url if is_safe_url(url, schemes) else None


class WebAddress(URI):
    """A URI with one of ``schemes`` (http and https unless told otherwise;
    add ``mailto`` where the field is an address)."""

    def __init__(self, schemes=WEB_SCHEMES, **kw):
        self.schemes = tuple(schemes)
        super().__init__(**kw)

    def _validate(self, value):
        super()._validate(value)
        if not is_safe_url(value, self.schemes):
            raise UnsafeURL(value).with_field_and_value(self, value)


# Lets plone.supermodel export and import schemas that use the field.
WebAddressHandler = BaseHandler(WebAddress)


class ExplainedError(ValidationError):
    """A validation error whose message is made when it is raised."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return self.message


class IncompleteRow(ExplainedError):
    """A data-grid row without a value its rows need; the message says which."""


def rows_need(column: str, message):
    """Constraint of a list of rows: each has ``column``, else ``message``."""

    def every_row_has_it(rows) -> bool:
        if any(not (row or {}).get(column) for row in rows or ()):
            raise IncompleteRow(message)
        return True

    return every_row_has_it


class LicenceExpressionError(ExplainedError):
    """An SPDX expression that does not parse; the message names the token."""


def valid_licence_expression(value) -> bool:
    """Constraint of a licence expression field: valid SPDX, else an error
    naming the offending token and saying how to fix it."""
    try:
        parse_licence_expression(value)
    except InvalidLicenceExpression as error:
        request = getRequest()
        message = _(
            "error_invalid_licence_expression",
            default="Not a valid SPDX licence expression (${reason}: “${token}”).",
            mapping={"reason": translate(error.reason, context=request), "token": error.token},
        )
        suggestion = suggest_licence_expression(value)
        if suggestion:
            fix = _(
                "error_licence_did_you_mean",
                default="Did you mean “${suggestion}”?",
                mapping={"suggestion": suggestion},
            )
        else:
            fix = _(
                "error_licence_how_to_fix",
                default="Write SPDX identifiers joined by AND, OR or WITH, for example “EUPL-1.2 OR MIT”.",
            )
        text = f"{translate(message, context=request)} {translate(fix, context=request)}"
        raise LicenceExpressionError(text) from error
    return True


class ILicenceExpression(ITextLine):
    """A text line holding an SPDX licence expression."""


@implementer(ILicenceExpression)
class LicenceExpression(TextLine):
    """An SPDX licence expression (``EUPL-1.2 OR GPL-3.0-or-later``),
    refused with a suggestion when it is not valid."""

    def __init__(self, **kw):
        kw.setdefault("constraint", valid_licence_expression)
        super().__init__(**kw)


LicenceExpressionHandler = BaseHandler(LicenceExpression)


# swh:1:<object type>:<40 hex digits>, then ;qualifier=value pairs (the
# SWHID specification, version 1: core identifier and qualifiers).
SWHID_OBJECT_TYPES = ("rel", "rev", "dir", "cnt", "snp")
SWHID_QUALIFIERS = ("origin", "visit", "anchor", "path", "lines")
SWHID_CORE = re.compile(r"swh:1:(?P<type>[a-z]{3}):(?P<hash>[0-9a-f]{40})")
SOFTWARE_HERITAGE_ARCHIVE = "https://archive.softwareheritage.org/"


class SoftwareHeritageIdError(ExplainedError):
    """Not a SWHID; the message says which part is wrong and shows one."""


def swhid_problem(value: str):
    """What is wrong with the SWHID ``value`` (a message), or None."""
    core, *qualifiers = value.split(";")
    match = SWHID_CORE.fullmatch(core)
    if match is None or match["type"] not in SWHID_OBJECT_TYPES:
        return _(
            "error_swhid_core",
            default="“${value}” is not a Software Heritage identifier: write swh:1:, then rel, rev, dir, cnt "
            "or snp, a colon and the 40 hexadecimal digits of the object, for example "
            "swh:1:rel:22ece559cc7cc2364edc5e5593d63ae8bd229f9f.",
            mapping={"value": core},
        )
    for qualifier in qualifiers:
        key, equals, text = qualifier.partition("=")
        if key not in SWHID_QUALIFIERS or not equals or not text:
            return _(
                "error_swhid_qualifier",
                default="“${qualifier}” is not a qualifier of a Software Heritage identifier: write "
                ";origin=, ;visit=, ;anchor=, ;path= or ;lines= followed by a value.",
                mapping={"qualifier": qualifier},
            )
    return None


def valid_swhid(value) -> bool:
    """Constraint of a SWHID field: the syntax of the specification, else an
    error saying what to write."""
    problem = swhid_problem(value)
    if problem is not None:
        raise SoftwareHeritageIdError(translate(problem, context=getRequest()))
    return True


def software_heritage_url(swhid) -> str:
    """The page of ``swhid`` in the Software Heritage archive ('' if none)."""
    if not swhid or swhid_problem(swhid) is not None:
        return ""
    return SOFTWARE_HERITAGE_ARCHIVE + quote(swhid, safe=":;=/")


class ISoftwareHeritageId(ITextLine):
    """A text line holding a SWHID."""


@implementer(ISoftwareHeritageId)
class SoftwareHeritageId(TextLine):
    """A SWHID (``swh:1:rel:<40 hex digits>;origin=https://…``), refused
    with an explanation when its syntax is wrong."""

    def __init__(self, **kw):
        kw.setdefault("constraint", valid_swhid)
        super().__init__(**kw)


SoftwareHeritageIdHandler = BaseHandler(SoftwareHeritageId)
