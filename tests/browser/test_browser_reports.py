"""A member reports an item from its page, a facilitator closes the report
from "Waiting for review"; the pages on the way (and the demo's outdated
item) are accessible at desktop and phone widths."""

from browser_fixtures import axe_violations
from browser_fixtures import DESKTOP
from browser_fixtures import FACILITATOR
from browser_fixtures import log_in
from browser_fixtures import MEMBER
from browser_fixtures import PHONE


COLLECTION = "/en/osor"
ITEM = "/en/osor/osor-handbook"
MESSAGE = "The second edition of the handbook is out."


def assert_accessible(page):
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        assert axe_violations(page) == [], (page.url, viewport)


def test_member_reports_and_facilitator_closes_from_waiting_for_review(new_page, site_url):
    visitor = new_page()
    visitor.goto(site_url + ITEM)
    assert visitor.locator(".osor-outdated").is_visible()
    assert visitor.locator(".osor-report-link").count() == 0
    assert_accessible(visitor)

    member = new_page()
    log_in(member, site_url, MEMBER)
    member.goto(site_url + ITEM)
    member.get_by_role("link", name="Report a problem").click()
    member.wait_for_url("**/@@report")
    assert_accessible(member)
    member.get_by_label("Outdated", exact=True).check()
    member.get_by_label("Message").fill(MESSAGE)
    with member.expect_navigation():
        member.get_by_role("button", name="Send the report").click()
    assert "will look at your report" in member.locator("#global_statusmessage").inner_text()

    facilitator = new_page()
    log_in(facilitator, site_url, FACILITATOR)
    facilitator.goto(f"{site_url}{COLLECTION}/@@review")
    report = facilitator.locator(".osor-report", has_text=MESSAGE)
    assert report.count() == 1
    assert_accessible(facilitator)
    report.get_by_label("Note to the reporter").fill("Updated to the second edition.")
    with facilitator.expect_navigation():
        report.get_by_role("button", name="Close the report").click()
    assert facilitator.locator(".osor-report", has_text=MESSAGE).count() == 0
    facilitator.get_by_role("link", name="Outdated").click()
    facilitator.wait_for_url("**tab=outdated")
    assert facilitator.locator(".osor-outdated-list").get_by_role("link", name="OSOR Handbook").count() == 1
    assert_accessible(facilitator)
