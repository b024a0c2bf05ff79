"""1003 → 1004, subscriptions (issue #29 §1): the step adds the user action,
who may send digests and the secret of the unsubscribe links, and nothing else."""

from AccessControl.Permission import getPermissionIdentifier
from osor.collection.subscriptions.tokens import RING
from osor.collection.upgrades.subscriptions import upgrade
from plone import api
from plone.base.utils import get_installer
from plone.keyring.interfaces import IKeyManager
from zope.component import getUtility


PROFILE = "osor.collection:default"
SEND_DIGESTS = "osor.collection: Send digests"


def granted(portal, permission) -> list[str]:
    return sorted(entry["name"] for entry in portal.rolesOfPermission(permission) if entry["selected"])


def as_at_1003(portal):
    """The site as profile 1003 left it: no action, no roles for the permission, no ring."""
    portal.portal_actions.user.manage_delObjects(["osor_my_subscriptions"])
    identifier = getPermissionIdentifier(SEND_DIGESTS)
    if identifier in portal.__dict__:
        delattr(portal, identifier)
    manager = getUtility(IKeyManager)
    if RING in manager:
        del manager[RING]
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1003")


def test_a_site_at_1003_gets_my_subscriptions_the_digest_permission_and_the_secret(manager):
    as_at_1003(manager)
    assert get_installer(manager).upgrade_product("osor.collection")
    assert "osor_my_subscriptions" in manager.portal_actions.user.objectIds()
    assert granted(manager, SEND_DIGESTS) == ["Manager", "Site Administrator"]
    assert RING in getUtility(IKeyManager)
    assert api.portal.get_tool("portal_setup").getLastVersionForProfile(PROFILE) == ("1006",)


def test_the_step_keeps_what_an_administrator_changed(manager):
    manager.portal_actions.user.osor_my_subscriptions.manage_changeProperties(title="Alerts", visible=False)
    manager.manage_permission(SEND_DIGESTS, roles=["Manager"], acquire=False)
    ring = getUtility(IKeyManager).get(RING, None)
    upgrade()
    action = manager.portal_actions.user.osor_my_subscriptions
    assert (action.title, action.visible) == ("Alerts", False)
    assert granted(manager, SEND_DIGESTS) == ["Manager"]
    if ring is not None:
        assert getUtility(IKeyManager)[RING] is ring
