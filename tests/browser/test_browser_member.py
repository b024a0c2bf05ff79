"""A member proposes a solution through the forms, a facilitator approves
it from the collection's "Waiting for review" list, and visitors see it."""

from browser_fixtures import axe_violations
from browser_fixtures import FACILITATOR
from browser_fixtures import log_in
from browser_fixtures import MEMBER

import transaction


COLLECTION = "/en/osor"
TITLE = "OpenProject for administrations"


def save(page):
    with page.expect_navigation():
        page.click("#form-buttons-save")


def add(page, container_url: str, portal_type: str, fields: dict) -> str:
    """Fill the add form of ``portal_type`` (labels -> values), save it and
    return the new item's URL."""
    page.goto(f"{container_url}/++add++{portal_type}")
    for label, value in fields.items():
        page.get_by_label(label, exact=True).first.fill(value)
    save(page)
    assert "++add++" not in page.url, page.locator(".invalid-feedback, .alert-danger").all_inner_texts()
    return page.url.split("/view")[0].rstrip("/")


def test_member_proposes_facilitator_approves_visitor_reads(new_page, site_url):
    member = new_page()
    log_in(member, site_url, MEMBER)
    solution_url = add(
        member,
        site_url + COLLECTION,
        "software_solution",
        {"Title": TITLE, "Summary": "Project management for public administrations."},
    )
    release_url = add(member, solution_url, "solution_release", {"Title": "OpenProject 14", "Version": "14.0.0"})
    add(
        member,
        release_url,
        "solution_distribution",
        {"Title": "Source code", "Access URL": "https://example.org/openproject-14.tar.gz"},
    )
    member.goto(solution_url)
    member.click("#plone-contentmenu-workflow > a")
    with member.expect_navigation():
        member.click("#workflow-transition-submit")

    facilitator = new_page()
    log_in(facilitator, site_url, FACILITATOR)
    facilitator.goto(site_url + COLLECTION)
    with facilitator.expect_navigation():
        facilitator.click("#contentview-osor_collection_review a")
    item = facilitator.locator(".osor-review-item", has_text=TITLE)
    with facilitator.expect_navigation():
        item.get_by_role("button", name="Approve").click()
    assert facilitator.locator(".osor-review-item", has_text=TITLE).count() == 0

    visitor = new_page()
    visitor.goto(site_url + COLLECTION)
    solutions = visitor.locator("#osor-section-software_solution")
    assert solutions.locator("article").get_by_role("link", name=TITLE).count() == 1


def test_member_add_form_is_finished(new_page, site_url):
    """Essentials first, no Dublin Core in our owner tab, topics in one
    searchable select, no text-format selector."""
    member = new_page()
    log_in(member, site_url, MEMBER)
    member.goto(f"{site_url}{COLLECTION}/++add++software_solution")
    owner_tab = member.locator("fieldset#fieldset-owner")
    assert owner_tab.locator("[name='form.widgets.IOwnerOrganisation.owner_name']").count() == 1
    assert owner_tab.locator("[name*='creators'], [name*='rights']").count() == 0
    assert member.locator("input[type=checkbox][name^='form.widgets.ITopics.topics']").count() == 0
    assert member.locator("select[name^='form.widgets.ITopics.topics']").count() == 1
    assert member.locator("select[name$='.mimeType']").count() == 0


def test_member_picks_a_topic_by_typing_its_name(new_page, site_url, demo_portal):
    member = new_page()
    log_in(member, site_url, MEMBER)
    member.goto(f"{site_url}{COLLECTION}/++add++case_study")
    member.get_by_label("Title", exact=True).first.fill("Topics by name")
    member.locator("#formfield-form-widgets-ITopics-topics .select2-container").click()
    member.keyboard.type("Open-source pol")
    member.wait_for_timeout(500)
    member.keyboard.press("Enter")
    save(member)
    transaction.begin()  # see what the server committed
    case_study = demo_portal.unrestrictedTraverse(COLLECTION.strip("/") + "/topics-by-name")
    assert case_study.topics == ["GOVE-open-source-policy"]


def test_member_adds_a_further_repository_with_its_part(new_page, site_url):
    member = new_page()
    log_in(member, site_url, MEMBER)
    member.goto(f"{site_url}{COLLECTION}/++add++software_solution")
    member.get_by_label("Title", exact=True).first.fill("Signalen")
    member.get_by_label("Summary", exact=True).first.fill("Reports about public space.")
    member.get_by_role("link", name="More details").click()
    # Each cell is named by its column (axe found them unlabelled).
    member.get_by_title("Part", exact=True).first.select_option("mobile")
    member.get_by_title("Address", exact=True).first.fill("https://github.com/Signalen/app")
    grid_problems = [
        violation
        for violation in axe_violations(member)
        if any("other_repositories" in str(node) for node in violation["nodes"])
    ]
    assert grid_problems == []
    save(member)
    assert "++add++" not in member.url, member.locator(".invalid-feedback, .alert-danger").all_inner_texts()
    link = member.get_by_role("link", name="Mobile app: https://github.com/Signalen/app")
    assert link.get_attribute("href") == "https://github.com/Signalen/app"
