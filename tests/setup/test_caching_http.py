"""HTTP caching over real HTTP: the headers our rulesets give, per view and user.

The demo site (served by a WSGI server, as `make start` serves it) has
caching turned on, as its distribution does. "Not cacheable" means what a
browser or proxy obeys: no ``public``, no ``s-maxage``, no ``max-age``
above 0.
"""

from browser_fixtures import AUTHOR
from browser_fixtures import DEMO_PASSWORD
from browser_fixtures import FACILITATOR
from browser_fixtures import MEMBER
from plone import api
from zope.component.hooks import site
from zope.lifecycleevent import modified

import pytest
import re
import requests
import transaction


COLLECTION = "en/osor"
EVENT = "en/osor/cross-administration-collaboration-webinar"
SOLUTION = "en/osor/decidim"


def get(url: str, user: str | None = None, **headers) -> requests.Response:
    auth = (user, DEMO_PASSWORD) if user else None
    return requests.get(url, auth=auth, headers=headers, allow_redirects=False, timeout=120)


def max_age(response) -> int:
    found = re.search(r"(?<!-)max-age=(\d+)", response.headers.get("Cache-Control", ""))
    return int(found.group(1)) if found else 0


def cacheable(response) -> bool:
    """Whether a browser or a shared cache may reuse ``response`` without asking."""
    cache_control = response.headers.get("Cache-Control", "")
    return "public" in cache_control or "s-maxage" in cache_control or max_age(response) > 0


def assert_revalidated_only(response):
    """Kept by the browser, asked again every time (ETag or Last-Modified)."""
    assert response.status_code == 200, response.status_code
    assert not cacheable(response), response.headers.get("Cache-Control")
    assert "must-revalidate" in response.headers["Cache-Control"]
    assert response.headers.get("ETag")


@pytest.fixture
def url(site_url):
    return lambda path="": f"{site_url}/{path}".rstrip("/")


# Public pages ------------------------------------------------------------


def test_anonymous_gets_a_solution_page_to_revalidate_with_etag_and_last_modified(url):
    response = get(url(SOLUTION))
    assert_revalidated_only(response)
    assert response.headers.get("Last-Modified")


def test_anonymous_revalidation_with_the_etag_is_a_304(url):
    etag = get(url(SOLUTION)).headers["ETag"]
    again = get(url(SOLUTION), **{"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_a_member_gets_no_304_and_nothing_cacheable(url):
    first = get(url(SOLUTION), MEMBER)
    assert first.status_code == 200
    assert not cacheable(first)
    again = get(url(SOLUTION), MEMBER, **{"If-None-Match": first.headers.get("ETag", "*")})
    assert again.status_code == 200


@pytest.mark.parametrize("path", [COLLECTION, f"{COLLECTION}/about", EVENT])
def test_public_pages_of_ours_carry_an_etag_for_anonymous(url, path):
    assert_revalidated_only(get(url(path)))


# Feeds, iCal, search, downloads ---------------------------------------------


@pytest.mark.parametrize("view", ["rss.xml", "atom.xml", "ics_view"])
def test_feeds_and_calendars_are_cached_for_an_hour_for_anonymous(url, view):
    response = get(url(f"{COLLECTION}/{view}"))
    assert response.status_code == 200
    assert max_age(response) == 3600
    assert "public" in response.headers["Cache-Control"]


@pytest.mark.parametrize("view", ["rss.xml", "ics_view"])
def test_feeds_are_not_cached_for_a_member(url, view):
    response = get(url(f"{COLLECTION}/{view}"), FACILITATOR)
    assert response.status_code == 200
    assert not cacheable(response)


def test_faceted_search_is_cached_a_short_time_for_anonymous_only(url):
    anonymous = get(url(f"{COLLECTION}/@@faceted-search?osor_topics=GOVE-collaboration"))
    assert anonymous.status_code == 200
    assert 0 < max_age(anonymous) <= 300
    member = get(url(f"{COLLECTION}/@@faceted-search?osor_topics=GOVE-collaboration"), MEMBER)
    assert not cacheable(member)


def test_a_download_is_cached_long_by_version(url):
    response = get(url(f"{SOLUTION}/v0-28/source/@@download"))
    assert response.status_code in (200, 302)
    assert max_age(response) >= 86400
    assert response.headers["ETag"]


# Open-data exports: ETag from the change key --------------------------------


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        (f"{SOLUTION}/@dcat", "text/turtle"),
        (f"{COLLECTION}/@dcat", "application/rdf+xml"),
        (f"{COLLECTION}/@catalogue", "application/json"),
        (f"{SOLUTION}/@publiccode", "application/yaml"),
    ],
)
def test_open_data_exports_answer_304_while_their_content_is_unchanged(url, path, accept):
    first = get(url(path), Accept=accept)
    assert_revalidated_only(first)
    again = get(url(path), Accept=accept, **{"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_another_format_of_the_same_export_has_another_etag(url):
    turtle = get(url(f"{SOLUTION}/@dcat"), Accept="text/turtle")
    rdf_xml = get(url(f"{SOLUTION}/@dcat"), Accept="application/rdf+xml", **{"If-None-Match": turtle.headers["ETag"]})
    assert rdf_xml.status_code == 200
    assert rdf_xml.headers["ETag"] != turtle.headers["ETag"]


def test_an_edit_of_a_release_changes_the_etag_of_its_solutions_exports(url, demo_portal):
    before = get(url(f"{SOLUTION}/@publiccode"), Accept="application/yaml").headers["ETag"]
    release = demo_portal["en"]["osor"]["decidim"]["v0-28"]
    with site(demo_portal), api.env.adopt_roles(["Manager"]):
        release.title = "A new title"
        modified(release)
    transaction.commit()
    after = get(url(f"{SOLUTION}/@publiccode"), Accept="application/yaml", **{"If-None-Match": before})
    assert after.status_code == 200
    assert after.headers["ETag"] != before


def test_an_export_is_not_revalidated_for_a_member(url):
    first = get(url(f"{SOLUTION}/@dcat"), MEMBER, Accept="text/turtle")
    again = get(url(f"{SOLUTION}/@dcat"), MEMBER, Accept="text/turtle", **{"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200
    assert not cacheable(again)


# Nothing private is ever cacheable ---------------------------------------------


@pytest.fixture
def draft(demo_portal):
    """A draft solution of the author in the public collection."""
    with site(demo_portal), api.env.adopt_user(username=AUTHOR):
        solution = api.content.create(
            container=demo_portal["en"]["osor"], type="software_solution", id="draft-solution", title="Draft"
        )
    assert api.content.get_state(solution) not in ("published", "validated")
    transaction.commit()
    return f"{COLLECTION}/draft-solution"


@pytest.mark.parametrize(
    ("suffix", "owner_status"),
    # The DCAT export holds only what visitors see, for everyone.
    [("", 200), ("/@dcat", 404), ("/@publiccode", 200)],
)
def test_a_draft_is_never_cacheable(url, draft, suffix, owner_status):
    anonymous = get(url(draft + suffix))
    assert anonymous.status_code != 200
    assert not cacheable(anonymous)
    owner = get(url(draft + suffix), AUTHOR)
    assert owner.status_code == owner_status
    assert not cacheable(owner)


@pytest.mark.parametrize(
    ("path", "user"),
    [
        (f"{COLLECTION}/eupl-for-documentation", AUTHOR),
        ("@@legal-requests", AUTHOR),
        (f"{COLLECTION}/@@review", FACILITATOR),
        (f"{COLLECTION}/@@pending-changes", FACILITATOR),
        (f"{SOLUTION}/@@pending-edit", FACILITATOR),
        (f"{COLLECTION}/@@manage-members", FACILITATOR),
        ("@@my-contributions", MEMBER),
        # Changes with memberships, which move no ETag component.
        (f"{COLLECTION}/@@members", MEMBER),
    ],
)
def test_private_pages_are_never_cacheable(url, path, user):
    for asker in (None, user):
        response = get(url(path), asker)
        assert not cacheable(response), (asker, response.status_code, response.headers.get("Cache-Control"))
    assert get(url(path), user).status_code == 200
