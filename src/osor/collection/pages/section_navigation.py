"""The section navigation of a collection: its sections with their counts.

Shown on every page of a collection instead of Plone's navigation portlet,
which listed every item of the collection on every page. A section is a
type of content (solutions, case studies, events…) linking to the
collection's faceted search of that type; its count is what the visitor may
see there, one per translation group, as the search and the homepage count.

All counts come from one catalog query: the visible records of the
collection's section types, split by intersecting them with the
``portal_type`` index's sets of record ids (BTrees set operations in C).
No brain is made and no object woken, whatever the collection holds.

That query still reads index sets as large as the collection, on every page
of it; the counts are therefore kept in memory until what the visitor may
see changes (``record_ids.visibility_key``): a solution page of a collection
of 10,000 solutions read 1,494 ZODB records against 390 at 1,000 (``make
bench``), most of them for these counts.
"""

from . import cards
from . import translations
from .homepage import collection_uids
from .homepage import SECTION_TYPES
from osor.collection.discovery import record_ids
from osor.collection.pages.shapes import NavigationSection
from plone import api
from plone.memoize import ram
from urllib.parse import urlencode


def _counts_key(function, collection, language: str) -> tuple:
    catalog = api.portal.get_tool("portal_catalog")
    return ("/".join(collection.getPhysicalPath()), language, record_ids.visibility_key(catalog))


@ram.cache(_counts_key)
def counts_by_type(collection, language: str) -> dict[str, int]:
    """Portal type -> how many items of that type of ``collection`` (in any of
    its languages) the current user may see, one per translation group.
    Shared between requests: read it, never change it."""
    catalog = api.portal.get_tool("portal_catalog")
    visible = record_ids.as_set(
        record_ids.visible_record_ids(
            catalog, {"osor_collection": collection_uids(collection), "portal_type": list(SECTION_TYPES)}
        )
    )
    shown = record_ids.one_per_translation(catalog, visible, [language, translations.default_language(), ""])
    records_of_type = record_ids.values_of(catalog, "portal_type")
    return {
        portal_type: record_ids.count_in(shown, records_of_type[portal_type]) if portal_type in records_of_type else 0
        for portal_type in SECTION_TYPES
    }


def sections(collection, language: str) -> list[NavigationSection]:
    """``[{"portal_type", "title", "count", "url"}]`` of the sections that
    hold something the visitor may see, in the homepage's order."""
    search_url = f"{collection.absolute_url()}/@@faceted-search"
    return [
        {
            "portal_type": portal_type,
            "title": cards.TYPE_TITLES[portal_type],
            "count": count,
            "url": f"{search_url}?{urlencode({'portal_type': portal_type})}",
        }
        for portal_type, count in counts_by_type(collection, language).items()
        if count
    ]
