"""The contributor's path in a real browser (issue #25 §1, §3): every test
starts at the site root, as a newcomer types it, and after that only
clicks links and buttons she can see, counting the clicks.

The helpers (``ClickCounter``, ``log_in_by_clicking``) are in
``browser_fixtures``, shared with the longer journeys of §4.
"""

from browser_fixtures import assert_accessible
from browser_fixtures import ClickCounter
from browser_fixtures import DEMO_PASSWORD
from browser_fixtures import FACILITATOR
from browser_fixtures import LEGAL_EXPERT
from browser_fixtures import log_in_by_clicking
from browser_fixtures import MEMBER
from browser_fixtures import VIEWPORTS
from plone import api
from zope.component.hooks import setSite

import pytest
import re
import transaction


def test_a_member_reaches_the_solution_add_form_from_the_homepage(new_page, site_url):
    page = new_page()
    log_in_by_clicking(page, site_url, MEMBER)
    counter = ClickCounter(page)
    counter.click(page.get_by_role("link", name="Add a solution"))
    assert page.url.endswith("/en/osor/++add++software_solution"), page.url
    assert page.locator("#form-buttons-save").is_visible()
    assert counter.clicks <= 3


def test_a_member_reaches_the_solution_add_form_from_the_add_menu(new_page, site_url):
    page = new_page()
    log_in_by_clicking(page, site_url, MEMBER)
    counter = ClickCounter(page)
    page.locator("#plone-contentmenu-factories > a").click()
    counter.clicks += 1  # opens the menu in place
    counter.click(page.locator("#plone-contentmenu-factories #software_solution"))
    assert "/en/osor/++add++software_solution" in page.url, page.url
    assert counter.clicks <= 3


@pytest.mark.parametrize("where", ["homepage", "tabs"])
def test_a_facilitator_reaches_the_review_list(new_page, site_url, where):
    page = new_page()
    log_in_by_clicking(page, site_url, FACILITATOR)
    counter = ClickCounter(page)
    links = page.locator(".osor-work-links" if where == "homepage" else "#edit-zone")
    counter.click(links.get_by_role("link", name=re.compile(r"^Waiting for review")))
    assert "/en/osor/@@review" in page.url, page.url
    assert counter.clicks <= 2


def test_a_legal_expert_reaches_the_open_legal_requests(new_page, site_url):
    page = new_page()
    log_in_by_clicking(page, site_url, LEGAL_EXPERT)
    counter = ClickCounter(page)
    counter.click(page.locator(".osor-work-links").get_by_role("link", name=re.compile(r"^Open legal requests")))
    assert page.url.endswith("/@@legal-requests"), page.url
    # The demo's unanswered question, asked by arthur, is listed for the expert.
    assert page.get_by_role("link", name=re.compile("documentation of an EUPL project")).is_visible()
    assert counter.clicks <= 2


def test_who_runs_the_collection_opens_its_participation_settings(new_page, site_url):
    page = new_page()
    log_in_by_clicking(page, site_url, FACILITATOR)
    counter = ClickCounter(page)
    counter.click(page.locator(".osor-work-links").get_by_role("link", name="Participation settings"))
    assert page.get_by_label("Closed collection").is_visible()
    assert page.get_by_label("Content creation").is_visible()
    assert counter.clicks == 1


@pytest.fixture
def newcomer(demo_portal):
    """A registered user who is not a member of the demo collection."""
    setSite(demo_portal)
    api.user.create(email="nadia@example.org", username="nadia", password=DEMO_PASSWORD)
    transaction.commit()
    return "nadia"


@pytest.mark.parametrize("closed", [False, True], ids=["open", "closed"])
def test_a_non_member_joins_or_requests_to_join_in_one_click(new_page, site_url, demo_portal, newcomer, closed):
    if closed:
        demo_portal.en.osor.closed = True
        transaction.commit()
    page = new_page()
    log_in_by_clicking(page, site_url, newcomer)
    counter = ClickCounter(page)
    header = page.locator(".osor-collection-header")
    counter.click(header.get_by_role("button", name="Request to join" if closed else "Join", exact=True))
    assert counter.clicks == 1
    if closed:
        assert header.get_by_role("button", name="Cancel my request").is_visible()
    else:
        assert header.get_by_role("button", name="Leave").is_visible()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_member_s_draft_says_what_happens_next_and_her_dashboard_lists_it(new_page, site_url, viewport):
    page = new_page(viewport=VIEWPORTS[viewport])
    log_in_by_clicking(page, site_url, MEMBER)
    assert_accessible(page)  # the homepage with its calls to action
    counter = ClickCounter(page)
    counter.click(page.get_by_role("link", name="Add a solution"))
    page.get_by_label("Title", exact=True).first.fill("A draft of Maria")
    counter.click(page.locator("#form-buttons-save"))
    notice = page.locator(".osor-next-step")
    assert "only you and the facilitators see it" in notice.inner_text()
    assert_accessible(page)  # the draft with its notice and "Add a release"
    assert page.get_by_role("link", name="Add a release").is_visible()
    counter.click(notice.get_by_role("link", name="Propose for review"))
    assert "the facilitators of the collection review it" in page.locator(".osor-next-step").inner_text()
    page.locator("#personaltools-menulink").click()  # opens the user menu in place
    counter.click(page.get_by_role("link", name="My contributions"))
    assert page.locator("#osor-my-proposed").get_by_role("link", name="A draft of Maria").is_visible()
    assert_accessible(page)
