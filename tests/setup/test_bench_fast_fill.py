"""The bench's fast fill (benchmarks/fast_fill.py) stores what plone.api
stores: an item made by each is compared field by field, record by
record, with what only their ids, UIDs, paths and times may differ in."""

from DateTime import DateTime
from paths import ROOT
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.dexterity.utils import iterSchemata
from Products.CMFCore.indexing import processQueue
from zope.annotation.interfaces import IAnnotations
from zope.schema import getFieldsInOrder

import pytest
import re
import sys


BENCHMARKS = ROOT / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import bench  # noqa: E402
import fast_fill  # noqa: E402


VALUES = {
    "countries": ["DK", "FR"],
    "topics": ["TECH-cloud", "GOVE-open-data"],
    "words": "interoperability platform registry",
    "licence": "EUPL-1.2",
    "status": "Completed",
    "owner_type": "LocalAuthority",
}
# Records that differ by nature: when and where each item was made.
DATES = {
    "created", "modified", "effective", "expires", "effectiveRange", "Date", "CreationDate",
    "ModificationDate", "EffectiveDate", "ExpirationDate", "start", "end", "osor_catalogue_key",
}  # fmt: skip
UNIQUE = {"UID", "getId", "id", "path", "getPhysicalPath", "cmf_uid"}
# Item 1 is made by the API, item 2 by the fast fill (sortable titles pad it).
NUMBER = re.compile(r"(?<![0-9.])0*[12](?![0-9.])")


@pytest.fixture
def made(portal):
    """An item made through plone.api (bench.create_*) and one by the fast
    fill, with the same values, as the bench makes them."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    portal.portal_workflow.setChainForPortalTypes(("Folder", "Document"), "simple_publication_workflow")
    collection = api.content.create(container=portal, type="community_collection", id="osor", title="OSOR")
    api.content.transition(collection, to_state="validated")
    folder = api.content.create(container=portal, type="Folder", id="docs", title="Docs")
    api.content.transition(folder, to_state="published")
    bench.create_solution(collection, dict(VALUES, number=1))
    bench.create_document(folder, dict(VALUES, number=1))
    processQueue()
    fast_fill.fill_solution(collection, dict(VALUES, number=2))
    # A batch, as the bench fills them: item 2 is compared, 3 is added with it.
    fast_fill.fill_documents(folder, [dict(VALUES, number=2), dict(VALUES, number=3)])
    processQueue()
    setRoles(portal, TEST_USER_ID, ["Member"])
    return {
        "solution": (collection["solution-1"], collection["solution-2"]),
        "release": (collection["solution-1"]["release"], collection["solution-2"]["release"]),
        "distribution": (
            collection["solution-1"]["release"]["distribution"],
            collection["solution-2"]["release"]["distribution"],
        ),
        "document": (folder["document-1"], folder["document-2"]),
    }


KINDS = ["solution", "release", "distribution", "document"]


def normal(value, obj):
    """``value`` of ``obj`` with what identifies ``obj`` (its number, UID,
    path) written as placeholders."""
    if isinstance(value, DateTime):
        return "<date>"
    if isinstance(value, (list, tuple, set, frozenset)):
        return type(value)(normal(item, obj) for item in value)
    if isinstance(value, dict):
        return {key: normal(item, obj) for key, item in value.items()}
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, str):
        path = "/".join(obj.getPhysicalPath())
        value = value.replace(path, "<path>").replace(api.content.get_uuid(obj), "<uid>")
        return NUMBER.sub("N", value)
    return value


def differences(by_api: dict, by_fill: dict) -> dict:
    """The entries that differ: (by the API, by the fast fill)."""
    return {
        name: (by_api.get(name, "<missing>"), by_fill.get(name, "<missing>"))
        for name in by_api.keys() | by_fill.keys()
        if by_api.get(name, "<missing>") != by_fill.get(name, "<missing>")
    }


def fields(obj) -> dict:
    values = {}
    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            if name in DATES | {"effective", "expires"}:
                continue
            values[name] = normal(field.get(field.interface(obj)), obj)
    return values


def record(obj) -> tuple[dict, dict]:
    catalog = api.portal.get_tool("portal_catalog")
    rid = catalog.getrid("/".join(obj.getPhysicalPath()))
    assert rid is not None, obj
    indexes = {
        name: normal(value, obj)
        for name, value in catalog.getIndexDataForRID(rid).items()
        if name not in DATES | UNIQUE
    }
    metadata = {
        name: normal(value, obj) for name, value in catalog.getMetadataForRID(rid).items() if name not in DATES | UNIQUE
    }
    return indexes, metadata


@pytest.mark.parametrize("kind", KINDS)
def test_fields_are_the_same(made, kind):
    by_api, by_fill = made[kind]
    assert differences(fields(by_api), fields(by_fill)) == {}
    assert (by_fill.effective_date is None) == (by_api.effective_date is None)


@pytest.mark.parametrize("kind", KINDS)
def test_stored_attributes_and_annotations_are_the_same(made, kind):
    by_api, by_fill = made[kind]
    for obj in (by_api, by_fill):
        obj._p_activate()
    stored = [{name for name in vars(obj) if not name.startswith("_v_")} for obj in (by_api, by_fill)]
    assert stored[1] ^ stored[0] == set(), vars(by_fill)
    annotations = IAnnotations(by_api), IAnnotations(by_fill)
    assert set(annotations[1]) ^ set(annotations[0]) == set()
    for key in annotations[0]:
        if key.startswith("osor"):
            assert normal(dict(annotations[1][key]), by_fill) == normal(dict(annotations[0][key]), by_api), key


@pytest.mark.parametrize("kind", KINDS)
def test_catalog_records_are_the_same(made, kind):
    by_api, by_fill = made[kind]
    (indexes, metadata), (fill_indexes, fill_metadata) = record(by_api), record(by_fill)
    assert differences(indexes, fill_indexes) == {}
    assert differences(metadata, fill_metadata) == {}


@pytest.mark.parametrize("kind", KINDS)
def test_workflow_and_local_roles_are_the_same(made, kind):
    by_api, by_fill = made[kind]
    assert api.content.get_state(by_fill, default=None) == api.content.get_state(by_api, default=None)
    histories = [
        [(entry["action"], entry["review_state"], entry["actor"]) for entry in entry_list]
        for entry_list in (
            api.portal.get_tool("portal_workflow").getInfoFor(obj, "review_history", []) for obj in (by_api, by_fill)
        )
    ]
    assert histories[1] == histories[0]
    assert by_fill.get_local_roles() == by_api.get_local_roles()
    permissions = [
        {name: obj.rolesOfPermission(name) for name in ("View", "Access contents information", "Modify portal content")}
        for obj in (by_api, by_fill)
    ]
    assert permissions[1] == permissions[0]


QUERIES = [
    {"portal_type": "software_solution"},
    {"portal_type": "Document"},
    {"SearchableText": "interoperability"},
    {"SearchableText": "interoperability", "osor_countries": "DK"},
    {"osor_topics": "TECH-cloud", "osor_licences": "EUPL-1.2", "osor_status": "Completed"},
    {"osor_owner_type": "LocalAuthority"},
    {"Subject": "DK"},
    {"review_state": "published"},
    {"portal_type": ["solution_release", "solution_distribution"]},
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_same_searches_find_both(made, query):
    """Anonymous, with the effective dates checked: as visitors search."""
    uids = {kind: [api.content.get_uuid(obj) for obj in made[kind]] for kind in KINDS}
    from plone.app.testing import logout

    logout()
    catalog = api.portal.get_tool("portal_catalog")
    found = {brain.UID for brain in catalog.searchResults(**query)}
    for kind in KINDS:
        by_api, by_fill = uids[kind]
        assert (by_fill in found) == (by_api in found), (kind, query)
    assert found, query
