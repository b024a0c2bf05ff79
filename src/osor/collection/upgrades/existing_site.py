"""Upgrade of sites that installed osor.collection before issue #20.

Idempotent: registers our roles with the PAS role manager (Users and Groups
no longer writes on GET), shows our folderish types in the navigation,
renames the types "Community collection" and "Community event" (types
step of the default profile) and indexes existing content in our indexes.
The comment setting from before the first install cannot be known any
more: uninstalling such a site leaves comments as they are.
"""

from osor.collection.install import navigation
from osor.collection.install import our_content
from osor.collection.install import roles


PROFILE = "profile-osor.collection:default"


def upgrade(context) -> None:
    """Bring a site installed before #20 in line with a fresh install."""
    context.runImportStepFromProfile(PROFILE, "typeinfo")
    roles.register_roles()
    navigation.show_in_navigation()
    our_content.reindex_our_content()
