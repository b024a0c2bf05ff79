"""Content moved into another collection takes that collection's rules.

A move (cut and paste, ``@move``) keeps an item's workflow state, which
was granted under the rules of the collection it came from: a facilitator
of an unmoderated collection could otherwise publish there and move the
item into a moderated collection where she may not publish. So the state
is re-initialised on arrival, according to what the actor may do in the
new collection. Copies need nothing: CMF gives a pasted copy the
workflow's initial state (draft).
"""

from Acquisition import aq_base
from DateTime import DateTime
from osor.collection.content.community_collection import containing_collection
from osor.collection.permissions import PUBLISH_DIRECTLY
from plone import api


# States that a review granted: they do not travel to another collection.
REVIEWED_STATES = {"published", "deletion_requested", "archived"}
# Unpublished work of an archived collection becomes a draft again.
FROZEN_STATES = {"frozen"}


def state_on_arrival(obj, state: str) -> str:
    """The state ``obj`` (now in its new collection) may keep, given the actor's rights there."""
    if state in REVIEWED_STATES:
        return "published" if api.user.has_permission(PUBLISH_DIRECTLY, obj=obj) else "proposed"
    if state in FROZEN_STATES:
        return "draft"
    return state


def content_moved(obj, event):
    """Re-initialise the state of community content moved into another collection."""
    if event.oldParent is None or event.newParent is None:
        return  # added or removed, not moved
    if aq_base(event.object) is not aq_base(obj):
        return  # a container of obj moved: obj stays in its collection
    new_collection = containing_collection(obj)
    old_collection = containing_collection(event.oldParent)
    if new_collection is None or (old_collection is not None and aq_base(old_collection) is aq_base(new_collection)):
        return
    state = api.content.get_state(obj, default=None)
    if state is None:
        return
    arrival = state_on_arrival(obj, state)
    if arrival != state:
        _set_state(obj, arrival, comment=f"Moved into {new_collection.absolute_url_path()}.")


def _set_state(obj, state: str, comment: str) -> None:
    """Put ``obj`` in ``state`` without a transition, as a workflow re-initialisation."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    for workflow in workflow_tool.getWorkflowsFor(obj):
        user = api.user.get_current()
        workflow_tool.setStatusOf(
            workflow.getId(),
            obj,
            {
                "action": None,
                "actor": user.getId() if user is not None else None,
                "comments": comment,
                workflow.state_var: state,
                "time": DateTime(),
            },
        )
        workflow.updateRoleMappingsFor(obj)
    obj.reindexObject(idxs=["review_state"])
    obj.reindexObjectSecurity()
