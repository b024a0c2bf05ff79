"""Every browser view the add-on registers, opened in Chromium on the demo.

The views are not listed by hand: they are read from zope.component's
registry (the ``browser:page`` registrations of our ZCML files), so a new
view is swept the day it is registered. Each is opened on a demo item that
provides the interface it is registered for, as the first of these users
it does not refuse: anonymous, a member, an author, a facilitator, a legal
expert, the site owner. What it returns decides what is checked:

- ``page`` (``text/html``): axe-core, no serious or critical violation,
  at 1280 and at 390 px;
- ``data`` (any other media type: JSON, feeds, YAML, files): not a page;
  its media type is recorded and must be one that ``DATA_TYPES`` names;
- ``redirect`` (a view that acts and sends the browser on, e.g. ``join``
  on a GET): the page it leads to is checked as a ``page``.

Nothing else is accepted: a view that no user can open on the demo fails
the sweep (give it a demo context or the query it needs in ``QUERIES``).
The REST services of ``services/`` are ``plone.rest`` services, not browser
views: ``is_rest_service`` leaves them out, and a test asserts that only
they are left out.
"""

from browser_fixtures import axe_violations
from browser_fixtures import DEMO_PASSWORD
from browser_fixtures import DESKTOP
from browser_fixtures import log_in
from browser_fixtures import PHONE
from osor.collection.feeds.links import FEED_MIME_TYPES
from osor.collection.interfaces import IOsorCollectionLayer
from osor.collection.testing import DEMO_SITE_ID
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.base.interfaces import INavigationRoot
from plone.base.interfaces import IPloneSiteRoot
from plone.base.interfaces.syndication import IFeedSettings
from plone.base.interfaces.syndication import ISiteSyndicationSettings
from plone.registry.interfaces import IRegistry
from plone.rest.service import Service
from Testing.makerequest import makerequest
from urllib.parse import urlsplit
from zExceptions import Forbidden
from zope.component import getGlobalSiteManager
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.interface import alsoProvides
from zope.interface import Interface
from zope.publisher.interfaces.browser import IBrowserRequest

import base64
import json
import osor.collection
import pytest


PACKAGE_DIR = osor.collection.__path__[0]

# Who opens a view: the first of them the view does not refuse.
USERS = (None, "maria", "arthur", "fiona", "lena", SITE_OWNER_NAME)

# The query a view needs to show something (else it answers 400 or 404).
QUERIES = {
    "licence": "id=EUPL-1.2",
    "licence-comparison": "ids=MIT,GPL-3.0-only,EUPL-1.2",
    "licence-compatibility": "inbound=MIT&outbound=EUPL-1.2",
    "faceted-search": "SearchableText=open+source",
    "search-alert": "portal_type=software_solution",
    "unsubscribe": "token=not-a-signed-token",
}
# Pages whose answer to the query above is an error page a visitor can land
# on (a mangled link from a mail): its status, and the page is still checked.
ERROR_PAGES = {"unsubscribe": 400}

# What a view that is not a page may return.
DATA_TYPES = {
    "application/json",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/x-ndjson",
    "application/zip",
    "application/gzip",
    "text/csv",
    "text/yaml",
    "application/yaml",
    "text/calendar",
    "text/xml",
    "application/xml",
    "text/turtle",
    "application/ld+json",
}


def is_rest_service(factory) -> bool:
    """A plone.rest service (``plone:service``), tested by the REST tests."""
    return isinstance(factory, type) and issubclass(factory, Service)


def all_adapter_registrations():
    """The adapter registrations of the global registry and of the registries
    it stacks on (the test layers push one registry each)."""
    seen, stack = set(), [getGlobalSiteManager()]
    while stack:
        registry = stack.pop()
        if id(registry) in seen:
            continue
        seen.add(id(registry))
        yield from registry.registeredAdapters()
        stack.extend(registry.__bases__)


def is_macro_library(factory) -> bool:
    """A view that only holds macros for other templates (not a page): its
    template defines macros and does not fill Plone's main template."""
    for attribute in ("index", "template"):
        template = getattr(factory, attribute, None)
        filename = getattr(template, "filename", None)
        if filename:
            with open(filename, encoding="utf-8") as source:
                text = source.read()
            return "define-macro=" in text and "main_template" not in text
    return False


def is_disabled_feed(context, name: str) -> bool:
    """A feed format the syndication settings do not offer on ``context``:
    not allowed on the site, or not among the context's feed types (Plone
    answers 404 for it until an editor adds it in the item's Syndication)."""
    settings = getUtility(IRegistry).forInterface(ISiteSyndicationSettings)
    allowed = {line.split("|")[0] for line in settings.allowed_feed_types}
    offered = allowed & set(IFeedSettings(context).feed_types)
    return name in FEED_MIME_TYPES and name not in offered


def refuses_get(view) -> bool:
    """A form's POST target: called by GET it refuses (plone.protect's
    ``PostOnly``) before doing anything."""
    try:
        view()
    except Forbidden as error:
        return "POST" in str(error)
    return False


def view_called_by_get(app, path: str, name: str):
    """The view ``name`` on the demo item at ``path``, for a GET of the site owner."""
    request = makerequest(app).REQUEST
    request["REQUEST_METHOD"] = "GET"
    alsoProvides(request, IOsorCollectionLayer)
    context = makerequest(app).unrestrictedTraverse(f"{DEMO_SITE_ID}{path}")
    return getMultiAdapter((context, request), name=name)


def registered_views(rest: bool = False) -> list[tuple[str, object, object]]:
    """(name, interface of the context, factory) of every browser view that
    our ZCML registers (``rest``: the plone.rest services instead)."""
    views = []
    for registration in all_adapter_registrations():
        required = registration.required
        if len(required) != 2 or registration.provided is not Interface:
            continue
        if not (required[1] and required[1].isOrExtends(IBrowserRequest)):
            continue
        if not (getattr(registration.info, "file", "") or "").startswith(PACKAGE_DIR):
            continue
        if is_rest_service(registration.factory) == rest:
            views.append((registration.name, required[0] or Interface, registration.factory))
    return sorted(views, key=lambda view: (view[0], view[1].__identifier__))


def context_path(portal, interface) -> str:
    """The path (from the site) of a demo item that provides ``interface``."""
    if interface.isOrExtends(IPloneSiteRoot):
        return ""
    if interface.isOrExtends(INavigationRoot) or interface is Interface:
        return "/en"
    query = {"object_provides": interface.__identifier__, "sort_on": "path", "unrestricted": True}
    # An English item where there is one: the demo's original language.
    brains = api.content.find(context=portal, Language="en", **query) or api.content.find(context=portal, **query)
    if not brains:
        return None
    return brains[0].getPath()[len("/".join(portal.getPhysicalPath())) :]


def media_type(response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip()


def refused(response) -> bool:
    location = response.headers.get("location", "")
    return response.status in (401, 403) or any(
        word in location for word in ("require_login", "login_form", "insufficient_privileges", "/login")
    )


@pytest.fixture
def sweep_contexts(chromium, local_only, site_url):
    """One logged-in browser context per user (the site owner by HTTP Basic)."""
    contexts = {}

    def context_of(user):
        if user not in contexts:
            options = {"viewport": DESKTOP, "locale": "en-GB"}
            if user == SITE_OWNER_NAME:
                # Sent with every request: Plone answers a refusal with a
                # redirect to its login form, never with a 401 challenge.
                token = base64.b64encode(f"{user}:{SITE_OWNER_PASSWORD}".encode()).decode()
                options["extra_http_headers"] = {"Authorization": f"Basic {token}"}
            context = chromium.new_context(**options)
            context.set_default_timeout(60_000)
            context.route("**/*", local_only)
            if user and user != SITE_OWNER_NAME:
                login_page = context.new_page()
                log_in(login_page, site_url, user, DEMO_PASSWORD)
                login_page.close()
            contexts[user] = context
        return contexts[user]

    yield context_of
    for context in contexts.values():
        context.close()


def open_as_first_user_allowed(context_of, url):
    """(user, response) of the first user the view answers without refusing."""
    for user in USERS:
        response = context_of(user).request.get(url, max_redirects=0)
        if not refused(response):
            return user, response
    return None, response


def check_page(context_of, user, url) -> dict:
    """axe's serious and critical violations on ``url`` at each width."""
    page = context_of(user).new_page()
    found = {}
    try:
        page.goto(url)
        for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            # The page's CSS follows the width; its HTML does not change.
            page.set_viewport_size(viewport)
            violations = axe_violations(page)
            if violations:
                found[name] = violations
    finally:
        page.close()
    return found


def test_the_sweep_reads_the_views_from_the_registry_and_leaves_out_only_rest_services(demo_site):
    views = {name for name, _interface, _factory in registered_views()}
    # Views of each area are found, none of another package.
    assert {"licences", "legal-faq", "solution-view", "review", "faceted-search", "mail-queue"} <= views
    assert "folder_contents" not in views
    left_out = registered_views(rest=True)
    assert left_out
    assert all(is_rest_service(factory) for _name, _interface, factory in left_out)
    assert not any(is_rest_service(factory) for _name, _interface, factory in registered_views())
    # Only the pages' shared macros are a macro library.
    assert {name for name, _interface, factory in registered_views() if is_macro_library(factory)} == {
        "osor-page-macros"
    }


def test_every_view_of_the_add_on_is_a_page_without_barriers_or_says_what_it_returns(
    demo_site, site_url, sweep_contexts
):
    portal = demo_site["app"][DEMO_SITE_ID]
    setSite(portal)
    problems, classified = {}, {}
    pages_checked = set()
    for name, interface, factory in registered_views():
        key = f"{name} on {interface.__name__}"

        if is_macro_library(factory):
            classified[key] = ("macros", None, "")
            continue
        path = context_path(portal, interface)
        if path is None:
            problems[key] = "no demo item provides the interface"
            continue
        query = QUERIES.get(name)
        url = f"{site_url}{path}/@@{name}" + (f"?{query}" if query else "")
        user, response = open_as_first_user_allowed(sweep_contexts, url)
        if user is None and refused(response):
            with api.env.adopt_user(username=SITE_OWNER_NAME):
                if response.status == 403 and refuses_get(view_called_by_get(demo_site["app"], path, name)):
                    classified[key] = ("POST target", SITE_OWNER_NAME, "403 on GET")
                    continue
            problems[key] = f"refused to every user ({response.status})"
            continue
        if 300 <= response.status < 400:
            target = response.headers["location"]
            classified[key] = ("redirect", user, target)
            if urlsplit(target).path.startswith(urlsplit(site_url).path) and target not in pages_checked:
                pages_checked.add(target)
                violations = check_page(sweep_contexts, user, target)
                if violations:
                    problems[key] = {"after redirect to": target, "violations": violations}
            continue
        if response.status == 404 and is_disabled_feed(portal.unrestrictedTraverse(path.lstrip("/")), name):
            classified[key] = ("disabled feed", user, "404 until the Syndication settings offer it")
            continue
        if response.status >= 400 and ERROR_PAGES.get(name) != response.status:
            problems[key] = f"{response.status} for {user or 'anonymous'}"
            continue
        kind = media_type(response)
        if kind in ("", "text/html") and "<title" not in response.text().lower():
            # A part of a page, included by its pages' templates (which are
            # checked as pages).
            classified[key] = ("fragment", user, url)
            continue
        if kind != "text/html":
            classified[key] = ("data", user, kind)
            if kind not in DATA_TYPES:
                problems[key] = f"returns {kind}, neither a page nor a known data type"
            continue
        classified[key] = ("page", user, url)
        violations = check_page(sweep_contexts, user, url)
        if violations:
            problems[key] = violations
    print(json.dumps(classified, indent=1))
    kinds = {kind for kind, _user, _what in classified.values()}
    assert kinds <= {"page", "data", "redirect", "POST target", "macros", "fragment", "disabled feed"}
    assert {key.split()[0] for key, (kind, _user, _what) in classified.items() if kind == "fragment"} == {
        "search-alert"
    }
    # The forms' POST targets: the buttons of the members and item pages,
    # the follow box of a collection or a solution, the buttons of the
    # review list (close a report, confirm an outdated item) and of the usage
    # declarations waiting on a solution page.
    post_targets = {key.split()[0] for key, (kind, _user, _what) in classified.items() if kind == "POST target"}
    assert post_targets == {
        "join",
        "leave",
        "cancel-request",
        "feature",
        "subscription",
        "close-report",
        "still-accurate",
        "moderate-usage",
    }
    assert len(classified) >= 30
    assert problems == {}, json.dumps(problems, indent=1)


def our_types(portal) -> list[str]:
    """The portal types our profile registers (their schema or class is ours)."""
    return sorted(
        fti.getId()
        for fti in portal.portal_types.objectValues()
        if any(
            (getattr(fti, attribute, "") or "").startswith("osor.collection")
            for attribute in ("schema", "klass", "model_source")
        )
    )


def demo_container_for(portal, portal_type: str) -> str | None:
    """The path of the first English demo folder a Manager may add ``portal_type`` to."""
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        candidates = [portal["en"]] + [
            brain.getObject() for brain in api.content.find(context=portal["en"], is_folderish=True, sort_on="path")
        ]
        for container in candidates:
            if portal_type in {fti.getId() for fti in container.allowedContentTypes()}:
                return "/".join(container.getPhysicalPath()[2:])
    return None


def test_the_add_and_edit_forms_of_our_types_have_no_barriers(demo_site, site_url, sweep_contexts):
    """The forms a member fills in (#27 §8): each type's add form and edit
    form, read from the types our profile registers, with axe-core at 1280
    and at 390 px, opened by the site owner (who may add and edit every type)."""
    portal = demo_site["app"][DEMO_SITE_ID]
    setSite(portal)
    types = our_types(portal)
    assert {"software_solution", "community_collection", "legal_request"} <= set(types)
    problems, forms, not_added_by_hand = {}, [], set()
    for portal_type in types:
        container = demo_container_for(portal, portal_type)
        if container is None:
            not_added_by_hand.add(portal_type)
        else:
            forms.append(f"/{container}/++add++{portal_type}")
        items = api.content.find(
            context=portal["en"], portal_type=portal_type, sort_on="path", unrestricted=True
        ) or api.content.find(context=portal, portal_type=portal_type, sort_on="path", unrestricted=True)
        assert items, f"no {portal_type} in the demo"
        forms.append(items[0].getPath()[len("/".join(portal.getPhysicalPath())) :] + "/@@edit")
    for form in forms:
        url = f"{site_url}{form}"
        response = sweep_contexts(SITE_OWNER_NAME).request.get(url, max_redirects=0)
        if response.status != 200:
            problems[form] = f"{response.status}"
            continue
        assert "form-buttons-save" in response.text() or "form.buttons.save" in response.text(), form
        violations = check_page(sweep_contexts, SITE_OWNER_NAME, url)
        if violations:
            problems[form] = violations
    # A FAQ entry is made from an answered request ("Publish as FAQ", itself
    # a page of the sweep above), never from an add form.
    assert not_added_by_hand == {"legal_faq_entry"}
    assert len(forms) == 2 * len(types) - len(not_added_by_hand)
    print(json.dumps(forms, indent=1))
    assert problems == {}, json.dumps(problems, indent=1)
