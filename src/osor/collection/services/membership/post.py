from osor.collection import _
from osor.collection.membership.members import MembershipError
from osor.collection.services.membership.actions import perform
from osor.collection.services.membership.info import membership_info
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides


# A membership action is a few short fields and a message of at most
# MAX_MESSAGE_LENGTH characters: refuse anything much larger before parsing it.
MAX_BODY_BYTES = 64 * 1024


def _body_size(request) -> int:
    try:
        return int(request.getHeader("Content-Length") or 0)
    except ValueError:
        return 0


class MembershipPost(Service):
    """POST @membership {"action": ..., "userid"/"user", "role", "message"}.

    Answers the new state of the membership (as GET does) with the
    translated ``message`` saying what was done.
    """

    def reply(self):
        if _body_size(self.request) > MAX_BODY_BYTES:
            return self._error(
                _("error_body_too_large", default="The request body is too large."), status=413
            )
        # Only JSON bodies: an HTML form on another site cannot send one
        # without a CORS preflight, which is the CSRF protection here.
        if not (self.request.getHeader("Content-Type") or "").startswith("application/json"):
            return self._error(
                _("error_json_only", default="The request body must be JSON (Content-Type: application/json).")
            )
        try:
            data = json_body(self.request)
        except DeserializationError:
            return self._error(_("error_invalid_json", default="The request body is not a JSON object."))
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            message = perform(self.context, data.get("action") or "", data)
        except MembershipError as error:
            return self._error(error.args[0])
        return dict(
            membership_info(self.context, self.request),
            message=translate(message, context=self.request),
        )

    def _error(self, message, status=400):
        self.request.response.setStatus(status)
        return {"error": {"type": "BadRequest", "message": translate(message, context=self.request)}}
