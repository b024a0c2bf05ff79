"""Classic UI of pending edits: ``@@pending-edit``, ``@@pending-changes`` (a
collection's list) and the notice above content.

``@@pending-edit`` shows the waiting change field by field (published and
pending value); its form handler is POST-only and CSRF-protected and calls
``review.pending_edits``, which checks who may approve, send back or
withdraw (as the ``@pending-edit`` REST endpoint does).
"""

from osor.collection import _
from osor.collection.membership.people import fullname
from osor.collection.parameters import form_value
from osor.collection.permissions import MODIFY_PORTAL_CONTENT
from osor.collection.review import pending_edits
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.app.textfield.interfaces import IRichTextValue
from plone.namedfile.interfaces import INamed
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


ACTIONS = {
    "approve": (pending_edits.approve, _("msg_pending_edit_approved", default="The change is approved and online.")),
    "send_back": (
        pending_edits.send_back,
        _("msg_pending_edit_sent_back", default="The change is sent back to its author."),
    ),
    "withdraw": (pending_edits.withdraw, _("msg_pending_edit_withdrawn", default="Your change is withdrawn.")),
}


def display_value(value) -> str:
    """A plain-text rendering of a field value (escaped by the template)."""
    if value is None:
        return ""
    if IRichTextValue.providedBy(value):
        return value.raw
    if INamed.providedBy(value):
        return f"{value.filename} ({value.getSize()} bytes)"
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(display_value(each) for each in value)
    return str(value)


class PendingEditView(BrowserView):
    """``@@pending-edit``: review (facilitators) or follow (author) a waiting change."""

    index = ViewPageTemplateFile("templates/pending_edit.pt")

    def __call__(self):
        action = next((name for name in ACTIONS if f"form.buttons.{name}" in self.request.form), None)
        if action is None:
            return self.index()
        PostOnly(self.request)
        CheckAuthenticator(self.request)
        perform, done = ACTIONS[action]
        try:
            if action == "send_back":
                perform(self.context, form_value(self.request, "motivation"))
            else:
                perform(self.context)
        except pending_edits.PendingEditError as error:
            api.portal.show_message(error.args[0], request=self.request, type="error")
            return self.request.response.redirect(f"{self.context.absolute_url()}/@@pending-edit")
        api.portal.show_message(done, request=self.request)
        return self.request.response.redirect(self.context.absolute_url())

    def record(self) -> dict | None:
        return pending_edits.pending(self.context)

    def submitted_by(self) -> dict:
        """Who submitted the change (full name) and when (localized)."""
        record = self.record()
        return {
            "author": fullname(record["author"]) or record["author"],
            "date": api.portal.get_localized_time(record["submitted"], long_format=True),
        }

    def fields(self) -> list[dict]:
        return [
            {
                "title": each["field"].title,
                "published": display_value(each["published"]),
                "pending": display_value(each["pending"]),
            }
            for each in pending_edits.pending_fields(self.context)
        ]

    def may_review(self) -> bool:
        record = self.record()
        return bool(record and record["status"] == "pending" and pending_edits.may_review(self.context))

    def may_withdraw(self) -> bool:
        return pending_edits.may_withdraw(self.context)

    def last_review(self) -> dict | None:
        return pending_edits.last_review(self.context)


class PendingChangesView(BrowserView):
    """``@@pending-changes`` (on a collection): what waits for review."""

    def changes(self) -> list[dict]:
        return pending_edits.waiting_for_review(self.context)


class PendingEditNotice(ViewletBase):
    """Tells the author and the facilitators that a change waits (or was sent back)."""

    index = ViewPageTemplateFile("templates/pending_edit_notice.pt")

    def update(self):
        super().update()
        self.record = None
        self.sent_back = None
        if not api.user.has_permission(MODIFY_PORTAL_CONTENT, obj=self.context):
            return
        self.record = pending_edits.pending(self.context)
        review = pending_edits.last_review(self.context)
        if review and review["action"] == "sent_back" and (not self.record or self.record["status"] == "sent_back"):
            self.sent_back = review

    def available(self) -> bool:
        return bool(self.record or self.sent_back)

    def render(self):
        return self.index() if self.available() else ""
