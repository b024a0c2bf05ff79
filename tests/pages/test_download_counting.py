"""A distribution's download counter (#27 §5): a GET by a browser counts
once per visitor and day; a HEAD, a prefetch or a known crawler never does;
and what is kept to recognise a visitor is no personal data.

The rules are checked on the ``@@download`` view, and the path a visitor
takes over real HTTP (the functional layer's WSGI server).
"""

from datetime import date
from osor.collection.downloads.counting import ANNOTATION_KEY
from osor.collection.downloads.counting import count_download
from osor.collection.downloads.counting import DIGEST_BYTES
from pages_content import add_release
from pages_content import commit
from pages_content import make_osor_collection
from pages_content import make_solution
from plone import api
from zope.annotation.interfaces import IAnnotations
from ZPublisher.HTTPRequest import HTTPRequest
from ZPublisher.HTTPResponse import HTTPResponse

import crawleruseragents
import io
import pytest
import transaction


FIREFOX = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
CRAWLERS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36",
    "curl/8.5.0",
    "Wget/1.21.4",
    "python-requests/2.32.3",
]
DAY = date(2030, 5, 4)


@pytest.fixture
def distribution(manager):
    collection = make_osor_collection(api.portal.get())
    release = add_release(make_solution(collection), with_file=False)
    return release["source"]


def visitor(*, user_agent=FIREFOX, address="192.0.2.10", method="GET", **headers):
    """A request as one visitor's client sends it."""
    environ = {"REQUEST_METHOD": method, "REMOTE_ADDR": address, "SERVER_NAME": "localhost", "SERVER_PORT": "80"}
    if user_agent is not None:
        environ["HTTP_USER_AGENT"] = user_agent
    environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
    return HTTPRequest(io.BytesIO(), environ, HTTPResponse())


def test_a_browser_counts_once_a_day_however_often_it_downloads(distribution):
    assert count_download(distribution, visitor(), today=DAY) is True
    assert count_download(distribution, visitor(), today=DAY) is False
    assert count_download(distribution, visitor(), today=DAY) is False
    assert distribution.download_count == 1


def test_the_same_visitor_counts_again_the_next_day(distribution):
    count_download(distribution, visitor(), today=DAY)
    assert count_download(distribution, visitor(), today=date(2030, 5, 5)) is True
    assert distribution.download_count == 2


def test_other_visitors_count_each(distribution):
    count_download(distribution, visitor(), today=DAY)
    # Another address; another browser behind the same address (an office).
    assert count_download(distribution, visitor(address="198.51.100.7"), today=DAY) is True
    assert count_download(distribution, visitor(user_agent=CHROME), today=DAY) is True
    assert distribution.download_count == 3


def test_one_visitor_counts_once_on_each_distribution(distribution):
    other = api.content.create(
        container=distribution.aq_parent, type="solution_distribution", id="zip", access_url="https://example.org/a.zip"
    )
    assert count_download(distribution, visitor(), today=DAY) is True
    assert count_download(other, visitor(), today=DAY) is True
    assert (distribution.download_count, other.download_count) == (1, 1)


@pytest.mark.parametrize("method", ["HEAD", "POST", "OPTIONS"])
def test_only_a_get_counts(distribution, method):
    assert count_download(distribution, visitor(method=method), today=DAY) is False
    assert distribution.download_count == 0


@pytest.mark.parametrize("header, value", [("sec_purpose", "prefetch"), ("purpose", "prefetch"), ("x_moz", "prefetch")])
def test_a_browser_prefetch_never_counts(distribution, header, value):
    assert count_download(distribution, visitor(**{header: value}), today=DAY) is False
    assert distribution.download_count == 0


@pytest.mark.parametrize("user_agent", CRAWLERS)
def test_a_known_crawler_never_counts(distribution, user_agent):
    assert crawleruseragents.is_crawler(user_agent)
    assert count_download(distribution, visitor(user_agent=user_agent), today=DAY) is False
    assert distribution.download_count == 0


@pytest.mark.parametrize("user_agent", [None, "", "   "])
def test_a_client_that_does_not_say_what_it_is_does_not_count(distribution, user_agent):
    assert count_download(distribution, visitor(user_agent=user_agent), today=DAY) is False
    assert distribution.download_count == 0


def test_what_is_kept_is_no_address_nor_user_agent_and_only_for_the_day(distribution):
    count_download(distribution, visitor(address="192.0.2.10"), today=DAY)
    visitors = IAnnotations(api.portal.get())[ANNOTATION_KEY]
    assert visitors.day == "2030-05-04"
    (kept,) = list(visitors.seen)
    assert isinstance(kept, bytes) and len(kept) == DIGEST_BYTES
    assert b"192.0.2.10" not in kept and b"Firefox" not in kept
    first_key = visitors.key

    count_download(distribution, visitor(address="198.51.100.7"), today=date(2030, 5, 5))
    visitors = IAnnotations(api.portal.get())[ANNOTATION_KEY]
    # The first day's key and HMACs are gone: they can no longer be linked to anyone.
    assert visitors.day == "2030-05-05" and visitors.key != first_key
    assert len(visitors.seen) == 1 and kept not in visitors.seen


def test_the_download_view_counts_a_browser_once(distribution, layer_request):
    layer_request.environ["HTTP_USER_AGENT"] = FIREFOX
    for _ in range(3):
        api.content.get_view("download", distribution, layer_request)()
        assert layer_request.response.getHeader("Location") == "https://example.org/decidim.zip"
    assert distribution.download_count == 1


# Over real HTTP -----------------------------------------------------------------


@pytest.fixture
def published_download(functional_portal):
    collection = make_osor_collection(functional_portal)
    release = add_release(make_solution(collection), with_file=True)
    commit()
    return release["source"]


def download(request_factory, distribution, method="GET", user_agent=FIREFOX):
    session = request_factory(api=False)
    session.headers["User-Agent"] = user_agent
    url = f"{distribution.absolute_url()}/@@download/file/decidim.tar.gz"
    return session.request(method, url, allow_redirects=False)


def downloads_of(distribution) -> int:
    transaction.begin()  # see what the server committed
    return distribution.download_count


def test_a_visitor_downloading_twice_over_http_counts_once(request_factory, published_download):
    first = download(request_factory, published_download)
    assert first.status_code == 200, first.text[:300]
    assert len(first.content) == 1_234_567
    assert download(request_factory, published_download).status_code == 200
    assert downloads_of(published_download) == 1
    # Another browser on the same machine is another visitor.
    assert download(request_factory, published_download, user_agent=CHROME).status_code == 200
    assert downloads_of(published_download) == 2


def test_a_head_over_http_answers_without_counting(request_factory, published_download):
    answer = download(request_factory, published_download, method="HEAD")
    assert answer.status_code == 200
    assert downloads_of(published_download) == 0


# Googlebot, headless Chromium, python-requests.
@pytest.mark.parametrize("user_agent", CRAWLERS[::3])
def test_a_crawler_downloading_over_http_is_served_but_not_counted(request_factory, published_download, user_agent):
    answer = download(request_factory, published_download, user_agent=user_agent)
    assert answer.status_code == 200
    assert len(answer.content) == 1_234_567
    assert downloads_of(published_download) == 0
