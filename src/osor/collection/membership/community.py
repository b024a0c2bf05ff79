"""Which collection a community lives in: one community across translations.

A collection and its translations (one plone.app.multilingual translation
group) are one community: the same members, roles, pending requests and
settings. The *canonical* collection of the group, its oldest collection,
carries the community: its groups (``roles.group_id``) hold the local roles
on every translation, and its annotations hold the pending requests. The
membership functions take any translation and resolve the community here,
so a member of the English collection is a member of its French and German
translations.

This module only resolves; ``translations`` keeps a translation group one
community when translations are added, linked, unlinked or removed.
"""

from plone import api
from plone.app.multilingual.interfaces import ITG
from plone.uuid.interfaces import IUUID


COLLECTION_TYPE = "community_collection"


def translations_of(collection) -> list:
    """The collections of ``collection``'s translation group, ``collection``
    included, canonical (oldest) first.

    On a site without plone.app.multilingual, or for a collection without
    translations, that is ``[collection]``.
    """
    found = {IUUID(collection): collection}
    group = ITG(collection, None)
    catalog = api.portal.get_tool("portal_catalog")
    # Without pam's index, a query on it would ignore it and find every collection.
    if group and "TranslationGroup" in catalog.indexes():
        for brain in catalog.unrestrictedSearchResults(TranslationGroup=group, portal_type=COLLECTION_TYPE):
            if brain.UID not in found:
                found[brain.UID] = brain._unrestrictedGetObject()
    return sorted(found.values(), key=_age)


def _age(collection):
    # The UID breaks ties between collections created in the same instant.
    return (collection.created(), IUUID(collection))


def community_of(collection):
    """The canonical collection of ``collection``'s community (maybe itself)."""
    return translations_of(collection)[0]
