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


def current_label_language(available: Iterable[str]) -> str | None:
    """``label_language`` for the current request (or the site's language).

    Without a request (a site built by a script or a test layer, an import
    command) plone.api cannot negotiate: the site's language is asked for.
    """
    site_default = api.portal.get_default_language()
    requested = api.portal.get_current_language() if getRequest() is not None else site_default
    return label_language(available, requested, site_default)
