"""Existing content of our types, across install, uninstall and re-install.

Install (and re-install) fills our ``osor_*`` indexes and metadata for the
content that already exists: only our types, only our indexes, so a large
site is not reindexed as a whole.

Uninstall leaves the content in the site, but as plain folders (folderish
types) and pages (the others): without its type, an object answered
"No layout found" (500), even to anonymous visitors, and its folder contents
failed. Its fields stay on the object, its state and permissions as they were;
the local roles of our roles go with the roles. A marker interface
remembers the content, so re-installing turns it back into our types.
"""

from Acquisition import aq_base
from osor.collection.install.roles import OUR_ROLES
from osor.collection.install.types import is_folderish
from osor.collection.install.types import our_type_classes
from osor.collection.install.types import our_types
from plone import api
from zope.interface import alsoProvides
from zope.interface import Interface
from zope.interface import noLongerProvides


PLAIN_FOLDER = "Folder"
PLAIN_PAGE = "Document"


class IUninstalledContent(Interface):
    """Content of one of our types, kept as a plain folder or page while
    osor.collection is uninstalled."""


def our_indexes() -> list[str]:
    catalog = api.portal.get_tool("portal_catalog")
    return [name for name in catalog.indexes() if name.startswith("osor_")]


def _objects(**query):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(**query):
        obj = brain._unrestrictedGetObject()
        if obj is not None:
            yield obj


def reindex_keeping_date(obj, idxs=None) -> None:
    """Reindex ``obj`` in ``idxs`` (default: every index) and its metadata,
    keeping its modification date: a plain ``reindexObject()`` dates the
    object "now", as if an editor had changed it."""
    indexes = list(idxs) if idxs else api.portal.get_tool("portal_catalog").indexes()
    obj.reindexObject(idxs=indexes)


def reindex_our_content() -> int:
    """Index existing content of our types in our indexes; return how many."""
    indexes = our_indexes()
    count = 0
    for obj in _objects(portal_type=list(our_types())):
        reindex_keeping_date(obj, indexes)
        count += 1
    return count


def _without_our_local_roles(obj) -> None:
    changed = False
    for principal, roles in obj.get_local_roles():
        kept = [role for role in roles if role not in OUR_ROLES]
        if kept == list(roles):
            continue
        obj.manage_delLocalRoles([principal])
        if kept:
            obj.manage_setLocalRoles(principal, kept)
        changed = True
    if changed:
        obj.reindexObjectSecurity()


def keep_as_plain_content() -> list[str]:
    """Turn content of our types into plain folders and pages; return their paths."""
    portal_types = api.portal.get_tool("portal_types")
    if PLAIN_FOLDER not in portal_types or PLAIN_PAGE not in portal_types:
        return []
    kept = []
    for obj in _objects(portal_type=list(our_types())):
        obj.portal_type = PLAIN_FOLDER if is_folderish(obj.portal_type) else PLAIN_PAGE
        alsoProvides(obj, IUninstalledContent)
        _without_our_local_roles(obj)
        reindex_keeping_date(obj)
        kept.append("/".join(obj.getPhysicalPath()))
    return kept


def restore_our_types() -> list[str]:
    """Turn the content kept by ``keep_as_plain_content`` back into our types."""
    type_of_class = {dotted: type_id for type_id, dotted in our_type_classes().items()}
    restored = []
    for obj in _objects(object_provides=IUninstalledContent.__identifier__):
        cls = type(aq_base(obj))
        type_id = type_of_class.get(f"{cls.__module__}.{cls.__name__}")
        if type_id is None:
            continue
        obj.portal_type = type_id
        noLongerProvides(obj, IUninstalledContent)
        reindex_keeping_date(obj)
        restored.append("/".join(obj.getPhysicalPath()))
    return restored
