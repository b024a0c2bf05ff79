"""Upgrade an existing site to the visitor's pages (issue #16).

Idempotent: run it as often as you like. Content is reindexed, never
re-dated: its modification date stays the one its editors gave it.
"""

from osor.collection import logger
from osor.collection.install.our_content import reindex_keeping_date
from osor.collection.install.rolemap import grant_as_in_profile
from osor.collection.permissions import FEATURE_CONTENT
from plone import api


# Type -> the default view of its page (browser/configure.zcml).
DEFAULT_VIEWS = {
    "community_collection": "collection-home",
    "software_solution": "solution-view",
    "solution_release": "release-view",
    "solution_distribution": "distribution-view",
    "case_study": "case-study-view",
    "community_event": "community-event-view",
    "competence_centre": "competence-centre-view",
    "community_news": "community-news-view",
    "publication": "publication-view",
    "legal_request": "legal-request-view",
}
NEW_COLUMNS = ("osor_year", "osor_online", "osor_publication_type", "osor_featured")


def set_default_views(portal_types) -> None:
    """Make each type's page its default view, keeping ``view`` selectable.

    Only ``default_view`` and ``view_methods`` are touched, so titles or
    behaviors changed on the site (or by other upgrades) are kept.
    """
    for portal_type, view in DEFAULT_VIEWS.items():
        fti = portal_types.get(portal_type)
        if fti is None:
            continue
        methods = [view] + [name for name in fti.view_methods if name != view]
        fti.manage_changeProperties(default_view=view, view_methods=tuple(methods))


def add_featured_index_and_columns(catalog) -> list[str]:
    """Add the ``osor_featured`` index and the card metadata columns; return what was added."""
    added = []
    if "osor_featured" not in catalog.indexes():
        catalog.addIndex("osor_featured", "BooleanIndex")
        added.append("osor_featured")
    for column in NEW_COLUMNS:
        if column not in catalog.schema():
            catalog.addColumn(column)
            added.append(column)
    return added


def upgrade(context=None) -> None:
    """Default views of the pages, the feature permission, the pinned-state index
    and the card metadata; reindex our content when the catalog changed."""
    # The "Feature content" permission's roles (rolemap.xml), and no other's.
    grant_as_in_profile(FEATURE_CONTENT)
    set_default_views(api.portal.get_tool("portal_types"))
    catalog = api.portal.get_tool("portal_catalog")
    added = add_featured_index_and_columns(catalog)
    if added:
        brains = catalog.unrestrictedSearchResults(portal_type=list(DEFAULT_VIEWS))
        for brain in brains:
            # The new index, and the metadata (the new columns).
            reindex_keeping_date(brain._unrestrictedGetObject(), ["osor_featured"])
        logger.info("visitor_pages: added %s, reindexed %d items", ", ".join(added), len(brains))
