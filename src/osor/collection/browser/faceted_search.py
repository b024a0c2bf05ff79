"""The Classic UI faceted search page (``@@faceted-search``) and its RSS feed.

A plain GET form: every choice is a checkbox or a select and the whole state
is in the URL, so the page works without JavaScript, bookmarks and the back
button work. Phones first: the results come right after the words, the
facets wait in a "Filters (n selected)" panel (``<details>``) whose *Apply*
button is at its top, and a facet with many values shows its top values and
a "more" disclosure. ``search_static/faceted_search.js`` applies a ticked
value at once (the new page is fetched, the URL pushed, Back restores) and
opens the panel beside the results on wide screens. The search itself is
``discovery.search.faceted_search``; this module only turns its result into
what the templates show.
"""

from osor.collection import _
from osor.collection.browser.layout import full_width
from osor.collection.discovery.facets import facet_named
from osor.collection.discovery.params import parse_parameters
from osor.collection.discovery.params import SearchInputError
from osor.collection.discovery.params import SearchParameters
from osor.collection.discovery.params import SORTS
from osor.collection.discovery.search import faceted_search
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from xml.sax.saxutils import escape
from zope.i18n import translate


SORT_TITLES = {
    "relevance": _("sort_relevance", default="Relevance"),
    "effective": _("sort_newest", default="Newest"),
    "modified": _("sort_last_updated", default="Last updated"),
    "sortable_title": _("sort_title", default="Title"),
    "vitality": _("sort_vitality", default="Vitality"),
}
RSS_SIZE = 20
# Values a facet shows before its "more" disclosure (selected values are always shown).
TOP_VALUES = 5
RESOURCES = "++resource++osor.collection.search"
# Metadata shown on a result card as tags.
CARD_TAGS = ("osor_countries", "osor_licences")


class FacetedSearchView(BrowserView):
    """``@@faceted-search`` on the site, a language root or a collection."""

    index = ViewPageTemplateFile("templates/faceted_search.pt")
    # The filters panel, shared with the Legal FAQ (legal.py).
    filters_template = ViewPageTemplateFile("templates/search_filters.pt")

    error = None
    result = None
    parameters = SearchParameters()

    def __call__(self):
        full_width(self.request)  # the facets are the page's sidebar
        try:
            self.parameters = self.parse()
            self.result = faceted_search(self.context, self.request, self.parameters)
        except SearchInputError as error:
            self.request.response.setStatus(400)
            self.parameters = SearchParameters()
            self.error = error
        return self.index()

    def parse(self) -> SearchParameters:
        return parse_parameters(
            self.request.form,
            self.context,
            self.request,
            query_string=self.request.get("QUERY_STRING", ""),
        )

    # URLs --------------------------------------------------------------

    def url(self, items, view="@@faceted-search") -> str:
        base = f"{self.context.absolute_url()}/{view}"
        return f"{base}?{urlencode(items)}" if items else base

    def resource_url(self, name: str) -> str:
        return f"{api.portal.get().absolute_url()}/{RESOURCES}/{name}"

    def stylesheet_url(self) -> str:
        """The page's layout: results first on phones, facets beside them on wide screens."""
        return self.resource_url("faceted_search.css")

    def script_url(self) -> str:
        """Applies a ticked value at once; the page works without it."""
        return self.resource_url("faceted_search.js")

    @property
    def filters_macros(self):
        return self.filters_template.macros

    def rss_url(self) -> str:
        return self.url(self.parameters.query_items(), view="@@faceted-search-rss")

    def error_message(self) -> str:
        return translate(self.error.message, context=self.request) if self.error else ""

    # What the template shows --------------------------------------------

    def facets(self) -> list[dict]:
        if self.result is None:
            return []
        facets = []
        for counts in self.result.facets:
            if not counts.values:
                continue
            options = [
                {
                    "id": f"facet-{counts.facet.index}-{number}",
                    "token": value.token,
                    "title": value.title,
                    "count": value.count,
                    "selected": value.selected,
                    "css_class": "osor-facet-child" if value.parent else "osor-facet-value",
                }
                for number, value in enumerate(counts.values)
            ]
            shown, more = split_top_values(options)
            facets.append({
                "index": counts.facet.index,
                "title": counts.title,
                # Not "values": a path expression would find dict.values.
                "options": shown,
                "more": more,
                "more_label": translate(
                    _("label_facet_more", default="Show ${count} more", mapping={"count": len(more)}),
                    context=self.request,
                ),
            })
        return facets

    def selected_count(self) -> int:
        return len(list(self.result.selected_values)) if self.result is not None else 0

    def filters_label(self) -> str:
        """The label of the control that opens the filters panel."""
        return translate(
            _(
                "label_filters_selected",
                default="Filters (${count} selected)",
                mapping={"count": self.selected_count()},
            ),
            context=self.request,
        )

    def status_message(self) -> str:
        """What a screen reader hears after a value is ticked (the script
        copies it into the page's live region)."""
        total = self.result.total if self.result is not None else 0
        return translate(
            _(
                "search_status",
                default="Filters selected: ${filters}. Results: ${results}.",
                mapping={"filters": self.selected_count(), "results": total},
            ),
            context=self.request,
        )

    def chips(self) -> list[dict]:
        """The selected values, each with the URL of the search without it."""
        if self.result is None:
            return []
        return [
            {
                "facet": counts.title,
                "title": value.title,
                "remove_url": self.url(self.parameters.query_items(without=(counts.facet.index, value.token))),
            }
            for counts, value in self.result.selected_values
        ]

    def hidden_fields(self) -> list[dict]:
        """Choices the form has no control for, kept when it is submitted."""
        keep = {"sort_order", "b_size", "facets"}
        return [{"name": name, "value": value} for name, value in self.parameters.query_items() if name in keep]

    def sort_options(self) -> list[dict]:
        return [
            {
                "value": name,
                "title": translate(SORT_TITLES[name], context=self.request),
                "selected": name == self.parameters.sort_on,
            }
            for name in SORTS
        ]

    def cards(self) -> list[dict]:
        """The results, from catalog brains only (no object is woken)."""
        if self.result is None:
            return []
        titles = self.result.titles
        types_facet = facet_named("portal_type")
        cards = []
        for brain in self.result.brains:
            tags = []
            for column in CARD_TAGS:
                facet = facet_named(column)
                tags.extend(titles.title(facet, token) for token in getattr(brain, column, None) or ())
            cards.append({
                "url": brain.getURL(),
                "title": brain.Title,
                "description": brain.Description,
                "type": titles.title(types_facet, brain.portal_type),
                "date": brain.EffectiveDate if brain.EffectiveDate != "None" else None,
                "tags": tags,
            })
        return cards

    def batch(self) -> dict:
        """Previous/next links and the range shown."""
        if self.result is None or not self.result.total:
            return {}
        start, size, total = self.parameters.b_start, self.parameters.b_size, self.result.total
        items = self.parameters.query_items()

        def page(begin):
            return self.url(items + ([("b_start", str(begin))] if begin else []))

        previous = page(max(0, start - size)) if start > 0 else None
        following = page(start + size) if start + size < total else None
        return {
            "first": min(start + 1, total),
            "last": min(start + size, total),
            "total": total,
            "previous": previous,
            "next": following,
            "paged": bool(previous or following),
        }

    def no_results(self) -> bool:
        return self.result is not None and not self.result.total


def split_top_values(options: list[dict], top: int = TOP_VALUES) -> tuple[list[dict], list[dict]]:
    """The options shown at once (the first ``top`` in the facet's order
    and every selected one) and those behind "more". A facet with at most
    one option more than ``top`` shows them all: a "Show 1 more" control
    would take the line it saves."""
    if len(options) <= top + 1:
        return options, []
    shown, more = [], []
    for number, option in enumerate(options):
        (shown if number < top or option["selected"] else more).append(option)
    return shown, more


class FacetedSearchFeed(FacetedSearchView):
    """``@@faceted-search-rss``: the newest results of a search as RSS 2.0."""

    def __call__(self):
        try:
            self.parameters = self.parse()
        except SearchInputError as error:
            self.request.response.setStatus(400)
            return translate(error.message, context=self.request)
        self.parameters.sort_on = "effective"
        self.parameters.sort_order = ""
        self.parameters.b_start, self.parameters.b_size = 0, RSS_SIZE
        self.parameters.facets = ("portal_type",)
        self.result = faceted_search(self.context, self.request, self.parameters)
        self.request.response.setHeader("Content-Type", "application/rss+xml; charset=utf-8")
        page_url = self.url(self.parameters.query_items())
        items = "".join(
            "<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
            "<description>{description}</description></item>".format(
                title=escape(card["title"] or ""),
                link=escape(card["url"]),
                description=escape(card["description"] or ""),
            )
            for card in self.cards()
        )
        title = translate(
            _("feed_title_search", default="Search: ${site}", mapping={"site": self.context.Title()}),
            context=self.request,
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>{escape(page_url)}</link>"
            f"<description>{escape(title)}</description>{items}</channel></rss>"
        )
