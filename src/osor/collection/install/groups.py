"""The per-collection groups (``osor-<uuid>-<role>s``, see membership/roles.py).

Uninstalling removes them: without our roles they would grant nothing and
clutter *Users and Groups*. Memberships are therefore not kept across an
uninstall.
"""

from plone import api

import re


COLLECTION_GROUP = re.compile(r"^osor-[0-9a-f]{32}-(members|authors|facilitators|owners)$")


def collection_group_ids() -> list[str]:
    return [
        group_id for group_id in api.portal.get_tool("portal_groups").getGroupIds() if COLLECTION_GROUP.match(group_id)
    ]


def remove_collection_groups() -> list[str]:
    """Delete every collection group; return their ids."""
    removed = collection_group_ids()
    if removed:
        api.portal.get_tool("portal_groups").removeGroups(removed)
    return removed
