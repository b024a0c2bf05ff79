"""How a collection's settings and workflow state become permissions.

The collection workflow manages viewing, editing, joining and member
management. What depends on the settings (who creates, who publishes
without moderation, whether authors delete their published content) is
set here, on the collection, and acquired by its content: changing a
setting takes effect at once for existing content and members.
"""

from osor.collection.permissions import ADD_COMMUNITY_CONTENT
from osor.collection.permissions import ADD_PORTAL_CONTENT
from osor.collection.permissions import DELETE_OBJECTS
from osor.collection.permissions import PUBLISH_DIRECTLY
from plone import api


ADMINISTRATORS = ["Manager", "Site Administrator", "Site Moderator"]

# Who deletes the collection itself: not its facilitators or owners, who
# request deletion or archival instead (collection workflow).
COLLECTION_DELETERS = ["Manager", "Site Administrator"]

# Who may create content, per value of the "content creation" setting.
CREATORS = {
    "any_user": ["Authenticated"],
    "only_members": ["Collection Member"],
    "facilitators_and_authors": ["Collection Author"],
}

# The "content creation" values from the widest circle of creators to the
# narrowest: every collection author is a member, every member a user.
CONTENT_CREATION_WIDEST_FIRST = ("any_user", "only_members", "facilitators_and_authors")

# The participation settings, each held by every translation of a collection.
SETTINGS = ("closed", "content_creation", "moderated")

ADD_PERMISSIONS = [ADD_PORTAL_CONTENT, *ADD_COMMUNITY_CONTENT]


def is_archived(collection) -> bool:
    return api.content.get_state(collection, default=None) == "archived"


def participation_permissions(collection) -> dict[str, list[str]]:
    """Permission -> roles, derived from the collection's settings and state."""
    if is_archived(collection):
        frozen = {permission: ["Manager"] for permission in ADD_PERMISSIONS}
        frozen[PUBLISH_DIRECTLY] = ["Manager"]
        frozen[DELETE_OBJECTS] = ["Manager"]
        return frozen
    creators = CREATORS[collection.content_creation or "only_members"]
    trusted = ["Collection Author"] if collection.moderated else [*creators, "Collection Author"]
    permissions = dict.fromkeys(ADD_PERMISSIONS, ADMINISTRATORS + creators)
    permissions[PUBLISH_DIRECTLY] = ADMINISTRATORS + trusted
    # "Delete objects" set here is checked on the collection itself (Plone's
    # delete form, REST DELETE_OBJECTS; and moving content out of it, which Zope
    # checks on the source container) and, acquired, on published content
    # and the releases, files… under it, whose own maps (community workflow)
    # already name facilitators and site moderators. So it names only who
    # deletes the collection, plus "Owner" in an unmoderated collection: on
    # content, Owner is its author, who then deletes her own published work;
    # on the collection nobody holds Owner, as ownership of a collection is a
    # membership (remove_local_owner_role). Authors of a moderated collection
    # request deletion instead of deleting.
    owners_delete = [] if collection.moderated else ["Owner"]
    permissions[DELETE_OBJECTS] = COLLECTION_DELETERS + owners_delete
    return permissions


def settings_of(collection) -> dict:
    """The participation settings of ``collection``, unset ones as their defaults."""
    return {
        "closed": bool(getattr(collection, "closed", False)),
        "content_creation": getattr(collection, "content_creation", None) or "only_members",
        "moderated": bool(getattr(collection, "moderated", True)),
    }


def strictest_settings(collections) -> dict:
    """The strictest value of each setting among ``collections``: closed
    beats open, moderated beats unmoderated, and the narrowest content
    creation wins. What one collection's community agreed to never
    loosens when it becomes one community with others."""
    found = [settings_of(collection) for collection in collections]
    return {
        "closed": any(each["closed"] for each in found),
        "content_creation": max(
            (each["content_creation"] for each in found),
            key=_narrowness,
        ),
        "moderated": any(each["moderated"] for each in found),
    }


def _narrowness(content_creation: str) -> int:
    if content_creation in CONTENT_CREATION_WIDEST_FIRST:
        return CONTENT_CREATION_WIDEST_FIRST.index(content_creation)
    # A value this code does not know: do not let it win over a known one.
    return -1


def apply_participation_settings(collection) -> None:
    """Set the settings-derived permissions on ``collection``."""
    for permission, roles in participation_permissions(collection).items():
        collection.manage_permission(permission, roles=sorted(set(roles)), acquire=False)


def remove_local_owner_role(collection) -> None:
    """Take Plone's local Owner role on ``collection`` away from its holders.

    Plone gives it to whoever creates the collection; here ownership of a
    collection is the owners group (``Collection Owner``), and "Owner" on
    the collection would let its creator delete it, as it names authors in
    ``participation_permissions`` (and the creator would be Owner of every
    item in the collection, by acquisition).
    """
    holders = [principal for principal, roles in collection.get_local_roles() if "Owner" in roles]
    for principal in holders:
        roles = [role for role in collection.get_local_roles_for_userid(principal) if role != "Owner"]
        if roles:
            collection.manage_setLocalRoles(principal, roles)
        else:
            collection.manage_delLocalRoles([principal])
    if holders:
        collection.reindexObjectSecurity()
