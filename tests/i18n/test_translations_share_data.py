"""Translations keep the data that does not depend on the language.

Every field marked language-independent (plone.app.multilingual's
``ILanguageIndependentField``: our ``languageindependent`` directives and
plone.app.event's facts marked in behaviors/event_facts.py) holds the same
value on every translation of every item of the demo site; an event's
organiser and contact reach its French and German pages.
"""

from osor.collection.testing import DEMO_SITE_ANSWERS
from osor.collection.upgrades.shared_translation_data import fill_shared_fields_of_translations
from plone import api
from plone.app.multilingual.dx.interfaces import ILanguageIndependentField
from plone.app.multilingual.interfaces import ITranslationManager
from plone.dexterity.utils import iterSchemata
from z3c.relationfield.interfaces import IRelationList
from z3c.relationfield.interfaces import IRelationValue
from zope.lifecycleevent import modified

import pytest


ANSWERS = {**DEMO_SITE_ANSWERS, "site_id": "osor_translations", "title": "OSOR"}

# What a visitor of an event's translation must still find.
EVENT_FACTS = {"organiser", "organiser_type", "contact_name", "contact_email", "contact_phone", "event_url",
               "location", "recurrence", "start", "end", "whole_day", "open_end", "registration_url",
               "virtual_location"}  # fmt: skip


@pytest.fixture(scope="class")
def translated_demo_site(app_class, create_site):
    return create_site(app_class, ANSWERS)


def language_independent_fields(obj) -> dict:
    """{field name: (schema, field)} of every language-independent field of ``obj``."""
    return {
        name: (schema, schema[name])
        for schema in iterSchemata(obj)
        for name in schema
        if ILanguageIndependentField.providedBy(schema[name])
    }


def comparable(value, field):
    """A value as translations share it: a relation by the translation group of its target."""
    if IRelationValue.providedBy(value):
        return ITranslationManager(value.to_object).tg if value.to_object is not None else None
    if IRelationList.providedBy(field):
        return [comparable(relation, None) for relation in value or ()]
    return value


def differences(original, translation) -> dict:
    found = {}
    for name, (schema, field) in language_independent_fields(original).items():
        mine = comparable(getattr(schema(original), name, None), field)
        theirs = comparable(getattr(schema(translation), name, None), field)
        if mine != theirs:
            found[name] = (mine, theirs)
    return found


def translated_items(translated_demo_site) -> list[tuple]:
    """(original, translation) for every translated item of the demo (English originals)."""
    pairs = []
    for brain in api.content.find(context=translated_demo_site["en"], Language="en"):
        obj = brain.getObject()
        for language, translation in ITranslationManager(obj).get_translations().items():
            if language != "en" and obj.portal_type != "LRF":
                pairs.append((obj, translation))
    return pairs


class TestDemoTranslationsShareData:
    def test_every_demo_translation_has_the_language_independent_values_of_its_original(self, translated_demo_site):
        pairs = translated_items(translated_demo_site)
        types = {original.portal_type for original, _translation in pairs}
        assert {"community_collection", "software_solution", "community_event", "community_news"} <= types
        found = {
            "/".join(translation.getPhysicalPath()): differences(original, translation)
            for original, translation in pairs
        }
        assert {path: diff for path, diff in found.items() if diff} == {}

    def test_an_events_translations_name_its_organiser_and_contact(self, translated_demo_site):
        pairs = [(o, t) for o, t in translated_items(translated_demo_site) if o.portal_type == "community_event"]
        assert {t.Language() for _o, t in pairs} == {"fr", "de"}
        for original, translation in pairs:
            assert set(language_independent_fields(original)) >= EVENT_FACTS
            assert original.organiser and original.contact_email
            assert (translation.organiser, translation.contact_email) == (original.organiser, original.contact_email)

    def test_an_edit_of_the_original_reaches_its_translations(self, translated_demo_site):
        event = next(o for o, _t in translated_items(translated_demo_site) if o.portal_type == "community_event")
        with api.env.adopt_roles(["Manager"]):
            event.organiser = "Interoperable Europe"
            event.contact_email = "interoperable-europe@example.org"
            event.location = "Brussels"
            modified(event)
        for translation in ITranslationManager(event).get_translations().values():
            assert translation.organiser == "Interoperable Europe"
            assert translation.contact_email == "interoperable-europe@example.org"
            assert translation.location == "Brussels"

    def test_the_upgrade_fills_in_what_older_translations_lack_and_keeps_their_own(self, translated_demo_site):
        event = next(o for o, _t in translated_items(translated_demo_site) if o.portal_type == "community_event")
        translations = ITranslationManager(event).get_translations()
        french, german = translations["fr"], translations["de"]
        dates = (french.modified(), german.modified())
        french.organiser = None
        french.contact_email = None
        german.organiser = "Eigene Angabe"
        fill_shared_fields_of_translations()
        assert (french.organiser, french.contact_email) == (event.organiser, event.contact_email)
        assert german.organiser == "Eigene Angabe"
        assert (french.modified(), german.modified()) == dates
