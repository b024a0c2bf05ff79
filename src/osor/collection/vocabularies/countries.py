"""Countries and languages from pycountry (ISO 3166/639).

Spatial coverage is a taxonomy (``taxonomies.py``) with pycountry's
translated country names.
"""

from functools import cache
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import pycountry


def country_name(code: str) -> str:
    """The English short name of an ISO 3166-1 alpha-2 code."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise LookupError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    return getattr(country, "common_name", None) or country.name


@cache
def _country_terms() -> tuple:
    terms = [SimpleTerm(value=c.alpha_2, token=c.alpha_2, title=country_name(c.alpha_2)) for c in pycountry.countries]
    return tuple(sorted(terms, key=lambda term: term.title))


def country_codes() -> list[str]:
    """Every ISO 3166-1 alpha-2 code."""
    return [term.token for term in _country_terms()]


@provider(IVocabularyFactory)
def CountriesVocabulary(context=None) -> SimpleVocabulary:
    """Every ISO 3166-1 country, by English name."""
    return SimpleVocabulary(_country_terms())


@cache
def _language_terms() -> tuple:
    terms = [
        SimpleTerm(value=lang.alpha_2, token=lang.alpha_2, title=lang.name)
        for lang in pycountry.languages
        if hasattr(lang, "alpha_2")
    ]
    return tuple(sorted(terms, key=lambda term: term.title))


@provider(IVocabularyFactory)
def LanguagesVocabulary(context=None) -> SimpleVocabulary:
    """Languages with an ISO 639-1 code, by English name."""
    return SimpleVocabulary(_language_terms())
