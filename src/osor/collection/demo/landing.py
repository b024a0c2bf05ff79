"""The demo's landing page: each language root shows the observatory.

A visitor of ``/Plone`` is sent to the root folder of their language
(``/en``, ``/fr``...: plone.app.multilingual), which would otherwise be an
empty folder listing. The collection of that language becomes the root's
default page, so the visitor lands on the collection's homepage (its
default view) without an extra click, and the address stays ``/en``.
"""

from osor.collection import logger
from osor.collection.content.community_collection import ICommunityCollection
from plone.app.multilingual.interfaces import ILanguageRootFolder


def show_the_collection_on_language_roots(site) -> list:
    """Make the only collection of each language root its default page,
    unless the root already has one (an editor's choice is kept); return
    the roots changed. Idempotent."""
    changed = []
    for root in site.objectValues():
        if not ILanguageRootFolder.providedBy(root) or root.getProperty("default_page", None):
            continue
        collections = [obj for obj in root.objectValues() if ICommunityCollection.providedBy(obj)]
        if len(collections) == 1:
            root.setDefaultPage(collections[0].getId())
            changed.append(root)
    logger.info("The collection is the landing page of %d language roots", len(changed))
    return changed
