from osor.collection import _
from osor.collection.membership import pending_edits
from osor.collection.services.pending_edit.get import pending_edit_info
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides


MESSAGES = {
    "approve": _("msg_pending_edit_approved", default="The change is approved and online."),
    "send_back": _("msg_pending_edit_sent_back", default="The change is sent back to its author."),
    "withdraw": _("msg_pending_edit_withdrawn", default="Your change is withdrawn."),
}


class PendingEditPost(Service):
    """POST @pending-edit {"action": "approve" | "send_back" | "withdraw", "motivation"}.

    Answers what GET answers, with a translated ``message``.
    """

    def reply(self):
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
        if not isinstance(data, dict):
            return self._error(_("error_invalid_json", default="The request body is not a JSON object."))
        action = data.get("action")
        if action not in MESSAGES:
            return self._error(
                _("error_unknown_pending_edit_action", default="The action must be approve, send_back or withdraw."),
                field="action",
            )
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            if action == "approve":
                pending_edits.approve(self.context)
            elif action == "send_back":
                pending_edits.send_back(self.context, data.get("motivation"))
            else:
                pending_edits.withdraw(self.context)
        except pending_edits.PendingEditError as error:
            return self._error(error.args[0], field=error.field)
        return dict(
            pending_edit_info(self.context, self.request),
            message=translate(MESSAGES[action], context=self.request),
        )

    def _error(self, message, field=None):
        self.request.response.setStatus(400)
        error = {"type": "BadRequest", "message": translate(message, context=self.request)}
        if field:
            error["field"] = field
        return {"error": error}
