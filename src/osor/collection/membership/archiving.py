"""Archiving a collection, and unarchiving it, as one decision.

Archiving a collection transitions its community content (not comments,
not releases: they follow their item) by state; unarchiving gives it back.
Either every item follows or nothing is kept: a collection must never be
archived with drafts still editable or half of its content restored.
"""

from osor.collection import _
from plone import api
from zExceptions import BadRequest
from ZODB.POSException import ConflictError
from zope.globalrequest import getRequest
from zope.i18n import translate

import transaction


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


def archive_content_of(collection) -> None:
    """Archive published and freeze unpublished community content of ``collection``."""
    _transition_content_of(collection, ARCHIVING_TRANSITIONS, "The collection was archived.")


def restore_content_of(collection, motivation: str = "") -> None:
    """Publish archived and unfreeze frozen community content of ``collection``."""
    _transition_content_of(collection, RESTORING_TRANSITIONS, motivation)
