"""Caching rulesets: every page and service of ours has one, the add-on
installs plone.app.caching, the upgrade keeps an admin's settings, and a
change purges the pages that show it (a caching proxy over real HTTP)."""

from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from osor.collection.caching.purge import ContainerPurgePaths
from osor.collection.upgrades.caching import install_caching
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.rest import Service
from Products.Five.browser import BrowserView
from Products.GenericSetup.tool import UNKNOWN
from z3c.caching.registry import ICacheRule
from zope.component import getGlobalSiteManager
from zope.interface import implementedBy

import pytest
import queue
import requests
import threading
import transaction


RULESETS = {"osor.page", "osor.feed", "osor.opendata", "osor.search", "osor.download", "osor.private"}
MAX_AGE = "plone.app.caching.strongCaching.osor.feed.maxage"
OPERATIONS = "plone.caching.interfaces.ICacheSettings.operationMapping"


def our_published_classes() -> set:
    """The classes of the views and services osor.collection registers."""
    classes = set()
    for registration in all_adapter_registrations(getGlobalSiteManager()):
        factory = registration.factory
        if not isinstance(factory, type) or len(registration.required) != 2:
            continue
        if not issubclass(factory, (BrowserView, Service)):
            continue
        ours = [cls for cls in factory.__mro__ if cls.__module__.startswith("osor.collection.")]
        if ours:
            classes.add(ours[0])
    return classes


def all_adapter_registrations(registry):
    """The adapters of ``registry`` and of the registries it stacks on
    (plone.testing stacks one per layer)."""
    yield from registry.registeredAdapters()
    for base in registry.__bases__:
        yield from all_adapter_registrations(base)


def ruleset_of(cls) -> str | None:
    rule = getGlobalSiteManager().adapters.lookup((implementedBy(cls),), ICacheRule)
    return rule.id if rule is not None else None


def test_every_view_and_service_of_ours_has_one_of_our_rulesets(portal):
    classes = our_published_classes()
    assert len(classes) > 40
    macros = {cls for cls in classes if cls.__name__ in {"PageMacros"}}
    missing = {f"{cls.__module__}.{cls.__name__}": ruleset_of(cls) for cls in classes - macros}
    assert {name: ruleset for name, ruleset in missing.items() if ruleset not in RULESETS} == {}


def test_the_add_on_installs_plone_app_caching_with_caching_off(portal):
    setup = portal.portal_setup
    assert setup.getLastVersionForProfile("plone.app.caching:default") != UNKNOWN
    assert api.portal.get_registry_record("plone.caching.interfaces.ICacheSettings.enabled") is False
    assert set(api.portal.get_registry_record(OPERATIONS)) >= RULESETS
    purged = api.portal.get_registry_record("plone.app.caching.interfaces.IPloneCacheSettings.purgedContentTypes")
    assert {"software_solution", "solution_release", "community_collection"} <= set(purged)
    assert "legal_request" not in purged


def test_the_caching_control_panel_answers(manager):
    view = manager.restrictedTraverse("@@caching-controlpanel")
    assert "osor.opendata" in view()


def test_the_upgrade_adds_what_is_missing_and_keeps_an_admins_settings(portal):
    registry = portal.portal_registry
    api.portal.set_registry_record(MAX_AGE, 600)
    mapping = dict(api.portal.get_registry_record(OPERATIONS))
    mapping["osor.page"] = "plone.app.caching.moderateCaching"
    del mapping["osor.search"]
    api.portal.set_registry_record(OPERATIONS, mapping)
    del registry.records["plone.app.caching.terseCaching.osor.search.maxage"]

    install_caching(portal.portal_setup)

    assert api.portal.get_registry_record(MAX_AGE) == 600
    mapping = api.portal.get_registry_record(OPERATIONS)
    assert mapping["osor.page"] == "plone.app.caching.moderateCaching"
    assert mapping["osor.search"] == "plone.app.caching.terseCaching"
    assert registry["plone.app.caching.terseCaching.osor.search.maxage"] == 60


def test_a_release_purges_its_solution_exports_and_its_collection_listings(solution):
    release = api.content.create(container=solution, type="solution_release", id="v1", title="1.0")
    paths = set(ContainerPurgePaths(release).getRelativePaths())
    assert {
        "/plone/collection/solution/@publiccode",
        "/plone/collection/solution/@dcat",
        "/plone/collection/rss.xml",
        "/plone/collection/ics_view",
        "/plone/collection/@catalogue",
        "/plone/collection/faceted-search",
        "/plone/@dcat",
    } <= paths


# A caching proxy over HTTP ------------------------------------------------------


class RecordingProxy(BaseHTTPRequestHandler):
    """What Varnish would be told: the paths of the PURGE requests."""

    received: queue.Queue

    def do_PURGE(self):
        self.received.put(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    received = queue.Queue()
    handler = type("Handler", (RecordingProxy,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", received
    server.shutdown()
    server.server_close()


def test_an_edit_purges_the_changed_urls_at_the_caching_proxy(demo_portal, site_url, proxy):
    address, received = proxy
    from zope.component.hooks import site

    with site(demo_portal):
        api.portal.set_registry_record("plone.cachepurging.interfaces.ICachePurgingSettings.enabled", True)
        api.portal.set_registry_record("plone.cachepurging.interfaces.ICachePurgingSettings.cachingProxies", (address,))
    transaction.commit()

    response = requests.patch(
        f"{site_url}/en/osor/decidim",
        json={"title": "Decidim, renamed"},
        headers={"Accept": "application/json"},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=120,
    )
    assert response.status_code == 204, response.text

    purged = set()
    expected = {"/Plone/en/osor/decidim/@publiccode", "/Plone/en/osor/decidim/@dcat", "/Plone/en/osor/rss.xml"}
    while not expected <= purged:
        purged.add(received.get(timeout=60))
    assert "/Plone/en/osor/decidim" in purged
