"""Field types of our own.

``WebAddress``: a URL field that accepts only the schemes a visitor can
safely follow. ``zope.schema.URI`` accepts any scheme, so a
``javascript:`` URL stored by a member would run in the browser of every
visitor who clicks it (stored XSS). Every URL field of our types is a
``WebAddress``; templates render stored URLs through ``safe_url``, which
also protects against values stored before the rule existed.

``valid_licence_expression``: the constraint of the fields that hold an
SPDX licence expression; an invalid one is a form error (a 400 in REST)
naming the offending token.
"""

from osor.collection import _
from plone.supermodel.exportimport import BaseHandler
from urllib.parse import urlsplit
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema import URI
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


class LicenceExpressionError(ValidationError):
    """An SPDX expression that does not parse; the message names the token."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return self.message


def valid_licence_expression(value) -> bool:
    """Constraint of a licence expression field: valid SPDX, else an error
    naming the offending token."""
    from osor.collection.legal.spdx import InvalidLicenceExpression
    from osor.collection.legal.spdx import parse_licence_expression

    try:
        parse_licence_expression(value)
    except InvalidLicenceExpression as error:
        request = getRequest()
        message = _(
            "error_invalid_licence_expression",
            default="Not a valid SPDX licence expression (${reason}: “${token}”).",
            mapping={"reason": translate(error.reason, context=request), "token": error.token},
        )
        raise LicenceExpressionError(translate(message, context=request)) from error
    return True
