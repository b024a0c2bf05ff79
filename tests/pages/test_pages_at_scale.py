"""Item pages cost the same on a small site and a large one (#17, `make bench`).

A solution's screenshots and documentation are its own children, and its
related items are objects at hand: the page reads them directly and looks
their brains up by UID. A catalog search filtered on the visitor's roles
and the effective dates (what ``api.content.find`` does) intersects sets as
large as the site, and made the page load more objects as the site grew.
"""

from datetime import datetime
from datetime import timedelta
from pages_content import make_osor_collection
from pages_content import make_solution
from plone import api
from plone.app.testing import logout
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from Products.CMFPlone.CatalogTool import CatalogTool

import base64
import pytest


# A 1×1 transparent PNG.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@pytest.fixture
def solution(portal):
    solution = make_solution(make_osor_collection(portal))
    api.content.create(
        container=solution,
        type="Image",
        id="screenshot",
        title="The dashboard",
        image=NamedBlobImage(data=PIXEL, filename="dashboard.png"),
    )
    api.content.create(
        container=solution,
        type="File",
        id="manual",
        title="User manual",
        file=NamedBlobFile(data=b"%PDF-1.4", filename="manual.pdf", contentType="application/pdf"),
    )
    return solution


@pytest.fixture
def searches(monkeypatch):
    """The restricted catalog searches run while the test renders a page."""
    calls = []
    search = CatalogTool.searchResults

    def counted(self, *args, **kwargs):
        query = dict(args[0]) if args and isinstance(args[0], dict) else {}
        query.update(kwargs)
        if isinstance(query.get("path"), str):
            query["path"] = {"query": query["path"]}
        calls.append(query)
        return search(self, *args, **kwargs)

    monkeypatch.setattr(CatalogTool, "searchResults", counted)
    monkeypatch.setattr(CatalogTool, "__call__", counted)
    return calls


def render(obj, request):
    return obj.restrictedTraverse(obj.getLayout())()


def test_the_solution_page_lists_its_screenshots_and_files_without_a_site_wide_search(
    solution, layer_request, searches
):
    logout()
    html = render(solution, layer_request)
    assert "The dashboard" in html
    assert "User manual" in html
    where = "/".join(solution.getPhysicalPath())
    children_searches = [
        query for query in searches if query.get("path", {}).get("query") == where and query["path"].get("depth") == 1
    ]
    assert children_searches == []


def test_a_screenshot_not_yet_in_effect_is_not_shown_to_a_visitor(solution, layer_request):
    solution["screenshot"].setEffectiveDate(datetime.now() + timedelta(days=3))
    solution["screenshot"].reindexObject()
    logout()
    assert "The dashboard" not in render(solution, layer_request)


def test_an_editor_sees_a_screenshot_not_yet_in_effect(solution, layer_request):
    solution["screenshot"].setEffectiveDate(datetime.now() + timedelta(days=3))
    assert "The dashboard" in render(solution, layer_request)
