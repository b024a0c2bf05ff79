"""Event subscribers that keep collections and their content consistent: a
collection's lifecycle, and the hold of an edit of published content."""

from osor.collection.content.importing import importing_a_site
from osor.collection.interfaces import ICommunityContent
from osor.collection.membership.archiving import archive_content_of
from osor.collection.membership.archiving import restore_content_of
from osor.collection.membership.members import pending_requests
from osor.collection.membership.roles import create_groups
from osor.collection.membership.roles import group_id
from osor.collection.membership.settings import apply_participation_settings
from osor.collection.membership.settings import remove_local_owner_role
from osor.collection.membership.translations import hand_over
from osor.collection.membership.translations import is_new_translation
from osor.collection.membership.translations import join_as_translation
from osor.collection.review import pending_edits
from plone import api
from zope.container.interfaces import IContainerModifiedEvent


def collection_added(collection, event):
    """Give a new collection its groups; its creator becomes its owner (a
    new translation joins the community of the collection it translates).
    A site import brings the groups, their members and local roles."""
    if importing_a_site():
        remove_local_owner_role(collection)
        apply_participation_settings(collection)
        return
    create_groups(collection)
    creator = collection.Creator()
    if is_new_translation(collection):
        join_as_translation(collection)
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
    """In a moderated collection, a member's change of what visitors see waits
    for a facilitator while the published version stays online.

    Covers the community items and everything inside them (releases,
    distributions, Files, Images): see ``pending_edits``.
    """
    if IContainerModifiedEvent.providedBy(event) or pending_edits.is_applying_pending_edit(obj):
        return
    if pending_edits.community_item_of(obj) is None:
        return
    if not pending_edits.is_public(obj):
        pending_edits.resubmit_addition(obj)
        return
    if not pending_edits.is_moderated_for_current_user(obj):
        pending_edits.remember_published_values(obj)
        return
    if pending_edits.has_published_values(obj):
        pending_edits.hold_edit(obj)
    elif ICommunityContent.providedBy(obj):
        # Published before pending edits existed and not upgraded: without
        # its published version the edit cannot wait beside it.
        api.portal.get_tool("portal_workflow").doActionFor(obj, "propose_changes")
    else:
        pending_edits.hold_addition(obj)
