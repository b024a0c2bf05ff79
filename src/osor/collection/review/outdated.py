"""Outdated content: items nobody updated or confirmed for a while.

Each collection sets a period (``outdated_after_months``, 18 by default).
An item's clock is its last confirmation: the later of its ``modified``
date and the date a facilitator or its owner said "Still accurate". That
confirmation is kept apart from ``modified`` (which says when the content
changed, for feeds, the catalogue and harvesters) and indexed as
``osor_last_confirmed``, so the review list's "Outdated" tab is one query.
"""

from DateTime import DateTime
from osor.collection.content.community_collection import containing_collection
from osor.collection.interfaces import ICommunityContent
from osor.collection.review.reports import may_moderate
from plone import api
from plone.indexer import indexer


CONFIRMED_ATTRIBUTE = "osor_confirmed"
CONFIRMED_INDEX = "osor_last_confirmed"
DEFAULT_MONTHS = 18
DAYS_PER_MONTH = 365.25 / 12
PUBLISHED = "published"


def period_months(collection) -> int:
    return getattr(collection, "outdated_after_months", None) or DEFAULT_MONTHS


def cutoff(collection, now: DateTime | None = None) -> DateTime:
    """An item last confirmed before this date is outdated."""
    return (now or DateTime()) - period_months(collection) * DAYS_PER_MONTH


def last_confirmed(obj) -> DateTime:
    """The later of ``obj``'s modification and its last confirmation."""
    modified = obj.modified()
    confirmed = getattr(obj, CONFIRMED_ATTRIBUTE, None)
    return confirmed if confirmed is not None and confirmed > modified else modified


def is_outdated(obj, now: DateTime | None = None) -> bool:
    """A published item of a collection, last confirmed before its period."""
    if not ICommunityContent.providedBy(obj) or api.content.get_state(obj, default=None) != PUBLISHED:
        return False
    collection = containing_collection(obj)
    return collection is not None and last_confirmed(obj) < cutoff(collection, now)


def may_confirm(obj) -> bool:
    """A facilitator of its collection or its owner (its creator) may."""
    user = api.user.get_current()
    if api.user.is_anonymous():
        return False
    return may_moderate(containing_collection(obj)) or user.getId() in obj.listCreators()


def confirm(obj) -> DateTime:
    """Say ``obj`` is still accurate: its clock restarts now, its
    ``modified`` date stays (no modified event, no pending edit)."""
    now = DateTime()
    setattr(obj, CONFIRMED_ATTRIBUTE, now)
    obj.reindexObject(idxs=[CONFIRMED_INDEX])
    return now


def outdated_items(collection, now: DateTime | None = None) -> list:
    """Catalog brains of the published items of ``collection`` last
    confirmed before its period, the oldest first."""
    return list(
        api.content.find(
            osor_collection=collection.UID(),
            object_provides=ICommunityContent.__identifier__,
            review_state=PUBLISHED,
            osor_last_confirmed={"query": cutoff(collection, now), "range": "max"},
            sort_on=CONFIRMED_INDEX,
        )
    )


@indexer(ICommunityContent)
def last_confirmed_indexer(obj):
    return last_confirmed(obj)
