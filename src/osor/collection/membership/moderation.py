"""Event subscribers that keep collections and their content consistent."""

from osor.collection import _
from osor.collection.content.community_collection import containing_collection
from osor.collection.membership.archiving import archive_content_of
from osor.collection.membership.archiving import restore_content_of
from osor.collection.membership.members import pending_requests
from osor.collection.membership.roles import create_groups
from osor.collection.membership.roles import group_id
from osor.collection.membership.settings import apply_participation_settings
from osor.collection.membership.settings import PUBLISH_DIRECTLY
from osor.collection.membership.settings import remove_local_owner_role
from osor.collection.membership.translations import hand_over
from osor.collection.membership.translations import is_new_translation
from osor.collection.membership.translations import unite
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException


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
    "osor_legal_request_workflow": {"follow_up", "reopen", "decline"},
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
    """Give a new collection its groups; its creator becomes its owner (a
    new translation joins the community of the collection it translates)."""
    create_groups(collection)
    creator = collection.Creator()
    if is_new_translation(collection):
        unite(collection)
    elif creator and api.user.get(userid=creator) is not None:
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
        archive_content_of(collection)
        pending_requests(collection).clear()
    elif old_state == "archived":
        restore_content_of(collection, motivation=(event.kwargs or {}).get("comment", ""))


def collection_removed(collection, event):
    hand_over(collection)


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
