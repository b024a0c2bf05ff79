"""Existing sites get *My contributions* in the user menu (#25).

Only that action is added: the other actions of the profile stay as a
site administrator may have changed them. The collection's calls to
action, its *Add new…* menu and the item notices need no profile change.
"""

from plone import api
from Products.CMFCore.ActionInformation import Action


ACTION_ID = "osor_my_contributions"


def add_my_contributions_action(context=None):
    """Add the ``user`` action ``osor_my_contributions`` unless it exists (idempotent)."""
    category = api.portal.get_tool("portal_actions").user
    if ACTION_ID in category.objectIds():
        return
    category._setObject(
        ACTION_ID,
        Action(
            ACTION_ID,
            title="My contributions",
            description="Your drafts, proposals, changes waiting for approval and legal questions.",
            i18n_domain="osor.collection",
            url_expr="string:${portal_url}/@@my-contributions",
            available_expr="",
            permissions=("Set own properties",),
            visible=True,
        ),
    )
