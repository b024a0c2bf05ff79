from osor.collection.membership.actions import perform
from osor.collection.membership.info import membership_info
from osor.collection.membership.members import MembershipError
from osor.collection.services.errors import bad_json
from osor.collection.services.errors import error_answer
from osor.collection.services.json_request import BadJSONRequest
from osor.collection.services.json_request import json_object
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides


class MembershipPost(Service):
    """POST @membership {"action": ..., "userid"/"user", "role", "message"}.

    Answers the new state of the membership (as GET does) with the
    translated ``message`` saying what was done.
    """

    def reply(self):
        try:
            data = json_object(self.request)
        except BadJSONRequest as error:
            return bad_json(self.request, error)
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            message = perform(self.context, data.get("action") or "", data)
        except MembershipError as error:
            return error_answer(self.request, error.args[0])
        return dict(
            membership_info(self.context, self.request),
            message=translate(message, context=self.request),
        )
