"""``@@import-reports``: what happened to the files imported into a collection.

Thin over ``osor.collection.interop.reports``: facilitators read every
report, an importer her own; anybody else is refused.
"""

from osor.collection import _
from osor.collection.browser.import_fields import FieldOutcomes
from osor.collection.interop.reports import reports_for_current_user
from osor.collection.membership.people import fullname
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Unauthorized


OUTCOME_TITLES = {
    "created": _("import_outcome_created", default="Created"),
    "updated": _("import_outcome_updated", default="Updated"),
    "failed": _("import_outcome_failed", default="Failed"),
    "validated": _("import_outcome_validated", default="Validated (dry run, nothing written)"),
}


class ImportReportsView(FieldOutcomes, BrowserView):
    index = ViewPageTemplateFile("templates/import_reports.pt")

    def __call__(self):
        self._reports = reports_for_current_user(self.context)
        if self._reports is None:
            raise Unauthorized("You may not read the import reports of this collection.")
        return self.index()

    def reports(self) -> list[dict]:
        return [self._for_display(report) for report in self._reports]

    def _for_display(self, report: dict) -> dict:
        item = api.content.get(UID=report["item_uid"]) if report.get("item_uid") else None
        return dict(
            report,
            when_local=self._local_time(report["when"]),
            importer_name=fullname(report.get("importer")),
            outcome_title=OUTCOME_TITLES.get(report["outcome"], report["outcome"]),
            item_url=item.absolute_url() if item is not None else None,
            item_title=item.Title() if item is not None else None,
            field_rows=self.field_rows(report.get("fields") or []),
        )

    def _local_time(self, when: str) -> str:
        try:
            return api.portal.get_localized_time(when, long_format=True)
        except (ValueError, TypeError, AttributeError):
            return when
