"""``@@review``: a collection's "Waiting for review" list, for its facilitators.

Thin over ``osor.collection.review.queue``: the list, and a POST-only,
CSRF-protected form per item (approve / request changes with a motivation).
"""

from osor.collection import _
from osor.collection.membership.people import fullname
from osor.collection.parameters import form_value
from osor.collection.review import pending_edits
from osor.collection.review.outdated import outdated_items
from osor.collection.review.queue import decide
from osor.collection.review.queue import ReviewError
from osor.collection.review.queue import waiting_for_review
from osor.collection.review.reports import REASONS
from osor.collection.review.reports import reports_of
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

import transaction


class ReviewView(BrowserView):
    index = ViewPageTemplateFile("templates/review.pt")

    def __call__(self):
        if self.request.method == "POST":
            return self.handle_decision()
        return self.index()

    @property
    def tab(self) -> str:
        """The tab shown: waiting (proposals, pending changes, open reports) or outdated."""
        return "outdated" if form_value(self.request, "tab") == "outdated" else "waiting"

    def open_reports(self) -> list[dict]:
        return [
            dict(
                report,
                item_url=self._url_of(report["item_uid"]),
                reason_title=REASONS[report["reason"]],
                reporter_name=fullname(report["reporter"]),
                created_text=api.portal.get_localized_time(report["created"], long_format=True),
            )
            for report in reports_of(self.context)
        ]

    def _url_of(self, uid: str) -> str:
        item = api.content.get(UID=uid)
        return item.absolute_url() if item is not None else ""

    def outdated(self) -> list[dict]:
        return [
            {
                "uid": brain.UID,
                "title": brain.Title,
                "url": brain.getURL(),
                "type_title": self.type_title(brain.portal_type),
                "last_confirmed": api.portal.get_localized_time(brain.osor_last_confirmed),
            }
            for brain in outdated_items(self.context)
        ]

    def items(self) -> list[dict]:
        return [
            {
                "uid": brain.UID,
                "title": brain.Title,
                "url": brain.getURL(),
                "description": brain.Description,
                "type_title": self.type_title(brain.portal_type),
                "creator": fullname(brain.Creator),
                "modified": api.portal.get_localized_time(brain.modified, long_format=True),
            }
            for brain in waiting_for_review(self.context)
        ]

    def pending_changes(self) -> list[dict]:
        """Edits and additions under published content (review.pending_edits):
        the other half of what facilitators review."""
        return pending_edits.waiting_for_review(self.context)

    def type_title(self, portal_type: str):
        fti = api.portal.get_tool("portal_types").getTypeInfo(portal_type)
        return fti.Title() if fti is not None else portal_type

    def handle_decision(self):
        CheckAuthenticator(self.request)
        form = self.request.form
        try:
            item = decide(
                self.context,
                form_value(self.request, "uid"),
                form_value(self.request, "decision"),
                form_value(self.request, "motivation"),
            )
        except ReviewError as error:
            transaction.abort()
            api.portal.show_message(str(error), request=self.request, type="error")
        else:
            message = (
                _("msg_item_approved", default="${title} is published.", mapping={"title": item.Title()})
                if form.get("decision") == "approve"
                else _(
                    "msg_changes_requested",
                    default="${title} is sent back to its author.",
                    mapping={"title": item.Title()},
                )
            )
            api.portal.show_message(message, request=self.request)
        self.request.response.redirect(f"{self.context.absolute_url()}/@@review")
        return ""
