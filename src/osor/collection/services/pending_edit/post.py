from osor.collection import _
from osor.collection.review import pending_edits
from osor.collection.services.errors import bad_json
from osor.collection.services.errors import error_answer
from osor.collection.services.json_request import BadJSONRequest
from osor.collection.services.json_request import json_object
from osor.collection.services.pending_edit.get import pending_edit_info
from plone.protect.interfaces import IDisableCSRFProtection
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
        try:
            data = json_object(self.request)
        except BadJSONRequest as error:
            return bad_json(self.request, error)
        action = data.get("action")
        if action not in MESSAGES:
            return error_answer(
                self.request,
                _("error_unknown_pending_edit_action", default="The action must be approve, send_back or withdraw."),
                parameter="action",
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
            return error_answer(self.request, error.args[0], parameter=error.field)
        return dict(
            pending_edit_info(self.context, self.request),
            message=translate(MESSAGES[action], context=self.request),
        )
