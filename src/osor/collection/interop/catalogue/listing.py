"""One page of the catalogue: a keyset query on ``osor_catalogue_key``.

The page after key K holds the public solutions whose key is strictly
greater than K, in key order: the catalog answers it from the index alone
(a range query sorted by the same index, ``sort_limit`` of one page), so a
page costs the same at the start and at the end of a large catalogue, and
only the solutions of the page are woken to be serialised.
"""

from dataclasses import dataclass
from dataclasses import field
from osor.collection.interop.catalogue.changes import KEY_INDEX
from osor.collection.interop.catalogue.changes import time_key
from osor.collection.interop.catalogue.tombstones import tombstones_since
from osor.collection.interop.catalogue.visibility import catalogue_query
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.utils import getToolByName


@dataclass
class CataloguePage:
    solutions: list = field(default_factory=list)  # woken solutions, in key order
    last_key: str | None = None  # the key of the last solution listed
    more: bool = False  # whether solutions follow


def page_after(context, after: str | None, limit: int, since: float | None) -> CataloguePage:
    """The public solutions below ``context`` whose key follows ``after``
    (and whose record changed at or after ``since``), at most ``limit``."""
    processQueue()
    catalog = getToolByName(context, "portal_catalog")
    lowest = max(after or "", time_key(since) if since is not None else "")
    query = catalogue_query(catalog, context, sort_on=KEY_INDEX, sort_limit=limit + 2)
    if lowest:
        query[KEY_INDEX] = {"query": lowest, "range": "min"}
    index = catalog._catalog.getIndex(KEY_INDEX)
    page = CataloguePage()
    for brain in catalog.unrestrictedSearchResults(**query):
        key = index.getEntryForObject(brain.getRID())
        if after is not None and key <= after:
            continue  # the last item of the previous page
        if len(page.solutions) == limit:
            page.more = True
            break
        page.solutions.append(brain._unrestrictedGetObject())
        page.last_key = key
    return page


def deleted_since(context, since: float) -> list[dict]:
    """The tombstones since ``since`` below ``context``, but not those of
    solutions listed there again (moved back, renamed)."""
    site = getToolByName(context, "portal_url").getPortalObject()
    tombstones = tombstones_since(site, "/".join(context.getPhysicalPath()), since)
    if not tombstones:
        return []
    catalog = getToolByName(context, "portal_catalog")
    listed = {
        brain.UID
        for brain in catalog.unrestrictedSearchResults(
            **catalogue_query(catalog, context, UID=[tomb["uid"] for tomb in tombstones])
        )
    }
    return [tombstone for tombstone in tombstones if tombstone["uid"] not in listed]
