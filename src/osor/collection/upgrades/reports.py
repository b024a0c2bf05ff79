"""Upgrade to reports and outdated content (#29 §2): the ``osor_last_confirmed`` index and column.

The review list's Outdated tab queries it; reports themselves need nothing
(they are created in an annotation of the collection on first use).
"""

from osor.collection import logger
from osor.collection.interfaces import ICommunityContent
from osor.collection.review.outdated import CONFIRMED_INDEX
from plone import api


def add_last_confirmed_index(context=None) -> None:
    """Add the index and column if missing and index community content in it, keeping
    modification dates. Idempotent."""
    catalog = api.portal.get_tool("portal_catalog")
    if CONFIRMED_INDEX not in catalog.indexes():
        catalog.addIndex(CONFIRMED_INDEX, "DateIndex")
        logger.info("Added the catalog index %s", CONFIRMED_INDEX)
    if CONFIRMED_INDEX not in catalog.schema():
        catalog.addColumn(CONFIRMED_INDEX)
    brains = catalog.unrestrictedSearchResults(object_provides=ICommunityContent.__identifier__)
    for brain in brains:
        catalog.reindexObject(brain._unrestrictedGetObject(), idxs=[CONFIRMED_INDEX], update_metadata=True)
    logger.info("Indexed %d items in %s", len(brains), CONFIRMED_INDEX)
