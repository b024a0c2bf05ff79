from osor.collection import _
from osor.collection.review.outdated import confirm
from osor.collection.review.outdated import may_confirm
from osor.collection.services.errors import error_answer as error
from osor.collection.services.json_request import BadJSONRequest
from osor.collection.services.json_request import json_object
from osor.collection.services.reports.answers import require_member
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


class StillAccuratePost(Service):
    """POST <item>/@still-accurate (body ``{}``): its owner or a facilitator confirms it."""

    def reply(self):
        require_member()
        if not may_confirm(self.context):
            return error(
                self.request,
                _("error_may_not_confirm", default="Only its owner or a facilitator may confirm this item."),
                status=403,
            )
        try:
            # A JSON body (even {}) is this endpoint's CSRF protection: a
            # form on another site cannot send one without a preflight.
            json_object(self.request)
        except BadJSONRequest as bad:
            return error(self.request, bad.message, status=bad.status)
        alsoProvides(self.request, IDisableCSRFProtection)
        confirmed = confirm(self.context)
        return {"@id": self.context.absolute_url(), "confirmed": confirmed.ISO8601()}
