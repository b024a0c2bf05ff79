"""Event subscribers that keep collections and their content consistent."""

from osor.collection import _
from osor.collection.content.community_collection import containing_collection
from osor.collection.membership.members import pending_requests
from osor.collection.membership.roles import create_groups
from osor.collection.membership.roles import delete_groups
from osor.collection.membership.roles import group_id
from osor.collection.membership.settings import apply_participation_settings
from osor.collection.membership.settings import PUBLISH_DIRECTLY
from osor.collection.membership.settings import remove_local_owner_role
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from ZODB.POSException import ConflictError
from zExceptions import BadRequest
from zope.globalrequest import getRequest
from zope.i18n import translate

import transaction


# Transitions that need a motivation (the workflow "comment"), as in Joinup.
MOTIVATION_REQUIRED = {
    "osor_community_workflow": {"request_changes", "request_deletion", "reject_deletion", "archive"},
    "osor_collection_workflow": {
        "reject",
        "archive",
        "unarchive",
        "request_deletion",
        "reject_deletion",
    },
}


class MotivationRequired(WorkflowException):
    """A transition that needs a motivation was attempted without one."""


def require_motivation(obj, event):
    """Refuse a transition listed in MOTIVATION_REQUIRED without a comment."""
    if event.transition is None:
        return
    required = MOTIVATION_REQUIRED.get(event.workflow.getId(), ())
    comment = (event.kwargs or {}).get("comment", "")
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
    remove_local_owner_role(collection)
    apply_participation_settings(collection)


def collection_modified(collection, event):
    apply_participation_settings(collection)


def collection_transitioned(collection, event):
    apply_participation_settings(collection)
    new_state = event.new_state.getId()
    old_state = event.old_state.getId() if event.old_state is not None else None
    if new_state == "archived":
        _transition_content_of(collection, ARCHIVING_TRANSITIONS, "The collection was archived.")
        pending_requests(collection).clear()
    elif old_state == "archived":
        motivation = (event.kwargs or {}).get("comment", "")
        _transition_content_of(collection, RESTORING_TRANSITIONS, motivation)


def collection_removed(collection, event):
    delete_groups(collection)


# What archiving a collection does to its content, by state: published
# work stays readable (archived), unpublished work stays private (frozen).
# Only these transitions freeze content: the collection grants the
# permission that guards them in its archived state only.
ARCHIVING_TRANSITIONS = {
    "published": "archive",
    "deletion_requested": "archive",
    "draft": "freeze",
    "proposed": "freeze",
    "needs_update": "freeze",
}

# Unarchiving gives it back: archived work is published again, frozen work
# becomes its authors' drafts again (they propose it anew).
RESTORING_TRANSITIONS = {
    "archived": "restore",
    "frozen": "unfreeze",
}

COMMUNITY_WORKFLOW = "osor_community_workflow"


class ArchivingFailed(BadRequest):
    """Archiving or unarchiving a collection failed: nothing of it is kept.

    Not a WorkflowException: the error comes after the collection changed
    state, and plone.restapi answers 200 to a WorkflowException raised by
    a transition whose object is already in its destination state.
    """


def community_types() -> list[str]:
    """The portal types that follow the community workflow (not comments, releases…)."""
    workflow = api.portal.get_tool("portal_workflow")
    return [
        portal_type
        for portal_type in api.portal.get_tool("portal_types").objectIds()
        if COMMUNITY_WORKFLOW in workflow.getChainForPortalType(portal_type)
    ]


def _reason(error: Exception) -> str:
    """The (translated) message of ``error``."""
    if error.args and isinstance(error.args[0], str):
        return translate(error.args[0], context=getRequest())
    return str(error) or error.__class__.__name__


def _transition_content_of(collection, transitions: dict, comment: str) -> None:
    """Transition the community content of ``collection`` by state, all or nothing.

    Archiving is one decision: if one item cannot follow, the transaction
    is doomed (it will not be committed, also when a caller such as the
    REST API turns the error into a response) and the error is raised.
    """
    catalog = api.portal.get_tool("portal_catalog")
    workflow = api.portal.get_tool("portal_workflow")
    brains = catalog.unrestrictedSearchResults(
        path="/".join(collection.getPhysicalPath()),
        portal_type=community_types(),
        review_state=list(transitions),
    )
    try:
        with api.env.adopt_roles(["Manager"]):
            for brain in brains:
                workflow.doActionFor(
                    brain._unrestrictedGetObject(),
                    transitions[brain.review_state],
                    comment=comment,
                )
    except ConflictError:
        raise  # Zope retries the whole request
    except Exception as error:
        transaction.doom()
        message = _(
            "error_archiving_failed",
            default="The collection's content could not follow (${error}): nothing was changed.",
            mapping={"error": _reason(error)},
        )
        raise ArchivingFailed(translate(message, context=getRequest())) from error


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
