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

from osor.collection.testing import BROWSER_TESTING
from osor.collection.testing import DEMO_SITE_ID
from pathlib import Path
from pytest_plone import fixtures_factory
from urllib.parse import urlsplit

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

SCREENSHOTS = Path(__file__).parent.parent / "docs" / "screenshots"


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
def site_url(demo_site) -> str:
    """The URL of the demo site, e.g. ``http://localhost:55001/Plone``."""
    return f"http://{demo_site['host']}:{demo_site['port']}/{DEMO_SITE_ID}"


@pytest.fixture
def demo_portal(demo_site):
    """The demo site object (commit what the browser must see)."""
    return demo_site["app"][DEMO_SITE_ID]


@pytest.fixture
def external_requests() -> list:
    """URLs the pages of a test tried to load from outside localhost."""
    return []


@pytest.fixture
def new_page(chromium, external_requests):
    """A factory of pages, each in its own context: ``new_page(viewport=PHONE)``."""
    contexts = []

    def stay_local(route):
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            external_requests.append(route.request.url)
            route.abort()

    def make(viewport: dict = DESKTOP, locale: str = "en-GB"):
        context = chromium.new_context(viewport=viewport, locale=locale)
        context.set_default_timeout(20_000)
        context.route("**/*", stay_local)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """An anonymous visitor's page at desktop width."""
    return new_page()


def log_in(page, site_url: str, user: str, password: str = DEMO_PASSWORD) -> None:
    """Log ``user`` in through Plone's login form."""
    page.goto(f"{site_url}/login")
    page.fill("#__ac_login", user)
    page.fill("#__ac_password", password)
    page.click("#login-form button[type=submit], #login-form input[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#portal-personaltools, #personaltools-logout, .personaltools-logout").count() or (
        page.context.cookies() and any(c["name"] == "__ac" for c in page.context.cookies())
    ), f"{user} could not log in"


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot into docs/screenshots/ (shown in the README)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    return path
