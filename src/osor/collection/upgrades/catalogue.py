"""Upgrade to the bulk catalogue (#19 §4): the ``osor_catalogue_key`` index.

``@catalogue`` pages through the public solutions in the order of that index
(``interop/catalogue/changes.py``); a site without it has no such order.
Solutions indexed here get the key of their ``modified`` date (they have no
``osor_catalogue_changed`` time yet). No tombstones exist for what was
deleted before: harvesters start with a full harvest anyway.
"""

from osor.collection import logger
from osor.collection.interop.catalogue.changes import KEY_INDEX
from plone import api


def add_catalogue_key_index(context=None) -> None:
    """Add the index if missing and index every software solution in it.

    Idempotent: an existing index is kept, and indexing again gives the
    same keys."""
    catalog = api.portal.get_tool("portal_catalog")
    if KEY_INDEX not in catalog.indexes():
        catalog.addIndex(KEY_INDEX, "FieldIndex")
        logger.info("Added the catalog index %s", KEY_INDEX)
    brains = catalog.unrestrictedSearchResults(portal_type="software_solution")
    for brain in brains:
        catalog.reindexObject(brain._unrestrictedGetObject(), idxs=[KEY_INDEX], update_metadata=False)
    logger.info("Indexed %d software solutions in %s", len(brains), KEY_INDEX)
