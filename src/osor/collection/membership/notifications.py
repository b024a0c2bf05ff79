"""E-mail notifications of membership changes and workflow transitions.

Each notification is a translatable subject and body (message ids with a
mapping) and a rule for its recipients; ``send`` queues the mails in each
recipient's language (``outbox``: they are queued when the transaction
commits, and the mail queue's worker sends them).
What cannot be sent (no site sender, a recipient without an address) is
logged with its recipients, never silently dropped; without a mail server
the mails wait in the queue until one is configured.
"""

from email.utils import formataddr
from email.utils import parseaddr
from osor.collection import _
from osor.collection import logger
from osor.collection.content.community_collection import containing_collection
from osor.collection.membership import outbox
from osor.collection.membership.people import fullname
from osor.collection.membership.roles import group_members
from osor.collection.membership.roles import ROLE_TITLES
from osor.collection.vocabularies.language import member_language
from plone import api
from typing import NamedTuple
from zope.i18n import translate
from zope.i18nmessageid import Message


MEMBERSHIP_MESSAGES = {
    "requested": (
        "facilitators",
        _("mail_subject_join_request", default="${user} asks to join ${collection}"),
        _(
            "mail_body_join_request",
            default="${user} asks to join the collection ${collection}.\n\n${message}\n\n"
            "Approve or reject the request on the members page:\n${url}/@@manage-members",
        ),
    ),
    "approved": (
        "user",
        _("mail_subject_request_approved", default="Welcome to ${collection}"),
        _(
            "mail_body_request_approved",
            default="Your request to join ${collection} was approved.\n\n${message}\n\n${url}",
        ),
    ),
    "rejected": (
        "user",
        _("mail_subject_request_rejected", default="Your request to join ${collection}"),
        _(
            "mail_body_request_rejected",
            default="Your request to join ${collection} was not approved.\n\n${message}",
        ),
    ),
    "added": (
        "user",
        _("mail_subject_member_added", default="You are now a member of ${collection}"),
        _(
            "mail_body_member_added",
            default="${actor} added you to ${collection} as ${role}.\n\n${url}",
        ),
    ),
}

TRANSITION_MESSAGES = {
    ("submit", "propose_changes"): (
        "facilitators",
        _("mail_subject_proposed", default="To review in ${collection}: ${title}"),
        _(
            "mail_body_proposed",
            default="${actor} proposed “${title}” for publication in ${collection}.\n\n${url}",
        ),
    ),
    ("publish", "approve"): (
        "author",
        _("mail_subject_published", default="Published: ${title}"),
        _("mail_body_published", default="“${title}” is published in ${collection}.\n\n${url}"),
    ),
    ("request_changes",): (
        "author",
        _("mail_subject_changes_requested", default="Changes requested: ${title}"),
        _(
            "mail_body_changes_requested",
            default="A facilitator of ${collection} asks you to update “${title}”:\n\n${message}\n\n${url}",
        ),
    ),
}


def facilitators_of(collection) -> list[str]:
    return sorted(set(group_members(collection, "owner") + group_members(collection, "facilitator")))


class Recipient(NamedTuple):
    """Who gets a mail: an address, and the language the mail is written in
    (the member's own, whoever made the change)."""

    email: str
    language: str


def recipients_of(userids) -> list[Recipient]:
    """The recipients of ``userids``; those without an address are logged."""
    recipients = []
    for userid in filter(None, userids):
        user = api.user.get(userid=userid)
        email = user.getProperty("email") if user is not None else None
        if email:
            recipients.append(Recipient(email, member_language(user)))
        else:
            logger.warning("Notification not sent to %s: no e-mail address", userid)
    return recipients


NO_SENDER = _("mail_problem_no_sender", default="The site has no e-mail sender address.")
NO_SERVER = _("mail_problem_no_server", default="The site has no mail server.")


def mail_problem():
    """Why notifications cannot be sent (a translatable message), or None."""
    if not api.portal.get_registry_record("plone.email_from_address", default=None):
        return NO_SENDER
    if not api.portal.get_registry_record("plone.smtp_host", default=None):
        return NO_SERVER
    return None


def sender_address() -> str:
    address = api.portal.get_registry_record("plone.email_from_address")
    sender = formataddr((api.portal.get_registry_record("plone.email_from_name", default="") or "", address))
    # formataddr may mangle a name with special characters: keep the address.
    return sender if parseaddr(sender)[1] == address else address


def send(recipients: list[Recipient], subject, body, mapping: dict) -> None:
    """Queue ``subject`` and ``body`` for each recipient, in her language
    (messages in ``mapping`` too: a role title, a state).

    The mails are queued when the transaction commits (``outbox``).
    """
    if not recipients:
        return
    # Without a sender no mail can be written; without a server it waits.
    if mail_problem() == NO_SENDER:
        logger.warning(
            "Notification not sent to %s: %s",
            ", ".join(recipient.email for recipient in recipients),
            translate(NO_SENDER, target_language="en"),
        )
        return
    charset = api.portal.get_registry_record("plone.email_charset", default="utf-8") or "utf-8"
    for recipient in recipients:
        written = [
            translate(Message(text, mapping=dict(mapping)), target_language=recipient.language)
            for text in (subject, body)
        ]
        outbox.queue(api.portal.get(), recipient.email, sender_address(), *written, charset)


def membership_changed(event):
    if event.action not in MEMBERSHIP_MESSAGES:
        return
    audience, subject, body = MEMBERSHIP_MESSAGES[event.action]
    collection = event.collection
    recipients = facilitators_of(collection) if audience == "facilitators" else [event.userid]
    send(
        recipients_of(recipients),
        subject,
        body,
        {
            "user": fullname(event.userid),
            "actor": fullname(event.actor),
            "collection": collection.Title(),
            "role": ROLE_TITLES[event.role] if event.role else "",
            "message": event.message or "",
            "url": collection.absolute_url(),
        },
    )


def content_transitioned(obj, event):
    if event.transition is None:
        return
    collection = containing_collection(obj)
    if collection is None:
        return
    for transitions, (audience, subject, body) in TRANSITION_MESSAGES.items():
        if event.transition.getId() not in transitions:
            continue
        recipients = facilitators_of(collection) if audience == "facilitators" else [obj.Creator()]
        send(
            recipients_of(recipients),
            subject,
            body,
            {
                "title": obj.Title(),
                "collection": collection.Title(),
                "actor": fullname(api.user.get_current().getId()),
                "message": (event.kwargs or {}).get("comment", ""),
                "url": obj.absolute_url(),
            },
        )
