"""Collection pages use the page (#27): no inherited portlet column inside a
collection, its own section navigation with counts, the header search box
leading to the faceted search, and Plone's search without internal types."""

from osor.collection.pages.portlets import blocks_inherited_portlets
from osor.collection.pages.portlets import COLUMNS
from osor.collection.upgrades.visitor_layout import block_portlets_in_collections
from osor.collection.upgrades.visitor_layout import hide_internal_types
from pages_content import anonymous_browser
from pages_content import commit
from pages_content import make_osor_collection
from pages_content import make_solution
from pages_content import published
from plone import api
from plone.app.event.portlets.portlet_events import Assignment as EventsAssignment
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.base.utils import get_installer
from plone.portlet.static.static import Assignment as StaticAssignment
from plone.portlets.constants import CONTEXT_CATEGORY
from plone.portlets.interfaces import ILocalPortletAssignmentManager
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from Products.CMFCore.indexing import processQueue
from zope.component import getMultiAdapter
from zope.component import getUtility

import lxml.html
import pytest


def assign(context, column, name, assignment):
    manager = getUtility(IPortletManager, name=column, context=context)
    mapping = getMultiAdapter((context, manager), IPortletAssignmentMapping)
    if name not in mapping:  # Plone's default site has an events portlet
        mapping[name] = assignment


def blacklist(context, column):
    manager = getUtility(IPortletManager, name=column, context=context)
    return getMultiAdapter((context, manager), ILocalPortletAssignmentManager)


@pytest.fixture
def collection(functional_portal):
    """A collection on a site with Plone's navigation portlet and a notice
    (left), the events portlet and a notice (right) at its root: two
    solutions published, a draft."""
    assign(functional_portal, "plone.rightcolumn", "events", EventsAssignment(count=5, state=("published",)))
    for column in COLUMNS:
        assign(functional_portal, column, "notice", StaticAssignment(header=f"Site notice {column}", text="<p>Hi</p>"))
    collection = make_osor_collection(functional_portal)
    make_solution(collection)
    published(api.content.create(container=collection, type="software_solution", id="openproject", title="OpenProject"))
    api.content.create(container=collection, type="software_solution", id="draft", title="Unpublished idea")
    published(api.content.create(container=collection, type="case_study", id="case", title="Barcelona decides"))
    commit()
    return collection


def tree_of(app, url):
    browser = anonymous_browser(app)
    browser.open(url)
    return lxml.html.fromstring(browser.contents)


def portlets_on(tree) -> list[str]:
    return [" ".join(portlet.get("class").split()) for portlet in tree.xpath('//*[contains(@class, "portlet ")]')]


# Portlets -------------------------------------------------------------------


def test_a_new_collection_blocks_the_inherited_portlets_of_both_columns(collection):
    assert blocks_inherited_portlets(collection)
    for column in COLUMNS:
        assert blacklist(collection, column).getBlacklistStatus(CONTEXT_CATEGORY) is True


def test_the_site_portlets_show_outside_collections_only(collection, functional_portal, functional_app):
    outside = tree_of(functional_app, functional_portal.absolute_url()).text_content()
    assert "Site notice plone.leftcolumn" in outside
    assert "Site notice plone.rightcolumn" in outside
    for url in (collection.absolute_url(), collection["decidim"].absolute_url()):
        tree = tree_of(functional_app, url)
        assert portlets_on(tree) == [], url
        assert "Site notice" not in tree.text_content()
        assert not tree.xpath('//*[@id="portal-column-one" or @id="portal-column-two"]'), url


def test_a_portlet_an_administrator_adds_to_a_collection_is_shown(collection, functional_app):
    assign(collection, "plone.rightcolumn", "notice", StaticAssignment(header="Office hours", text="<p>Mondays</p>"))
    commit()
    tree = tree_of(functional_app, collection["decidim"].absolute_url())
    assert "Office hours" in tree.xpath('string(//*[@id="portal-column-two"])')


def test_the_upgrade_blocks_the_portlets_of_an_existing_collection_and_keeps_its_date(collection):
    for column in COLUMNS:
        blacklist(collection, column).setBlacklistStatus(CONTEXT_CATEGORY, None)  # as before 1004
    modified = collection.modified()
    assert not blocks_inherited_portlets(collection)
    assert block_portlets_in_collections() == 1
    assert blocks_inherited_portlets(collection)
    assert block_portlets_in_collections() == 0  # idempotent
    processQueue()
    assert collection.modified() == modified
    assert api.content.find(UID=collection.UID())[0].modified == modified


def test_the_upgrade_keeps_an_administrators_choice_to_show_the_portlets(collection):
    blacklist(collection, "plone.leftcolumn").setBlacklistStatus(CONTEXT_CATEGORY, False)
    blacklist(collection, "plone.rightcolumn").setBlacklistStatus(CONTEXT_CATEGORY, None)
    block_portlets_in_collections()
    assert blacklist(collection, "plone.leftcolumn").getBlacklistStatus(CONTEXT_CATEGORY) is False
    assert blacklist(collection, "plone.rightcolumn").getBlacklistStatus(CONTEXT_CATEGORY) is True


def test_the_upgrade_runs_from_1003(functional_portal):
    setup_tool = api.portal.get_tool("portal_setup")
    listed = setup_tool.listUpgrades("osor.collection:default", show_old=True)
    steps = [step for entry in listed for step in (entry if isinstance(entry, list) else [entry])]
    titles = [step["title"] for step in steps if step["source"] == ("1003",)]
    assert "Collections without inherited portlet columns (navigation, events)" in titles
    assert "Plone's search offers no internal types (language root folders)" in titles


# Section navigation -----------------------------------------------------------


def section_links(tree) -> dict:
    nav = tree.xpath('//nav[contains(@class, "osor-section-nav")]')[0]
    return {" ".join(link.text_content().split()): link.get("href") for link in nav.xpath(".//a")}


def test_every_page_of_a_collection_has_its_section_navigation_with_visible_counts(collection, functional_app):
    search = f"{collection.absolute_url()}/@@faceted-search"
    for url in (collection.absolute_url(), collection["decidim"].absolute_url(), f"{search}"):
        links = section_links(tree_of(functional_app, url))
        assert links == {
            "Home": collection.absolute_url(),
            "Solutions 2": f"{search}?portal_type=software_solution",  # the draft is not counted
            "Case studies 1": f"{search}?portal_type=case_study",
            "About": f"{collection.absolute_url()}/@@about",
            "Members": f"{collection.absolute_url()}/@@members",
        }, url


def test_the_counts_follow_every_publication_and_every_visitor(collection, functional_app):
    """Counts are kept between requests, never beyond a change of what the
    visitor may see."""
    page = collection["decidim"].absolute_url()

    def solutions_link(browser):
        browser.open(page)
        return [name for name in section_links(lxml.html.fromstring(browser.contents)) if name.startswith("Solutions")]

    visitor = anonymous_browser(functional_app)
    assert solutions_link(visitor) == ["Solutions 2"]
    assert solutions_link(visitor) == ["Solutions 2"]
    published(api.content.create(container=collection, type="software_solution", id="gitlab", title="GitLab"))
    commit()
    assert solutions_link(visitor) == ["Solutions 3"]
    manager = anonymous_browser(functional_app)
    manager.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    assert solutions_link(manager) == ["Solutions 4"]  # the draft too
    assert solutions_link(visitor) == ["Solutions 3"]


def test_the_section_navigation_never_lists_items(collection, functional_app):
    tree = tree_of(functional_app, collection["decidim"].absolute_url())
    nav = tree.xpath('string(//nav[contains(@class, "osor-section-nav")])')
    assert "Decidim" not in nav
    assert "OpenProject" not in nav


def test_the_homepage_is_the_current_page_of_the_section_navigation(collection, functional_app):
    home = tree_of(functional_app, collection.absolute_url())
    assert home.xpath('//a[contains(@class, "osor-section-home")]/@aria-current') == ["page"]
    about = tree_of(functional_app, f"{collection.absolute_url()}/@@about")
    assert about.xpath('//a[contains(@class, "osor-section-home")]/@aria-current') == []


# One search -------------------------------------------------------------------


def search_form(tree):
    return tree.xpath('//form[@id="searchGadget_form"]')[0]


def test_the_header_search_of_a_collection_leads_to_its_faceted_search(collection, functional_app):
    form = search_form(tree_of(functional_app, collection["decidim"].absolute_url()))
    assert form.get("action") == f"{collection.absolute_url()}/@@faceted-search"
    assert form.xpath(".//input/@name") == ["SearchableText"]
    assert form.xpath(".//input/@placeholder") == ["Search this collection"]


def test_the_faceted_search_shows_the_words_in_the_header_box(collection, functional_app):
    tree = tree_of(functional_app, f"{collection.absolute_url()}/@@faceted-search?SearchableText=Decidim")
    assert search_form(tree).xpath(".//input/@value") == ["Decidim"]
    assert "Decidim" in tree.xpath('string(//*[contains(@class, "osor-search-results")])')


def test_the_header_search_outside_collections_stays_plones(collection, functional_portal, functional_app):
    form = search_form(tree_of(functional_app, functional_portal.absolute_url()))
    assert form.get("action") == f"{functional_portal.absolute_url()}/@@search"


def test_the_internal_types_are_hidden_once_the_site_has_them(functional_portal):
    """plone.app.multilingual, installed after us (as the "osor" distribution
    does), brings LRF and LIF: they are hidden from @@search at once."""
    assert not {"LRF", "LIF"} & set(api.portal.get_registry_record("plone.types_not_searched"))
    get_installer(functional_portal).install_product("plone.app.multilingual")
    hidden = api.portal.get_registry_record("plone.types_not_searched")
    assert {"LRF", "LIF"} <= set(hidden)
    assert {"Plone Site", "TempFolder"} <= set(hidden)  # Plone's own are kept


def test_the_upgrade_hides_internal_types_from_search_and_keeps_the_others(functional_portal):
    get_installer(functional_portal).install_product("plone.app.multilingual")
    api.portal.set_registry_record("plone.types_not_searched", ("Plone Site", "Image"))
    hide_internal_types()
    hide_internal_types()
    assert api.portal.get_registry_record("plone.types_not_searched") == ("Plone Site", "Image", "LRF", "LIF")
