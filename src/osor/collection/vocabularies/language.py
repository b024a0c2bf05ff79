"""The language a label is shown in.

Plone sites and browsers often use a regional code (``en-us``, ``pt-br``,
``fr-be``) while labels exist per base language (``en``, ``pt``, ``fr``).
collective.taxonomy only matches the exact code and otherwise shows the
first language it stores (Italian, on an ``en-us`` site). Every label we
show goes through ``label_language``: the exact code, then its base
language, then the site's default language (and its base), then English,
then whatever exists.

Labels from our message catalogues (``osor.collection`` domain) already
follow this order through zope.i18n's negotiator (exact code, base
language, English fallback); taxonomy labels are resolved with it in
``taxonomies.py``.
"""

from collections.abc import Iterable
from plone import api
from zope.globalrequest import getRequest


FALLBACK_LANGUAGE = "en"

# The 24 official languages of the European Union: the interface languages
# of the observatory, and those a site admin picks its content languages from.
EU_LANGUAGES = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)  # fmt: skip


def normalized(code: str | None) -> str:
    """``pt_BR``, ``pt-BR`` and ``pt-br`` are the same language."""
    return (code or "").strip().replace("_", "-").lower()


def base_language(code: str | None) -> str:
    """``pt`` for ``pt-br``; a code without a region is its own base."""
    return normalized(code).split("-", 1)[0]


def label_language(available: Iterable[str], requested: str | None, site_default: str | None = None) -> str | None:
    """The best of the ``available`` label languages for ``requested``.

    Exact code, base language, the site's default language (exact, then
    base), English, else the first available one; None when nothing is
    available. The returned code is spelled as in ``available``.
    """
    spelled = {normalized(code): code for code in available}
    if not spelled:
        return None
    candidates = (
        normalized(requested),
        base_language(requested),
        normalized(site_default),
        base_language(site_default),
        FALLBACK_LANGUAGE,
    )
    for candidate in candidates:
        if candidate in spelled:
            return spelled[candidate]
    return next(iter(spelled.values()))


# The interface language a visitor chose (browser/interface_language.py).
INTERFACE_LANGUAGE_COOKIE = "osor_interface_language"
CHOSEN_INTERFACE_LANGUAGE = "osor.collection.interface_language"


def content_languages() -> set[str]:
    """The site's content languages (base codes)."""
    return {base_language(code) for code in api.portal.get_registry_record("plone.available_languages", default=[])}


def _eu_language(code) -> str | None:
    language = base_language(code) if isinstance(code, str) else ""
    return language if language in EU_LANGUAGES else None


def _browser_languages(request) -> list[str]:
    """The codes of the request's Accept-Language, best first."""
    weighted = []
    for position, part in enumerate((request.get_header("Accept-Language") or "").split(",")):
        code, _, quality = part.strip().partition(";q=")
        try:
            weight = float(quality) if quality else 1.0
        except ValueError:
            weight = 0.0
        if code:
            weighted.append((-weight, position, code))
    return [code for _weight, _position, code in sorted(weighted)]


def interface_language(request) -> str | None:
    """The EU language the interface speaks on ``request`` when the site has
    no content in it; None when the interface speaks the content language.

    ``?set_language=`` (kept in a cookie for the next pages), else that
    cookie, else the browser's first EU language where the site follows the
    browser's (``plone.use_request_negotiation``); a content language is
    left to Plone's negotiation (its switcher, cookie and language folders).
    """
    if request is None:
        return None
    if CHOSEN_INTERFACE_LANGUAGE in request.other:
        return request.other[CHOSEN_INTERFACE_LANGUAGE]
    chosen = _eu_language(request.form.get("set_language"))
    if chosen:
        request.response.setCookie(INTERFACE_LANGUAGE_COOKIE, chosen, path="/")
    else:
        chosen = _eu_language(request.cookies.get(INTERFACE_LANGUAGE_COOKIE))
    if not chosen and api.portal.get_registry_record("plone.use_request_negotiation", default=False):
        chosen = next(filter(None, map(_eu_language, _browser_languages(request))), None)
    language = chosen if chosen and chosen not in content_languages() else None
    request.other[CHOSEN_INTERFACE_LANGUAGE] = language
    return language


def visitor_language() -> str:
    """The language the visitor reads the interface and labels in: the
    interface language she chose, else Plone's current (content) language."""
    request = getRequest()
    return interface_language(request) or api.portal.get_current_language()


def current_label_language(available: Iterable[str]) -> str | None:
    """``label_language`` for the current request (or the site's language).

    Without a request (a site built by a script or a test layer, an import
    command) plone.api cannot negotiate: the site's language is asked for.
    """
    site_default = api.portal.get_default_language()
    requested = visitor_language() if getRequest() is not None else site_default
    return label_language(available, requested, site_default)


def member_language(user) -> str:
    """The language a member reads her mails in: her own (``language``
    property) among the EU languages, else the site's default language."""
    language = base_language(user.getProperty("language", "") if user is not None else "")
    if language in EU_LANGUAGES:
        return language
    return base_language(api.portal.get_registry_record("plone.default_language", default="en")) or FALLBACK_LANGUAGE
