"""Event subscribers that keep collections and their content consistent."""

from osor.collection import _
from osor.collection.content.community_collection import containing_collection
from osor.collection.membership.members import MAX_MESSAGE_LENGTH
from osor.collection.membership.members import pending_requests
from osor.collection.membership.roles import create_groups
from osor.collection.membership.roles import delete_groups
from osor.collection.membership.roles import group_id
from osor.collection.membership.settings import apply_participation_settings
from osor.collection.membership.settings import PUBLISH_DIRECTLY
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate


# Transitions that need a motivation (the workflow "comment"), as in Joinup.
MOTIVATION_REQUIRED = {
    "osor_community_workflow": {"request_changes", "request_deletion", "reject_deletion", "archive"},
    "osor_collection_workflow": {"reject", "archive"},
}


class MotivationRequired(WorkflowException):
    """A transition that needs a motivation was attempted without one."""


class MotivationTooLong(WorkflowException):
    """A motivation longer than MAX_MESSAGE_LENGTH was given."""

    def __str__(self):
        # plone.restapi's @workflow answers ``str(error)``: say it in words.
        return translate(self.args[0], context=getRequest())


def require_motivation(obj, event):
    """Refuse a transition listed in MOTIVATION_REQUIRED without a comment,
    and any transition of our workflows with an overlong one."""
    if event.transition is None:
        return
    required = MOTIVATION_REQUIRED.get(event.workflow.getId(), ())
    comment = (event.kwargs or {}).get("comment", "")
    if event.workflow.getId().startswith("osor_") and len(comment or "") > MAX_MESSAGE_LENGTH:
        raise MotivationTooLong(
            _(
                "error_motivation_too_long",
                default="The motivation is too long: at most ${max} characters, please.",
                mapping={"max": MAX_MESSAGE_LENGTH},
            )
        )
    if event.transition.getId() in required and not (comment or "").strip():
        raise MotivationRequired(
            _("error_motivation_required", default="Please give a motivation for this step.")
        )


def collection_added(collection, event):
    """Give a new collection its groups; its creator becomes its owner."""
    create_groups(collection)
    creator = collection.Creator()
    if creator and api.user.get(userid=creator) is not None:
        api.group.add_user(groupname=group_id(collection, "owner"), username=creator)
    apply_participation_settings(collection)


def collection_modified(collection, event):
    apply_participation_settings(collection)


def collection_transitioned(collection, event):
    apply_participation_settings(collection)
    if event.new_state.getId() == "archived":
        _archive_content_of(collection)
        pending_requests(collection).clear()


def collection_removed(collection, event):
    delete_groups(collection)


# What archiving a collection does to its content, by state: published
# work stays readable (archived), unpublished work stays private (frozen).
ARCHIVING_TRANSITIONS = {
    "published": "archive",
    "deletion_requested": "archive",
    "draft": "freeze",
    "proposed": "freeze",
    "needs_update": "freeze",
}


def _archive_content_of(collection):
    """Freeze every community item when its collection is archived."""
    catalog = api.portal.get_tool("portal_catalog")
    workflow = api.portal.get_tool("portal_workflow")
    brains = catalog.unrestrictedSearchResults(
        path="/".join(collection.getPhysicalPath()),
        review_state=list(ARCHIVING_TRANSITIONS),
    )
    with api.env.adopt_roles(["Manager"]):
        for brain in brains:
            workflow.doActionFor(
                brain._unrestrictedGetObject(),
                ARCHIVING_TRANSITIONS[brain.review_state],
                comment="The collection was archived.",
            )


def content_modified(obj, event):
    """In a moderated collection, a member's edit of published content waits for approval."""
    if api.content.get_state(obj, default=None) != "published":
        return
    collection = containing_collection(obj)
    if collection is None or not collection.moderated:
        return
    if api.user.has_permission(PUBLISH_DIRECTLY, obj=obj):
        return
    api.portal.get_tool("portal_workflow").doActionFor(obj, "propose_changes")
