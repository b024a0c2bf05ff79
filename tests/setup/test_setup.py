"""Installing, uninstalling and re-installing the add-on."""

from osor.collection.interfaces import IOsorCollectionLayer
from plone import api
from zope.component import getUtility
from zope.security.interfaces import IPermission

import pytest


OUR_TYPES = [
    "community_collection",
    "software_solution",
    "solution_release",
    "solution_distribution",
    "case_study",
    "community_event",
    "competence_centre",
    "legal_request",
    "community_news",
    "publication",
]

INDEXES = {
    "osor_collection": "FieldIndex",
    "osor_topics": "KeywordIndex",
    "osor_countries": "KeywordIndex",
    "osor_licences": "KeywordIndex",
    "osor_status": "FieldIndex",
    "osor_solution_type": "KeywordIndex",
    "osor_stakeholders": "KeywordIndex",
    "osor_owner_type": "FieldIndex",
    "osor_release_date": "DateIndex",
    "osor_year": "FieldIndex",
    "osor_administration_level": "FieldIndex",
    "osor_event_scope": "FieldIndex",
    "osor_online": "BooleanIndex",
    "osor_legal_category": "FieldIndex",
    "osor_focus": "FieldIndex",
    "osor_publication_type": "FieldIndex",
    "osor_pending_review": "FieldIndex",
    "osor_featured": "BooleanIndex",
    "osor_catalogue_key": "FieldIndex",
    "osor_last_confirmed": "DateIndex",
    "osor_used_in_country": "KeywordIndex",
    "osor_has_referents": "FieldIndex",
    "osor_vitality": "FieldIndex",
    "osor_vitality_rank": "FieldIndex",
}

COLUMNS = [
    "osor_collection", "osor_topics", "osor_countries", "osor_licences", "osor_status",
    "osor_year", "osor_online", "osor_publication_type", "osor_featured", "osor_last_confirmed",
]  # fmt: skip

DUBLIN_CORE = ["plone.dublincore", "plone.namefromtitle", "plone.shortname"]
BEHAVIORS = {
    "community_collection": [
        "plone.textindexer",
        *DUBLIN_CORE,
        "plone.excludefromnavigation",
        "plone.locking",
        "osor.logo",
        "osor.owner",
        "osor.contact_point",
        "osor.topics",
        "osor.spatial_coverage",
        "plone.translatable",
    ],
    "software_solution": [
        "plone.textindexer",
        *DUBLIN_CORE,
        "plone.allowdiscussion",
        "plone.excludefromnavigation",
        "plone.locking",
        "osor.logo",
        "osor.owner",
        "osor.contact_point",
        "osor.topics",
        "osor.spatial_coverage",
        "osor.stakeholders",
        "osor.provenance",
        "plone.translatable",
    ],
    "solution_release": ["plone.textindexer", "plone.basic", "plone.namefromtitle", "plone.shortname", "plone.locking"],
    "solution_distribution": [
        "plone.basic",
        "plone.namefromtitle",
        "plone.shortname",
        "plone.locking",
    ],
    "case_study": [
        "plone.textindexer",
        *DUBLIN_CORE,
        "plone.leadimage",
        "plone.allowdiscussion",
        "plone.excludefromnavigation",
        "plone.locking",
        "osor.topics",
        "osor.spatial_coverage",
        "osor.stakeholders",
        "plone.translatable",
    ],
    "community_event": [
        "plone.textindexer",
        "plone.eventbasic",
        "plone.eventrecurrence",
        "plone.eventlocation",
        "plone.eventcontact",
        *DUBLIN_CORE,
        "plone.richtext",
        "plone.leadimage",
        "plone.allowdiscussion",
        "plone.excludefromnavigation",
        "plone.locking",
        "osor.topics",
        "osor.spatial_coverage",
        "osor.stakeholders",
        "plone.translatable",
    ],
    "competence_centre": [
        "plone.textindexer",
        *DUBLIN_CORE,
        "plone.allowdiscussion",
        "plone.excludefromnavigation",
        "plone.locking",
        "osor.topics",
        "plone.translatable",
    ],
    "legal_request": ["plone.textindexer", "plone.namefromtitle", "plone.shortname", "plone.locking"],
    "community_news": [
        "plone.textindexer",
        *DUBLIN_CORE,
        "plone.richtext",
        "plone.leadimage",
        "plone.allowdiscussion",
        "plone.excludefromnavigation",
        "plone.locking",
        "osor.topics",
        "osor.spatial_coverage",
        "osor.stakeholders",
        "plone.translatable",
    ],
    "publication": [
        "plone.textindexer",
        *DUBLIN_CORE,
        "plone.leadimage",
        "plone.allowdiscussion",
        "plone.excludefromnavigation",
        "plone.locking",
        "osor.topics",
        "osor.spatial_coverage",
        "plone.translatable",
    ],
}

ADD_PERMISSIONS = {
    "community_collection": "osor.collection: Add Collection",
    "software_solution": "osor.collection: Add Software Solution",
    "solution_release": "osor.collection: Add Release",
    "solution_distribution": "osor.collection: Add Distribution",
    "case_study": "osor.collection: Add Case Study",
    "community_event": "osor.collection: Add Event",
    "competence_centre": "osor.collection: Add Competence Centre",
    "legal_request": "osor.collection: Add Legal Request",
    "community_news": "osor.collection: Add News",
    "publication": "osor.collection: Add Publication",
}

# Contributors create community content; only administrators create collections.
CONTRIBUTOR_ROLES = {"Manager", "Site Administrator", "Owner", "Contributor"}
ADMINISTRATOR_ROLES = {"Manager", "Site Administrator"}


def our_indexes(catalog) -> list[str]:
    return [name for name in catalog.indexes() if name.startswith("osor_")]


def our_columns(catalog) -> list[str]:
    return [name for name in catalog.schema() if name.startswith("osor_")]


def roles_of_permission(portal, permission: str) -> set[str]:
    return {role["name"] for role in portal.rolesOfPermission(permission) if role["selected"]}


class TestInstall:
    def test_product_installed(self, installer, package_name):
        assert installer.is_product_installed(package_name)

    def test_browserlayer_registered(self, browser_layers):
        assert IOsorCollectionLayer in browser_layers

    def test_plone_app_caching_is_installed_with_caching_off(self, installer, portal):
        """A dependency of the profile (our rulesets), off as Plone ships it:
        the site's admin turns it on (the demo does)."""
        assert installer.is_product_installed("plone.app.caching")
        assert api.portal.get_registry_record("plone.caching.interfaces.ICacheSettings.enabled") is False

    def test_profile_version(self, profile_last_version, package_name):
        assert profile_last_version(f"{package_name}:default") == "1006"

    @pytest.mark.parametrize("portal_type", OUR_TYPES)
    def test_type_registered(self, portal, portal_type):
        assert portal_type in portal.portal_types.objectIds()

    @pytest.mark.parametrize("name,meta_type", INDEXES.items())
    def test_catalog_index_has_its_kind(self, portal, name, meta_type):
        assert portal.portal_catalog._catalog.getIndex(name).meta_type == meta_type

    def test_no_other_osor_index(self, portal):
        assert sorted(our_indexes(portal.portal_catalog)) == sorted(INDEXES)

    def test_metadata_columns_are_added(self, portal):
        assert our_columns(portal.portal_catalog) == COLUMNS

    @pytest.mark.parametrize("portal_type", OUR_TYPES)
    def test_fti_has_exactly_its_behaviors(self, get_behaviors, portal_type):
        assert get_behaviors(portal_type) == BEHAVIORS[portal_type]

    @pytest.mark.parametrize("portal_type", OUR_TYPES)
    def test_fti_uses_its_own_add_permission(self, get_fti, portal_type):
        permission = getUtility(IPermission, name=get_fti(portal_type).add_permission)
        assert permission.title == ADD_PERMISSIONS[portal_type]

    @pytest.mark.parametrize("portal_type", sorted(set(OUR_TYPES) - {"community_collection"}))
    def test_contributors_may_add_community_content(self, portal, portal_type):
        roles = roles_of_permission(portal, ADD_PERMISSIONS[portal_type])
        assert roles >= CONTRIBUTOR_ROLES
        assert not roles & {"Anonymous", "Authenticated", "Member"}

    def test_only_administrators_may_add_collections(self, portal):
        roles = roles_of_permission(portal, ADD_PERMISSIONS["community_collection"])
        assert roles >= ADMINISTRATOR_ROLES
        assert not roles & {"Anonymous", "Authenticated", "Member", "Owner", "Contributor"}


class TestUninstall:
    @pytest.fixture(autouse=True)
    def _uninstalled(self, uninstalled):
        """Uninstalled for each test; the integration layer rolls it back."""

    def test_product_is_uninstalled(self, installer, package_name):
        assert not installer.is_product_installed(package_name)

    def test_browserlayer_is_removed(self, browser_layers):
        assert IOsorCollectionLayer not in browser_layers

    def test_types_are_removed(self, portal):
        assert not set(OUR_TYPES) & set(portal.portal_types.objectIds())

    def test_indexes_are_removed(self, portal):
        assert our_indexes(portal.portal_catalog) == []

    def test_metadata_columns_are_removed(self, portal):
        assert our_columns(portal.portal_catalog) == []

    def test_the_settings_of_our_caching_rulesets_are_removed(self, portal):
        assert not [name for name in portal.portal_registry.records if ".osor." in name and "Caching" in name]


class TestReinstall:
    @pytest.fixture(autouse=True)
    def _reinstalled(self, uninstalled, installer, package_name):
        installer.install_product(package_name)

    def test_product_is_installed_again(self, installer, package_name):
        assert installer.is_product_installed(package_name)

    def test_profile_version_is_back(self, profile_last_version, package_name):
        assert profile_last_version(f"{package_name}:default") == "1006"

    def test_browserlayer_is_registered_once(self, browser_layers):
        assert browser_layers.count(IOsorCollectionLayer) == 1

    def test_types_are_back_once(self, portal):
        type_ids = portal.portal_types.objectIds()
        assert [t for t in type_ids if t in OUR_TYPES] == OUR_TYPES

    def test_indexes_are_back_once(self, portal):
        assert sorted(our_indexes(portal.portal_catalog)) == sorted(INDEXES)

    def test_metadata_columns_are_back_once(self, portal):
        assert our_columns(portal.portal_catalog) == COLUMNS
