from osor.collection.discovery.facets import facet_named
from osor.collection.discovery.params import parse_parameters
from osor.collection.discovery.params import SearchInputError
from osor.collection.discovery.search import faceted_search
from osor.collection.services.errors import error_answer
from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.services import Service
from urllib.parse import urlencode
from zope.component import getMultiAdapter


# Metadata columns of a result given as {token, title} (the facet of the
# same index gives the titles).
TAXONOMY_COLUMNS = ("osor_topics", "osor_countries", "osor_licences", "osor_status")


class FacetedSearchGet(Service):
    """GET @faceted-search: results, batching and facet counts (see README)."""

    def reply(self):
        try:
            parameters = parse_parameters(
                self.request.form,
                self.context,
                self.request,
                query_string=self.request.get("QUERY_STRING", ""),
            )
            result = faceted_search(self.context, self.request, parameters)
        except SearchInputError as error:
            return error_answer(self.request, error.message, parameter=error.parameter)
        titles = result.titles
        return {
            "@id": self._url(parameters.query_items()),
            "items_total": result.total,
            "items": [self._summary(brain, titles) for brain in result.brains],
            "batching": self._batching(parameters, result.total),
            "facets": {
                counts.facet.index: {
                    "title": counts.title,
                    "values": [self._value(value) for value in counts.values],
                }
                for counts in result.facets
            },
        }

    def _url(self, items) -> str:
        base = f"{self.context.absolute_url()}/@faceted-search"
        return f"{base}?{urlencode(items)}" if items else base

    def _page_url(self, parameters, start: int) -> str:
        items = parameters.query_items()
        if start:
            items.append(("b_start", str(start)))
        return self._url(items)

    def _batching(self, parameters, total: int) -> dict:
        start, size = parameters.b_start, parameters.b_size
        last = max(0, (total - 1) // size * size)
        batching = {
            "@id": self._page_url(parameters, start),
            "first": self._page_url(parameters, 0),
            "last": self._page_url(parameters, last),
        }
        if start + size < total:
            batching["next"] = self._page_url(parameters, start + size)
        if start > 0:
            batching["prev"] = self._page_url(parameters, max(0, min(start - size, last)))
        return batching

    @staticmethod
    def _value(value) -> dict:
        data = {
            "token": value.token,
            "title": value.title,
            "count": value.count,
            "selected": value.selected,
        }
        if value.parent:
            data["parent"] = value.parent
        return data

    def _summary(self, brain, titles) -> dict:
        summary = getMultiAdapter((brain, self.request), ISerializeToJsonSummary)()
        for column in TAXONOMY_COLUMNS:
            value = getattr(brain, column, None)
            facet = facet_named(column)
            if isinstance(value, (list, tuple)):
                summary[column] = [{"token": token, "title": titles.title(facet, token)} for token in value]
            elif value:
                summary[column] = {"token": value, "title": titles.title(facet, value)}
            else:
                summary[column] = None if column == "osor_status" else []
        return summary
