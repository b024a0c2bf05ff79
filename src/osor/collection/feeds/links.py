"""The feeds a collection offers, as links a page shows and a reader follows."""

from osor.collection import _
from osor.collection.feeds.query import community_types
from plone.base.interfaces.syndication import IFeedSettings
from urllib.parse import urlencode


# Plone's syndication view names: RSS 2.0 and Atom (``RSS`` is RSS 1.0).
RSS = "rss.xml"
ATOM = "atom.xml"
CALENDAR = "ics_view"

RSS_MIME = "application/rss+xml"
ATOM_MIME = "application/atom+xml"
CALENDAR_MIME = "text/calendar"


def collection_feeds(collection) -> list[dict]:
    """The collection-wide feeds: RSS 2.0, Atom and the events' calendar
    (``title``, ``url``, ``mime_type``); none when syndication is off."""
    settings = IFeedSettings(collection, None)
    if settings is None or not settings.enabled:
        return []
    url = collection.absolute_url()
    return [
        {"title": _("label_feed_rss", default="RSS"), "url": f"{url}/{RSS}", "mime_type": RSS_MIME},
        {
            "title": _("label_feed_atom", default="Atom"),
            "url": f"{url}/{ATOM}",
            "mime_type": ATOM_MIME,
        },
        {
            "title": _("label_feed_calendar", default="Events calendar (iCal)"),
            "url": f"{url}/{CALENDAR}",
            "mime_type": CALENDAR_MIME,
        },
    ]


def feeds_per_type(collection) -> list[dict]:
    """An RSS 2.0 and an Atom feed per community type (``type_title``,
    ``portal_type``, ``rss``, ``atom``); none when syndication is off."""
    settings = IFeedSettings(collection, None)
    if settings is None or not settings.enabled:
        return []
    url = collection.absolute_url()
    return [
        {
            "portal_type": fti.getId(),
            "type_title": fti.Title(),
            "rss": f"{url}/{RSS}?{urlencode({'portal_type': fti.getId()})}",
            "atom": f"{url}/{ATOM}?{urlencode({'portal_type': fti.getId()})}",
        }
        for fti in community_types()
    ]
