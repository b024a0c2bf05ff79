"""Installing into, uninstalling from and re-installing into an existing site.

The site is the one an admin already has (``ExistingSiteLayer``): language
``en-us``, published pages, a News Item and an Event, our code loaded but
our profile not applied. The tests install the add-on, add the example
collection, uninstall, re-install, and compare with the site before.
"""

from osor.collection.demo.example_content import create_example_content
from osor.collection.testing import EXISTING_SITE_FUNCTIONAL_TESTING
from osor.collection.testing import EXISTING_SITE_INTEGRATION_TESTING
from osor.collection.upgrades.existing_site import upgrade
from osor.collection.usage.vitality import compute_vitality
from osor.collection.vocabularies.language import label_language
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser
from Products.CMFCore.indexing import processQueue
from pytest_plone import fixtures_factory
from zope.component import getUtility
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent
from zope.schema.interfaces import IVocabularyFactory

import logging
import pytest
import requests
import transaction


# This module's site is the existing site, not the layer with us installed.
globals().update(
    fixtures_factory((
        (EXISTING_SITE_FUNCTIONAL_TESTING, "functional"),
        (EXISTING_SITE_INTEGRATION_TESTING, "integration"),
    ))
)

OUR_ROLES = [
    "Collection Member",
    "Collection Author",
    "Collection Facilitator",
    "Collection Owner",
    "Site Moderator",
]
ORDINARY_CONTENT = ["about-us", "contact", "launch", "open-day"]
OUR_PREFIXES = ("osor_", "taxonomy_osor_")


def site_state(portal) -> dict:
    """What install changes and uninstall must put back."""
    catalog = api.portal.get_tool("portal_catalog")
    return {
        "role manager": sorted(portal.acl_users.portal_role_manager.listRoleIds()),
        "site roles": sorted(portal.valid_roles()),
        "groups": sorted(api.portal.get_tool("portal_groups").getGroupIds()),
        "displayed types": list(api.portal.get_registry_record("plone.displayed_types")),
        # plone.app.discussion is not installed on a new site: comments are off.
        "comments switched on": api.portal.get_registry_record(
            "plone.app.discussion.interfaces.IDiscussionSettings.globally_enabled",
            default=False,
        ),
        # Our dependencies (plone.app.discussion...) and their indexes stay.
        "our indexes": [name for name in catalog.indexes() if name.startswith(OUR_PREFIXES)],
        "our columns": [name for name in catalog.schema() if name.startswith(OUR_PREFIXES)],
        "our actions": sorted(
            f"{category.getId()}/{action_id}"
            for category in api.portal.get_tool("portal_actions").objectValues()
            for action_id in category.objectIds()
            if action_id.startswith(OUR_PREFIXES)
        ),
        "ordinary content": sorted(
            (brain.getId, brain.portal_type, brain.review_state) for brain in catalog(getId=ORDINARY_CONTENT)
        ),
    }


def index_contents(catalog) -> dict:
    """Every ``osor_*`` index as {path: indexed value}."""
    processQueue()
    contents = {}
    for name in catalog.indexes():
        if not name.startswith("osor_"):
            continue
        index = catalog._catalog.getIndex(name)
        contents[name] = {catalog.getpath(rid): index.getEntryForObject(rid) for rid in index.referencedObjects()}
    return contents


def install(portal) -> None:
    with api.env.adopt_roles(["Manager"]):
        api.addon.install("osor.collection")


def uninstall(portal) -> None:
    with api.env.adopt_roles(["Manager"]):
        api.addon.uninstall("osor.collection")


@pytest.fixture
def before(portal):
    """The site's state before the add-on is installed."""
    return site_state(portal)


@pytest.fixture
def installed(portal, before):
    """The add-on installed, with the example collection and its members."""
    install(portal)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    create_example_content(portal)
    return portal


@pytest.fixture
def uninstalled(installed):
    uninstall(installed)
    return installed


# Labels --------------------------------------------------------------------


@pytest.mark.parametrize(
    "requested,site_default,expected",
    [
        ("en", "en", "en"),
        ("en-us", "en-us", "en"),
        ("en-gb", "en-us", "en"),
        ("pt-br", "pt-br", "en"),  # no Portuguese labels: English
        ("fr-be", "en-us", "fr"),
        ("fr-BE", "en-us", "fr"),
        ("fr_BE", "en-us", "fr"),
        ("sv", "de-at", "de"),  # unknown: the site's default language
        ("sv", "sv", "en"),  # unknown, and so is the site's: English
        (None, "es-mx", "es"),
    ],
)
def test_labels_are_in_the_best_available_language(requested, site_default, expected):
    assert label_language(["en", "fr", "de", "es", "it"], requested, site_default) == expected


def test_labels_fall_back_to_a_language_that_exists():
    assert label_language(["it"], "en-us", "en-us") == "it"
    assert label_language([], "en-us", "en-us") is None


TOPIC = "GOVE-open-source-policy"
TOPIC_TITLES = {
    "en-us": "Government and public sector » Open-source policy",
    "en-gb": "Government and public sector » Open-source policy",
    "pt-br": "Governo e setor público » Política de código aberto",
    "fr-be": "Gouvernement et secteur public » Politique en matière d'open source",
    "sv": "Regeringen och den offentliga sektorn » Policy för öppen källkod",
    # Not an EU language: no labels, English ones.
    "ja": "Government and public sector » Open-source policy",
}


@pytest.mark.parametrize("language", TOPIC_TITLES)
def test_taxonomy_labels_follow_the_language(portal, request, language):
    install(portal)
    portal.REQUEST["LANGUAGE"] = language
    request.addfinalizer(lambda: portal.REQUEST.set("LANGUAGE", None))
    topics = getUtility(IVocabularyFactory, "osor.collection.taxonomy.osor_topics")(portal)
    assert topics.getTerm(TOPIC).title == TOPIC_TITLES[language]
    assert TOPIC_TITLES[language] in [term.title for term in topics]


REST_LABELS = {
    "en-us": ("Government and public sector", "Local authority"),
    "en-gb": ("Government and public sector", "Local authority"),
    # Every EU language has taxonomy labels and interface messages (#30).
    "pt-br": ("Governo e setor público", "Autoridade local"),
    "fr-be": ("Gouvernement et secteur public", "Autorité locale"),
    "sv": ("Regeringen och den offentliga sektorn", "Lokal myndighet"),
    # Not an EU language: English.
    "ja": ("Government and public sector", "Local authority"),
}


@pytest.fixture
def site_in(functional_portal):
    """The site (with the add-on) in one language, holding a collection."""

    def make(language: str) -> str:
        install(functional_portal)
        setRoles(functional_portal, TEST_USER_ID, ["Manager"])
        api.portal.set_registry_record("plone.available_languages", [language])
        api.portal.set_registry_record("plone.default_language", language)
        api.content.create(
            container=functional_portal,
            type="community_collection",
            id="osor",
            title="OSOR",
            topics=["GOVE"],
            owner_type="LocalAuthority",
        )
        transaction.commit()
        return functional_portal.absolute_url()

    return make


def rest_get(url: str) -> dict:
    response = requests.get(
        url, headers={"Accept": "application/json"}, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=60
    )
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("language", REST_LABELS)
def test_rest_labels_follow_the_site_language(site_in, language):
    collection = rest_get(f"{site_in(language)}/osor")
    topic, owner_type = REST_LABELS[language]
    assert collection["topics"] == [{"token": "GOVE", "title": topic}]
    assert collection["owner_type"] == {"token": "LocalAuthority", "title": owner_type}


@pytest.mark.parametrize("language", ["en-us", "fr-be"])
def test_edit_form_labels_follow_the_site_language(site_in, language):
    url = site_in(language)
    browser = Browser(api.portal.get().aq_parent)
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(f"{url}/osor/edit")
    topic = REST_LABELS[language][0]
    assert topic in browser.contents
    assert "Governo e settore pubblico" not in browser.contents


def test_rest_types_name_our_types_apart_from_plones(site_in):
    titles = [item["title"] for item in rest_get(f"{site_in('en-us')}/@types")]
    assert "Community collection" in titles
    assert "Community event" in titles
    assert len(set(titles)) == len(titles)


# Install -------------------------------------------------------------------


def test_install_registers_our_roles_with_the_role_manager(installed, before):
    roles = installed.acl_users.portal_role_manager.listRoleIds()
    assert set(OUR_ROLES) <= set(roles)


def test_install_shows_the_collection_but_not_its_items_in_the_navigation(installed, before):
    displayed = api.portal.get_registry_record("plone.displayed_types")
    assert [t for t in displayed if t not in before["displayed types"]] == ["community_collection"]


def test_our_types_have_titles_of_their_own(installed):
    titles = {fti.getId(): fti.Title() for fti in api.portal.get_tool("portal_types").values()}
    assert titles["community_collection"] == "Community collection"
    assert titles["community_event"] == "Community event"
    assert len(set(titles.values())) == len(titles)


def test_install_leaves_the_sites_content_alone(installed, before):
    assert site_state(installed)["ordinary content"] == before["ordinary content"]


ADMIN_PAGES = [
    "@@usergroup-userprefs",
    "@@usergroup-groupprefs",
    "osor/@@sharing",
    "@@prefs_install_products_form",
]


@pytest.fixture
def manager_browser(functional_portal):
    """A Manager's browser on the site, after the add-on was installed."""
    install(functional_portal)
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    create_example_content(functional_portal)
    transaction.commit()
    browser = Browser(functional_portal.aq_parent)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_admin_pages_do_not_write_on_get(functional_portal, manager_browser, page):
    role_manager = functional_portal.acl_users.portal_role_manager
    roles_before = sorted(role_manager.listRoleIds())
    manager_browser.open(f"{functional_portal.absolute_url()}/{page}")
    assert "confirm-action" not in manager_browser.url
    assert "Confirming User Action" not in manager_browser.contents
    transaction.begin()
    assert sorted(role_manager.listRoleIds()) == roles_before


# Uninstall -----------------------------------------------------------------


@pytest.mark.parametrize(
    "part",
    ["role manager", "site roles", "groups", "displayed types", "comments switched on", "our indexes", "our columns"],
)
def test_uninstall_puts_the_site_back_as_it_was(uninstalled, before, part):
    assert site_state(uninstalled)[part] == before[part]


def test_uninstall_restores_comments_switched_on_before(portal):
    record = "plone.app.discussion.interfaces.IDiscussionSettings.globally_enabled"
    install(portal)
    api.portal.set_registry_record(record, False)
    uninstall(portal)
    api.portal.set_registry_record(record, True)
    install(portal)
    uninstall(portal)
    assert api.portal.get_registry_record(record) is True


def test_uninstall_logs_no_taxonomy_index_errors(installed, caplog):
    with caplog.at_level(logging.INFO):
        uninstall(installed)
    assert "something is not right" not in caplog.text


def test_uninstall_keeps_our_content_as_plain_folders_and_pages(uninstalled):
    catalog = api.portal.get_tool("portal_catalog")
    kinds = {brain.getPath(): brain.portal_type for brain in catalog(path="/plone/osor")}
    assert kinds["/plone/osor"] == "Folder"
    assert kinds["/plone/osor/decidim"] == "Folder"
    assert kinds["/plone/osor/osor-handbook"] == "Document"
    assert set(kinds.values()) <= {"Folder", "Document", "File", "Image"}


def test_uninstall_leaves_the_sites_content_alone(uninstalled, before):
    assert site_state(uninstalled)["ordinary content"] == before["ordinary content"]


@pytest.fixture
def uninstalled_site_url(functional_portal):
    install(functional_portal)
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    create_example_content(functional_portal)
    uninstall(functional_portal)
    transaction.commit()
    return functional_portal.absolute_url()


@pytest.mark.parametrize("page", ["osor", "osor/decidim", "osor/osor-handbook"])
def test_kept_content_renders_for_visitors(uninstalled_site_url, page):
    response = requests.get(f"{uninstalled_site_url}/{page}", timeout=60)
    assert response.status_code == 200


def test_kept_collection_lists_its_contents(uninstalled_site_url):
    response = requests.get(
        f"{uninstalled_site_url}/osor/folder_contents", auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=60
    )
    assert response.status_code == 200


def test_membership_endpoint_is_gone_after_uninstall(uninstalled_site_url):
    response = requests.get(
        f"{uninstalled_site_url}/osor/@membership", headers={"Accept": "application/json"}, timeout=60
    )
    assert response.status_code == 404


def test_kept_collection_can_be_edited_and_deleted(uninstalled):
    kept = uninstalled["osor"]
    kept.title = "Former collection"
    notify(ObjectModifiedEvent(kept))
    api.content.transition(kept["os2-denmark"], transition="publish")
    api.content.delete(kept)
    assert "osor" not in uninstalled


# Re-install ----------------------------------------------------------------


def test_reinstall_turns_kept_content_back_into_our_types(installed):
    catalog = api.portal.get_tool("portal_catalog")
    types_before = {brain.getPath(): brain.portal_type for brain in catalog(path="/plone/osor")}
    uninstall(installed)
    install(installed)
    types_after = {brain.getPath(): brain.portal_type for brain in catalog(path="/plone/osor")}
    assert types_after == types_before


def test_uninstall_and_reinstall_keep_modification_dates(installed):
    catalog = api.portal.get_tool("portal_catalog")

    def dates():
        return {
            brain.UID: (brain.modified, brain._unrestrictedGetObject().modified())
            for brain in catalog.unrestrictedSearchResults(path="/plone/osor")
        }

    before = dates()
    uninstall(installed)
    assert dates() == before
    install(installed)
    assert dates() == before


def test_reinstall_finds_existing_content_in_every_index(installed):
    catalog = api.portal.get_tool("portal_catalog")
    # The nightly job has run once: the vitality indexes hold the solutions.
    for brain in api.content.find(portal_type="software_solution"):
        compute_vitality(brain.getObject())
    indexed = index_contents(catalog)
    # Nothing in the example content waits for review, and nobody declared
    # using a solution: those indexes are empty.
    empty = [name for name, paths in indexed.items() if not paths]
    assert sorted(empty) == ["osor_has_referents", "osor_pending_review", "osor_used_in_country"]
    uninstall(installed)
    install(installed)
    assert index_contents(catalog) == indexed


def test_reinstall_finds_content_by_topic_at_once(installed):
    uninstall(installed)
    install(installed)
    found = {brain.getId for brain in api.content.find(osor_topics="GOVE")}
    assert "decidim" in found


# Upgrade -------------------------------------------------------------------


def test_upgrade_of_an_older_install_registers_roles_and_navigation(installed):
    installed.acl_users.portal_role_manager.removeRole("Site Moderator")
    api.portal.set_registry_record("plone.displayed_types", ("Document", "Folder"))
    upgrade(api.portal.get_tool("portal_setup"))
    upgrade(api.portal.get_tool("portal_setup"))
    assert "Site Moderator" in installed.acl_users.portal_role_manager.listRoleIds()
    assert api.portal.get_registry_record("plone.displayed_types") == (
        "Document",
        "Folder",
        "community_collection",
    )
