"""Form errors that name their field and say how to fix it.

z3c.form shows a field's error as the schema's bare message ("Required
input is missing.", "The specified URI is not valid."), which says
neither which field nor what to do; in the error summary or a screen
reader's list of errors it is lost. On our layer every field error is
"<field>: <what to do>", translated (the field's label is the form's own
label, already translated).
"""

from osor.collection import _
from osor.collection.fields import UnsafeURL
from osor.collection.interfaces import IOsorCollectionLayer
from plone.schema.email import InvalidEmail
from z3c.form.error import ComputedErrorViewMessage
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.schema.interfaces import InvalidURI
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import ValidationError


WEB_ADDRESS = _(
    "error_field_web_address",
    default="${field}: enter a web address that begins with https:// or http://, for example https://example.org.",
)
# Errors whose own message does not say how to fix them.
HOW_TO_FIX = {
    RequiredMissing: _("error_field_required", default="${field} is required: please fill it in."),
    InvalidURI: WEB_ADDRESS,
    UnsafeURL: WEB_ADDRESS,
    InvalidEmail: _("error_field_email", default="${field}: enter an e-mail address such as name@example.org."),
}
NAMED = _("error_field_named", default="${field}: ${message}")


def _label(adapter) -> str:
    label = getattr(adapter.widget, "label", None) or getattr(adapter.field, "title", "") or ""
    return translate(label, context=adapter.request)


def field_error_message(adapter) -> str:
    """The message of a field's validation error, naming the field."""
    request = adapter.request
    error = adapter.error
    field = _label(adapter)
    for kind, message in HOW_TO_FIX.items():
        if isinstance(error, kind):
            return translate(Message(message, mapping={"field": field}), context=request)
    detail = translate(error.doc(), context=request)
    if not field:
        return detail
    return translate(Message(NAMED, mapping={"field": field, "message": detail}), context=request)


NamedFieldErrorMessage = ComputedErrorViewMessage(
    field_error_message, error=ValidationError, request=IOsorCollectionLayer
)
