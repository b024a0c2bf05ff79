"""Every page of the observatory is accessible, in a real browser.

axe-core (the copy axe-playwright-python ships) checks the WCAG 2.1 A and AA
rules on each page of ``browser_pages.PAGES``, at desktop and phone widths,
for an anonymous visitor and for a logged-in facilitator: no serious or
critical violation. At phone width nothing scrolls sideways, and no page
loads anything from outside localhost.
"""

from browser_fixtures import FACILITATOR
from browser_fixtures import VIEWPORTS
from browser_pages import FACILITATOR_PAGES
from browser_pages import PAGES
from importlib.resources import files

import json
import pytest


WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
AXE_SOURCE = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")

VISITORS = {"anonymous": None, "facilitator": FACILITATOR}


def axe_violations(page) -> list[dict]:
    """The serious and critical WCAG 2.1 A/AA violations axe finds on ``page``."""
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
