"""E-mail notifications of membership changes and workflow transitions.

Each notification is a translatable subject and body (message ids with a
mapping) and a rule for its recipients; ``mail.sending.send`` writes them
in each recipient's language and queues them after the commit.
"""

from osor.collection import _
from osor.collection.content.community_collection import containing_collection
from osor.collection.mail.sending import recipients_of
from osor.collection.mail.sending import send
from osor.collection.membership.people import fullname
from osor.collection.membership.roles import group_members
from osor.collection.membership.roles import ROLE_TITLES
from plone import api


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
