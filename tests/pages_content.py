"""Content and helpers shared by the tests of the visitor's pages (test_pages_*.py)."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser

import json
import lxml.html
import transaction


def published(obj):
    api.content.transition(obj, to_state="published")
    return obj


def make_osor_collection(portal, **fields):
    """A validated collection made by a Manager, who stays a Manager."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    collection = api.content.create(
        container=portal, type="community_collection", id="osor", title="Open Source Observatory", **fields
    )
    api.content.transition(collection, to_state="validated")
    return collection


def make_solution(collection, **fields):
    values = {
        "title": "Decidim",
        "description": "Participatory democracy for cities.",
        "development_status": "Completed",
        "licences": ["AGPL-3.0-only"],
        "repository_url": "https://github.com/decidim/decidim",
        "landing_page": "https://decidim.org",
        "owner_name": "Barcelona City Council",
        "interface_languages": ["ca", "es", "en"],
        **fields,
    }
    return published(api.content.create(container=collection, type="software_solution", id="decidim", **values))


def add_release(solution, version="0.28.0", release_date=None, with_file=True):
    release = api.content.create(
        container=solution,
        type="solution_release",
        id=f"v{version}",
        title=f"Decidim {version}",
        version=version,
        release_date=release_date,
    )
    api.content.create(
        container=release,
        type="solution_distribution",
        id="source",
        title="Source code",
        licence="AGPL-3.0-only",
        file=NamedBlobFile(b"x" * 1_234_567, filename="decidim.tar.gz") if with_file else None,
        access_url=None if with_file else "https://example.org/decidim.zip",
    )
    return release


def anonymous_browser(app):
    browser = Browser(app)
    browser.handleErrors = False
    return browser


def assert_hidden_from_anonymous(app, obj):
    """An anonymous visitor is sent to log in and does not see ``obj``'s title."""
    browser = Browser(app)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    url, title = obj.absolute_url(), obj.Title()
    browser.open(url)
    assert "/login?came_from=" in browser.url
    assert title not in browser.contents


def json_ld(html: str) -> list[dict]:
    """The items of every JSON-LD script of a page (each script's ``@graph`` flattened)."""
    items = []
    for script in lxml.html.fromstring(html).xpath('//script[@type="application/ld+json"]'):
        data = json.loads(script.text)
        assert data["@context"] == "https://schema.org"
        items.extend(data.get("@graph", [data]))
    return items


def of_type(items, kind):
    found = [item for item in items if item.get("@type") == kind]
    assert found, f"no {kind} in {[item.get('@type') for item in items]}"
    return found[0]


def commit():
    transaction.commit()
