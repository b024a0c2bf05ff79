"""The feeds a collection offers, as links a page shows and a reader follows."""

from osor.collection import _
from osor.collection.feeds.query import community_types
from plone.base.interfaces.syndication import IFeedSettings
from urllib.parse import urlencode


# Plone's syndication view names: RSS 2.0 and Atom (``RSS`` is RSS 1.0).
RSS = "rss.xml"
ATOM = "atom.xml"
CALENDAR = "ics_view"

# The media type each format declares (RSS 1.0 is an RDF document).
RSS_MIME = "application/rss+xml"
RDF_MIME = "application/rdf+xml"
ATOM_MIME = "application/atom+xml"
CALENDAR_MIME = "text/calendar"
# Plone's syndication views (its *Allowed feed types*) and the format each writes.
FEED_MIME_TYPES = {
    "RSS": RDF_MIME,
    RSS: RSS_MIME,
    ATOM: ATOM_MIME,
    "itunes.xml": RSS_MIME,
}


def feed_mime_type(url: str) -> str:
    """The media type of the syndication view ``url`` ends with (RSS 2.0
    when it is not one of Plone's, as Plone's head links say of all)."""
    view = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return FEED_MIME_TYPES.get(view, RSS_MIME)


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
