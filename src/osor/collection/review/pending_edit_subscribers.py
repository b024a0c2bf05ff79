"""Event subscribers of pending edits (the model is ``pending_edits``).

``membership.moderation.content_modified`` holds edits; here: children added under
public content, the published version remembered on publication, and the
mails that tell facilitators and authors what happened.
"""

from Acquisition import aq_base
from Acquisition import aq_parent
from osor.collection import _
from osor.collection.content.community_collection import containing_collection
from osor.collection.interfaces import ICommunityContent
from osor.collection.mail.sending import recipients_of
from osor.collection.mail.sending import send
from osor.collection.membership.notifications import facilitators_of
from osor.collection.membership.people import fullname
from osor.collection.review import pending_edits


def child_added(obj, event):
    """A release, distribution, File or Image added (or moved) under public
    content waits for approval when its author may not publish directly."""
    # What is inside the added object waits with it (it acquires its
    # visibility): only the object itself is held.
    if aq_base(event.object) is not aq_base(obj) or event.newParent is None:
        return
    if ICommunityContent.providedBy(obj):
        return  # items have their workflow
    if event.oldParent is not None and aq_base(event.oldParent) is aq_base(event.newParent):
        return  # renamed in place
    if pending_edits.community_item_of(obj) is None or not pending_edits.is_public(aq_parent(obj)):
        return
    if pending_edits.is_moderated_for_current_user(obj):
        pending_edits.hold_addition(obj)
    else:
        pending_edits.remember_published_values(obj, recursive=True)


def item_transitioned(obj, event):
    """What a facilitator publishes (the item with its children) is the
    published version later edits are compared with."""
    if event.new_state.getId() in pending_edits.PUBLIC_STATES:
        pending_edits.remember_published_values(obj, recursive=True)


# Mails ---------------------------------------------------------------------------

MESSAGES = {
    "submitted": (
        "facilitators",
        _("mail_subject_pending_edit", default="Change to review in ${collection}: ${title}"),
        _(
            "mail_body_pending_edit",
            default="${actor} changed “${title}” in ${collection}. Visitors see the published "
            "version until you approve the change:\n\n${url}/@@pending-edit",
        ),
    ),
    "approved": (
        "author",
        _("mail_subject_pending_edit_approved", default="Change approved: ${title}"),
        _(
            "mail_body_pending_edit_approved",
            default="Your change of “${title}” in ${collection} is approved and online.\n\n${url}",
        ),
    ),
    "sent_back": (
        "author",
        _("mail_subject_pending_edit_sent_back", default="Change sent back: ${title}"),
        _(
            "mail_body_pending_edit_sent_back",
            default="A facilitator of ${collection} did not approve your change of “${title}”:\n\n${message}\n\n${url}",
        ),
    ),
}


def mail_about_pending_edit(event):
    """Tell the facilitators about a change to review, the author about the decision."""
    if event.action not in MESSAGES:
        return
    obj = event.object
    collection = containing_collection(obj)
    if collection is None:
        return
    audience, subject, body = MESSAGES[event.action]
    userids = facilitators_of(collection) if audience == "facilitators" else [event.author]
    recipients = recipients_of(userid for userid in userids if userid != event.actor)
    send(
        recipients,
        subject,
        body,
        {
            "title": obj.Title(),
            "collection": collection.Title(),
            "actor": fullname(event.actor),
            "url": obj.absolute_url(),
            "message": event.motivation,
        },
    )
