"""Installing, uninstalling and re-installing the add-on."""

from osor.collection.interfaces import IOsorCollectionLayer

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


class TestInstall:
    def test_product_installed(self, installer, package_name):
        assert installer.is_product_installed(package_name)

    def test_browserlayer_registered(self, browser_layers):
        assert IOsorCollectionLayer in browser_layers

    def test_profile_version(self, profile_last_version, package_name):
        assert profile_last_version(f"{package_name}:default") == "1000"

    @pytest.mark.parametrize("portal_type", OUR_TYPES)
    def test_type_registered(self, portal, portal_type):
        assert portal_type in portal.portal_types.objectIds()
