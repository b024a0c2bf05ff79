"""Software Heritage identifiers of releases (#29 §3): checked by their
syntax, shown as a link to the archive, exported in JSON-LD, DCAT (see
test_dcat_export.py) and the publiccode.yml."""

from datetime import date
from osor.collection.fields import software_heritage_url
from osor.collection.fields import swhid_problem
from osor.collection.interop.publiccode.validation import validate
from pages_content import add_release
from pages_content import anonymous_browser
from pages_content import commit
from pages_content import json_ld
from pages_content import make_osor_collection
from pages_content import make_solution
from pages_content import of_type
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

import pytest
import transaction


HASH = "22ece559cc7cc2364edc5e5593d63ae8bd229f9f"
SWHID = f"swh:1:rel:{HASH};origin=https://github.com/decidim/decidim"
ARCHIVE_URL = f"https://archive.softwareheritage.org/{SWHID}"


@pytest.mark.parametrize(
    "value",
    [
        f"swh:1:rel:{HASH}",
        f"swh:1:rev:{HASH}",
        f"swh:1:dir:{HASH}",
        f"swh:1:cnt:{HASH}",
        f"swh:1:snp:{HASH}",
        SWHID,
        f"swh:1:cnt:{HASH};origin=https://example.org/repo.git;visit=swh:1:snp:{HASH};lines=9-15",
    ],
)
def test_identifiers_of_the_specification_are_accepted(value):
    assert swhid_problem(value) is None


@pytest.mark.parametrize(
    "value, named",
    [
        ("https://archive.softwareheritage.org/browse/release/x", "https://archive"),
        (f"swh:2:rel:{HASH}", "swh:2:rel"),
        (f"swh:1:ori:{HASH}", "swh:1:ori"),
        (f"swh:1:rel:{HASH[:-1]}", "swh:1:rel"),
        (f"swh:1:rel:{HASH.upper()}", "swh:1:rel"),
        (f"swh:1:rel:{HASH};branch=main", "branch=main"),
        (f"swh:1:rel:{HASH};origin=", "origin="),
    ],
)
def test_other_texts_are_refused_naming_the_wrong_part(value, named):
    problem = swhid_problem(value)
    assert problem is not None
    assert any(named in str(value) for value in problem.mapping.values())


def test_the_archive_link_is_made_only_of_a_valid_identifier():
    assert software_heritage_url(SWHID) == ARCHIVE_URL
    assert software_heritage_url("javascript:alert(1)") == ""
    assert software_heritage_url(None) == ""


@pytest.fixture
def release(functional_portal):
    solution = make_solution(make_osor_collection(functional_portal))
    release = add_release(solution, "0.28.0", date(2024, 4, 15))
    release.swhid = SWHID
    commit()
    return release


def test_the_release_page_links_to_the_archive(release, functional_app):
    browser = anonymous_browser(functional_app)
    browser.open(release.absolute_url())
    assert browser.getLink(SWHID).url == ARCHIVE_URL
    data = of_type(json_ld(browser.contents), "SoftwareApplication")
    assert data["identifier"] == SWHID
    assert data["sameAs"] == ARCHIVE_URL


def test_the_solution_page_links_each_archived_release(release, functional_app):
    browser = anonymous_browser(functional_app)
    browser.open(release.__parent__.absolute_url())
    link = browser.getLink(url=ARCHIVE_URL)
    assert "Archived by Software Heritage" in link.text


def test_the_publiccode_yml_carries_it_and_stays_valid(release, functional_app):
    browser = anonymous_browser(functional_app)
    browser.open(f"{release.__parent__.absolute_url()}/@publiccode")
    assert browser.contents.startswith(f"# x-softwareHeritage: {SWHID}\n# {ARCHIVE_URL}\n")
    # The comment changes nothing a parser reads.
    without_comment = browser.contents.split("\n", 2)[2]
    validation = validate(browser.contents)
    assert validation.data == validate(without_comment).data
    assert [problem.path for problem in validation.errors] == [
        problem.path for problem in validate(without_comment).errors
    ]
    assert validation.data["softwareVersion"] == "0.28.0"


def test_a_release_without_identifier_exports_no_comment(release, functional_app):
    release.swhid = None
    commit()
    browser = anonymous_browser(functional_app)
    browser.open(f"{release.__parent__.absolute_url()}/@publiccode")
    assert "softwareHeritage" not in browser.contents


def test_rest_refuses_a_malformed_identifier_naming_the_field(release, manager_request):
    path = f"/{release.__parent__.__parent__.getId()}/{release.__parent__.getId()}/{release.getId()}"
    response = manager_request.patch(path, json={"swhid": f"swh:1:rel:{HASH[:10]}"})
    assert response.status_code == 400
    error = response.json()
    assert "swhid" in str(error)
    assert "40 hexadecimal digits" in str(error)
    transaction.begin()
    assert release.swhid == SWHID

    response = manager_request.patch(path, json={"swhid": f"swh:1:dir:{HASH}"})
    assert response.status_code == 204
    transaction.begin()
    assert release.swhid == f"swh:1:dir:{HASH}"


def test_the_edit_form_explains_a_malformed_identifier(release, functional_app):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(f"{release.absolute_url()}/edit")
    browser.getControl(name="form.widgets.swhid").value = "swh:1:release:abc"
    browser.getControl(name="form.buttons.save").click()
    assert "is not a Software Heritage identifier" in browser.contents
    transaction.begin()
    assert release.swhid == SWHID
