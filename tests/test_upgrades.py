"""Existing sites reach the current profile version through the upgrade steps."""

from plone import api

import pytest


PROFILE = "osor.collection:default"


@pytest.fixture
def setup_tool(manager):
    return api.portal.get_tool("portal_setup")


def test_every_profile_version_since_1000_has_upgrade_steps(setup_tool):
    steps = setup_tool.listUpgrades(PROFILE, show_old=True)
    sources = {step["ssource"] for step in _flat(steps)}
    assert {"1000", "1001"} <= sources


def test_a_site_at_1000_upgrades_to_the_current_version(setup_tool, collection, solution):
    setup_tool.setLastVersionForProfile(PROFILE, "1000")
    assert setup_tool.listUpgrades(PROFILE)
    setup_tool.upgradeProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == ("1003",)
    assert not setup_tool.listUpgrades(PROFILE)
    # What the steps touch still works: the collection and its content.
    assert api.content.get(path="/collection/solution") is not None


def test_running_the_upgrade_steps_twice_changes_nothing_more(setup_tool, collection):
    for _ in range(2):
        setup_tool.setLastVersionForProfile(PROFILE, "1000")
        setup_tool.upgradeProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == ("1003",)


def _flat(steps):
    for step in steps:
        if isinstance(step, list):
            yield from step
        else:
            yield step
