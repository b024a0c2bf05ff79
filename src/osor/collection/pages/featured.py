"""Items a facilitator pins on the collection homepage ("featured").

The pin belongs to the item and all its translations: a visitor reading
in French sees the same featured items as one reading in English. The
state is indexed (``osor_featured``, index and metadata) so the homepage
sorts its cards from the catalog without waking objects.
"""

from . import translations
from Acquisition import aq_base
from osor.collection.interfaces import ICommunityContent
from plone.indexer import indexer


def is_featured(obj) -> bool:
    return bool(getattr(aq_base(obj), "osor_featured", False))


def set_featured(obj, featured: bool) -> None:
    """Pin (or unpin) ``obj`` and its translations, and reindex them."""
    items = {id(obj): obj}
    for translation in translations.all_translations(obj).values():
        items[id(translation)] = translation
    for item in items.values():
        item.osor_featured = bool(featured)
        item.reindexObject(idxs=["osor_featured"])


@indexer(ICommunityContent)
def featured_indexer(obj):
    return is_featured(obj)
