"""A member fills in the solution form in Chromium: the licence type-ahead
builds an SPDX expression from the keyboard alone, and the form is
accessible (axe: no serious or critical violation) at desktop and phone
widths, with the list of licences open too."""

from browser_fixtures import axe_violations
from browser_fixtures import log_in
from browser_fixtures import MEMBER
from browser_fixtures import VIEWPORTS

import json
import pytest
import transaction


COLLECTION = "/en/osor"
LICENCE = "#form-widgets-licence_expression"


def open_add_form(new_page, site_url, viewport):
    member = new_page(viewport=viewport)
    log_in(member, site_url, MEMBER)
    member.goto(f"{site_url}{COLLECTION}/++add++software_solution")
    member.wait_for_load_state("networkidle")
    member.locator("iframe.tox-edit-area__iframe[title]").wait_for(state="attached")  # the editor is ready
    return member


def pick_with_the_keyboard(page, licence_id: str) -> None:
    """Go down the open list of licences to ``licence_id`` and press Enter."""
    field = page.locator(LICENCE)
    page.locator(f"[role=option][data-value='{licence_id}']").wait_for()
    for _step in range(10):
        page.keyboard.press("ArrowDown")
        active = field.get_attribute("aria-activedescendant")
        if active and page.locator(f"#{active}").get_attribute("data-value") == licence_id:
            break
    page.keyboard.press("Enter")


def test_member_builds_a_licence_expression_with_the_keyboard(new_page, site_url, demo_portal):
    member = open_add_form(new_page, site_url, VIEWPORTS["desktop"])
    member.get_by_label("Title", exact=True).first.fill("Licensed by keyboard")
    field = member.locator(LICENCE)
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-expanded") == "false"

    field.focus()
    member.keyboard.type("eupl")
    listbox = member.locator(f"#{field.get_attribute('aria-controls')}")
    listbox.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    assert listbox.locator("[role=option]").all_inner_texts()[:3] == [
        "EUPL-1.0 European Union Public License 1.0",
        "EUPL-1.1 European Union Public License 1.1",
        "EUPL-1.2 European Union Public License 1.2",
    ]
    pick_with_the_keyboard(member, "EUPL-1.2")
    assert field.input_value() == "EUPL-1.2 "
    assert field.get_attribute("aria-expanded") == "false"
    assert "++add++" in member.url  # Enter picked, it did not submit

    member.keyboard.type("OR GPL-3")
    pick_with_the_keyboard(member, "GPL-3.0-or-later")
    assert field.input_value() == "EUPL-1.2 OR GPL-3.0-or-later "

    with member.expect_navigation():
        member.click("#form-buttons-save")
    assert "++add++" not in member.url, member.locator(".invalid-feedback").all_inner_texts()
    transaction.begin()  # see what the server committed
    solution = demo_portal.unrestrictedTraverse(COLLECTION.strip("/") + "/licensed-by-keyboard")
    assert solution.licence_expression == "EUPL-1.2 OR GPL-3.0-or-later"
    assert solution.licences == ["EUPL-1.2", "GPL-3.0-or-later"]


def test_escape_closes_the_list_and_a_click_picks(new_page, site_url):
    member = open_add_form(new_page, site_url, VIEWPORTS["desktop"])
    field = member.locator(LICENCE)
    field.focus()
    member.keyboard.type("apache")
    member.locator("[role=option][data-value='Apache-2.0']").wait_for()
    member.keyboard.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    member.keyboard.press("ArrowDown")  # opens it again
    member.locator("[role=option][data-value='Apache-2.0']").click()
    assert field.input_value() == "Apache-2.0 "


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_member_add_form_is_accessible(new_page, site_url, viewport, external_requests):
    member = open_add_form(new_page, site_url, VIEWPORTS[viewport])
    first = axe_violations(member)
    assert first == [], json.dumps(first, indent=1)
    member.locator(LICENCE).focus()
    member.keyboard.type("gpl")
    member.locator("[role=option]").first.wait_for()
    member.keyboard.press("ArrowDown")
    violations = axe_violations(member)
    assert violations == [], json.dumps(violations, indent=1)
    width = member.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[viewport]["width"], f"the form scrolls sideways: {width} px"
    assert external_requests == []
