"""Repair: our types whose content is translated are translatable again.

Until profile 1003 the 1000 -> 1001 steps re-imported the whole ``typeinfo``
step, which reset every type's behaviors to the profile's list. On a
multilingual site that took ``plone.translatable`` (which plone.app.multilingual
gives every type when it is installed) from releases and distributions:
their translations stayed in the database, and ``@translations`` on them
answered 500. This step gives the behavior back to each of our types that
has translated content and lost it. Other behaviors the old steps removed
cannot be known any more; a type whose content was never translated is
left as it is.
"""

from Acquisition import aq_base
from osor.collection.install.types import add_behavior
from osor.collection.install.types import our_types
from plone import api

import logging


logger = logging.getLogger(__name__)

BEHAVIOR = "plone.translatable"
# Where plone.app.multilingual keeps an item's translation group.
TRANSLATION_GROUP_ATTRIBUTE = "_plone.tg"


def _has_translated_content(catalog, portal_type: str) -> bool:
    for brain in catalog.unrestrictedSearchResults(portal_type=portal_type):
        obj = brain._unrestrictedGetObject()
        if obj is not None and getattr(aq_base(obj), TRANSLATION_GROUP_ATTRIBUTE, None):
            return True
    return False


def restore_translatable_behavior(context=None) -> list[str]:
    """Add ``plone.translatable`` back to our types that lost it while
    their content has translation groups; return the types changed.

    Idempotent: a type that has the behavior is left alone.
    """
    fti_of = api.portal.get_tool("portal_types").getTypeInfo
    catalog = api.portal.get_tool("portal_catalog")
    restored = [
        type_id
        for type_id in our_types()
        if fti_of(type_id) is not None
        and BEHAVIOR not in fti_of(type_id).behaviors
        and _has_translated_content(catalog, type_id)
        and add_behavior(type_id, BEHAVIOR)
    ]
    for type_id in restored:
        logger.warning("%s: the %s behavior, lost by an earlier upgrade, is back.", type_id, BEHAVIOR)
    return restored
