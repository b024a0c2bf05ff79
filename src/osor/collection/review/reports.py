"""Reports on an item: a member says something is wrong, a facilitator closes it.

Reports live in an annotation of the item's collection, a BTree keyed by
report id: the collection's facilitators read them in one place, and an
item edited, moved within the collection or re-published keeps them. The
reporter is mailed (through the mail queue) when a facilitator closes her
report with a note.
"""

from BTrees.OOBTree import OOBTree
from DateTime import DateTime
from osor.collection import _
from osor.collection.content.community_collection import containing_collection
from osor.collection.mail.sending import recipients_of
from osor.collection.mail.sending import send
from osor.collection.membership.people import fullname
from osor.collection.permissions import MANAGE_MEMBERS
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations

import uuid


ANNOTATION_KEY = "osor.collection.reports"
MAX_MESSAGE_LENGTH = 2000
MAX_NOTE_LENGTH = 2000
# The reasons a member may give, in the order the form offers them.
REASONS = {
    "wrong_information": _("report_reason_wrong_information", default="Wrong information"),
    "outdated": _("report_reason_outdated", default="Outdated"),
    "spam": _("report_reason_spam", default="Spam"),
    "licence_problem": _("report_reason_licence_problem", default="Licence problem"),
    "other": _("report_reason_other", default="Other"),
}
OPEN = "open"
CLOSED = "closed"
# Who reads and closes the reports of a collection: who moderates it.

CLOSED_SUBJECT = _("mail_subject_report_closed", default="Your report on “${title}” is closed")
CLOSED_BODY = _(
    "mail_body_report_closed",
    default="A facilitator of ${collection} closed your report on “${title}”:\n\n${note}\n\n${url}",
)


class ReportError(ValueError):
    """A report that cannot be made or closed; ``parameter`` names the
    field at fault, ``message`` says why (translatable)."""

    def __init__(self, parameter: str, message):
        super().__init__(f"{parameter}: {getattr(message, 'default', message)}")
        self.parameter = parameter
        self.message = message


def _storage(collection, create: bool = False):
    annotations = IAnnotations(collection)
    reports = annotations.get(ANNOTATION_KEY)
    if reports is None and create:
        reports = annotations[ANNOTATION_KEY] = OOBTree()
    return reports


def may_moderate(collection) -> bool:
    return bool(collection is not None and api.user.has_permission(MANAGE_MEMBERS, obj=collection))


def _text(value, parameter: str, limit: int, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ReportError(parameter, _("error_report_not_text", default="This must be text."))
    value = value.strip()
    if required and not value:
        raise ReportError(parameter, _("error_report_text_missing", default="Please write a few words."))
    if len(value) > limit:
        raise ReportError(
            parameter,
            _(
                "error_report_text_too_long",
                default="At most ${limit} characters, please (you wrote ${length}).",
                mapping={"limit": limit, "length": len(value)},
            ),
        )
    return value


def add_report(item, reason, message) -> dict:
    """Record the current member's report on ``item``; the report.

    Raises ReportError for an unknown reason, a message that is too long,
    or an item outside a collection."""
    if reason not in REASONS:
        raise ReportError(
            "reason",
            _(
                "error_report_reason",
                default="Choose a reason: ${reasons}.",
                mapping={"reasons": ", ".join(REASONS)},
            ),
        )
    message = _text(message, "message", MAX_MESSAGE_LENGTH, required=False)
    collection = containing_collection(item)
    if collection is None:
        raise ReportError(
            "item", _("error_report_no_collection", default="Only items of a collection can be reported.")
        )
    report = PersistentMapping(
        id=uuid.uuid4().hex,
        item_uid=api.content.get_uuid(item),
        item_title=item.Title(),
        reason=reason,
        message=message,
        reporter=api.user.get_current().getId(),
        created=DateTime(),
        state=OPEN,
        note="",
        closed_by="",
        closed=None,
    )
    _storage(collection, create=True)[report["id"]] = report
    return dict(report)


def reports_of(collection, state: str | None = OPEN) -> list[dict]:
    """The reports of ``collection`` (``state`` open, closed, or None for
    all), oldest first."""
    reports = _storage(collection) or {}
    found = [dict(report) for report in reports.values() if state is None or report["state"] == state]
    return sorted(found, key=lambda report: report["created"])


def close_report(collection, report_id: str, note) -> dict:
    """Close the open report ``report_id`` of ``collection`` with ``note``
    and queue a mail to its reporter; the report."""
    note = _text(note, "note", MAX_NOTE_LENGTH, required=True)
    reports = _storage(collection) or {}
    report = reports.get(report_id) if isinstance(report_id, str) else None
    if report is None or report["state"] != OPEN:
        raise ReportError("id", _("error_report_not_open", default="There is no open report with this id."))
    report.update(state=CLOSED, note=note, closed_by=api.user.get_current().getId(), closed=DateTime())
    item = api.content.get(UID=report["item_uid"])
    send(
        recipients_of([report["reporter"]]),
        CLOSED_SUBJECT,
        CLOSED_BODY,
        {
            "title": item.Title() if item is not None else report["item_title"],
            "collection": collection.Title(),
            "note": note,
            "actor": fullname(report["closed_by"]),
            "url": item.absolute_url() if item is not None else collection.absolute_url(),
        },
    )
    return dict(report)
