"""The upgrade of an existing site to the visitor's pages (upgrades/visitor_pages.py)."""

from osor.collection.permissions import FEATURE_CONTENT
from osor.collection.upgrades import visitor_pages
from plone import api


def test_upgrade_sets_default_views_index_and_columns_and_is_idempotent(portal, solution):
    types = api.portal.get_tool("portal_types")
    catalog = api.portal.get_tool("portal_catalog")
    # A site from before the visitor's pages.
    types["software_solution"].manage_changeProperties(default_view="view", view_methods=("view",))
    catalog.delIndex("osor_featured")
    catalog.delColumn("osor_year")
    solution.osor_featured = True

    visitor_pages.upgrade()
    visitor_pages.upgrade()

    assert types["software_solution"].default_view == "solution-view"
    assert types["software_solution"].view_methods == ("solution-view", "view")
    assert "osor_featured" in catalog.indexes()
    assert "osor_year" in catalog.schema()
    assert [brain.getObject() for brain in catalog(osor_featured=True)] == [solution]
    granted = [role["name"] for role in portal.rolesOfPermission(FEATURE_CONTENT) if role["selected"]]
    assert "Collection Facilitator" in granted
