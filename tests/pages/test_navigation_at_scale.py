"""Plone's navigation lists the collection, never the collection's items (#27).

With thousands of solutions in a collection, the global navigation (the
header, ``navigation_depth`` levels deep) and the navigation portlet
listed each of them on every page. The site's navigation settings stay as
Plone ships them: Plone's own content is still listed.
"""

from osor.collection.install.navigation import NAVIGATION_TYPES
from pages_content import anonymous_browser
from pages_content import make_osor_collection
from pages_content import published
from plone import api

import lxml.html
import pytest
import transaction


SIBLINGS = 50
PROFILE = "osor.collection:default"


@pytest.fixture
def site_at_scale(functional_portal):
    # As on a real site (the test fixture binds no workflow to Plone's types).
    functional_portal.portal_workflow.setChainForPortalTypes(("Folder", "Document"), "simple_publication_workflow")
    collection = make_osor_collection(functional_portal)
    for number in range(SIBLINGS):
        solution = api.content.create(container=collection, type="software_solution", id=f"app-{number}")
        solution.setTitle(f"App {number}")
        published(solution)
    api.content.create(container=collection["app-0"], type="solution_release", id="v1", title="App 0 1.0", version="1")
    published(api.content.create(container=collection, type="case_study", id="story", title="A story"))
    folder = published(api.content.create(container=functional_portal, type="Folder", id="docs", title="Docs"))
    for number in range(3):
        published(api.content.create(container=folder, type="Document", id=f"page-{number}", title=f"Page {number}"))
    transaction.commit()
    return functional_portal


def links(app, url) -> set[str]:
    browser = anonymous_browser(app)
    browser.open(url)
    return {href.rstrip("/") for href in lxml.html.fromstring(browser.contents).xpath("//a/@href")}


def header_navigation(app, url) -> set[str]:
    browser = anonymous_browser(app)
    browser.open(url)
    return set(lxml.html.fromstring(browser.contents).xpath('//*[@id="portal-globalnav"]//a/@href'))


def test_a_solution_page_links_to_none_of_its_siblings(site_at_scale, functional_app):
    collection = site_at_scale["osor"]
    found = links(functional_app, collection["app-7"].absolute_url())
    siblings = {collection[f"app-{n}"].absolute_url() for n in range(SIBLINGS) if n != 7}
    assert not found & siblings


def test_the_header_navigation_lists_the_collection_but_not_its_items(site_at_scale, functional_app):
    collection = site_at_scale["osor"]
    for page in (collection["app-0"], collection):
        listed = header_navigation(functional_app, page.absolute_url())
        assert collection.absolute_url() in listed
        assert not [url for url in listed if url.startswith(collection.absolute_url() + "/")]


def test_plones_own_content_is_still_in_the_navigation(site_at_scale, functional_app):
    """The navigation is not switched off: a page of a folder links to its siblings."""
    found = links(functional_app, site_at_scale["docs"]["page-0"].absolute_url())
    assert {site_at_scale["docs"]["page-1"].absolute_url(), site_at_scale["docs"]["page-2"].absolute_url()} <= found


def test_the_navigation_settings_stay_plones(site_at_scale):
    assert api.portal.get_registry_record("plone.navigation_depth") == 3
    assert api.portal.get_registry_record("plone.generate_tabs") is True
    displayed = api.portal.get_registry_record("plone.displayed_types")
    assert "community_collection" in displayed
    assert {"Document", "Folder"} <= set(displayed)
    assert not {"software_solution", "solution_release", "case_study"} & set(displayed)


# Upgrade 1003 -> 1004 ---------------------------------------------------


def test_the_upgrade_takes_our_items_out_of_an_existing_sites_navigation(manager):
    api.portal.set_registry_record(
        "plone.displayed_types",
        ("Document", "Folder", "community_collection", "software_solution", "solution_release", "case_study", "Link"),
    )
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1003")
    setup_tool.upgradeProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == (setup_tool.getVersionForProfile(PROFILE),)
    assert api.portal.get_registry_record("plone.displayed_types") == ("Document", "Folder", *NAVIGATION_TYPES, "Link")


def test_the_upgrade_leaves_a_navigation_without_our_items_alone(manager):
    chosen = ("Folder", "community_collection", "Event")
    api.portal.set_registry_record("plone.displayed_types", chosen)
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1003")
    setup_tool.upgradeProfile(PROFILE)
    assert api.portal.get_registry_record("plone.displayed_types") == chosen
