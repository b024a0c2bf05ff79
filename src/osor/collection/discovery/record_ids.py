"""Sets of catalog record ids: what a visitor may see, what each index value
holds, and one record per translation group.

Facet counts are intersections of BTrees integer sets, never loops over
results' metadata or objects: the cost grows with the number of facet values,
not with the number of results.
"""

from Acquisition import aq_base
from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from DateTime import DateTime
from plone.memoize.ram import DontCache
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.utils import _getAuthenticatedUser
from Products.ZCatalog.query import IndexQuery

import time


EMPTY = IISet()


def visible_record_ids(catalog, query: dict):
    """The record ids ``query`` finds for the current user, restricted exactly
    as ``portal_catalog.searchResults`` restricts them (the user's
    ``allowedRolesAndUsers`` and, unless they may see inactive content, the
    ``effectiveRange``), without creating a brain.

    A full-text query gives an ``IIBucket`` of record id -> relevance score;
    otherwise an integer set.
    """
    processQueue()
    query = dict(query)
    query["allowedRolesAndUsers"] = catalog._listAllowedRolesAndUsers(_getAuthenticatedUser(catalog))
    if not catalog.allow_inactive(query):
        query["effectiveRange"] = DateTime()
    records = catalog._catalog
    query = records.make_query(query)
    plan = records.getCatalogPlan(query)
    plan.start()
    result = None
    for index_id in plan.plan() or records._sorted_search_indexes(query):
        if index_id not in records.indexes:
            continue
        result = records._search_index(plan, index_id, query, result)
        if not result:
            break
    plan.stop()
    return result if result else EMPTY


def visibility_key(catalog) -> tuple:
    """What decides which records the current user's restricted search finds,
    as part of a cache key: their roles, groups and id, whether they may see
    inactive content, the committed state of the catalog (Plone's change
    counter and the transaction that last changed it) and the minute (an
    effective or expiry date passes without any catalog change; the
    ``effectiveRange`` index counts in minutes too).

    Raises ``DontCache`` while the current transaction has changed the
    catalog: its counter is then one that another transaction may reach with
    other content, if this one is aborted or retried after a conflict.
    """
    processQueue()
    count = catalog.getCounter()
    counter = getattr(aq_base(catalog), "_counter", None)  # CMFPlone's CatalogTool keeps it there
    if counter is not None and counter._p_changed:
        raise DontCache
    user = _getAuthenticatedUser(catalog)
    return (
        tuple(sorted(catalog._listAllowedRolesAndUsers(user))),
        bool(catalog.allow_inactive({})),
        count,
        getattr(counter, "_p_serial", None),
        int(time.time() // 60),
    )


def as_set(record_ids) -> IISet:
    """An integer set of ``record_ids`` (an index entry may be a single int,
    a full-text result a bucket of scores)."""
    if record_ids is None:
        return EMPTY
    if isinstance(record_ids, int):
        return IISet((record_ids,))
    if hasattr(record_ids, "items"):
        return IISet(record_ids.keys())
    return record_ids


def values_of(catalog, index_name: str) -> dict:
    """Value -> record ids of a field or keyword index (its forward index);
    empty if the site has no such index (``Language`` without
    plone.app.multilingual)."""
    index = catalog._catalog.indexes.get(index_name)
    return index._index if index is not None else {}


def union_of(catalog, index_name: str, values) -> IISet:
    """The records having at least one of ``values`` in the index."""
    entries = values_of(catalog, index_name)
    return multiunion([as_set(entries.get(value)) for value in values])


def index_query_ids(catalog, index_name: str, query) -> IISet:
    """The records one index gives for ``query`` (unrestricted: intersect it
    with a visible set), e.g. a date range."""
    index = catalog._catalog.getIndex(index_name)
    record = IndexQuery({index_name: query}, index.id, index.query_options, index.operators, index.useOperator)
    return as_set(index.query_index(record))


def one_per_translation(catalog, record_ids, preferred_languages) -> IISet:
    """``record_ids`` with one record per translation group: the one in the
    first of ``preferred_languages`` found, else the one in the language
    first in alphabetical order. Records outside a group are all kept.

    A site without plone.app.multilingual has no ``TranslationGroup`` index,
    and one where no item has two translations needs no work either.
    """
    records = catalog._catalog
    groups_index = records.indexes.get("TranslationGroup")
    if groups_index is None or not record_ids:
        return record_ids
    if groups_index.indexSize() == groups_index.numObjects():
        return record_ids  # no group has two records
    group_of = groups_index._unindex
    language_of = records.getIndex("Language")._unindex
    rank_of_language = {language: rank for rank, language in enumerate(preferred_languages)}
    chosen = {}
    kept = []
    for record_id in record_ids:
        group = group_of.get(record_id)
        if not group:
            kept.append(record_id)
            continue
        language = language_of.get(record_id) or ""
        rank = (rank_of_language.get(language, len(rank_of_language)), language, record_id)
        best = chosen.get(group)
        if best is None or rank < best[0]:
            chosen[group] = (rank, record_id)
    kept.extend(record_id for _rank, record_id in chosen.values())
    return IISet(kept)


def count_in(record_ids, entry) -> int:
    """How many of ``record_ids`` an index entry (int or set) holds."""
    if isinstance(entry, int):
        return 1 if entry in record_ids else 0
    return len(intersection(record_ids, entry))


def intersect(record_ids, other) -> IISet:
    return intersection(record_ids, other) or EMPTY
