from osor.collection import _
from osor.collection.parameters import ParameterError
from osor.collection.parameters import single
from osor.collection.review.reports import close_report
from osor.collection.review.reports import may_moderate
from osor.collection.review.reports import ReportError
from osor.collection.review.reports import reports_of
from osor.collection.services.errors import bad_request
from osor.collection.services.errors import error_answer as error
from osor.collection.services.json_request import BadJSONRequest
from osor.collection.services.json_request import json_object
from osor.collection.services.reports.answers import report_json
from osor.collection.services.reports.answers import require_member
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


STATES = {"open": "open", "closed": "closed", "all": None}
FORBIDDEN = _("error_reports_forbidden", default="Only the facilitators of this collection see its reports.")


def _forbidden(request):
    return error(request, FORBIDDEN, status=403)


class ReportsGet(Service):
    """GET <collection>/@reports[?state=open|closed|all]: its reports."""

    def reply(self):
        require_member()
        if not may_moderate(self.context):
            return _forbidden(self.request)
        try:
            state = single(self.request.form, "state", default="open")
            if state not in STATES:
                raise ParameterError(
                    "state",
                    _("error_reports_state", default="The parameter “${parameter}” must be open, closed or all."),
                )
        except ParameterError as bad:
            return bad_request(self.request, bad)
        items = [report_json(report, self.context, self.request) for report in reports_of(self.context, STATES[state])]
        return {"@id": f"{self.context.absolute_url()}/@reports", "items": items, "items_total": len(items)}


@implementer(IPublishTraverse)
class ReportClose(Service):
    """POST or PATCH <collection>/@reports/<id> {"note": ...}: close it."""

    report_id = None

    def publishTraverse(self, request, name):
        if self.report_id is None:
            self.report_id = name
            return self
        return super().publishTraverse(request, name)

    def reply(self):
        require_member()
        if not may_moderate(self.context):
            return _forbidden(self.request)
        try:
            data = json_object(self.request)
        except BadJSONRequest as bad:
            return error(self.request, bad.message, status=bad.status)
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            report = close_report(self.context, self.report_id or "", data.get("note"))
        except ReportError as bad:
            if bad.parameter == "id":
                return error(self.request, bad.message, parameter="id", status=404)
            return error(self.request, bad.message, parameter=bad.parameter)
        return report_json(report, self.context, self.request)
