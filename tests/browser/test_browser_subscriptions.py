"""Subscriptions in a real browser (issue #29 §1): the demo's member follows a
solution from its page and leaves it from *My subscriptions*, at desktop and
phone width, with no serious or critical accessibility violation."""

from browser_fixtures import axe_violations
from browser_fixtures import log_in
from browser_fixtures import MEMBER
from browser_fixtures import VIEWPORTS

import json
import pytest


def accessible_and_fits(page, viewport: str, what: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{what}: {json.dumps(violations, indent=1)}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[viewport]["width"], f"{what} scrolls sideways: {width} px"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_member_follows_a_solution_and_leaves_it_from_her_subscriptions(
    new_page, site_url, viewport, external_requests
):
    page = new_page(VIEWPORTS[viewport])
    log_in(page, site_url, MEMBER)

    page.goto(f"{site_url}/en/osor/decidim")
    follow = page.get_by_role("region", name="Follow this solution")
    follow.get_by_label("E-mail me about changes").select_option("weekly")
    with page.expect_navigation():
        follow.get_by_role("button", name="Subscribe").click()
    assert page.get_by_text("You will get e-mails about it (weekly).").is_visible()
    assert page.url == f"{site_url}/en/osor/decidim"
    accessible_and_fits(page, viewport, "the solution page with its subscription box")

    page.goto(f"{site_url}/@@my-subscriptions")
    subscriptions = page.locator(".osor-my-subscription")
    # The demo already subscribed maria to the collection, weekly.
    assert subscriptions.filter(has_text="Decidim").count() == 1
    assert subscriptions.count() == 2
    accessible_and_fits(page, viewport, "@@my-subscriptions")

    with page.expect_navigation():
        page.get_by_role("button", name="Unsubscribe from Decidim").click()
    assert page.get_by_text("You will no longer get e-mails about it.").is_visible()
    assert subscriptions.filter(has_text="Decidim").count() == 0
    assert subscriptions.count() == 1
    assert external_requests == []
