"""Our roles, known to the site's PAS role manager.

``rolemap.xml`` declares the roles on the site (``__ac_roles__``) only.
Plone's role manager adds any role it does not know the first time
*Users and Groups* lists roles (``updateRolesList``): a database write on a
GET, which plone.protect refuses with its "Confirming User Action" page.
Registering them at install time avoids that; uninstalling removes them
from both places (and every assignment of them).
"""

from plone import api


OUR_ROLES = {
    "Collection Member": "Member of a community collection (held through its group)",
    "Collection Author": "Author in a community collection (held through its group)",
    "Collection Facilitator": "Facilitator of a community collection (held through its group)",
    "Collection Owner": "Owner of a community collection (held through its group)",
    "Site Moderator": "Moderates community collections site-wide",
    "Legal Expert": "Answers legal requests site-wide (held through the Legal experts group)",
}


def _role_manager():
    return api.portal.get_tool("acl_users").portal_role_manager


def register_roles() -> None:
    """Add our roles to the PAS role manager (idempotent)."""
    manager = _role_manager()
    known = set(manager.listRoleIds())
    for role, description in OUR_ROLES.items():
        if role not in known:
            manager.addRole(role, title=role, description=description)


def remove_roles() -> None:
    """Remove our roles from the role manager and from the site."""
    manager = _role_manager()
    known = set(manager.listRoleIds())
    for role in OUR_ROLES:
        if role in known:
            manager.removeRole(role)
    portal = api.portal.get()
    remaining = tuple(role for role in portal.__ac_roles__ if role not in OUR_ROLES)
    if remaining != tuple(portal.__ac_roles__):
        portal.__ac_roles__ = remaining
