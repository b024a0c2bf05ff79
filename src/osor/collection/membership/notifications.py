"""E-mail notifications of membership changes and workflow transitions.

Each notification is a translatable subject and body (message ids with a
mapping) and a rule for its recipients; ``send`` does the mailing through
Plone's MailHost, in the site's language.
"""

from osor.collection import _
from osor.collection import logger
from osor.collection.content.community_collection import containing_collection
from osor.collection.membership.roles import group_members
from osor.collection.membership.roles import ROLE_TITLES
from plone import api
from smtplib import SMTPException
from zope.globalrequest import getRequest
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
            default="A facilitator of ${collection} asks you to update “${title}”:\n\n"
            "${message}\n\n${url}",
        ),
    ),
}


def facilitators_of(collection) -> list[str]:
    return sorted(set(group_members(collection, "owner") + group_members(collection, "facilitator")))


def _emails(userids) -> list[str]:
    emails = []
    for userid in userids:
        user = api.user.get(userid=userid)
        email = user.getProperty("email") if user is not None else None
        if email:
            emails.append(email)
    return emails


def _fullname(userid) -> str:
    user = api.user.get(userid=userid) if userid else None
    return (user.getProperty("fullname") or userid) if user is not None else (userid or "")


def send(recipients: list[str], subject, body, mapping: dict) -> None:
    """Mail the translated ``subject`` and ``body`` to each recipient."""
    if not recipients:
        return
    if not api.portal.get_registry_record("plone.email_from_address", default=None):
        logger.warning("No site e-mail address configured: notification not sent")
        return
    request = getRequest()
    subject = translate(Message(subject, mapping=mapping), context=request)
    body = translate(Message(body, mapping=mapping), context=request)
    for recipient in recipients:
        # Sent at once, not at commit: with Zope's transactional delivery an
        # unreachable mail server would roll back the membership change or
        # the transition itself. A lost notification is logged, never fatal.
        try:
            api.portal.send_email(recipient=recipient, subject=subject, body=body, immediate=True)
        except (OSError, SMTPException):
            logger.exception("Notification to %s not sent", recipient)


def membership_changed(event):
    if event.action not in MEMBERSHIP_MESSAGES:
        return
    audience, subject, body = MEMBERSHIP_MESSAGES[event.action]
    collection = event.collection
    recipients = facilitators_of(collection) if audience == "facilitators" else [event.userid]
    send(
        _emails(recipients),
        subject,
        body,
        {
            "user": _fullname(event.userid),
            "actor": _fullname(event.actor),
            "collection": collection.Title(),
            "role": translate(ROLE_TITLES[event.role], context=getRequest())
            if event.role
            else "",
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
            _emails(recipients),
            subject,
            body,
            {
                "title": obj.Title(),
                "collection": collection.Title(),
                "actor": _fullname(api.user.get_current().getId()),
                "message": (event.kwargs or {}).get("comment", ""),
                "url": obj.absolute_url(),
            },
        )
