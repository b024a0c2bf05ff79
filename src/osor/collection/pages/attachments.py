"""The files and images filed in an item, as its page lists them.

Read from the item's own children (a handful), not from a catalog query:
a query filtered on the visitor's roles and on the effective dates
intersects sets as large as the site, so the page loaded more objects and
got slower as the site grew (``make bench``, #17). The catalog is used only
for the metadata (image scales, card facts), looked up by UID alone.
"""

from . import cards
from DateTime import DateTime
from plone import api


INACTIVE = "Access inactive portal content"


def visible_children(container, portal_types) -> list:
    """The children of ``container`` of ``portal_types`` the visitor may
    view, in their order in the folder; not-yet-effective and expired ones
    only for those allowed to see inactive content (as the catalog does)."""
    now = DateTime()
    return [item for item in container.contentValues() if item.portal_type in portal_types and is_visible(item, now)]


def is_visible(item, now=None) -> bool:
    """What a catalog search would let the visitor find: viewable, and in
    effect unless they may see inactive content."""
    if not api.user.has_permission("View", obj=item):
        return False
    now = now or DateTime()
    in_effect = item.effective() <= now and not item.expires() <= now
    return in_effect or api.user.has_permission(INACTIVE, obj=item)


def brains_by_uid(items) -> dict:
    """The catalog brains of ``items`` (already checked as visible), by UID,
    looked up in the UID index alone."""
    catalog = api.portal.get_tool("portal_catalog")
    uids = [item.UID() for item in items]
    return {brain.UID: brain for brain in catalog.unrestrictedSearchResults(UID=uids)}


def attachments(container, portal_types) -> list[dict]:
    """``title``, ``url``, ``download`` and ``image`` (scale metadata or
    None) of the visible files or images in ``container``."""
    items = visible_children(container, portal_types)
    if not items:
        return []
    brains = brains_by_uid(items)
    found = []
    for item in items:
        url = item.absolute_url()
        brain = brains.get(item.UID())
        found.append({
            "title": item.Title(),
            "url": url,
            "download": f"{url}/@@download/file",
            "image": cards.image_scale(brain, "image", "preview") if brain is not None else None,
        })
    return found
