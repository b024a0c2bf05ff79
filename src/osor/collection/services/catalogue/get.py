"""GET @catalogue (JSON pages or the JSON Lines dump) and @@catalogue-dump.

Thin: the parameters are read by ``interop/catalogue/cursor.py``, the page
by ``listing.py``, the records by ``records.py``, the dump by ``stream.py``.
"""

from osor.collection.interop.catalogue.cursor import CatalogueRequestError
from osor.collection.interop.catalogue.cursor import DEFAULT_LIMIT
from osor.collection.interop.catalogue.cursor import encode_cursor
from osor.collection.interop.catalogue.cursor import parse_request
from osor.collection.interop.catalogue.listing import deleted_since
from osor.collection.interop.catalogue.listing import page_after
from osor.collection.interop.catalogue.records import solution_record
from osor.collection.interop.catalogue.stream import CatalogueStream
from osor.collection.interop.catalogue.stream import tombstone_record
from osor.collection.interop.catalogue.stream import url_maker
from osor.collection.services.errors import error_answer
from plone.restapi.services import Service
from Products.Five.browser import BrowserView
from urllib.parse import urlencode

import json


JSONL = "application/x-ndjson"


def bad_request(request, error: CatalogueRequestError) -> dict:
    return error_answer(request, error.message, parameter=error.parameter)


def stream_dump(context, request, parameters):
    """Answer the JSON Lines dump (``stream.py``) as the response body."""
    request.response.setHeader("Content-Type", f"{JSONL}; charset=utf-8")
    request.response.setHeader("Content-Disposition", 'inline; filename="catalogue.jsonl"')
    return CatalogueStream(context, context.absolute_url(), since=parameters.modified_since)


class CatalogueGet(Service):
    """GET @catalogue: a page of the public catalogue (docs/catalogue.md)."""

    def render(self):
        self.check_permission()
        try:
            parameters = parse_request(self.request.form)
        except CatalogueRequestError as error:
            return self._json(bad_request(self.request, error))
        if parameters.format == "jsonl":
            return stream_dump(self.context, self.request, parameters)
        return self._json(self.reply_page(parameters))

    def _json(self, data) -> str:
        self.request.response.setHeader("Content-Type", self.content_type)
        return json.dumps(data, indent=2, sort_keys=True, separators=(", ", ": "))

    def reply_page(self, parameters) -> dict:
        context = self.context
        url_for = url_maker(context.getPhysicalPath(), context.absolute_url())
        page = page_after(context, parameters.after, parameters.limit, parameters.modified_since)
        deleted = []
        if parameters.modified_since is not None and parameters.after is None:
            deleted = [
                tombstone_record(tombstone, url_for) for tombstone in deleted_since(context, parameters.modified_since)
            ]
        return {
            "@id": self._url(parameters, parameters.after),
            "items": [solution_record(solution, url_for) for solution in page.solutions],
            "next": self._url(parameters, page.last_key) if page.more else None,
            "deleted": deleted,
        }

    def _url(self, parameters, after: str | None) -> str:
        query = []
        if parameters.modified_since_text is not None:
            query.append(("modified_since", parameters.modified_since_text))
        if parameters.limit != DEFAULT_LIMIT:
            query.append(("limit", str(parameters.limit)))
        if after is not None:
            query.append(("cursor", encode_cursor(after)))
        base = f"{self.context.absolute_url()}/@catalogue"
        return f"{base}?{urlencode(query)}" if query else base


class CatalogueDump(BrowserView):
    """@@catalogue-dump: the JSON Lines dump (``?modified_since=`` too)."""

    def __call__(self):
        try:
            parameters = parse_request({**self.request.form, "format": "jsonl"})
        except CatalogueRequestError as error:
            self.request.response.setHeader("Content-Type", "application/json")
            return json.dumps(bad_request(self.request, error))
        return stream_dump(self.context, self.request, parameters)
