"""Reading in one's own language (plone.app.multilingual).

A translation carries its own texts; what is language-independent lives on
its *canonical* item (the one in the site's default language): releases and
distributions are inside the canonical solution, relations are set there.
Listings show, for each translation group, the item in the visitor's
language, else the canonical one marked as a fallback.
"""

from plone import api
from plone.app.multilingual.interfaces import IPloneAppMultilingualInstalled
from plone.app.multilingual.interfaces import ITranslationManager
from zope.globalrequest import getRequest


def is_multilingual() -> bool:
    request = getRequest()
    return request is not None and IPloneAppMultilingualInstalled.providedBy(request)


def default_language() -> str:
    return api.portal.get_registry_record("plone.default_language", default="en") or "en"


def _translations(obj) -> dict:
    if not is_multilingual():
        return {}
    try:
        return ITranslationManager(obj).get_restricted_translations()
    except TypeError:  # not translatable
        return {}


def all_translations(obj) -> dict:
    """Every translation of ``obj`` by language, whoever may see them (for writing)."""
    if not is_multilingual():
        return {}
    try:
        return ITranslationManager(obj).get_translations()
    except TypeError:
        return {}


def canonical(obj):
    """The item in the site's default language of ``obj``'s translation group
    (``obj`` itself when it has none or is that item)."""
    translations = _translations(obj)
    return translations.get(default_language(), obj) if translations else obj


def in_language(obj, language: str):
    """``obj``'s translation in ``language`` the visitor may see, else ``obj``."""
    if obj is None:
        return None
    translations = _translations(obj)
    return translations.get(language, obj) if translations else obj


def brain_language(brain) -> str:
    """The language of a brain's item ("" when the catalog has no Language column)."""
    value = brain.Language if "Language" in getattr(brain, "__record_schema__", {}) else ""
    return (value if isinstance(value, str) else "").replace("_", "-").split("-")[0].lower()


def entry(brain, language: str) -> dict:
    """``{"brain", "language", "fallback"}``: ``fallback`` when the item is in
    another language than the visitor's (items without a language are not)."""
    item_language = brain_language(brain)
    return {
        "brain": brain,
        "language": item_language,
        "fallback": bool(item_language) and item_language != language,
    }


def prefer_language(brains, language: str) -> list[dict]:
    """One entry per translation group, in catalog order: the brain in
    ``language`` else the one in the default language (else the first),
    ``{"brain", "fallback", "language"}``; ``fallback`` is True when the item is
    shown in another language than the visitor's."""
    fallback_language = default_language()
    groups: dict = {}
    order = []
    for brain in brains:
        group = (
            brain.TranslationGroup if "TranslationGroup" in getattr(brain, "__record_schema__", {}) else None
        ) or brain.UID
        if group not in groups:
            groups[group] = []
            order.append(group)
        groups[group].append(brain)
    chosen = []
    for group in order:
        by_language = {brain_language(brain): brain for brain in groups[group]}
        brain = (
            by_language.get(language) or by_language.get(fallback_language) or by_language.get("") or groups[group][0]
        )
        chosen.append(entry(brain, language))
    return chosen
