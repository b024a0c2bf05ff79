"""The bulk catalogue for harvesters (issue #19 §4): @catalogue pages every
public software solution with its releases and distributions, by an opaque
cursor that stays correct while the catalogue changes; modified_since and
tombstones for incremental harvests; a streamed JSON Lines dump."""

from DateTime import DateTime
from datetime import datetime
from datetime import UTC
from osor.collection.content.software_solution import ISoftwareSolution
from osor.collection.interop.catalogue.changes import KEY_INDEX
from osor.collection.interop.catalogue.cursor import CatalogueRequestError
from osor.collection.interop.catalogue.cursor import decode_cursor
from osor.collection.interop.catalogue.cursor import encode_cursor
from osor.collection.interop.catalogue.cursor import parse_request
from osor.collection.interop.catalogue.listing import deleted_since
from osor.collection.interop.catalogue.listing import page_after
from osor.collection.interop.catalogue.stream import CatalogueStream
from osor.collection.interop.catalogue.stream import dump_lines
from osor.collection.interop.catalogue.stream import url_maker
from osor.collection.upgrades.catalogue import add_catalogue_key_index
from plone import api
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.textfield.value import RichTextValue
from urllib.parse import parse_qs
from urllib.parse import urlparse
from zope.lifecycleevent import modified

import json
import pytest
import time
import transaction


def add_solution(collection, name, state="published", **fields):
    solution = api.content.create(
        container=collection,
        type="software_solution",
        id=name,
        title=name.capitalize(),
        **fields,
    )
    if state != "draft":
        api.content.transition(solution, to_state=state)
    return solution


def add_release(solution, version="1.0"):
    release = api.content.create(
        container=solution,
        type="solution_release",
        id=f"v{version}",
        title=version,
        version=version,
    )
    api.content.create(
        container=release,
        type="solution_distribution",
        id="zip",
        title="zip",
        access_url=f"https://example.org/{solution.getId()}-{version}.zip",
        licence="EUPL-1.2",
    )
    return release


def build_catalogue(portal, public=5):
    """A validated collection with ``public`` published solutions (the first
    with a release and a distribution) and what must never be listed: a
    draft, a proposed solution, a legal request, and a published solution of
    a draft collection."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    collection = api.content.create(container=portal, type="community_collection", id="osor", title="OSOR")
    api.content.transition(collection, to_state="validated")
    for number in range(public):
        solution = add_solution(
            collection,
            f"app{number}",
            spatial_coverage=["DK"],
            topics=["GOVE-interoperability"],
            licences=["EUPL-1.2"],
            repository_url=f"https://example.org/app{number}.git",
        )
        if number == 0:
            add_release(solution)
    add_solution(collection, "draft", state="draft")
    add_solution(collection, "proposed", state="proposed")
    request = api.content.create(
        container=collection,
        type="legal_request",
        id="question",
        title="May we combine EUPL and GPL code?",
        question=RichTextValue("<p>May we?</p>", "text/html"),
        category="licence_compatibility",
        licences=["EUPL-1.2"],
    )
    api.content.transition(request, transition="take")
    api.content.transition(request, transition="answer", comment="Yes.")
    hidden = api.content.create(container=portal, type="community_collection", id="hidden", title="Hidden")
    add_solution(hidden, "secret")
    return collection


def iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, tz=UTC).isoformat()


def everything(context, limit=2, since=None) -> list[str]:
    """The ids of all the pages of ``context``'s catalogue, in order."""
    ids, after = [], None
    while True:
        page = page_after(context, after, limit, since)
        ids += [solution.getId() for solution in page.solutions]
        if not page.more:
            return ids
        after = page.last_key


@pytest.fixture
def catalogue(portal):
    return build_catalogue(portal)


# Which solutions, in which order ----------------------------------------------


def test_paging_lists_every_public_solution_exactly_once(catalogue, portal):
    ids = everything(portal, limit=2)
    assert sorted(ids) == ["app0", "app1", "app2", "app3", "app4"]
    assert len(ids) == len(set(ids))


def test_drafts_proposals_legal_requests_and_hidden_collections_never_appear(catalogue, portal):
    ids = everything(portal, limit=500)
    assert not {"draft", "proposed", "question", "secret"} & set(ids)


def test_no_solution_is_listed_while_no_collection_is_public(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    hidden = api.content.create(container=portal, type="community_collection", id="hidden", title="Hidden")
    add_solution(hidden, "secret")
    assert everything(portal) == []


def test_a_manager_gets_the_same_catalogue_as_a_visitor(catalogue, portal):
    as_manager = everything(portal, limit=500)
    logout()
    assert everything(portal, limit=500) == as_manager


def test_a_collection_lists_only_its_own_solutions(catalogue, portal):
    other = api.content.create(container=portal, type="community_collection", id="other", title="Other")
    api.content.transition(other, to_state="validated")
    add_solution(other, "elsewhere")
    assert "elsewhere" in everything(portal)
    assert "elsewhere" not in everything(catalogue)


def test_archived_and_expired_solutions_are_not_listed(catalogue, portal):
    catalogue["app2"].setExpirationDate(DateTime() - 1)
    catalogue["app2"].reindexObject()
    assert "app2" not in everything(portal)
    api.content.transition(catalogue, transition="archive", comment="The project ended.")
    assert api.content.get_state(catalogue["app1"]) == "archived"
    assert everything(portal) == []


def test_pages_follow_the_time_of_the_last_change(catalogue, portal):
    catalogue["app1"].description = "Changed"
    modified(catalogue["app1"])
    assert everything(portal)[-1] == "app1"


def test_a_new_release_moves_its_solution_to_the_end(catalogue, portal):
    add_release(catalogue["app2"], "2.0")
    assert everything(portal)[-1] == "app2"


def test_removing_a_distribution_moves_its_solution_to_the_end(catalogue, portal):
    api.content.delete(catalogue["app0"]["v1.0"]["zip"])
    assert everything(portal)[-1] == "app0"


# Stable while the catalogue changes ---------------------------------------------


def test_items_added_and_changed_between_pages_are_neither_skipped_nor_repeated(catalogue, portal):
    first = page_after(portal, None, 2, None)
    seen = [solution.getId() for solution in first.solutions]
    # Between two pages: a new solution, a change of one already listed and
    # of one not yet listed, and one unpublished.
    add_solution(catalogue, "newcomer")
    changed_seen, changed_unseen = seen[0], "app4"
    modified(catalogue[changed_seen])
    modified(catalogue[changed_unseen])
    rest = everything_after(portal, first.last_key)
    # Unchanged items already listed do not come back; nothing is skipped;
    # what changed after it was listed comes again, as a harvester wants.
    assert seen[1] not in rest
    assert set(seen) | set(rest) == {"app0", "app1", "app2", "app3", "app4", "newcomer"}
    assert rest.count(changed_unseen) == 1
    assert rest[-3:] == ["newcomer", changed_seen, changed_unseen]


def everything_after(context, after, limit=2) -> list[str]:
    ids = []
    while True:
        page = page_after(context, after, limit, None)
        ids += [solution.getId() for solution in page.solutions]
        if not page.more:
            return ids
        after = page.last_key


# modified_since and tombstones --------------------------------------------------


def test_modified_since_lists_only_what_changed_since(catalogue, portal):
    since = time.time()
    modified(catalogue["app3"])
    add_solution(catalogue, "fresh")
    assert everything(portal, since=since) == ["app3", "fresh"]
    assert deleted_since(portal, since) == []


def test_publishing_an_old_draft_counts_as_a_change(catalogue, portal):
    since = time.time()
    api.content.transition(catalogue["draft"], to_state="published")
    assert everything(portal, since=since) == ["draft"]


def test_deleting_a_public_solution_leaves_a_tombstone(catalogue, portal):
    since = time.time()
    uid = catalogue["app2"].UID()
    api.content.delete(catalogue["app2"])
    [tombstone] = deleted_since(portal, since)
    assert tombstone["uid"] == uid
    assert tombstone["path"] == "/plone/osor/app2"
    assert tombstone["when"] >= since
    assert deleted_since(portal, time.time() + 1) == []


def test_unpublishing_leaves_a_tombstone(catalogue, portal):
    since = time.time()
    api.content.transition(catalogue["app3"], transition="request_changes", comment="Fix it.")
    assert [tomb["uid"] for tomb in deleted_since(portal, since)] == [catalogue["app3"].UID()]


def test_archiving_the_collection_leaves_a_tombstone_per_solution(catalogue, portal):
    since = time.time()
    api.content.transition(catalogue, transition="archive", comment="The project ended.")
    assert {tomb["path"] for tomb in deleted_since(portal, since)} == {
        f"/plone/osor/app{number}" for number in range(5)
    }


def test_publishing_again_removes_the_tombstone(catalogue, portal):
    since = time.time()
    api.content.transition(catalogue["app1"], transition="request_changes", comment="Fix it.")
    api.content.transition(catalogue["app1"], transition="publish")
    assert deleted_since(portal, since) == []
    assert "app1" in everything(portal, since=since)


def test_drafts_leave_no_tombstone(catalogue, portal):
    since = time.time()
    api.content.transition(catalogue["draft"], transition="submit")
    api.content.delete(catalogue["proposed"])
    assert deleted_since(portal, since) == []


def test_a_solution_moved_to_another_collection_is_a_tombstone_for_the_first_only(catalogue, portal):
    other = api.content.create(container=portal, type="community_collection", id="other", title="Other")
    api.content.transition(other, to_state="validated")
    since = time.time()
    api.content.move(catalogue["app1"], other)
    assert [tomb["path"] for tomb in deleted_since(catalogue, since)] == ["/plone/osor/app1"]
    assert deleted_since(portal, since) == []  # still listed on the site
    assert "app1" in everything(portal, since=since)


def test_validating_a_collection_brings_its_published_solutions_in(catalogue, portal):
    since = time.time()
    api.content.transition(portal["hidden"], to_state="validated")
    assert everything(portal, since=since) == ["secret"]


# The records -----------------------------------------------------------------------


def test_a_record_holds_the_solution_its_releases_and_distributions(catalogue, portal):
    url_for = url_maker(portal.getPhysicalPath(), "https://osor.example")
    [line] = [
        json.loads(line) for line in dump_lines(portal, url_for) if json.loads(line)["uid"] == catalogue["app0"].UID()
    ]
    assert line["@type"] == "software_solution"
    assert line["@id"] == "https://osor.example/osor/app0"
    assert line["title"] == "App0"
    assert line["countries"] == ["DK"]
    assert line["topics"] == ["GOVE-interoperability"]
    assert line["licences"] == ["EUPL-1.2"]
    assert line["licence_expression"] == "EUPL-1.2"
    assert line["repository_url"] == "https://example.org/app0.git"
    assert line["collection"] == catalogue.UID()
    assert line["created"].startswith("20")
    [release] = line["releases"]
    assert release["version"] == "1.0"
    [distribution] = release["distributions"]
    assert distribution["download_url"] == "https://example.org/app0-1.0.zip"
    assert distribution["licence"] == "EUPL-1.2"


# Upgrade ---------------------------------------------------------------------------


def test_the_upgrade_adds_the_index_and_indexes_existing_solutions(catalogue, portal):
    portal.portal_catalog.delIndex(KEY_INDEX)
    modified(catalogue["app1"])  # a site not upgraded yet keeps working
    add_catalogue_key_index()
    add_catalogue_key_index()  # idempotent
    assert sorted(everything(portal)) == ["app0", "app1", "app2", "app3", "app4"]


# Parameters and cursor --------------------------------------------------------------


def test_a_cursor_round_trips_and_a_tampered_one_is_refused():
    key = f"{1764570000.5:020.6f}|{'a' * 32}"
    cursor = encode_cursor(key)
    assert decode_cursor(cursor) == key
    for tampered in [cursor[:-2], cursor + "x", "!!!", encode_cursor("1|" + "a" * 32), "e30"]:
        with pytest.raises(CatalogueRequestError) as error:
            decode_cursor(tampered)
        assert error.value.parameter == "cursor"


@pytest.mark.parametrize(
    "form,parameter",
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "501"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"limit": ["1", "2"]}, "limit"),
        ({"modified_since": "yesterday"}, "modified_since"),
        ({"modified_since": "2026-02-30"}, "modified_since"),
        ({"format": "xml"}, "format"),
        ({"cursor": "x" * 300}, "cursor"),
    ],
)
def test_bad_parameters_are_refused_naming_the_parameter(form, parameter):
    with pytest.raises(CatalogueRequestError) as error:
        parse_request(form)
    assert error.value.parameter == parameter


def test_parameters_have_defaults_and_accept_iso_dates():
    assert parse_request({}).limit == 100
    assert parse_request({"modified_since": "1970-01-02"}).modified_since == 86400
    assert parse_request({"modified_since": "1970-01-01T01:00:00+01:00"}).modified_since == 0


# Memory ----------------------------------------------------------------------------


def test_the_dump_does_not_keep_the_solutions_it_has_written_in_memory(functional_portal):
    collection = build_catalogue(functional_portal, public=60)
    transaction.commit()
    # A production-sized cache target: the cache's own garbage collection
    # would not free anything, only the dump's deactivation does.
    database = functional_portal._p_jar.db()
    cache_size = database.getCacheSize()
    database.setCacheSize(100_000)
    stream = CatalogueStream(collection, "https://osor.example/osor", page_size=10)
    lines = 0
    awake = []
    for _line in stream:
        lines += 1
        connection = stream._connection
        if connection is not None:
            awake.append(
                sum(
                    1
                    for _oid, obj in connection._cache.lru_items()  # the awake ones
                    if ISoftwareSolution.providedBy(obj)
                )
            )
    database.setCacheSize(cache_size)
    assert lines == 60
    # At most one page of solutions awake at any time.
    assert max(awake) <= 10
    assert stream._connection is None  # closed at the end


# Over HTTP ------------------------------------------------------------------------------


@pytest.fixture
def published(functional_portal):
    """The fixture, committed, for requests over HTTP."""
    build_catalogue(functional_portal)
    setRoles(functional_portal, TEST_USER_ID, ["Member"])
    transaction.commit()
    return functional_portal


def harvest(session, url, **params) -> tuple[list[dict], list[dict]]:
    """Every page from ``url`` on: (items, deleted of the first page)."""
    response = session.get(url, params=params)
    assert response.status_code == 200, response.text
    data = response.json()
    items, deleted = list(data["items"]), data["deleted"]
    while data["next"]:
        data = session.get(api_url(data["next"])).json()
        items += data["items"]
    return items, deleted


def api_url(url: str) -> str:
    """A ``next`` address, relative to the test session's site (whose base
    address goes through the REST API traverser)."""
    parsed = urlparse(url)
    return parsed.path.removeprefix("/plone/") + "?" + parsed.query


def test_rest_pages_through_every_public_solution_once(published, request_factory):
    session = request_factory()
    response = session.get("@catalogue", params={"limit": "2"})
    data = response.json()
    assert set(data) == {"@id", "items", "next", "deleted"}
    assert len(data["items"]) == 2
    assert "cursor=" in data["next"] and "limit=2" in data["next"]
    items, deleted = harvest(session, "@catalogue", limit="2")
    assert sorted(item["title"] for item in items) == ["App0", "App1", "App2", "App3", "App4"]
    assert len({item["uid"] for item in items}) == 5
    assert deleted == []


def test_rest_paging_is_stable_while_items_are_added_and_modified(published, request_factory):
    session = request_factory()
    first = session.get("@catalogue", params={"limit": "2"}).json()
    seen = [item["uid"] for item in first["items"]]
    setRoles(published, TEST_USER_ID, ["Manager"])
    new = add_solution(published["osor"], "newcomer")
    modified(published["osor"]["app4"])
    transaction.commit()
    rest, _deleted = harvest(session, api_url(first["next"]))
    rest_uids = [item["uid"] for item in rest]
    assert not set(seen) & set(rest_uids)  # unchanged items do not come back
    assert len(rest_uids) == len(set(rest_uids))
    assert set(seen) | set(rest_uids) == {
        published["osor"][name].UID() for name in ("app0", "app1", "app2", "app3", "app4")
    } | {new.UID()}
    assert rest_uids[-2:] == [new.UID(), published["osor"]["app4"].UID()]


def test_rest_modified_since_answers_changes_and_tombstones(published, request_factory):
    setRoles(published, TEST_USER_ID, ["Manager"])
    api.content.delete(published["osor"]["app0"])
    api.content.transition(published["osor"]["app1"], transition="request_changes", comment="x")
    transaction.commit()
    time.sleep(0.01)
    since = time.time()
    api.content.transition(published["osor"]["app1"], transition="publish")
    api.content.delete(published["osor"]["app2"])
    transaction.commit()
    items, deleted = harvest(request_factory(), "@catalogue", modified_since=iso(since))
    assert [item["title"] for item in items] == ["App1"]
    assert [(tomb["path"], tomb["@type"]) for tomb in deleted] == [("/plone/osor/app2", "tombstone")]
    assert deleted[0]["@id"].endswith("/plone/osor/app2")


@pytest.mark.parametrize(
    "params,parameter",
    [
        ({"limit": "1000"}, "limit"),
        ({"limit": "-1"}, "limit"),
        ({"modified_since": "not a date"}, "modified_since"),
        ({"format": "csv"}, "format"),
        ({"cursor": "bm90IGEgY3Vyc29y"}, "cursor"),  # base64 of "not a cursor"
    ],
)
def test_rest_answers_bad_parameters_with_400_naming_them(published, request_factory, params, parameter):
    response = request_factory().get("@catalogue", params=params)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["parameter"] == parameter


def test_rest_refuses_a_tampered_cursor(published, request_factory):
    session = request_factory()
    next_url = session.get("@catalogue", params={"limit": "2"}).json()["next"]
    cursor = parse_qs(urlparse(next_url).query)["cursor"][0]
    tampered = cursor[:-3] + ("AAA" if not cursor.endswith("AAA") else "BBB")
    response = session.get("@catalogue", params={"limit": "2", "cursor": tampered})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "cursor"


@pytest.mark.parametrize("url,api", [("@catalogue?format=jsonl", True), ("@@catalogue-dump", False)])
def test_the_jsonl_dump_streams_one_solution_per_line(published, request_factory, url, api):
    response = request_factory(api=api).get(url, stream=True)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in response.iter_lines() if line]
    assert sorted(record["title"] for record in records) == ["App0", "App1", "App2", "App3", "App4"]
    assert {record["@type"] for record in records} == {"software_solution"}


def test_the_jsonl_dump_with_modified_since_ends_with_tombstones(published, request_factory):
    since = time.time()
    setRoles(published, TEST_USER_ID, ["Manager"])
    api.content.delete(published["osor"]["app3"])
    transaction.commit()
    response = request_factory(api=False).get("osor/@@catalogue-dump", params={"modified_since": iso(since)})
    records = [json.loads(line) for line in response.text.splitlines()]
    assert [(record["@type"], record["path"]) for record in records] == [("tombstone", "/plone/osor/app3")]


def test_the_jsonl_dump_refuses_bad_parameters(published, request_factory):
    response = request_factory(api=False).get("@@catalogue-dump", params={"modified_since": "x"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "modified_since"


def test_the_dump_reads_one_snapshot_while_the_site_changes(published):
    stream = CatalogueStream(published, "https://osor.example", page_size=2)
    first = json.loads(next(stream))
    setRoles(published, TEST_USER_ID, ["Manager"])
    api.content.delete(published["osor"]["app4"])
    add_solution(published["osor"], "newcomer")
    transaction.commit()
    titles = [first["title"]] + [json.loads(line)["title"] for line in stream]
    assert sorted(titles) == ["App0", "App1", "App2", "App3", "App4"]
