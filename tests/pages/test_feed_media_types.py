"""Every feed of a collection is served over HTTP with the media type of the
format it declares (#27 §5): RSS 2.0 as application/rss+xml, RSS 1.0 (RDF)
as application/rdf+xml, Atom as application/atom+xml; a feed reader parses
each as that format (feedparser).
"""

from pages_content import commit
from pages_content import make_osor_collection
from pages_content import make_solution
from plone.base.interfaces.syndication import IFeedSettings

import feedparser
import lxml.html
import pytest


FEEDS = [
    # (view, media type, feedparser's name of the format)
    ("rss.xml", "application/rss+xml", "rss20"),
    ("RSS", "application/rdf+xml", "rss10"),
    ("atom.xml", "application/atom+xml", "atom10"),
    ("itunes.xml", "application/rss+xml", "rss20"),
    ("rss.xml?portal_type=software_solution", "application/rss+xml", "rss20"),
    ("atom.xml?portal_type=software_solution", "application/atom+xml", "atom10"),
    ("search_rss?SearchableText=Decidim", "application/rss+xml", "rss20"),
    ("@@faceted-search-rss", "application/rss+xml", "rss20"),
]


@pytest.fixture
def collection(functional_portal):
    collection = make_osor_collection(functional_portal)
    make_solution(collection)
    settings = IFeedSettings(collection)
    settings.feed_types = ("RSS", "rss.xml", "atom.xml", "itunes.xml")
    commit()
    return collection


def visitor(request_factory, accept):
    """An anonymous client over HTTP that asks for ``accept``."""
    session = request_factory(api=False)
    session.headers["Accept"] = accept
    return session


def feed_reader(request_factory):
    return visitor(request_factory, "application/rss+xml, application/rdf+xml, application/atom+xml, */*;q=0.1")


def media_type(response) -> str:
    return response.headers["Content-Type"].split(";")[0].strip()


@pytest.mark.parametrize(("view", "expected", "version"), FEEDS, ids=[feed[0] for feed in FEEDS])
def test_a_feed_is_served_with_the_media_type_of_its_format(request_factory, collection, view, expected, version):
    response = feed_reader(request_factory).get(f"{collection.absolute_url()}/{view}")
    assert response.status_code == 200, response.text[:300]
    assert media_type(response) == expected
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert "Decidim" in {entry.title for entry in feed.entries}


def test_every_feed_the_collection_page_links_declares_the_type_it_is_served_with(request_factory, collection):
    page = visitor(request_factory, "text/html").get(collection.absolute_url())
    links = lxml.html.fromstring(page.content).xpath('//link[@rel="alternate"][@type] | //a[@href][@type]')
    declared = {link.get("href"): link.get("type") for link in links if "xml" in link.get("type", "")}
    assert declared, "the collection page links no feed"
    for href, declared_type in declared.items():
        response = feed_reader(request_factory).get(href)
        assert response.status_code == 200, href
        assert media_type(response) == declared_type, href


def test_a_feed_switched_off_answers_404(request_factory, collection):
    IFeedSettings(collection).enabled = False
    commit()
    assert feed_reader(request_factory).get(f"{collection.absolute_url()}/RSS").status_code == 404
