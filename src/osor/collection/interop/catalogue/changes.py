"""When a solution's catalogue record last changed, and what follows.

A solution's record holds its releases and distributions, and whether it is
listed depends on its workflow state: neither a release's edit nor a
transition changes the solution's ``modified`` date. So the record keeps a
time of its own, ``osor_catalogue_changed``, set by the subscribers below on
every such change, and the catalog index ``osor_catalogue_key`` holds
"<time>|<uid>": the order the catalogue is paged in (a string FieldIndex
supports the range query a cursor needs). Without that attribute (content
older than this feature) the solution's ``modified`` date stands for it.

The same subscribers keep the tombstones: a public solution that is removed,
moved away or leaves the published state gets one; publishing it again
removes it.
"""

from Acquisition import aq_base
from osor.collection.content.community_collection import containing_collection
from osor.collection.content.software_solution import ISoftwareSolution
from osor.collection.interop.catalogue.tombstones import tombstones_of
from osor.collection.interop.catalogue.visibility import catalogue_query
from osor.collection.interop.catalogue.visibility import in_catalogue
from osor.collection.interop.catalogue.visibility import visible_to_anonymous
from osor.collection.review.pending_edits import PUBLIC_STATES
from plone import api
from plone.indexer import indexer
from plone.uuid.interfaces import IUUID

import time


CHANGED_ATTRIBUTE = "osor_catalogue_changed"
KEY_INDEX = "osor_catalogue_key"


def format_key(changed: float, uid: str) -> str:
    """The index value: fixed-width seconds, so that strings sort as times."""
    return f"{changed:020.6f}|{uid}"


def time_key(changed: float) -> str:
    """The smallest key of the records changed at or after ``changed``."""
    return f"{max(changed, 0.0):020.6f}|"


def parse_key(key: str) -> tuple[float, str]:
    changed, _, uid = key.partition("|")
    return float(changed), uid


def changed_time(solution) -> float:
    changed = getattr(aq_base(solution), CHANGED_ATTRIBUTE, None)
    if changed is None:
        changed = solution.modified().timeTime()
    return changed


@indexer(ISoftwareSolution)
def catalogue_key(solution):
    return format_key(changed_time(solution), IUUID(solution))


def touch(solution) -> None:
    """Mark the record of ``solution`` changed now (never earlier than it
    was: a clock set back must not hide a change from harvesters)."""
    changed = max(time.time(), changed_time(solution) + 0.000001)
    setattr(solution, CHANGED_ATTRIBUTE, changed)
    solution.reindexObject(idxs=[KEY_INDEX])


def _solution_of(obj):
    for candidate in getattr(obj, "aq_chain", ()):
        if ISoftwareSolution.providedBy(candidate):
            return candidate
    return None


def _path(obj) -> str:
    return "/".join(obj.getPhysicalPath())


def _bury(solution) -> None:
    tombstones_of(api.portal.get(), create=True).record(IUUID(solution), _path(solution))


def _unbury(solution) -> None:
    site = api.portal.get()
    uid = IUUID(solution)
    if uid in tombstones_of(site).by_uid:
        tombstones_of(site).forget(uid)


# Subscribers -------------------------------------------------------------------


def solution_modified(solution, event):
    touch(solution)


def solution_will_move(solution, event):
    """Removed or moved (itself or a container): a tombstone at the old path
    if it was listed there. A renamed or moved solution that stays public
    is listed again under its new path; the tombstone tells the harvesters
    of its old collection that it left."""
    if event.oldParent is not None and in_catalogue(solution):
        _bury(solution)


def solution_moved(solution, event):
    if event.newParent is not None:
        touch(solution)


def solution_transition(solution, event):
    """A transition: a tombstone when it leaves the public, none when it
    comes back."""
    was_listed = event.old_state.getId() in PUBLIC_STATES
    if in_catalogue(solution):
        _unbury(solution)
    elif was_listed and _collection_is_public(solution):
        _bury(solution)
    touch(solution)


def part_changed(obj, event):
    """A release or distribution added, edited or removed: the record of its
    solution changed. A move or removal of a container is the container's
    event (``event.object``), handled there."""
    if getattr(event, "object", obj) is not obj:
        return
    solution = _solution_of(obj)
    if solution is not None and api.content.get_state(solution, default=None):
        touch(solution)


def collection_transition(collection, event):
    """A collection that visitors stop (or start) seeing takes its public
    solutions out of (or back into) the catalogue."""
    was_public = "Anonymous" in event.old_state.getPermissionInfo("View")["roles"]
    now_public = visible_to_anonymous(collection)
    if was_public == now_public:
        return
    catalog = api.portal.get_tool("portal_catalog")
    query = catalogue_query(catalog, collection)
    del query["osor_collection"]  # the collection's own visibility changed
    for brain in catalog.unrestrictedSearchResults(**query):
        solution = brain._unrestrictedGetObject()
        if now_public:
            _unbury(solution)
        else:
            _bury(solution)
        touch(solution)


def _collection_is_public(solution) -> bool:
    collection = containing_collection(solution)
    return collection is None or visible_to_anonymous(collection)
