from osor.collection.content.community_collection import containing_collection
from osor.collection.review.reports import add_report
from osor.collection.review.reports import ReportError
from osor.collection.services.errors import error_answer as error
from osor.collection.services.json_request import BadJSONRequest
from osor.collection.services.json_request import json_object
from osor.collection.services.reports.answers import report_json
from osor.collection.services.reports.answers import require_member
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


class ReportPost(Service):
    """POST <item>/@report {"reason": ..., "message": ...}: 201 and the report."""

    def reply(self):
        require_member()
        try:
            data = json_object(self.request)
        except BadJSONRequest as bad:
            return error(self.request, bad.message, status=bad.status)
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            report = add_report(self.context, data.get("reason"), data.get("message"))
        except ReportError as bad:
            return error(self.request, bad.message, parameter=bad.parameter)
        self.request.response.setStatus(201)
        return report_json(report, containing_collection(self.context), self.request)
