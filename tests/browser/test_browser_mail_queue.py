"""The mail queue page in a real browser: accessible, and a failed mail is
sent again with its button (issue #24, point 4)."""

from browser_fixtures import axe_violations
from browser_fixtures import log_in
from browser_fixtures import VIEWPORTS
from osor.collection.mail.config import queue_directory
from osor.collection.mail.queue import FAILED
from osor.collection.mail.queue import MailQueue
from osor.collection.mail.queue import WAITING

import json
import pytest
import transaction


PASSWORD = "a-long-site-manager-password"


@pytest.fixture
def site_manager(demo_portal):
    demo_portal.acl_users.userFolderAddUser("sitemanager", PASSWORD, ["Manager"], [])
    transaction.commit()
    return "sitemanager"


@pytest.fixture
def failed_mail(demo_portal):
    """A mail the server refused for good, and one that waits."""
    mail_queue = MailQueue(queue_directory())
    site = "/".join(demo_portal.getPhysicalPath())
    for recipient in ("fred@example.org", "olga@example.org"):
        message = f"To: {recipient}\nSubject: Nordic open source\n\nHello".encode()
        mail_queue.publish(mail_queue.prepare(site, "osor@example.org", [recipient], "Nordic open source", message))
    refused = mail_queue.claim(mail_queue.messages(WAITING)[0].id)
    mail_queue.fail(refused, "550 5.1.1 No such user here (fred@example.org)")
    return mail_queue


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_mail_queue_page_is_accessible_and_fits_its_screen(
    new_page, site_url, site_manager, failed_mail, viewport, external_requests
):
    page = new_page(VIEWPORTS[viewport])
    log_in(page, site_url, site_manager, PASSWORD)
    response = page.goto(f"{site_url}/@@mail-queue")
    assert response.ok
    assert page.get_by_role("heading", name="Failed").is_visible()
    assert page.get_by_text("550 5.1.1 No such user here").is_visible()
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=1)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[viewport]["width"], f"@@mail-queue scrolls sideways: {width} px"
    assert external_requests == []


def test_a_site_manager_sends_a_failed_mail_again_from_the_page(new_page, site_url, site_manager, failed_mail):
    page = new_page()
    log_in(page, site_url, site_manager, PASSWORD)
    page.goto(f"{site_url}/@@mail-queue")
    with page.expect_navigation():
        page.get_by_role("button", name="Send again (to fred@example.org)").click()
    assert page.get_by_text("The mail is queued again.").is_visible()
    assert page.get_by_text("No mail failed.").is_visible()
    assert failed_mail.messages(FAILED) == []
    assert sorted(mail.mto[0] for mail in failed_mail.messages(WAITING)) == ["fred@example.org", "olga@example.org"]
