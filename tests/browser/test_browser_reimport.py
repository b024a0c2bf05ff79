"""A facilitator checks the demo's decidim.yml against the Decidim written by
hand on the demo site (#24 §3): the dry run lists, field by field, what the
import would keep (edited on the site), and the page and its report pass
axe at desktop and phone widths."""

from browser_fixtures import axe_violations
from browser_fixtures import FACILITATOR
from browser_fixtures import log_in
from browser_fixtures import VIEWPORTS
from osor.collection.demo.publiccode_import import FIXTURES

import pytest


COLLECTION = "/en/osor"
DECIDIM_FILE = (FIXTURES / "decidim.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_dry_run_over_hand_written_decidim_lists_the_kept_fields(new_page, site_url, viewport):
    page = new_page(VIEWPORTS[viewport])
    log_in(page, site_url, FACILITATOR)
    page.goto(f"{site_url}{COLLECTION}/@@import-publiccode")
    page.get_by_label("or paste its text").fill(DECIDIM_FILE)
    page.get_by_label("Only check the file (write nothing)").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Import").click()
    assert "would update" in page.locator(".osor-import-result").inner_text()
    table = page.locator("table.osor-import-fields")
    kept = table.locator("tr[data-outcome='kept']")
    assert kept.count() >= 5
    assert "Owner" in " ".join(kept.all_inner_texts())
    assert "never imported" in page.locator(".osor-import-warnings").inner_text()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]

    page.goto(f"{site_url}{COLLECTION}/@@import-reports")
    report = page.locator(".osor-import-report").first
    assert report.get_attribute("data-outcome") == "validated"
    assert report.locator("tr[data-outcome='kept']").count() == kept.count()
    assert axe_violations(page) == []
