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
"""

from osor.collection import _
from plone.supermodel.exportimport import BaseHandler
from urllib.parse import urlsplit
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer
from zope.schema import TextLine
from zope.schema import URI
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import ValidationError


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
    from osor.collection.legal.spdx import InvalidLicenceExpression
    from osor.collection.legal.spdx import parse_licence_expression
    from osor.collection.legal.spdx import suggest_licence_expression

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
