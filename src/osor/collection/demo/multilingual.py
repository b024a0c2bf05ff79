"""The multilingual demo site: English, French and German (plone.app.multilingual).

plone.app.multilingual is not a dependency of our default profile (an
existing site may stay monolingual); the "osor" distribution installs it,
and this module sets up the languages and translates a few example items
from ``example_translations.yaml``.
"""

from copy import deepcopy
from osor.collection import logger
from osor.collection.demo.items import field_values
from osor.collection.demo.items import transition_to
from pathlib import Path
from plone import api
from plone.app.multilingual.browser.setup import SetupMultilingualSite
from plone.app.multilingual.dx.interfaces import ILanguageIndependentField
from plone.app.multilingual.interfaces import IPloneAppMultilingualInstalled
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.textfield import RichText
from plone.base.interfaces import ILanguage
from plone.base.utils import get_installer
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.interfaces import INamedField
from z3c.relationfield.interfaces import IRelation
from z3c.relationfield.interfaces import IRelationList
from zope.globalrequest import getRequest
from zope.interface import alsoProvides
from zope.lifecycleevent import modified
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine

import yaml


LANGUAGES = ("en", "fr", "de")
TRANSLATIONS_FILE = Path(__file__).parent / "example_translations.yaml"

# Fields a translation never copies from its original: its identity.
NOT_COPIED = {"id", "language", "sync_uid"}


def setup_multilingual_site(site, languages=LANGUAGES) -> dict:
    """Install plone.app.multilingual, offer ``languages`` (the first one is
    the default) and create their root folders (``/en``, ``/fr``...);
    return the root folders by language."""
    installer = get_installer(site)
    if not installer.is_product_installed("plone.app.multilingual"):
        installer.install_product("plone.app.multilingual")
    api.portal.set_registry_record("plone.available_languages", list(languages))
    api.portal.set_registry_record("plone.default_language", languages[0])
    # As on a request to the site: pam's subscribers (the language of new
    # content...) act only on requests marked with its layer.
    request = getRequest()
    if request is not None:
        alsoProvides(request, IPloneAppMultilingualInstalled)
    SetupMultilingualSite().setupSite(site)
    return {language: site[language] for language in languages}


def set_language_of_untagged_content(root, language: str) -> list:
    """Give the items under the root folder ``root`` that have no language
    ``language`` (the root's); return them. plone.app.multilingual tags new
    content only on a request marked with its layer, and the example content
    is built without one: untagged, an English item shown on the French
    homepage would not be marked as being in English (lang, "available in")."""
    tagged = []
    for brain in api.content.find(context=root, Language=""):
        obj = brain.getObject()
        if obj is root:
            continue
        ILanguage(obj).set_language(language)
        obj.reindexObject(idxs=["Language"])
        tagged.append(obj)
    logger.info("Set the language of %d example items to %s", len(tagged), language)
    return tagged


def load_translations() -> dict:
    with TRANSLATIONS_FILE.open(encoding="utf-8") as data:
        return yaml.safe_load(data)["translations"]


def translate_example_content(root) -> list:
    """Translate the items of ``example_translations.yaml`` (paths relative to
    the root folder ``root`` of the original language) into those of its
    languages the site has; return the translations created. Existing
    translations are left as they are."""
    created = []
    site_languages = set(api.portal.get_registry_record("plone.available_languages", default=[]))
    for path, languages in load_translations().items():
        original = root.unrestrictedTraverse(path)
        manager = ITranslationManager(original)
        for language, texts in languages.items():
            if language not in site_languages or manager.has_translation(language):
                continue
            translation = manager.add_translation(language)
            _copy_settings(original, translation)
            _set_texts(translation, texts)
            modified(translation)
            state = api.content.get_state(original, default=None)
            if state:
                transition_to(translation, state)
            created.append(translation)
    logger.info("Created %d example translations", len(created))
    return created


def _fields(obj):
    for schema in iterSchemataForType(obj.portal_type):
        for name, field in getFieldsInOrder(schema):
            yield schema, name, field


def _is_copied(name: str, field) -> bool:
    """Settings, dates and terms are copied to a new translation; prose,
    files and relations are not (language-independent fields are copied by
    plone.app.multilingual itself)."""
    return not (
        name in NOT_COPIED
        or field.readonly
        or ILanguageIndependentField.providedBy(field)
        or isinstance(field, RichText)
        or IText.providedBy(field)
        or ITextLine.providedBy(field)
        or INamedField.providedBy(field)
        or IRelation.providedBy(field)
        or IRelationList.providedBy(field)
    )


def _copy_settings(original, translation) -> None:
    for schema, name, field in _fields(original):
        if _is_copied(name, field):
            value = field.get(schema(original))
            field.set(schema(translation), deepcopy(value))


def _set_texts(translation, texts: dict) -> None:
    node = {"type": translation.portal_type, "id": translation.getId(), **texts}
    values, _relations = field_values(node)
    for schema, name, field in _fields(translation):
        if name in values:
            field.set(schema(translation), values[name])
