"""A collection's "Waiting for review" list and the decisions on it."""

from osor.collection import _
from osor.collection.interfaces import ICommunityContent
from plone import api
from plone.api.exc import InvalidParameterError
from Products.CMFCore.WorkflowCore import WorkflowException


WAITING_STATE = "proposed"
DECISIONS = {"approve": "approve", "request_changes": "request_changes"}


class ReviewError(ValueError):
    """A review decision that cannot be made (unknown item or decision,
    not waiting, not allowed, missing motivation)."""


def waiting_for_review(collection) -> list:
    """Catalog brains of the community content of ``collection`` waiting
    for review, oldest first (the one waiting longest comes first)."""
    return list(
        api.content.find(
            osor_collection=collection.UID(),
            object_provides=ICommunityContent.__identifier__,
            review_state=WAITING_STATE,
            sort_on="modified",
        )
    )


def decide(collection, uid: str, decision: str, motivation: str = ""):
    """Approve the proposed item ``uid`` of ``collection``, or send it back
    with ``request_changes`` and a ``motivation``; return the item.

    Raises ReviewError with a message for the reviewer when the decision
    cannot be made; the workflow's guards decide who may.
    """
    transition = DECISIONS.get(decision)
    if transition is None:
        raise ReviewError(_("error_unknown_review_decision", default="Unknown decision."))
    item = api.content.get(UID=uid) if uid else None
    if item is None or uid not in {brain.UID for brain in waiting_for_review(collection)}:
        raise ReviewError(_("error_not_waiting_for_review", default="This item is not waiting for review."))
    try:
        api.content.transition(obj=item, transition=transition, comment=motivation.strip())
    except (InvalidParameterError, WorkflowException) as error:
        raise ReviewError(str(error) or _("error_review_not_allowed", default="You may not do this.")) from error
    return item
