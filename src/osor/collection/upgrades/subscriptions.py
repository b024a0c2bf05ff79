"""1003 → 1004: subscriptions and digests (#29 §1).

Adds only what the feature brings: the user action *My subscriptions*
(unless the site has it), the roles of the *Send digests* permission (set
only when the site never set them) and the secret ring of the unsubscribe
links. The "Follow this collection" box stored nothing (its feeds are
links), so there is nothing to migrate; subscriptions start empty.
"""

from AccessControl.Permission import getPermissionIdentifier
from Acquisition import aq_base
from osor.collection.permissions import SEND_DIGESTS
from osor.collection.subscriptions.tokens import ensure_ring
from plone import api
from Products.CMFCore.ActionInformation import Action


ACTION_ID = "osor_my_subscriptions"
SEND_DIGESTS_ROLES = ("Manager", "Site Administrator")


def add_my_subscriptions_action() -> None:
    category = api.portal.get_tool("portal_actions").user
    if ACTION_ID in category.objectIds():
        return
    category._setObject(
        ACTION_ID,
        Action(
            ACTION_ID,
            title="My subscriptions",
            description="The collections, solutions and searches you get e-mails about.",
            i18n_domain="osor.collection",
            url_expr="string:${portal_url}/@@my-subscriptions",
            available_expr="",
            permissions=("Set own properties",),
            visible=True,
        ),
    )


def grant_send_digests() -> None:
    portal = api.portal.get()
    if getPermissionIdentifier(SEND_DIGESTS) in aq_base(portal).__dict__:
        return  # set on this site already: as an administrator wants it
    portal.manage_permission(SEND_DIGESTS, roles=list(SEND_DIGESTS_ROLES), acquire=True)


def upgrade(context=None) -> None:
    add_my_subscriptions_action()
    grant_send_digests()
    ensure_ring()
