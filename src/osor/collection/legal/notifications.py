"""The e-mails of the legal coaching service.

Experts hear of new requests, follow-ups and re-openings; the requester of
answers and declines. The mailing itself is the participation model's
(``membership.notifications.send``: translated, in each recipient's language).
Mails name the request and link to it; they never go to anyone else.
"""

from osor.collection import _
from osor.collection.legal.experts import expert_ids
from osor.collection.legal.workflow import requester_of
from osor.collection.mail.sending import recipients_of
from osor.collection.mail.sending import send
from osor.collection.membership.people import fullname
from plone import api


TO_EXPERTS = {
    "submitted": (
        _("mail_subject_legal_submitted", default="New legal request: ${title}"),
        _(
            "mail_body_legal_submitted",
            default="A new question was sent to the legal coaching service:\n“${title}”.\n\nTake it on:\n${url}",
        ),
    ),
    "follow_up": (
        _("mail_subject_legal_follow_up", default="Follow-up on the legal request: ${title}"),
        _(
            "mail_body_legal_follow_up",
            default="The requester added a follow-up to “${title}”:\n\n${message}\n\n${url}",
        ),
    ),
    "reopen": (
        _("mail_subject_legal_reopened", default="Legal request re-opened: ${title}"),
        _(
            "mail_body_legal_reopened",
            default="The requester re-opened “${title}”:\n\n${message}\n\n${url}",
        ),
    ),
}

TO_REQUESTER = {
    "answer": (
        _("mail_subject_legal_answered", default="Your legal question was answered: ${title}"),
        _(
            "mail_body_legal_answered",
            default="${actor} answered your question “${title}”.\n\n"
            "Read the answer, ask a follow-up or close the request:\n${url}",
        ),
    ),
    "decline": (
        _("mail_subject_legal_declined", default="Your legal question was declined: ${title}"),
        _(
            "mail_body_legal_declined",
            default="${actor} declined your question “${title}”:\n\n${message}\n\n${url}",
        ),
    ),
}


def link(request) -> str:
    """A link that survives renaming: the request is mailed about as it is
    added, before Plone gives it its name from the title."""
    return f"{api.portal.get().absolute_url()}/resolveuid/{request.UID()}"


def _mapping(request, event=None) -> dict:
    return {
        "title": request.Title(),
        "url": link(request),
        "actor": fullname(api.user.get_current().getId()),
        "message": ((event.kwargs or {}).get("comment", "") if event is not None else "") or "",
    }


def request_added(request, event):
    """Tell the experts about a new request."""
    subject, body = TO_EXPERTS["submitted"]
    send(recipients_of(expert_ids()), subject, body, _mapping(request))


def request_transitioned(request, event):
    if event.transition is None:
        return
    name = event.transition.getId()
    if name in TO_EXPERTS:
        subject, body = TO_EXPERTS[name]
        send(recipients_of(expert_ids()), subject, body, _mapping(request, event))
    elif name in TO_REQUESTER:
        subject, body = TO_REQUESTER[name]
        send(recipients_of([requester_of(request)]), subject, body, _mapping(request, event))
