"""Existing sites get the visitor layout of #27: collections without the
inherited portlet columns, and Plone's search without internal types.

Only the collections' portlet blacklists and the one registry record change:
no content is reindexed, so modification dates stay; a collection whose
columns a site administrator already set (block or show) is left as it is.
"""

from osor.collection import logger
from osor.collection.install.search import hide_internal_types_from_search
from osor.collection.pages.portlets import block_inherited_portlets
from plone import api


def block_portlets_in_collections(context=None) -> int:
    """Every collection blocks the portlets it inherits; return how many changed."""
    catalog = api.portal.get_tool("portal_catalog")
    changed = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="community_collection"):
        if block_inherited_portlets(brain._unrestrictedGetObject()):
            changed += 1
    logger.info("Inherited portlets blocked in %d collections", changed)
    return changed


def hide_internal_types(context=None) -> None:
    added = hide_internal_types_from_search()
    logger.info("Types no longer offered by @@search: %s", ", ".join(added) or "none")
