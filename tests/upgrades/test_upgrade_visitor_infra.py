"""The upgrade handler of the visitor infrastructure brings an existing site
up to date and can run twice."""

from osor.collection.upgrades.visitor_infra import upgrade
from plone import api


def test_upgrade_adds_the_review_tab_back_and_is_idempotent(portal):
    object_actions = api.portal.get_tool("portal_actions")["object"]
    object_actions.manage_delObjects(["osor_collection_review"])
    upgrade()
    upgrade()
    assert "osor_collection_review" in object_actions.objectIds()


def test_upgrade_puts_the_skip_link_first_in_the_header(portal):
    from plone.app.viewletmanager.interfaces import IViewletSettingsStorage
    from zope.component import getUtility

    storage = getUtility(IViewletSettingsStorage)
    storage.setOrder("plone.portalheader", "*", ())
    upgrade()
    assert storage.getOrder("plone.portalheader", "*")[0] == "osor.collection.skiplink"
