"""REST GET of our folderish types: ``items`` batched, found from the
container's own records (#27).

plone.restapi's folder serializer lists ``items`` with a catalog search as
large as the site; ours reads the container's children from their catalog
records and answers the same: what the visitor may find, in folder order,
batched (``b_size``, 25 by default), ``items_total`` counting them all.
"""

from datetime import datetime
from datetime import timedelta
from pages_content import make_osor_collection
from pages_content import published
from plone import api
from plone.app.testing import logout
from plone.restapi.interfaces import ISerializeToJson
from Products.CMFCore.indexing import processQueue
from Products.CMFPlone.CatalogTool import CatalogTool
from zope.component import getMultiAdapter

import pytest
import transaction


PUBLISHED = 30


@pytest.fixture
def collection(functional_portal):
    collection = make_osor_collection(functional_portal)
    for number in range(PUBLISHED):
        solution = api.content.create(container=collection, type="software_solution", id=f"app-{number}")
        solution.setTitle(f"App {number}")
        published(solution)
    api.content.create(container=collection, type="software_solution", id="draft", title="A draft")
    future = published(api.content.create(container=collection, type="software_solution", id="later", title="Later"))
    future.setEffectiveDate(datetime.now() + timedelta(days=3))
    future.reindexObject()
    solution = collection["app-0"]
    api.content.create(container=solution, type="solution_release", id="v1", title="App 0 1.0", version="1.0")
    api.content.create(container=solution, type="solution_release", id="v2", title="App 0 2.0", version="2.0")
    transaction.commit()
    return collection


def test_a_collection_lists_a_first_batch_of_what_a_visitor_may_find(collection, request_factory):
    data = request_factory().get("/osor").json()
    assert data["is_folderish"] is True
    assert data["items_total"] == PUBLISHED
    assert [item["@id"].rsplit("/", 1)[-1] for item in data["items"]] == [f"app-{n}" for n in range(25)]
    assert data["batching"]["next"].endswith("b_start=25")


def test_the_next_batch_follows_the_folder_order(collection, request_factory):
    data = request_factory().get("/osor?b_start=25&b_size=10").json()
    assert [item["title"] for item in data["items"]] == [f"App {n}" for n in range(25, PUBLISHED)]
    assert data["items_total"] == PUBLISHED


def test_an_editor_finds_drafts_and_items_not_yet_in_effect(collection, request_factory):
    data = request_factory(role="Manager").get("/osor?b_size=100").json()
    names = [item["@id"].rsplit("/", 1)[-1] for item in data["items"]]
    assert names[-2:] == ["draft", "later"]
    assert data["items_total"] == PUBLISHED + 2
    assert "batching" not in data


def test_items_are_summaries_or_full_objects(collection, request_factory):
    summary = request_factory().get("/osor/app-0").json()["items"][0]
    assert summary["@type"] == "solution_release" and "version" not in summary
    full = request_factory().get("/osor/app-0?fullobjects=1").json()["items"]
    assert [item["version"] for item in full] == ["1.0", "2.0"]


def test_a_solution_lists_the_releases_a_visitor_may_see(collection, request_factory):
    not_yet = collection["app-0"]["v1"]
    not_yet.setEffectiveDate(datetime.now() + timedelta(days=3))
    not_yet.reindexObject()
    transaction.commit()
    data = request_factory().get("/osor/app-0").json()
    assert [item["title"] for item in data["items"]] == ["App 0 2.0"]
    assert data["items_total"] == 1


def test_items_can_be_left_out(collection, request_factory):
    data = request_factory().get("/osor?include_items=false").json()
    assert "items" not in data and "items_total" not in data


def test_serialising_a_solution_runs_no_catalog_search(portal, layer_request, monkeypatch):
    """A restricted search intersects sets as large as the site: the items
    are found from the solution's own records instead."""
    solution = make_solution_with_a_release(portal)
    processQueue()
    searches = []
    monkeypatch.setattr(CatalogTool, "searchResults", lambda self, *args, **kw: searches.append(args or kw))
    monkeypatch.setattr(CatalogTool, "__call__", lambda self, *args, **kw: searches.append(args or kw))
    logout()
    data = getMultiAdapter((solution, layer_request), ISerializeToJson)()
    assert [item["title"] for item in data["items"]] == ["App 1.0"]
    assert searches == []


def make_solution_with_a_release(portal):
    solution = published(
        api.content.create(container=make_osor_collection(portal), type="software_solution", id="app", title="App")
    )
    api.content.create(container=solution, type="solution_release", id="v1", title="App 1.0", version="1.0")
    return solution
