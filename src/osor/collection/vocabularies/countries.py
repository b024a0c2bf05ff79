"""Countries, spatial coverage and languages from pycountry (ISO 3166/639)."""

from functools import cache
from osor.collection import _
from osor.collection.vocabularies import vocabulary_data
from zope.interface import implementer
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import pycountry


# Spatial coverage goes beyond countries: Joinup uses these two as well.
EUROPEAN_UNION = "EU"
WORLDWIDE = "WORLD"


def country_name(code: str) -> str:
    """The English short name of an ISO 3166-1 alpha-2 code."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise LookupError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    return getattr(country, "common_name", None) or country.name


@cache
def _country_terms() -> tuple:
    terms = [
        SimpleTerm(value=c.alpha_2, token=c.alpha_2, title=country_name(c.alpha_2))
        for c in pycountry.countries
    ]
    return tuple(sorted(terms, key=lambda term: term.title))


@cache
def european_country_codes() -> tuple[str, ...]:
    """EU member states, EEA/EFTA and candidate countries, in data-file order."""
    groups = vocabulary_data()["country_groups"]["groups"]
    return tuple(code for members in groups.values() for code in members)


@provider(IVocabularyFactory)
def CountriesVocabulary(context=None) -> SimpleVocabulary:
    """Every ISO 3166-1 country, by English name."""
    return SimpleVocabulary(_country_terms())


@provider(IVocabularyFactory)
def SpatialCoverageVocabulary(context=None) -> SimpleVocabulary:
    """The European Union, the European countries OSOR covers, and worldwide."""
    countries = sorted(
        (
            SimpleTerm(value=code, token=code, title=country_name(code))
            for code in european_country_codes()
        ),
        key=lambda term: term.title,
    )
    return SimpleVocabulary(
        [SimpleTerm(EUROPEAN_UNION, EUROPEAN_UNION, _("European Union"))]
        + countries
        + [SimpleTerm(WORLDWIDE, WORLDWIDE, _("Worldwide"))]
    )


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
