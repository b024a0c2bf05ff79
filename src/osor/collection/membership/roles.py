"""Membership roles, and the Plone groups that carry them on a collection.

Each community (a collection and its translations: see ``community``) has
one group per membership role, holding local roles on every translation.
Because a membership is a group membership, the Sharing tab shows it,
permission checks and catalog security (``allowedRolesAndUsers`` holds
``group:…``) work natively, and a membership change needs no reindex.
"""

from osor.collection import _
from osor.collection.membership.community import community_of
from plone import api
from plone.uuid.interfaces import IUUID


# Membership roles, from least to most trusted. Each role's group holds the
# local roles of the roles below it too, so permission maps name only the
# least role that suffices ("Collection Member" covers every member).
MEMBERSHIP_ROLES = ("member", "author", "facilitator", "owner")

LOCAL_ROLES = {
    "member": ["Collection Member"],
    "author": ["Collection Member", "Collection Author"],
    "facilitator": ["Collection Member", "Collection Author", "Collection Facilitator"],
    "owner": [
        "Collection Member",
        "Collection Author",
        "Collection Facilitator",
        "Collection Owner",
    ],
}

ROLE_TITLES = {
    "member": _("role_member", default="Member"),
    "author": _("role_author", default="Author"),
    "facilitator": _("role_facilitator", default="Facilitator"),
    "owner": _("role_owner", default="Owner"),
}

GROUP_TITLES = {
    "member": "{title}: members",
    "author": "{title}: authors",
    "facilitator": "{title}: facilitators",
    "owner": "{title}: owners",
}


def group_id(collection, role: str) -> str:
    """The id of the group carrying ``role`` on ``collection`` and its translations."""
    return own_group_id(community_of(collection), role)


def own_group_id(collection, role: str) -> str:
    """The id of the group ``collection`` holds for ``role`` as a canonical collection."""
    if role not in MEMBERSHIP_ROLES:
        raise ValueError(f"Unknown membership role {role!r}")
    return f"osor-{IUUID(collection)}-{role}s"


def create_groups(collection) -> None:
    """Create the collection's groups and give them their local roles."""
    for role in MEMBERSHIP_ROLES:
        gid = group_id(collection, role)
        if api.group.get(groupname=gid) is None:
            api.group.create(
                groupname=gid,
                title=GROUP_TITLES[role].format(title=community_of(collection).Title()),
            )
        collection.manage_setLocalRoles(gid, LOCAL_ROLES[role])
    collection.reindexObjectSecurity()


def delete_groups(collection) -> None:
    """Delete the groups ``collection`` holds as a canonical collection."""
    for role in MEMBERSHIP_ROLES:
        gid = own_group_id(collection, role)
        if api.group.get(groupname=gid) is not None:
            api.group.delete(groupname=gid)


def group_members(collection, role: str) -> list[str]:
    """User ids directly in the group of ``role``."""
    return own_group_members(community_of(collection), role)


def own_group_members(collection, role: str) -> list[str]:
    """User ids directly in the group ``collection`` holds for ``role``."""
    group = api.portal.get_tool("portal_groups").getGroupById(own_group_id(collection, role))
    return list(group.getMemberIds()) if group is not None else []
