"""Fixtures of the browser tests: Debian's Chromium driven by Playwright.

One browser for the whole session (starting Chromium costs a second, the
demo site's layer about thirty); each test gets a fresh browser context (no
cookies) on the demo site of ``BROWSER_TESTING``, served over HTTP by a real
WSGI server. Playwright never downloads a browser here: ``make test``
installs Debian's ``chromium`` (``SYSTEM_PACKAGES``) and we launch it by path.

Every page load is watched: a request that leaves localhost (a CDN, a web
font, map tiles...) is aborted and recorded, because the observatory must
render fully on a machine without internet.
"""

from importlib.resources import files
from osor.collection.testing import BROWSER_TESTING
from osor.collection.testing import DEMO_SITE_ID
from pathlib import Path
from pytest_plone import fixtures_factory
from urllib.parse import urlsplit

import json
import os
import pytest


CHROMIUM = os.environ.get("OSOR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1"}

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}

# The demo accounts of the "osor" distribution (example_content.yaml).
DEMO_PASSWORD = "osor-demo"
FACILITATOR = "fiona"
AUTHOR = "arthur"
MEMBER = "maria"
LEGAL_EXPERT = "lena"

SCREENSHOTS = Path(__file__).parent.parent / "docs" / "screenshots"

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
AXE_SOURCE = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


globals().update(fixtures_factory(((BROWSER_TESTING, "demo_site"),), keep_session=False))


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, for the whole session."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-packages` (Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site_url(demo_site_session, demo_site) -> str:
    """The URL of the demo site, e.g. ``http://localhost:55001/Plone``.

    Asking for the layer's session fixture keeps the demo site (30 s to
    build) for the whole session, and only when a browser test runs."""
    return f"http://{demo_site['host']}:{demo_site['port']}/{DEMO_SITE_ID}"


@pytest.fixture
def demo_portal(demo_site):
    """The demo site object (commit what the browser must see)."""
    return demo_site["app"][DEMO_SITE_ID]


class LocalOnly:
    """A route handler that lets requests to localhost through and aborts
    (and records in ``blocked``) every other."""

    def __init__(self):
        self.blocked = []

    def __call__(self, route):
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


@pytest.fixture(scope="session")
def local_only():
    return LocalOnly()


@pytest.fixture
def external_requests(local_only) -> list:
    """URLs the pages of a test tried to load from outside localhost."""
    local_only.blocked = []
    return local_only.blocked


def _new_context(chromium, local_only, viewport: dict, locale: str = "en-GB"):
    context = chromium.new_context(viewport=viewport, locale=locale)
    context.set_default_timeout(60_000)
    context.route("**/*", local_only)
    return context


@pytest.fixture
def new_page(chromium, local_only, external_requests):
    """A factory of pages, each in a fresh context (no cookies, no cache):
    ``new_page(viewport=PHONE)``."""
    contexts = []

    def make(viewport: dict = DESKTOP, locale: str = "en-GB"):
        context = _new_context(chromium, local_only, viewport, locale)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def _shared_contexts(chromium, local_only):
    contexts = {}
    yield contexts
    for context in contexts.values():
        context.close()


@pytest.fixture
def shared_page(_shared_contexts, chromium, local_only, external_requests, site_url):
    """A page in a context shared by the tests that ask for the same viewport
    and user (its cache and login kept: pages load faster); read-only tests
    only. ``shared_page(viewport_name, user=None)``."""
    pages = []

    def make(viewport_name: str, user: str | None = None):
        key = (viewport_name, user)
        if key not in _shared_contexts:
            context = _new_context(chromium, local_only, VIEWPORTS[viewport_name])
            _shared_contexts[key] = context
            if user:
                log_in(context.new_page(), site_url, user)
        page = _shared_contexts[key].new_page()
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.close()


@pytest.fixture
def page(new_page):
    """An anonymous visitor's page at desktop width."""
    return new_page()


def log_in(page, site_url: str, user: str, password: str = DEMO_PASSWORD) -> None:
    """Log ``user`` in through Plone's login form."""
    page.goto(f"{site_url}/login")
    page.fill("input[name='__ac_name']", user)
    page.fill("input[name='__ac_password']", password)
    with page.expect_navigation():
        page.press("input[name='__ac_password']", "Enter")
    assert any(cookie["name"] == "__ac" for cookie in page.context.cookies()), f"{user} could not log in"


def screenshot(page, name: str, tmp_path: Path) -> Path:
    """A full-page screenshot ``<name>.png``: into docs/screenshots/ (shown
    in the README) when OSOR_SCREENSHOTS is set (``make screenshots``),
    else into the test's temporary folder, so a test run leaves the
    checkout clean."""
    folder = SCREENSHOTS if os.environ.get("OSOR_SCREENSHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    return path


def wait_for_patterns(page) -> None:
    """Let Plone's patterns finish what they do after ``load``: the toolbar's
    display-time pattern empties its ``<time>`` and fills it again once its
    locale has loaded (axe, run in between, finds a link without text)."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => !document.querySelector('time.pat-display-time:empty')")


def axe_violations(page) -> list[dict]:
    """The serious and critical WCAG 2.1 A/AA violations axe finds on ``page``."""
    wait_for_patterns(page)
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
            "summary": violation["nodes"][0]["failureSummary"] if violation["nodes"] else "",
        }
        for violation in result["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


# The contributor's journeys: start at the site root, click only what is visible.


class ClickCounter:
    """Click only what is visible, and count the clicks that load a page."""

    def __init__(self, page):
        self.page = page
        self.clicks = 0

    def click(self, locator):
        assert locator.is_visible(), f"not visible: {locator}"
        with self.page.expect_navigation():
            locator.click()
        self.clicks += 1


def log_in_by_clicking(page, site_url: str, user: str, password: str = DEMO_PASSWORD) -> None:
    """Open the site root, click *Log in*, fill in the form and send it:
    the newcomer's way in (the clicks of logging in are not counted)."""
    page.goto(site_url)
    page.locator("#personaltools-login").click()
    name = page.locator("input[name='__ac_name']:visible").first
    name.fill(user)
    page.locator("input[name='__ac_password']:visible").first.fill(password)
    with page.expect_navigation():
        page.locator("input[name='__ac_password']:visible").first.press("Enter")
    page.wait_for_load_state("networkidle")
    assert any(cookie["name"] == "__ac" for cookie in page.context.cookies()), f"{user} could not log in"
    if "/login" in page.url or "logged_in" in page.url:
        # Plone may land on its "You are now logged in" page: back to the site, by a visible link.
        page.goto(site_url)


def assert_accessible(page):
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=1)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways: {width} px"
