"""The faceted search: results and, for each facet, how many results each of
its values would give.

Within a facet the selected values combine with OR, across facets with AND,
and a facet's counts apply every other facet's selection but not its own
(disjunctive faceting). Only what the visitor may see is listed or counted,
and an item is counted once, not once per translation (the translation in
the visitor's language, else in the site's default language, else English).
"""

from Acquisition import aq_base
from BTrees.IIBTree import multiunion
from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from osor.collection import _
from osor.collection.content.community_collection import ICommunityCollection
from osor.collection.discovery.facets import all_facets
from osor.collection.discovery.facets import Facet
from osor.collection.discovery.facets import PAST
from osor.collection.discovery.facets import searched_types
from osor.collection.discovery.facets import UPCOMING
from osor.collection.discovery.facets import ValueTitles
from osor.collection.discovery.params import SearchInputError
from osor.collection.discovery.params import SearchParameters
from osor.collection.discovery.params import SORTS
from osor.collection.discovery.record_ids import as_set
from osor.collection.discovery.record_ids import count_in
from osor.collection.discovery.record_ids import index_query_ids
from osor.collection.discovery.record_ids import intersect
from osor.collection.discovery.record_ids import one_per_translation
from osor.collection.discovery.record_ids import union_of
from osor.collection.discovery.record_ids import values_of
from osor.collection.discovery.record_ids import visible_record_ids
from plone import api
from plone.base.utils import munge_search_term
from Products.CMFCore.interfaces import ISiteRoot
from Products.ZCTextIndex.ParseTree import ParseError
from zope.component import queryAdapter
from zope.i18n import translate


LANGUAGE = "Language"
EVENT_TIME = "event_time"
# Sorting on relevance without words to rank by: newest first.
UNRANKED_SORT = "effective"


@dataclass
class FacetValue:
    token: str
    title: str
    count: int
    selected: bool
    parent: str | None = None


@dataclass
class FacetCounts:
    facet: Facet
    title: str
    values: list = field(default_factory=list)


@dataclass
class SearchResult:
    parameters: SearchParameters
    total: int
    brains: list
    facets: list  # of FacetCounts
    titles: ValueTitles  # for the titles of the results' values

    @property
    def selected_values(self):
        """(facet counts, value) of every selected value, for chips."""
        for counts in self.facets:
            for value in counts.values:
                if value.selected:
                    yield counts, value


def search_scope(context) -> list[str]:
    """The physical paths searched from ``context``: a collection and its
    translations, or else the whole site (a language root's search falls
    back to the other languages' items, as its listings do)."""
    if ICommunityCollection.providedBy(context):
        paths = ["/".join(context.getPhysicalPath())]
        try:
            from plone.app.multilingual.interfaces import ITranslationManager
        except ImportError:  # pragma: no cover - pam is a dependency of the demo only
            return paths
        manager = queryAdapter(context, ITranslationManager)
        if manager is not None:
            for translation in manager.get_translations().values():
                path = "/".join(translation.getPhysicalPath())
                if path not in paths:
                    paths.append(path)
        return paths
    return ["/".join(api.portal.get().getPhysicalPath())]


def preferred_languages(context) -> list[str]:
    """The visitor's language (that of the language root or collection searched
    from, else the negotiated one), then the site's default language, then English."""
    languages = []
    own_language = None
    if not ISiteRoot.providedBy(context):
        own_language = getattr(aq_base(context), "Language", lambda: None)() or None
    for language in (
        own_language,
        api.portal.get_current_language(),
        api.portal.get_registry_record("plone.default_language", default="en"),
        "en",
    ):
        if language and language not in languages:
            languages.append(language)
    return languages


class FacetedSearch:
    """One faceted search of ``parameters`` from ``context`` (the site, a
    language root or a collection); value sets are computed once per search."""

    def __init__(self, context, request, parameters: SearchParameters):
        self.context = context
        self.request = request
        self.parameters = parameters
        self.catalog = api.portal.get_tool("portal_catalog")
        self.titles = ValueTitles(context, request)
        self._value_sets = {}

    # Record id sets ----------------------------------------------------

    def searched_types(self) -> list[str]:
        types = list(self.parameters.types or searched_types())
        if ICommunityCollection.providedBy(self.context) and "community_collection" in types:
            types.remove("community_collection")
        return types

    def _base_query(self) -> dict:
        types = self.searched_types()
        query = {"portal_type": types, "path": {"query": search_scope(self.context)}}
        if self.parameters.text:
            query["SearchableText"] = munge_search_term(self.parameters.text)
        return query

    def value_sets(self, facet: Facet) -> dict:
        """Token -> record ids (or a single record id) of the facet's values."""
        if facet.index in self._value_sets:
            return self._value_sets[facet.index]
        if facet.index == EVENT_TIME:
            now = DateTime()
            sets = {
                UPCOMING: index_query_ids(self.catalog, "end", {"query": now, "range": "min"}),
                PAST: index_query_ids(self.catalog, "end", {"query": now, "range": "max"}),
            }
        elif facet.values == "types":
            entries = values_of(self.catalog, facet.index)
            sets = {name: entries[name] for name in searched_types() if name in entries}
        else:
            sets = {
                str(value): entry
                for value, entry in values_of(self.catalog, facet.index).items()
                if value not in (None, "")
            }
        self._value_sets[facet.index] = sets
        return sets

    def selection(self, facet: Facet):
        """The records having one of the facet's selected values (OR)."""
        tokens = self.parameters.selections.get(facet.index, ())
        if facet.index == EVENT_TIME:
            sets = self.value_sets(facet)
            return multiunion([as_set(sets.get(token)) for token in tokens])
        values = [facet.parse_value(token) for token in tokens]
        return union_of(self.catalog, facet.index, values)

    def counted_facets(self) -> list[Facet]:
        """The facets asked for (all by default) that the site has an index for."""
        indexes = self.catalog._catalog.indexes
        return [
            facet
            for facet in all_facets()
            if (not self.parameters.facets or facet.index in self.parameters.facets)
            and (facet.index == EVENT_TIME or facet.index in indexes)
            and (not facet.types or set(facet.types) & set(self.searched_types()))
        ]

    # The search --------------------------------------------------------

    def run(self) -> SearchResult:
        try:
            found = visible_record_ids(self.catalog, self._base_query())
        except ParseError:
            raise SearchInputError(
                "SearchableText",
                _(
                    "search_error_unparsable_text",
                    default="The words could not be read as a search; remove quotes, brackets or operators.",
                ),
            ) from None
        scores = found if hasattr(found, "items") else None
        base = as_set(found)

        selected = {
            facet.index: self.selection(facet) for facet in all_facets() if facet.index in self.parameters.selections
        }
        in_language = base
        if LANGUAGE in selected:
            in_language = intersect(base, selected[LANGUAGE])
        canonical = one_per_translation(self.catalog, in_language, preferred_languages(self.context))

        def filtered(records, excluding):
            for index, records_of_selection in selected.items():
                if index not in (excluding, LANGUAGE):
                    records = intersect(records, records_of_selection)
            return records

        results = filtered(canonical, None)
        facets = []
        for facet in self.counted_facets():
            # The language facet counts every translation: "French: 3" are the
            # three French items a visitor gets by choosing French.
            scope = filtered(base, LANGUAGE) if facet.index == LANGUAGE else filtered(canonical, facet.index)
            facets.append(self._counts(facet, scope))
        return SearchResult(
            parameters=self.parameters,
            total=len(results),
            brains=self._page(results, scores),
            facets=facets,
            titles=self.titles,
        )

    def _counts(self, facet: Facet, records) -> FacetCounts:
        selected_tokens = self.parameters.selections.get(facet.index, ())
        values = []
        for token, entry in self.value_sets(facet).items():
            count = count_in(records, entry) if records else 0
            selected = token in selected_tokens
            if count or selected:
                values.append(
                    FacetValue(
                        token=token,
                        title=self.titles.title(facet, token),
                        count=count,
                        selected=selected,
                        parent=self.titles.parent(facet, token),
                    )
                )
        for token in selected_tokens:  # a selected value nothing has any more
            if not any(value.token == token for value in values):
                values.append(
                    FacetValue(
                        token,
                        self.titles.title(facet, token),
                        0,
                        True,
                        self.titles.parent(facet, token),
                    )
                )
        return FacetCounts(
            facet=facet,
            title=translate(facet.title, context=self.request),
            values=_ordered(facet, values),
        )

    def _page(self, records, scores) -> list:
        """The brains of the requested page, sorted."""
        parameters = self.parameters
        start, size = parameters.b_start, parameters.b_size
        if not records or start >= len(records):
            return []
        catalog = self.catalog._catalog
        sort_index = SORTS[parameters.sort_on][0]
        if sort_index is None and scores is not None:
            ranked = sorted(records, key=lambda record_id: -scores[record_id])
            if parameters.sort_order in ("ascending", "reverse"):
                ranked.reverse()
            return [catalog[record_id] for record_id in ranked[start : start + size]]
        if sort_index is None:
            sort_index, descending = UNRANKED_SORT, True
        else:
            descending = parameters.descending
        page = catalog.sortResults(
            records,
            catalog.getIndex(sort_index),
            reverse=descending,
            limit=start + size,
            merge=True,
            actual_result_count=len(records),
            b_start=start,
            b_size=size,
        )
        return list(page)


def _ordered(facet: Facet, values: list) -> list:
    """Values by count (most first), years newest first, event times as
    defined; in a hierarchical facet each value under its parent."""
    if facet.order == "descending":
        return sorted(values, key=lambda value: facet.parse_value(value.token), reverse=True)
    if facet.values == "event_time":
        order = [UPCOMING, PAST]
        return sorted(values, key=lambda value: order.index(value.token))
    by_count = sorted(values, key=lambda value: (-value.count, value.title.lower()))
    if not facet.hierarchical:
        return by_count
    tokens = {value.token for value in by_count}
    ordered = []
    for value in by_count:
        if value.parent and value.parent in tokens:
            continue
        ordered.append(value)
        ordered.extend(child for child in by_count if child.parent == value.token)
    return ordered


def faceted_search(context, request, parameters: SearchParameters) -> SearchResult:
    """Search from ``context`` (the site, a language root or a collection)."""
    return FacetedSearch(context, request, parameters).run()


def matching_uids(context, request, parameters: SearchParameters, uids) -> set:
    """Which of ``uids`` the search of ``parameters`` from ``context`` finds for
    the current user (the alerts of a saved search: "new solutions like these")."""
    search = FacetedSearch(context, request, parameters)
    records = as_set(visible_record_ids(search.catalog, dict(search._base_query(), UID=list(uids))))
    for facet in all_facets():
        if facet.index in parameters.selections:
            records = intersect(records, search.selection(facet))
    catalog = search.catalog._catalog
    return {catalog[record_id].UID for record_id in records}
