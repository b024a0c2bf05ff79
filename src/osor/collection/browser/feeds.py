"""Feed links on a collection's pages, and the search results feed."""

from osor.collection.content.community_collection import containing_collection
from osor.collection.feeds.links import collection_feeds
from osor.collection.feeds.links import feed_mime_type
from osor.collection.feeds.links import FEED_MIME_TYPES
from osor.collection.feeds.links import feeds_per_type
from osor.collection.feeds.links import RSS_MIME
from pathlib import Path
from plone import api
from plone.app.layout.links.viewlets import RSSViewlet
from plone.app.layout.viewlets.common import ViewletBase
from Products.CMFPlone.browser.search import Search
from Products.CMFPlone.browser.syndication.adapters import FolderFeed
from Products.CMFPlone.browser.syndication.views import FeedView
from Products.CMFPlone.browser.syndication.views import SearchFeedView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

import Products.CMFPlone.browser.syndication


PLONE_SYNDICATION_TEMPLATES = Path(Products.CMFPlone.browser.syndication.__file__).parent / "templates"


class CollectionFeedsViewlet(ViewletBase):
    """ "Follow this collection": its RSS, Atom and calendar feeds, a feed
    per content type, as visible links, and e-mail updates (the
    subscription box of ``subscriptions.py``)."""

    index = ViewPageTemplateFile("templates/feeds_viewlet.pt")

    def update(self):
        super().update()
        collection = containing_collection(self.context)
        self.feeds = collection_feeds(collection) if collection is not None else []
        self.feeds_per_type = feeds_per_type(collection) if collection is not None else []

    def available(self) -> bool:
        return bool(self.feeds)

    def subscription_box(self) -> str:
        collection = containing_collection(self.context)
        if collection is None:
            return ""
        return api.content.get_view("subscription", collection, self.request).form()


class CollectionFeedsHeadViewlet(CollectionFeedsViewlet):
    """``<link rel="alternate">`` to the collection's feeds, for the readers
    that discover feeds from a page's head (Plone's ``plone.links.RSS``
    viewlet types only some of its links, and knows no calendar)."""

    index = ViewPageTemplateFile("templates/feeds_head.pt")


class TypedFeedLinksViewlet(RSSViewlet):
    """Plone's ``plone.links.RSS`` on a collection, each ``<link>`` with the
    media type of its feed (Plone's says application/rss+xml of all)."""

    index = ViewPageTemplateFile("templates/feeds_typed_links.pt")

    def update(self):
        super().update()
        for link in self.rsslinks:
            link["mime_type"] = feed_mime_type(link["url"])


class _TypedFeedView(FeedView):
    """One of Plone's syndication views, served with the media type of the
    format its template writes (Plone serves all of them as Atom)."""

    @property
    def content_type(self):
        return FEED_MIME_TYPES[self.__name__]


class RSS10FeedView(_TypedFeedView):
    """A collection's ``RSS``: RSS 1.0, an RDF document."""

    index = ViewPageTemplateFile(str(PLONE_SYNDICATION_TEMPLATES / "RSS.pt"))


class RSS20FeedView(_TypedFeedView):
    """A collection's ``rss.xml``: RSS 2.0."""

    index = ViewPageTemplateFile(str(PLONE_SYNDICATION_TEMPLATES / "rss.xml.pt"))


class ITunesFeedView(_TypedFeedView):
    """A collection's ``itunes.xml``: RSS 2.0 with iTunes' tags."""

    index = ViewPageTemplateFile(str(PLONE_SYNDICATION_TEMPLATES / "itunes.xml.pt"))


class SearchResultsFeed(FolderFeed):
    """The results of the search a visitor ran, as a feed: the same query
    as the search page (Plone's ``@@search`` view reads the request)."""

    def _brains(self):
        search = Search(self.context, self.context.REQUEST)
        return search.results(batch=False, use_content_listing=False)[: self.limit]


class SearchResultsFeedView(SearchFeedView):
    """``search_rss`` of every folder, not only of the site root: the search
    page of a language root (``/en/@@search``) links to ``/en/search_rss``,
    which Plone answers with 404 (its search feed adapts the site root only).
    The results are served as RSS 2.0 with Plone's own feed template."""

    index = ViewPageTemplateFile(str(PLONE_SYNDICATION_TEMPLATES / "rss.xml.pt"))

    def feed(self):
        return SearchResultsFeed(self.context)

    def __call__(self):
        util = api.content.get_view("syndication-util", self.context, self.request)
        if util.search_rss_enabled(raise404=True):
            self.request.response.setHeader("Content-Type", RSS_MIME)
            return self.index()
