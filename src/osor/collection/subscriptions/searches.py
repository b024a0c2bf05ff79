"""A saved faceted search: the query string of ``@@faceted-search``, checked and normalised.

Only what decides which items match is kept (words and facet values), in
the order the search page writes them: the same search saved twice is one
subscription, whatever its sorting or page.
"""

from babel.lists import format_list
from osor.collection.discovery.facets import facet_named
from osor.collection.discovery.facets import ValueTitles
from osor.collection.discovery.params import parse_parameters
from osor.collection.discovery.params import SearchParameters
from osor.collection.pages.formatting import locale_of
from urllib.parse import parse_qsl
from urllib.parse import urlencode
from zope.i18n import translate


# Parameters that change how results are shown, not which items match.
PRESENTATION = frozenset({"sort_on", "sort_order", "b_start", "b_size", "facets"})


def _form(query: str) -> dict:
    form = {}
    for name, value in parse_qsl(query.lstrip("?"), keep_blank_values=False):
        form.setdefault(name, []).append(value)
    # One value: a string, as Zope's form gives it.
    return {name: values[0] if len(values) == 1 else values for name, values in form.items()}


def parameters_of(query: str, context, request) -> SearchParameters:
    """The checked parameters of ``query`` (``SearchInputError`` when it cannot be searched)."""
    form = {name: value for name, value in _form(query).items() if name not in PRESENTATION}
    return parse_parameters(form, context, request, query_string=query)


def normalised(query: str, context, request) -> str:
    """``query`` as the search page writes it, without presentation parameters."""
    items = parameters_of(query, context, request).query_items()
    return urlencode([(name, value) for name, value in items if name not in PRESENTATION])


def search_url(context, query: str) -> str:
    return f"{context.absolute_url()}/@@faceted-search?{query}"


def describe(query: str, context, request, language: str | None = None) -> str:
    """The search in words: “words”; Facet: value or value; … (titles
    translated; quotation marks and lists as the language writes them, CLDR).

    A facet's values are alternatives (an item matches any of them)."""
    parameters = parameters_of(query, context, request)
    titles = ValueTitles(context, request)
    locale = locale_of(language)
    parts = [f"{locale.quotation_start}{parameters.text}{locale.quotation_end}"] if parameters.text else []
    for index, tokens in parameters.selections.items():
        facet = facet_named(index)
        title = translate(facet.title, target_language=language, context=None if language else request)
        values = format_list([titles.title(facet, token) for token in tokens], style="or", locale=locale)
        parts.append(f"{title}: {values}")
    return "; ".join(parts)
