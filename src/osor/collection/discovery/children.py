"""The children of a container a visitor may find, from the catalog's records.

plone.restapi lists a folder's ``items`` with a catalog search restricted to
the visitor's roles and the effective dates: the catalog intersects the
children with the sets of ``allowedRolesAndUsers`` and ``effectiveRange``,
which hold every published item of the site, so serialising a solution with
one release loaded more objects the larger the site (``make bench``, #27).

Here the container's own ids give the candidates, each is looked up by path
and checked against the visitor's roles and the dates in the indexes'
entries for that one record, exactly as the restricted search filters them.
The cost grows with the container's children, never with the site, no
content object is woken, and only the records of the batch shown become
brains (``LazyMap``).
"""

from DateTime import DateTime
from plone import api
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.utils import _getAuthenticatedUser
from ZTUtils.Lazy import LazyMap


def visible_children(container) -> LazyMap:
    """The catalog brains of the children of ``container`` the current user
    may find, in their order in the folder, made only when read."""
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    records = catalog._catalog
    path = "/".join(container.getPhysicalPath())
    found = [records.uids.get(f"{path}/{child_id}") for child_id in container.objectIds()]
    is_visible = visibility_check(catalog)
    shown = [record for record in found if record is not None and is_visible(record)]
    return LazyMap(records.__getitem__, shown, len(shown))


def visibility_check(catalog):
    """A function telling whether the current user's restricted search would
    find a record: one of their roles or ids is allowed and, unless they may
    see inactive content, the record is in effect now."""
    allowed_entry = catalog._catalog.getIndex("allowedRolesAndUsers").getEntryForObject
    allowed = set(catalog._listAllowedRolesAndUsers(_getAuthenticatedUser(catalog)))
    if catalog.allow_inactive({}):
        return lambda record: not allowed.isdisjoint(allowed_entry(record, ()))
    effective_range = catalog._catalog.getIndex("effectiveRange")
    now = effective_range._convertDateTime(DateTime())

    def in_effect(record) -> bool:
        since, until = effective_range.getEntryForObject(record, (None, None))
        return (since is None or since <= now) and (until is None or now <= until)

    return lambda record: not allowed.isdisjoint(allowed_entry(record, ())) and in_effect(record)
