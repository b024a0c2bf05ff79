"""Guard rails (issue #15 §4): every browser view and REST service that
osor.collection registers has an explicit permission and changes nothing
on GET. A new view or service is checked without anybody listing it."""

from member_fixtures import make_nordic_collection
from osor.collection.membership import members
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletAssignmentSettings
from plone.portlets.interfaces import IPortletManager
from zope.component import getGlobalSiteManager
from zope.component import getUtilitiesFor
from zope.component import queryMultiAdapter
from zope.interface import Interface
from zope.publisher.interfaces.browser import IBrowserRequest
from zope.viewlet.interfaces import IViewlet

import pytest
import transaction


# Views that write on GET on purpose, and why.
WRITES_ON_GET = {
    "download": "counts the downloads of a distribution (a conflict-free counter, safeWrite)",
}


def our_views_and_services():
    """Registrations of osor.collection's ZCML that a request reaches:
    pages, REST services (``GET_application_json_@name``) and viewlets."""
    for registration in _registered_adapters(getGlobalSiteManager()):
        if "osor/collection" not in str(registration.info):
            continue
        required = registration.required
        if len(required) < 2 or not required[1].isOrExtends(IBrowserRequest):
            continue
        if registration.provided is Interface or registration.provided.isOrExtends(IViewlet):
            yield registration


def _registered_adapters(registry):
    """Adapters of ``registry`` and the registries it stacks on: the test
    layers stack a registry per layer, and our ZCML may have been loaded
    into a lower one by another layer that is still set up."""
    seen = set()
    for each in [registry, *_bases(registry)]:
        for registration in each.registeredAdapters():
            key = (registration.required, registration.provided, registration.name)
            if key not in seen:
                seen.add(key)
                yield registration


def _bases(registry):
    for base in registry.__bases__:
        yield base
        yield from _bases(base)


def permission_of(registration):
    """The title of the permission protecting the view, or None (public)."""
    roles = getattr(registration.factory, "__roles__", None)
    return getattr(roles, "__name__", None)


def http_get_path(registration):
    """The path (below its context) a GET reaches the registration at, or None."""
    name = registration.name
    if registration.provided.isOrExtends(IViewlet):
        return None  # rendered inside the pages below
    if "_application_json_" in name:
        method, _, endpoint = name.partition("_application_json_")
        return endpoint if method == "GET" else None
    return f"@@{name}"


def test_the_guard_rail_sees_our_views_and_services(portal):
    names = {registration.name for registration in our_views_and_services()}
    assert {"about", "members", "manage-members", "join", "download"} <= names
    assert {"GET_application_json_@membership", "POST_application_json_@membership"} <= names


def test_every_view_and_service_has_an_explicit_permission(portal):
    unprotected = [
        (registration.name, str(registration.info).strip().splitlines()[0])
        for registration in our_views_and_services()
        if permission_of(registration) is None
    ]
    assert unprotected == []


@pytest.fixture
def contexts(functional_portal):
    """One item of each of our types that views are registered for, with
    some membership state (a pending request) for the views to show."""
    collection = make_nordic_collection(functional_portal, closed=True)
    members.join(collection, "alice", "Hello")
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    solution = api.content.create(container=collection, type="software_solution", id="app", title="App")
    release = api.content.create(container=solution, type="solution_release", id="v1", title="1", version="1")
    distribution = api.content.create(
        container=release,
        type="solution_distribution",
        id="zip",
        title="zip",
        access_url="https://example.org/app.zip",
    )
    setRoles(functional_portal, TEST_USER_ID, ["Member"])
    create_portlet_settings(functional_portal)
    transaction.commit()
    return [collection, solution, release, distribution, functional_portal]


def create_portlet_settings(portal):
    """What Plone writes the first time it renders the site's portlets (the
    settings of each assignment): done beforehand, as on a site in use."""
    for _name, manager in getUtilitiesFor(IPortletManager):
        mapping = queryMultiAdapter((portal, manager), IPortletAssignmentMapping)
        for assignment in (mapping or {}).values():
            IPortletAssignmentSettings(assignment)


def objects_written_since(tid, portal) -> list[str]:
    """The classes of the objects committed after transaction ``tid``."""
    database = portal._p_jar.db()
    if database.lastTransaction() == tid:
        return []
    connection = database.open()
    try:
        written = []
        for txn in database.storage.iterator(tid):
            if txn.tid == tid:
                continue
            for record in txn:
                cls = type(connection.get(record.oid))
                written.append(f"{cls.__module__}.{cls.__name__}")
        return written
    finally:
        connection.close()


def context_for(registration, contexts):
    return next((obj for obj in contexts if registration.required[0].providedBy(obj)), None)


@pytest.mark.parametrize("userid", ["olga", "alice", None])
def test_no_view_or_service_changes_anything_on_get(contexts, request_factory, userid):
    database = contexts[-1]._p_jar.db()
    checked, writes = [], []
    for registration in our_views_and_services():
        path = http_get_path(registration)
        context = context_for(registration, contexts)
        if path is None or context is None or registration.name in WRITES_ON_GET:
            continue
        session = request_factory(basic_auth=(userid, "a-long-test-password")) if userid else request_factory()
        if not path.startswith("@@"):
            session.headers["Accept"] = "application/json"
        before = database.lastTransaction()
        relative = "/".join(context.getPhysicalPath()[2:])
        response = session.get(f"/{relative}/{path}".replace("//", "/"), allow_redirects=False)
        checked.append(registration.name)
        assert response.status_code < 500, (registration.name, response.text[:500])
        written = objects_written_since(before, contexts[-1])
        if written or "confirm-action" in response.headers.get("Location", ""):
            writes.append((registration.name, written))
    assert "about" in checked and "GET_application_json_@membership" in checked
    assert writes == []


def test_join_leave_and_manage_act_on_post_only(contexts, request_factory):
    collection = contexts[0]
    database = collection._p_jar.db()
    session = request_factory(basic_auth=("bob", "a-long-test-password"))
    before = database.lastTransaction()
    for name in ("join", "leave", "cancel-request"):
        response = session.get(f"/{collection.getId()}/@@{name}", allow_redirects=False)
        assert response.status_code in (302, 401, 403, 405), (name, response.status_code)
    assert objects_written_since(before, collection) == []
    transaction.begin()
    assert members.role_of(collection, "bob") is None
