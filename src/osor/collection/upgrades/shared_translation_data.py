"""Upgrade: the facts that translations share, filled in on existing translations.

Since 1004 an event's organiser, contact, place, link and recurrence, the
contact points of solutions and collections and a competence centre's
region and postal address are language-independent: plone.app.multilingual
copies them from the edited translation to the others. Translations made
before did not get them (a French event had no organiser, no e-mail). This
step gives every translation the values of its original (the oldest item of
its translation group) where the translation has none; a translation
holding a value of its own keeps it and is logged, so nothing typed is lost.
Modification dates are kept.
"""

from osor.collection import logger
from osor.collection.behaviors.event_facts import SHARED_EVENT_FIELDS
from plone import api
from plone.dexterity.utils import iterSchemata


# (portal type, field name) made language-independent in 1004.
NEWLY_SHARED = {
    "community_event": {"organiser", *(name for _schema, name in SHARED_EVENT_FIELDS)},
    "software_solution": {"contact_points"},
    "community_collection": {"contact_points"},
    "competence_centre": {"region", "postal_address"},
}
# What the catalog holds of those fields.
INDEXES = ("location", "SearchableText")


def _field_adapters(obj, names: set):
    for schema in iterSchemata(obj):
        for name in schema:
            if name in names:
                yield name, schema


def _groups(portal_type: str) -> dict[str, list]:
    """The items of ``portal_type`` that have translations, by translation group."""
    groups: dict[str, list] = {}
    for brain in api.content.find(portal_type=portal_type, unrestricted=True):
        group = getattr(brain, "TranslationGroup", None)
        if group:
            groups.setdefault(group, []).append(brain._unrestrictedGetObject())
    return {group: items for group, items in groups.items() if len(items) > 1}


def fill_shared_fields_of_translations(context=None) -> int:
    """Copy the newly shared values from each original into its translations
    that lack them; return the number of translations changed."""
    changed = 0
    for portal_type, names in NEWLY_SHARED.items():
        for items in _groups(portal_type).values():
            items.sort(key=lambda obj: obj.created())
            original, translations = items[0], items[1:]
            for translation in translations:
                if _fill(original, translation, names):
                    translation.reindexObject(idxs=INDEXES)  # keeps the modification date
                    changed += 1
    logger.info("Shared translation data: %d translations filled in", changed)
    return changed


def _fill(original, translation, names: set) -> bool:
    filled = False
    for name, schema in _field_adapters(original, names):
        value = getattr(schema(original), name, None)
        own = getattr(schema(translation), name, None)
        if not value or own == value:
            continue
        if own:
            logger.warning(
                "Shared translation data: %s keeps its own %s (%r; the original %s has %r)",
                "/".join(translation.getPhysicalPath()),
                name,
                own,
                "/".join(original.getPhysicalPath()),
                value,
            )
            continue
        setattr(schema(translation), name, value)
        filled = True
    return filled
