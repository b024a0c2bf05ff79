"""Upgrade of sites that installed osor.collection before issue #20.

Idempotent: registers our roles with the PAS role manager (Users and Groups
no longer writes on GET), shows our folderish types in the navigation,
renames the types "Collection" and "Event" to "Community collection" and
"Community event" (unless a site administrator renamed them: only the
titles change, never the behaviors or views of the types) and indexes
existing content in our indexes, keeping its modification dates.
The comment setting from before the first install cannot be known any
more: uninstalling such a site leaves comments as they are.
"""

from osor.collection.install import navigation
from osor.collection.install import our_content
from osor.collection.install import roles
from osor.collection.install.types import retitle_type


# Type id -> its title before #20, its title since.
RENAMED_TYPES = {
    "community_collection": ("Collection", "Community collection"),
    "community_event": ("Event", "Community event"),
}


def upgrade(context=None) -> None:
    """Bring a site installed before #20 in line with a fresh install."""
    for type_id, (old_title, new_title) in RENAMED_TYPES.items():
        retitle_type(type_id, old_title, new_title)
    roles.register_roles()
    navigation.show_in_navigation()
    our_content.reindex_our_content()
