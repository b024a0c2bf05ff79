"""Existing sites: our item types out of the navigation (#27).

Until 1003 the install put every folderish type of ours (solutions,
releases, case studies) in ``plone.displayed_types``, so Plone's global
navigation and navigation portlet listed every solution of a collection on
every page. Only those types leave the list; the collection and the types
a site administrator chose stay, and no content is touched.
"""

from osor.collection import logger
from osor.collection.install import navigation


def hide_items_from_navigation(context=None) -> None:
    removed = navigation.hide_items_from_navigation()
    if removed:
        logger.info("Navigation: no longer lists %s", ", ".join(removed))
