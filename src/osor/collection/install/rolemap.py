"""Single entries of ``profiles/default/rolemap.xml``, for upgrades.

Re-importing the ``rolemap`` step sets the role map of every permission the
profile names, undoing what a site administrator changed since (who may add
collections, say). An upgrade that brings a new permission sets that one
only, and adds the profile's roles the site lacks.
"""

from lxml import etree
from pathlib import Path
from plone import api


ROLEMAP = Path(__file__).parent.parent / "profiles" / "default" / "rolemap.xml"


def grant_as_in_profile(*permissions: str) -> None:
    """Add the profile's roles missing on the site, and give each of
    ``permissions`` the roles (and acquisition) the profile gives it; the
    site's other permissions are left as they are. Idempotent."""
    portal = api.portal.get()
    root = etree.parse(str(ROLEMAP)).getroot()
    for role in root.iterfind("roles/role"):
        if role.get("name") not in portal.validRoles():
            portal._addRole(role.get("name"))
    for permission in root.iterfind("permissions/permission"):
        if permission.get("name") not in permissions:
            continue
        portal.manage_permission(
            permission.get("name"),
            roles=[role.get("name") for role in permission.iterfind("role")],
            acquire=permission.get("acquire", "False").lower() in ("true", "1", "yes"),
        )
