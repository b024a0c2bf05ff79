"""Every page of the observatory is accessible, in a real browser.

axe-core (the copy axe-playwright-python ships) checks the WCAG 2.1 A and AA
rules on each page of ``browser_pages.PAGES``, at desktop and phone widths,
for an anonymous visitor and for a logged-in facilitator: no serious or
critical violation. At phone width nothing scrolls sideways, and no page
loads anything from outside localhost.
"""

from browser_fixtures import axe_violations
from browser_fixtures import FACILITATOR
from browser_fixtures import VIEWPORTS
from browser_pages import FACILITATOR_PAGES
from browser_pages import PAGES

import json
import pytest


VISITORS = {"anonymous": None, "facilitator": FACILITATOR}


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def opened(shared_page, site_url, visitor, viewport):
    """Open a page of PAGES as ``visitor`` at ``viewport``."""

    def open_(path: str):
        page = shared_page(viewport, VISITORS[visitor])
        response = page.goto(site_url + path)
        assert response.ok, f"{path}: {response.status}"
        page.wait_for_load_state("networkidle")
        return page

    return open_


VISITS = [(name, visitor) for name in PAGES for visitor in VISITORS] + [
    (name, "facilitator") for name in FACILITATOR_PAGES
]


@pytest.mark.parametrize(("name", "visitor"), VISITS)
def test_page_is_accessible_fits_its_screen_and_stays_local(opened, name, viewport, external_requests):
    page = opened({**PAGES, **FACILITATOR_PAGES}[name])
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=1)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[viewport]["width"], f"{name} scrolls sideways: {width} px"
    assert external_requests == []
