"""The facets of the search, read from ``facets.yaml``, and their value titles.

A facet is data (an index, a title, where its value titles come from), not
code: adding a facet is a few lines in the YAML file, and the page, the REST
service and the counting code do not change.
"""

from collective.taxonomy import LEGACY_PATH_SEPARATOR
from collective.taxonomy import PATH_SEPARATOR
from collective.taxonomy.interfaces import ITaxonomy
from dataclasses import dataclass
from dataclasses import field
from functools import cache
from osor.collection import _
from osor.collection.pages.formatting import language_name
from osor.collection.vocabularies.language import visitor_language
from osor.collection.vocabularies.taxonomies import vocabulary_name
from pathlib import Path
from plone import api
from zope.component import getUtility
from zope.component import queryUtility
from zope.i18n import translate
from zope.i18n.interfaces import INegotiator
from zope.i18n.interfaces import ITranslationDomain
from zope.schema.interfaces import IVocabularyFactory

import yaml


DATA_FILE = Path(__file__).parent / "facets.yaml"

# The values of the computed facet "event_time".
UPCOMING = "upcoming"
PAST = "past"
EVENT_TIME_TITLES = {
    UPCOMING: _("facet_event_upcoming", default="Upcoming"),
    PAST: _("facet_event_past", default="Past"),
}


@dataclass(frozen=True)
class Facet:
    index: str
    title: object  # a Message
    values: str
    also: tuple = field(default=())
    hierarchical: bool = False
    value_type: str = "str"
    order: str = "count"
    types: tuple = ()  # counted only when the search is of these types

    @property
    def taxonomy(self) -> str | None:
        kind, _sep, name = self.values.partition(":")
        return name if kind == "taxonomy" else None

    def parse_value(self, token: str):
        """The index value of a URL token (ValueError if it cannot be one)."""
        if self.value_type == "int":
            return int(token)
        return token


@cache
def _data() -> dict:
    with DATA_FILE.open(encoding="utf-8") as data:
        return yaml.safe_load(data)


@cache
def all_facets() -> tuple[Facet, ...]:
    """Every facet, in the order the page shows them."""
    facets = []
    for entry in _data()["facets"]:
        title = entry["title"]  # a msgid from facets.yaml (scripts/i18n.py)
        facets.append(
            Facet(
                index=entry["index"],
                title=_(title),
                values=entry["values"],
                also=tuple(entry.get("also", ())),
                hierarchical=entry.get("hierarchical", False),
                value_type=entry.get("value_type", "str"),
                order=entry.get("order", "count"),
                types=tuple(entry.get("types", ())),
            )
        )
    return tuple(facets)


def facet_named(index: str) -> Facet | None:
    return next((facet for facet in all_facets() if facet.index == index), None)


def searched_types() -> tuple[str, ...]:
    """The portal types the search lists and counts."""
    return tuple(_data()["types"])


# Titles ------------------------------------------------------------------


class ValueTitles:
    """Titles of facet values in the request's language, looked up once per
    request: a vocabulary is built at most once per facet, a title found once."""

    def __init__(self, context, request):
        self.context = context
        self.request = request
        self._vocabularies = {}
        self._taxonomies = {}
        self._titles = {}
        self._languages = {}

    def _vocabulary(self, source: str):
        if source not in self._vocabularies:
            _kind, _sep, name = source.partition(":")
            factory = queryUtility(IVocabularyFactory, name=name)
            self._vocabularies[source] = factory(self.context) if factory else None
        return self._vocabularies[source]

    def _taxonomy_paths(self, taxonomy: str) -> dict:
        """Token -> path of titles of a taxonomy's terms in the current
        language (else its default one), as collective.taxonomy stores them;
        read directly: its translation machinery costs a millisecond a term."""
        if taxonomy not in self._taxonomies:
            utility = queryUtility(ITaxonomy, name=vocabulary_name(taxonomy))
            paths = {}
            if utility is not None and utility.data:
                by_language = utility.inverted_data
                language = visitor_language()
                if language not in by_language:
                    language = utility.default_language
                paths = by_language.get(language) or next(iter(by_language.values()), {})
            self._taxonomies[taxonomy] = paths
        return self._taxonomies[taxonomy]

    def _translate(self, message) -> str:
        """``message`` in the request's language, negotiated once per domain
        and request (Plone's negotiator reads and normalises the request's
        preferences on every call otherwise)."""
        domain = queryUtility(ITranslationDomain, name=getattr(message, "domain", None) or "")
        if domain is None:
            return translate(message, context=self.request)
        if domain.domain not in self._languages:
            negotiator = getUtility(INegotiator)
            self._languages[domain.domain] = negotiator.getLanguage(domain._catalogs.keys(), self.request)
        return translate(message, context=self.request, target_language=self._languages[domain.domain])

    def _from_vocabulary(self, source: str, token) -> str | None:
        kind, _sep, name = source.partition(":")
        if kind == "taxonomy":
            path = self._taxonomy_paths(name).get(token)
            if not path:
                return None
            separator = PATH_SEPARATOR if PATH_SEPARATOR in path else LEGACY_PATH_SEPARATOR
            return path.split(separator)[-1]
        vocabulary = self._vocabulary(source)
        if vocabulary is None:
            return None
        try:
            term = vocabulary.getTermByToken(token)
        except (LookupError, TypeError):
            return None
        return self._translate(term.title)

    def is_known(self, facet: Facet, token: str) -> bool:
        """Whether ``token`` is a value the facet can have (for validation)."""
        if facet.values in ("index", "languages"):
            return True  # any value of the index; checked by parse_value
        if facet.values == "event_time":
            return token in EVENT_TIME_TITLES
        if facet.values == "types":
            return token in searched_types()
        return any(self._from_vocabulary(source, token) is not None for source in (facet.values, *facet.also))

    def parent(self, facet: Facet, token: str) -> str | None:
        """The parent term of ``token`` in a hierarchical facet."""
        if not facet.hierarchical or not facet.taxonomy:
            return None
        paths = self._taxonomy_paths(facet.taxonomy)
        path = paths.get(token)
        if not path:
            return None
        separator = PATH_SEPARATOR if PATH_SEPARATOR in path else LEGACY_PATH_SEPARATOR
        parent_path = path.rsplit(separator, 1)[0]
        if not parent_path.strip(separator):
            return None
        key = ("parents", facet.taxonomy)
        if key not in self._titles:
            self._titles[key] = {each: token for token, each in paths.items()}
        return self._titles[key].get(parent_path)

    def title(self, facet: Facet, token) -> str:
        token = str(token)
        key = (facet.index, token)
        if key not in self._titles:
            self._titles[key] = self._title(facet, token)
        return self._titles[key]

    def _title(self, facet: Facet, token: str) -> str:
        if facet.values == "event_time":
            return self._translate(EVENT_TIME_TITLES[token])
        if facet.values == "types":
            fti = api.portal.get_tool("portal_types").getTypeInfo(token)
            return self._translate(fti.Title()) if fti is not None else token
        if facet.values == "languages":
            return self._language_title(token)
        for source in (facet.values, *facet.also):
            if ":" in source:
                title = self._from_vocabulary(source, token)
                if title:
                    return title
        return token

    def _language_title(self, code: str) -> str:
        """The name of a content language in the visitor's language (CLDR)."""
        return language_name(code) or code
