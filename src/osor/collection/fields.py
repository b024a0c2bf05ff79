"""Field types of our own.

``WebAddress``: a URL field that accepts only the schemes a visitor can
safely follow. ``zope.schema.URI`` accepts any scheme, so a
``javascript:`` URL stored by a member would run in the browser of every
visitor who clicks it (stored XSS). Every URL field of our types is a
``WebAddress``; templates render stored URLs through ``safe_url``, which
also protects against values stored before the rule existed.
"""

from osor.collection import _
from plone.supermodel.exportimport import BaseHandler
from urllib.parse import urlsplit
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
