"""Upgrade 1003 → 1004 (#29 §3): usage declarations.

The indexes of the "used in country" and "has referents" facets are added,
and the free-text "used by" list of every solution becomes approved
declarations (an organisation each, country unknown). The list itself is
kept as it was (nothing a publisher wrote is lost, and the publiccode.yml
import still writes it); the page and the export show a name once. The
solutions' modification dates are kept.
"""

from osor.collection import logger
from osor.collection.usage import declarations
from osor.collection.usage.indexers import HAS_REFERENTS_INDEX
from osor.collection.usage.indexers import USED_IN_COUNTRY_INDEX
from osor.collection.usage.indexers import VITALITY_INDEX
from osor.collection.usage.indexers import VITALITY_RANK_INDEX
from plone import api


INDEXES = {
    USED_IN_COUNTRY_INDEX: "KeywordIndex",
    HAS_REFERENTS_INDEX: "FieldIndex",
    VITALITY_INDEX: "FieldIndex",
    VITALITY_RANK_INDEX: "FieldIndex",
}


def add_usage_indexes(catalog) -> None:
    for name, meta_type in INDEXES.items():
        if name not in catalog.indexes():
            catalog.addIndex(name, meta_type)
            logger.info("Added the catalog index %s", name)


def migrate_used_by(context=None) -> None:
    """Idempotent: a name already declared is not declared again."""
    catalog = api.portal.get_tool("portal_catalog")
    add_usage_indexes(catalog)
    migrated = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="software_solution"):
        solution = brain._unrestrictedGetObject()
        names = [name for name in getattr(solution, "used_by", None) or () if name and name.strip()]
        for name in names:
            migrated += declarations.add_migrated(solution, name)
        catalog.reindexObject(solution, idxs=list(INDEXES), update_metadata=False)
    logger.info("Migrated %d 'used by' names to usage declarations", migrated)
