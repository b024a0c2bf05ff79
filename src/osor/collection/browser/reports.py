"""Reports and outdated content in Classic UI (``review.reports``, ``review.outdated``).

The viewlet on an item says when its information may be outdated (with the
"Still accurate" button for its owner and the facilitators) and offers
logged-in members the Report link; ``@@report`` is the form;
``@@still-accurate`` and a collection's ``@@close-report`` take one
CSRF-protected POST each and go back where the user was.
"""

from osor.collection import _
from osor.collection.content.community_collection import containing_collection
from osor.collection.parameters import form_value
from osor.collection.review.outdated import confirm
from osor.collection.review.outdated import is_outdated
from osor.collection.review.outdated import last_confirmed
from osor.collection.review.outdated import may_confirm
from osor.collection.review.reports import add_report
from osor.collection.review.reports import close_report
from osor.collection.review.reports import MAX_MESSAGE_LENGTH
from osor.collection.review.reports import REASONS
from osor.collection.review.reports import ReportError
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Unauthorized
from zope.i18n import translate

import transaction


class ItemStatusViewlet(ViewletBase):
    """The outdated notice and the Report link of a community item."""

    index = ViewPageTemplateFile("templates/item_status.pt")

    def update(self):
        super().update()
        self.outdated = is_outdated(self.context)
        self.member = not api.user.is_anonymous()
        self.can_confirm = self.outdated and may_confirm(self.context)

    def last_confirmed(self) -> str:
        return api.portal.get_localized_time(last_confirmed(self.context))

    def render(self):
        return self.index() if (self.outdated or self.member) else ""


class ReportForm(BrowserView):
    """``@@report``: the reasons, a message, and a POST that records it."""

    index = ViewPageTemplateFile("templates/report.pt")
    max_length = MAX_MESSAGE_LENGTH
    error = None
    error_parameter = None

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to report an item.")
        if self.request.method == "POST":
            return self.handle_report()
        return self.index()

    def reasons(self) -> list[dict]:
        chosen = self.request.form.get("reason")
        return [
            {"value": value, "title": title, "checked": value == chosen, "id": f"report-reason-{value}"}
            for value, title in REASONS.items()
        ]

    def handle_report(self):
        CheckAuthenticator(self.request)
        try:
            add_report(self.context, form_value(self.request, "reason"), form_value(self.request, "message"))
        except ReportError as error:
            transaction.abort()
            self.error = translate(error.message, context=self.request)
            self.error_parameter = error.parameter
            self.request.response.setStatus(400)
            return self.index()
        api.portal.show_message(
            _("msg_report_sent", default="Thank you: the facilitators of the collection will look at your report."),
            request=self.request,
        )
        self.request.response.redirect(self.context.absolute_url())
        return ""


class StillAccurate(BrowserView):
    """``@@still-accurate``: POST only; restarts the item's clock."""

    def __call__(self):
        PostOnly(self.request)
        CheckAuthenticator(self.request)
        if not may_confirm(self.context):
            raise Unauthorized("Only its owner or a facilitator may confirm this item.")
        confirm(self.context)
        api.portal.show_message(
            _("msg_confirmed_still_accurate", default="Thank you: the item is marked as still accurate."),
            request=self.request,
        )
        came_from = self.request.form.get("came_from")
        collection = containing_collection(self.context)
        back = f"{collection.absolute_url()}/@@review?tab=outdated" if came_from == "review" else None
        self.request.response.redirect(back or self.context.absolute_url())
        return ""


class CloseReport(BrowserView):
    """``@@close-report`` on a collection: POST only, back to @@review."""

    def __call__(self):
        PostOnly(self.request)
        CheckAuthenticator(self.request)
        try:
            close_report(self.context, form_value(self.request, "report"), form_value(self.request, "note"))
        except ReportError as error:
            transaction.abort()
            api.portal.show_message(error.message, request=self.request, type="error")
        else:
            api.portal.show_message(
                _("msg_report_closed", default="The report is closed and its author is told."),
                request=self.request,
            )
        self.request.response.redirect(f"{self.context.absolute_url()}/@@review")
        return ""
