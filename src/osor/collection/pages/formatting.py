"""Values as a visitor reads them, in the visitor's language.

Dates go through Plone's localized time (``toLocalizedTime``); what Plone
has no formatter for (file sizes, numbers, event times in the event's own
time zone, language and country names) comes from Babel's CLDR data, with
pycountry as the fallback for names CLDR does not know.
"""

from babel import Locale
from babel import UnknownLocaleError
from babel.dates import format_date
from babel.dates import format_time
from babel.dates import get_timezone_name
from babel.numbers import format_decimal
from babel.units import format_unit
from datetime import date
from datetime import datetime
from osor.collection.vocabularies.language import visitor_language
from plone import api
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

import contextlib
import pycountry
import unicodedata


# Babel's unit names, from the smallest; each is 1000 times the one before.
SIZE_UNITS = ("byte", "kilobyte", "megabyte", "gigabyte", "terabyte")


def primary(language: str | None) -> str:
    """The primary subtag of a language tag: ``pt`` for ``pt-br``."""
    return (language or "").replace("_", "-").split("-")[0].lower()


def current_language() -> str:
    """The visitor's language code (``en``, ``fr``, ``pt``…)."""
    return primary(visitor_language()) or "en"


def locale_of(language: str | None = None) -> Locale:
    try:
        return Locale.parse(language or current_language())
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def localized_date(value) -> str:
    """A date (or a datetime's date) in the visitor's language, by Plone."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return api.portal.get_localized_time(datetime=value)


def iso_date(value) -> str:
    return value.isoformat() if isinstance(value, (date, datetime)) else ""


def number(value, language: str | None = None) -> str:
    """A number with the visitor's separators (never a year: show years as they are)."""
    if value is None:
        return ""
    return format_decimal(value, locale=locale_of(language))


def file_size(size_in_bytes, language: str | None = None) -> str:
    """``"1.2 MB"``, ``"1,2 Mo"``: a size in human units (decimal multiples)."""
    if size_in_bytes is None:
        return ""
    size = float(size_in_bytes)
    for unit in SIZE_UNITS:
        if size < 1000 or unit == SIZE_UNITS[-1]:
            break
        size /= 1000
    value = int(size) if unit == "byte" else round(size, 1)
    return format_unit(value, f"digital-{unit}", length="short", locale=locale_of(language))


def event_when(start: datetime, end: datetime | None, whole_day=False, language=None) -> dict:
    """An event's date and time in the visitor's language and the event's own time zone."""
    locale = locale_of(language)
    if start is None:
        return {}
    tz = start.tzinfo
    same_day = end is None or end.date() == start.date()
    day = format_date(start, "full", locale=locale)
    if not same_day:
        day = f"{day} – {format_date(end, 'full', locale=locale)}"
    times = ""
    if not whole_day:
        times = format_time(start, "short", tzinfo=tz, locale=locale)
        if end is not None and end != start:
            times = f"{times} – {format_time(end, 'short', tzinfo=tz, locale=locale)}"
    zone = ""
    if tz is not None and not whole_day:
        # The zone's abbreviation ("CET", "CEST") reads better than CLDR's "+0100".
        zone = start.tzname() or ""
        if not zone or zone[0] in "+-":
            with contextlib.suppress(LookupError, AttributeError, ValueError):
                zone = get_timezone_name(start, width="long", locale=locale)
    return {"day": day, "time": times, "zone": zone}


def language_name(code: str, language: str | None = None) -> str:
    """The name of the language ``code`` in the visitor's language (CLDR)."""
    if not code:
        return ""
    name = locale_of(language).languages.get(code) or locale_of(language).languages.get(primary(code))
    if name:
        return name
    try:
        found = pycountry.languages.get(alpha_2=primary(code))
    except LookupError:
        found = None
    return found.name if found is not None else code


def sort_key(text: str) -> str:
    """A key that sorts names as a reader expects, whatever their accents
    ("Österreich" among the O, "Éire" among the E): the letters without
    their diacritics, case folded."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def country_name(code: str, language: str | None = None) -> str:
    """The name of the country ``code`` (ISO 3166-1 alpha-2) in the visitor's language."""
    if not code:
        return ""
    name = locale_of(language).territories.get(code.upper())
    if name:
        return name
    try:
        found = pycountry.countries.get(alpha_2=code)
    except LookupError:
        found = None
    return (getattr(found, "common_name", None) or found.name) if found is not None else code


def term_title(vocabulary_name: str, token, context=None) -> str:
    """The title of ``token`` in the named vocabulary, translated for the visitor.

    An unknown token (a term removed from the vocabulary) is shown as it is
    rather than hidden: the editor should notice it.
    """
    if token in (None, ""):
        return ""
    factory = queryUtility(IVocabularyFactory, vocabulary_name)
    if factory is None:
        return str(token)
    try:
        term = factory(context).getTerm(token)
    except (LookupError, KeyError):
        return str(token)
    return translate(term.title or term.token, context=getRequest())
