"""Release and distribution pages: distributions with download buttons through ``@@download``."""

from datetime import date
from pages_content import add_release
from pages_content import anonymous_browser
from pages_content import commit
from pages_content import json_ld
from pages_content import make_osor_collection
from pages_content import make_solution
from pages_content import of_type

import pytest


@pytest.fixture
def release(functional_portal):
    solution = make_solution(make_osor_collection(functional_portal))
    release = add_release(solution, "0.28.0", date(2024, 4, 15))
    commit()
    return release


def test_release_page_lists_its_distributions_with_download_buttons(release, functional_app):
    browser = anonymous_browser(functional_app)
    browser.open(release.absolute_url())
    assert "Apr 15, 2024" in browser.contents
    distribution = release["source"]
    assert browser.getLink("Download").url == f"{distribution.absolute_url()}/@@download"
    assert "TAR.GZ" in browser.contents
    assert "Downloads: 0" in browser.contents
    assert of_type(json_ld(browser.contents), "SoftwareApplication")["softwareVersion"] == "0.28.0"


def test_distribution_page_has_a_download_button_and_human_size(release, functional_app):
    distribution = release["source"]
    browser = anonymous_browser(functional_app)
    browser.open(distribution.absolute_url())
    assert "1.2 MB" in browser.contents
    assert "File: " not in browser.contents
    assert browser.getLink("Download").url == f"{distribution.absolute_url()}/@@download"
    data = of_type(json_ld(browser.contents), "DataDownload")
    assert data["encodingFormat"] == "TAR.GZ"
    assert data["license"] == "https://spdx.org/licenses/AGPL-3.0-only.html"
