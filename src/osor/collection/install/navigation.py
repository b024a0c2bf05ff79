"""Our folderish types in the navigation and the sitemap.

Plone lists only the types of ``plone.displayed_types`` there; without ours
a collection was missing from the global navigation and the sitemap.
"""

from osor.collection.install.types import folderish_types
from plone import api


RECORD = "plone.displayed_types"


def show_in_navigation() -> None:
    displayed = tuple(api.portal.get_registry_record(RECORD))
    missing = tuple(t for t in folderish_types() if t not in displayed)
    if missing:
        api.portal.set_registry_record(RECORD, displayed + missing)


def hide_from_navigation() -> None:
    displayed = tuple(api.portal.get_registry_record(RECORD))
    kept = tuple(t for t in displayed if t not in folderish_types())
    if kept != displayed:
        api.portal.set_registry_record(RECORD, kept)
