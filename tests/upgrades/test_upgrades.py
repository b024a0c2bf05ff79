"""Existing sites reach the current profile version through the upgrade steps,
and the steps change only what they are about: behaviors an administrator
chose, modification dates and front pages are kept."""

from osor.collection.upgrades import translatable_types
from plone import api
from plone.app.multilingual.interfaces import ILanguageRootFolder
from plone.base.utils import get_installer
from plone.dexterity.utils import createContentInContainer
from zope.interface import alsoProvides

import pytest


PROFILE = "osor.collection:default"


@pytest.fixture
def setup_tool(manager):
    return api.portal.get_tool("portal_setup")


@pytest.fixture
def current_version(setup_tool):
    """The version of profiles/default/metadata.xml."""
    return (setup_tool.getVersionForProfile(PROFILE),)


def upgrade_from_1000(setup_tool):
    """Upgrade as Site Setup -> Add-ons -> Upgrade does, from profile 1000."""
    setup_tool.setLastVersionForProfile(PROFILE, "1000")
    assert setup_tool.listUpgrades(PROFILE)
    assert get_installer(api.portal.get()).upgrade_product("osor.collection")


def test_every_profile_version_since_1000_has_upgrade_steps(setup_tool):
    steps = setup_tool.listUpgrades(PROFILE, show_old=True)
    sources = {step["ssource"] for step in _flat(steps)}
    assert {"1000", "1001", "1002"} <= sources


def test_a_site_at_1000_upgrades_to_the_current_version(setup_tool, current_version, collection, solution):
    upgrade_from_1000(setup_tool)
    assert setup_tool.getLastVersionForProfile(PROFILE) == current_version
    assert not setup_tool.listUpgrades(PROFILE)
    # What the steps touch still works: the collection and its content.
    assert api.content.get(path="/collection/solution") is not None


def test_running_the_upgrade_steps_twice_changes_nothing_more(setup_tool, current_version, collection):
    for _ in range(2):
        upgrade_from_1000(setup_tool)
    assert setup_tool.getLastVersionForProfile(PROFILE) == current_version


def test_the_upgrade_keeps_the_behaviors_an_administrator_chose(setup_tool):
    types = api.portal.get_tool("portal_types")
    release = types["solution_release"]
    news = types["community_news"]
    release.manage_changeProperties(behaviors=(*release.behaviors, "plone.translatable"))
    news.manage_changeProperties(behaviors=tuple(b for b in news.behaviors if b != "plone.allowdiscussion"))
    before = {fti.getId(): fti.behaviors for fti in types.listTypeInfo() if hasattr(fti, "behaviors")}
    upgrade_from_1000(setup_tool)
    after = {fti.getId(): fti.behaviors for fti in types.listTypeInfo() if hasattr(fti, "behaviors")}
    assert after == before


def test_the_upgrade_keeps_who_may_do_what_as_an_administrator_set_it(setup_tool):
    portal = api.portal.get()
    portal.manage_permission("osor.collection: Add Collection", roles=["Manager"], acquire=False)
    portal.manage_permission("osor.collection: Add Legal FAQ entry", roles=[], acquire=True)
    upgrade_from_1000(setup_tool)
    assert _granted(portal, "osor.collection: Add Collection") == ["Manager"]
    # What the legal step is about: the FAQ's add permission, as the profile says.
    assert _granted(portal, "osor.collection: Add Legal FAQ entry") == ["Legal Expert", "Manager", "Site Administrator"]


def test_the_upgrade_adds_missing_tabs_and_keeps_those_an_administrator_changed(setup_tool):
    object_actions = api.portal.get_tool("portal_actions")["object"]
    object_actions["osor_collection_about"].manage_changeProperties(visible=False, title="Who we are")
    object_actions.manage_delObjects(["osor_collection_review"])
    upgrade_from_1000(setup_tool)
    about = object_actions["osor_collection_about"]
    assert (about.visible, about.title) == (False, "Who we are")
    assert object_actions["osor_collection_review"].visible


def _granted(obj, permission) -> list[str]:
    return sorted(role["name"] for role in obj.rolesOfPermission(permission) if role["selected"])


def test_the_upgrade_renames_our_old_type_titles_but_not_an_administrators(setup_tool):
    types = api.portal.get_tool("portal_types")
    types["community_collection"].manage_changeProperties(title="Collection")
    types["community_event"].manage_changeProperties(title="Our meetings")
    upgrade_from_1000(setup_tool)
    assert types["community_collection"].title == "Community collection"
    assert types["community_event"].title == "Our meetings"


def test_the_upgrade_adds_the_legal_faq_type_when_missing(setup_tool):
    types = api.portal.get_tool("portal_types")
    expected = {name: types["legal_faq_entry"].getProperty(name) for name in ("title", "behaviors", "klass")}
    types.manage_delObjects(["legal_faq_entry"])
    upgrade_from_1000(setup_tool)
    assert {name: types["legal_faq_entry"].getProperty(name) for name in expected} == expected


def test_legal_faq_entries_are_named_after_their_title_from_1006_and_older_ones_keep_their_address(setup_tool):
    portal = api.portal.get()
    fti = api.portal.get_tool("portal_types")["legal_faq_entry"]
    fti.manage_changeProperties(behaviors=tuple(b for b in fti.behaviors if b != "plone.namefromtitle"))
    older = createContentInContainer(portal, "legal_faq_entry", checkConstraints=False, title="An older question")
    assert older.getId() == "legal_faq_entry"  # what profile 1005 named every entry
    setup_tool.setLastVersionForProfile(PROFILE, "1005")
    assert get_installer(portal).upgrade_product("osor.collection")
    assert "plone.namefromtitle" in fti.behaviors
    assert portal["legal_faq_entry"].UID() == older.UID()
    newer = createContentInContainer(portal, "legal_faq_entry", checkConstraints=False, title="Can I relicense?")
    assert newer.getId() == "can-i-relicense"


def test_the_upgrade_keeps_modification_dates(setup_tool, collection, solution):
    solution.repository_url = "javascript:alert(1)"  # cleared by a step, which reindexes it
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("osor_featured")  # makes the visitor pages step reindex our content
    before = {obj.UID(): obj.modified() for obj in (collection, solution)}
    upgrade_from_1000(setup_tool)
    assert {obj.UID(): obj.modified() for obj in (collection, solution)} == before
    assert solution.repository_url is None
    assert {brain.UID: brain.modified for brain in catalog(UID=list(before))} == before


def test_the_upgrade_never_changes_a_front_page(setup_tool, collection):
    portal = api.portal.get()
    folder = api.content.create(container=portal, type="Folder", id="en", title="English")
    api.content.move(source=collection, target=folder)
    alsoProvides(folder, ILanguageRootFolder)
    upgrade_from_1000(setup_tool)
    assert folder.getProperty("default_page", None) is None


def test_translated_types_that_lost_the_translatable_behavior_get_it_back(setup_tool, release):
    fti = api.portal.get_tool("portal_types")["solution_release"]
    without = tuple(b for b in fti.behaviors if b != "plone.translatable")
    fti.manage_changeProperties(behaviors=without)
    assert translatable_types.restore_translatable_behavior() == []  # nothing translated yet
    setattr(release, translatable_types.TRANSLATION_GROUP_ATTRIBUTE, "a-translation-group")
    assert translatable_types.restore_translatable_behavior() == ["solution_release"]
    assert fti.behaviors == (*without, "plone.translatable")
    assert translatable_types.restore_translatable_behavior() == []


def _flat(steps):
    for step in steps:
        if isinstance(step, list):
            yield from step
        else:
            yield step
