"""The collection in the navigation; its items are not.

Plone lists only the types of ``plone.displayed_types`` in the global
navigation (the header, ``navigation_depth`` levels deep), the navigation
portlet, the HTML sitemap and ``@navigation``. Without the collection there
a collection was missing from them.

Its items (solutions, their releases, case studies) are not listed: a
collection holds thousands of them, and Plone's navigation lists a folder's
displayed children flat, on every page below the navigation root. With them
in the list, a solution page carried a link to each of its siblings (782 KB
at 1,000 solutions) and cost more as the collection grew (``make bench``).
Visitors reach items through the collection's own pages and search; a site
administrator may still add a type in the Navigation control panel.
"""

from osor.collection.install.types import our_types
from plone import api


RECORD = "plone.displayed_types"
NAVIGATION_TYPES = ("community_collection",)


def show_in_navigation() -> None:
    """Add the collection to the displayed types unless it is there."""
    displayed = tuple(api.portal.get_registry_record(RECORD))
    missing = tuple(t for t in NAVIGATION_TYPES if t not in displayed)
    if missing:
        api.portal.set_registry_record(RECORD, displayed + missing)


def hide_items_from_navigation() -> tuple[str, ...]:
    """Take our item types out of the displayed types (the collection
    stays); return the types taken out."""
    return _remove_from_navigation(t for t in our_types() if t not in NAVIGATION_TYPES)


def hide_from_navigation() -> None:
    """Take all our types out of the displayed types (uninstall)."""
    _remove_from_navigation(our_types())


def _remove_from_navigation(type_ids) -> tuple[str, ...]:
    removed = set(type_ids)
    displayed = tuple(api.portal.get_registry_record(RECORD))
    kept = tuple(t for t in displayed if t not in removed)
    if kept != displayed:
        api.portal.set_registry_record(RECORD, kept)
    return tuple(t for t in displayed if t in removed)
