"""A collection's feeds: RSS 2.0, Atom (all its published content, or one
type of it), the iCalendar of its events, and the search results feed.

Feeds are parsed with a real feed parser (feedparser) and ``icalendar``.
"""

from datetime import datetime
from datetime import timedelta
from osor.collection.browser.feeds import CollectionFeedsViewlet
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import TEST_USER_NAME
from plone.event.interfaces import IICalendar

import feedparser
import icalendar
import pytest
import pytz


@pytest.fixture
def published_collection(collection):
    api.content.transition(collection, transition="validate")
    return collection


def create(container, portal_type, id_, state="published", **fields):
    obj = api.content.create(container=container, type=portal_type, id=id_, title=id_.title(), **fields)
    if state == "published":
        api.content.transition(obj, transition="publish")
    return obj


@pytest.fixture
def community_content(published_collection):
    start = pytz.timezone("Europe/Brussels").localize(datetime(2030, 5, 4, 10, 0))
    return {
        "solution": create(published_collection, "software_solution", "published-solution"),
        "draft": create(published_collection, "software_solution", "draft-solution", state="draft"),
        "news": create(published_collection, "community_news", "published-news"),
        "event": create(
            published_collection,
            "community_event",
            "published-webinar",
            start=start,
            end=start + timedelta(hours=2),
        ),
        "draft_event": create(
            published_collection,
            "community_event",
            "draft-webinar",
            state="draft",
            start=start,
            end=start + timedelta(hours=1),
        ),
    }


def anonymous_render(context, view_name, request, **form):
    """Render ``context/view_name`` as an anonymous visitor."""
    request.form.update(form)
    logout()
    try:
        view = api.content.get_view(name=view_name, context=context, request=request)
        return view()
    finally:
        login(api.portal.get(), TEST_USER_NAME)


def entry_titles(feed_text) -> set[str]:
    feed = feedparser.parse(feed_text)
    assert not feed.bozo, feed.bozo_exception
    return {entry.title for entry in feed.entries}


@pytest.mark.parametrize(("view_name", "version"), [("rss.xml", "rss20"), ("atom.xml", "atom10"), ("RSS", "rss10")])
def test_collection_feed_parses_as_its_format(
    published_collection, community_content, layer_request, view_name, version
):
    feed = feedparser.parse(anonymous_render(published_collection, view_name, layer_request))
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert feed.feed.title == published_collection.Title()


def test_collection_feed_holds_only_published_community_content(published_collection, community_content, layer_request):
    titles = entry_titles(anonymous_render(published_collection, "rss.xml", layer_request))
    assert titles == {"Published-Solution", "Published-News", "Published-Webinar"}


def test_collection_feed_does_not_show_drafts_to_their_facilitator_either(
    published_collection, community_content, layer_request
):
    titles = entry_titles(published_collection.restrictedTraverse("atom.xml")())
    assert "Draft-Solution" not in titles


def test_collection_feed_narrows_to_one_content_type(published_collection, community_content, layer_request):
    feed = anonymous_render(published_collection, "atom.xml", layer_request, portal_type="community_news")
    assert entry_titles(feed) == {"Published-News"}


def test_collection_feed_ignores_content_of_other_collections(
    published_collection, community_content, manager, layer_request
):
    other = api.content.create(container=manager, type="community_collection", id="other", title="Other")
    api.content.transition(other, transition="validate")
    create(other, "software_solution", "elsewhere")
    assert "Elsewhere" not in entry_titles(anonymous_render(published_collection, "rss.xml", layer_request))


def test_collection_feed_answers_404_when_an_editor_switched_syndication_off(published_collection, layer_request):
    from plone.base.interfaces.syndication import IFeedSettings
    from zExceptions import NotFound

    IFeedSettings(published_collection).enabled = False
    with pytest.raises(NotFound):
        anonymous_render(published_collection, "rss.xml", layer_request)


def test_collection_calendar_holds_its_published_events(published_collection, community_content):
    logout()
    ical = IICalendar(published_collection).to_ical()
    calendar = icalendar.Calendar.from_ical(ical)
    events = calendar.walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Published-Webinar"]
    assert events[0].decoded("DTSTART").isoformat() == "2030-05-04T10:00:00+02:00"


def test_collection_calendar_is_served_as_text_calendar(published_collection, community_content, layer_request):
    anonymous_render(published_collection, "ics_view", layer_request)
    assert layer_request.response.getHeader("Content-Type").startswith("text/calendar")


def test_collection_page_links_its_feeds(published_collection, community_content, layer_request):
    viewlet = CollectionFeedsViewlet(published_collection, layer_request, None, None)
    viewlet.update()
    html = viewlet.render()
    url = published_collection.absolute_url()
    for href in (
        f"{url}/rss.xml",
        f"{url}/atom.xml",
        f"{url}/ics_view",
        f"{url}/rss.xml?portal_type=software_solution",
    ):
        assert f'href="{href}"' in html


def test_search_results_feed_of_a_subfolder_answers(published_collection, community_content, layer_request):
    """The search page of a language root links to ``<root>/search_rss``."""
    feed = anonymous_render(published_collection, "search_rss", layer_request, SearchableText="Published-News")
    assert "Published-News" in entry_titles(feed)
