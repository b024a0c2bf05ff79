"""Whole journeys in a real browser (issue #25 §4): each actor starts at the
site root, as a newcomer types it, and after that only clicks links and
buttons she can see (typing into form fields is fine). Every page a
journey reaches is checked with axe (no serious or critical violation).

The fixtures only set up what a journey starts from (a closed collection,
a registered user); everything the journey proves happens by clicking.
"""

from browser_fixtures import DEMO_PASSWORD
from browser_fixtures import FACILITATOR
from browser_fixtures import VIEWPORTS
from plone import api
from test_browser_contributor import assert_accessible
from test_browser_contributor import log_in_by_clicking
from zope.component.hooks import setSite

import pytest
import re
import transaction


NEWCOMER = "nadia"


class Journey:
    """One actor's browser page: it clicks only what is visible, and checks
    every page it reaches with axe."""

    def __init__(self, page, site_url: str, user: str | None = None):
        self.page = page
        if user:
            log_in_by_clicking(page, site_url, user)
        else:
            page.goto(site_url)
        self.check()

    def check(self):
        assert_accessible(self.page)

    def click(self, locator):
        """Click ``locator`` (it must be visible), wait for the next page, check it."""
        locator = locator.first
        assert locator.is_visible(), f"not visible on {self.page.url}: {locator}"
        with self.page.expect_navigation():
            locator.click()
        self.check()

    def home(self):
        """Back to the site root by its logo."""
        self.click(self.page.locator("#portal-logo"))

    def status(self) -> str:
        return " ".join(self.page.locator(".portal-message, .statusmessage").all_inner_texts())


@pytest.fixture
def newcomer(demo_portal):
    """A registered user who is not yet a member of the demo collection."""
    setSite(demo_portal)
    api.user.create(
        email="nadia@example.org", username=NEWCOMER, password=DEMO_PASSWORD, properties={"fullname": "Nadia Newcomer"}
    )
    transaction.commit()
    return NEWCOMER


@pytest.fixture
def closed_collection(demo_portal):
    """The demo collection, closed: joining takes a facilitator's approval."""
    demo_portal.en.osor.closed = True
    transaction.commit()
    return demo_portal.en.osor


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_newcomer_joins_proposes_a_solution_and_visitors_find_it(
    new_page, site_url, newcomer, closed_collection, viewport
):
    size = VIEWPORTS[viewport]
    title = f"Parish budget planner {viewport}"

    # Nadia asks to join the closed collection.
    nadia = Journey(new_page(viewport=size), site_url, newcomer)
    header = nadia.page.locator(".osor-collection-header")
    nadia.click(header.get_by_role("button", name="Request to join", exact=True))
    assert header.get_by_role("button", name="Cancel my request").is_visible()

    # Fiona approves the request from the members page of the collection.
    fiona = Journey(new_page(viewport=size), site_url, FACILITATOR)
    fiona.click(fiona.page.locator(".osor-work-links").get_by_role("link", name="Manage members"))
    request = fiona.page.locator(".osor-pending tr", has_text="Nadia Newcomer")
    fiona.click(request.get_by_role("button", name="Approve"))
    assert fiona.page.locator(".osor-pending tr", has_text="Nadia Newcomer").count() == 0

    # Nadia, now a member, adds a solution with a licence expression and proposes it.
    nadia.home()
    nadia.click(nadia.page.get_by_role("link", name="Add a solution"))
    nadia.page.get_by_label("Title", exact=True).first.fill(title)
    nadia.page.locator("#form-widgets-licence_expression").fill("EUPL-1.2 OR GPL-3.0-or-later")
    nadia.click(nadia.page.locator("#form-buttons-save"))
    assert "only you and the facilitators see it" in nadia.page.locator(".osor-next-step").inner_text()
    assert "EUPL-1.2" in nadia.page.locator("#content").inner_text()
    nadia.click(nadia.page.locator(".osor-next-step").get_by_role("link", name="Propose for review"))
    assert "the facilitators of the collection review it" in nadia.page.locator(".osor-next-step").inner_text()

    # Fiona approves it from the review list.
    fiona.home()
    fiona.click(fiona.page.locator(".osor-work-links").get_by_role("link", name=re.compile(r"^Waiting for review")))
    item = fiona.page.locator(".osor-review-item", has_text=title)
    fiona.click(item.get_by_role("button", name="Approve"))
    assert fiona.page.locator(".osor-review-item", has_text=title).count() == 0

    # A visitor sees it on the collection homepage and finds it in the faceted search.
    visitor = Journey(new_page(viewport=size), site_url)
    solutions = visitor.page.locator("section.osor-section[data-portal-type='software_solution']")
    assert solutions.get_by_role("link", name=title).is_visible()
    visitor.click(solutions.locator("a.osor-see-all"))
    visitor.page.locator("#osor-search-text").fill("Parish budget planner")
    visitor.click(visitor.page.locator(".osor-search-form").get_by_role("button", name="Search"))
    visitor.click(visitor.page.locator("#content").get_by_role("link", name=title))
    assert visitor.page.locator("h1").inner_text() == title
