"""A collection as a syndication feed and as a calendar."""

from osor.collection.content.community_collection import ICommunityCollection
from osor.collection.feeds.query import PUBLISHED
from osor.collection.feeds.query import published_content_query
from plone import api
from plone.app.event.base import get_events
from plone.app.event.base import RET_MODE_BRAINS
from plone.app.event.ical.exporter import construct_icalendar
from plone.base.interfaces.syndication import IFeedSettings
from plone.event.interfaces import IICalendar
from Products.CMFPlone.browser.syndication.adapters import FolderFeed
from Products.CMFPlone.browser.syndication.settings import FeedSettings
from zope.component import adapter
from zope.interface import implementer


class CollectionFeed(FolderFeed):
    """The published community content of a collection, the whole tree
    (a release's solution is in the feed, wherever it is filed)."""

    @property
    def portal_type(self) -> str:
        requested = self.context.REQUEST.form.get("portal_type", "")
        return requested if isinstance(requested, str) else ""

    def _brains(self):
        catalog = api.portal.get_tool("portal_catalog")
        return catalog(
            **published_content_query(self.context, self.portal_type),
            sort_limit=self.limit,
        )[: self.limit]


@adapter(ICommunityCollection)
@implementer(IFeedSettings)
class CollectionFeedSettings(FeedSettings):
    """Syndication is on for every collection unless an editor switched it
    off on the collection's *Syndication* form."""

    def __getattr__(self, name):
        if name.startswith("__"):  # zope.interface's lookups, not settings
            raise AttributeError(name)
        if name == "enabled":
            return self._metadata.get("enabled", True)
        return super().__getattr__(name)


@adapter(ICommunityCollection)
@implementer(IICalendar)
def collection_calendar(collection):
    """The collection's published events, as an iCalendar."""
    events = get_events(
        collection,
        ret_mode=RET_MODE_BRAINS,
        expand=False,
        path="/".join(collection.getPhysicalPath()),
        review_state=PUBLISHED,
    )
    return construct_icalendar(collection, events)
