"""GET <solution>/@publiccode answers the solution as a publiccode.yml (#19 §2),
and the solution page links to it."""

from osor.collection.interop.publiccode.validation import validate
from pages_content import commit
from pages_content import make_osor_collection
from pages_content import make_solution
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

import lxml.html
import pytest
import yaml


@pytest.fixture
def solution(functional_portal):
    collection = make_osor_collection(functional_portal)
    solution = make_solution(collection)
    commit()
    return solution


def browser_for(app, accept=None) -> Browser:
    browser = Browser(app)
    browser.handleErrors = False
    if accept:
        browser.addHeader("Accept", accept)
    return browser


def test_a_visitor_downloads_the_publiccode_yml_of_a_solution(solution, functional_app):
    browser = browser_for(functional_app)
    browser.open(f"{solution.absolute_url()}/@publiccode")
    assert browser.headers["Content-Type"] == "application/yaml; charset=utf-8"
    data = yaml.safe_load(browser.contents)
    assert data["publiccodeYmlVersion"] == "0.7"
    assert data["name"] == "Decidim"
    assert data["url"] == "https://github.com/decidim/decidim"
    assert data["legal"]["license"] == "AGPL-3.0-only"


@pytest.mark.parametrize("accept", ["application/json", "application/yaml"])
def test_a_rest_client_gets_the_same_file(solution, functional_app, accept):
    browser = browser_for(functional_app, accept)
    browser.open(f"{solution.absolute_url()}/@publiccode")
    assert browser.headers["Content-Type"] == "application/yaml; charset=utf-8"
    assert yaml.safe_load(browser.contents)["name"] == "Decidim"


def answer_to_visitor(app, url) -> Browser:
    browser = Browser(app)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(url)
    return browser


def test_only_software_solutions_have_a_publiccode_yml(solution, functional_app):
    collection = solution.__parent__
    browser = answer_to_visitor(functional_app, f"{collection.absolute_url()}/@publiccode")
    assert browser.headers["Status"].startswith("404")


def test_a_draft_solution_is_not_exported_to_visitors(solution, functional_app):
    draft = api.content.create(
        container=solution.__parent__, type="software_solution", id="draft", title="Secret draft"
    )
    commit()
    assert api.content.get_state(draft) == "draft"
    browser = answer_to_visitor(functional_app, f"{draft.absolute_url()}/@publiccode")
    assert "Secret draft" not in browser.contents
    assert "/login" in browser.url


def test_the_solution_page_links_to_its_publiccode_yml(solution, functional_app):
    browser = browser_for(functional_app)
    browser.open(solution.absolute_url())
    links = lxml.html.fromstring(browser.contents).xpath('//a[contains(@class, "osor-publiccode-link")]')
    assert [link.get("href") for link in links] == [f"{solution.absolute_url()}/@publiccode"]
    assert links[0].get("type") == "application/yaml"
    assert "publiccode.yml" in links[0].text_content()


LONG_TEXT = (
    "Lutece is the portal and content platform of the City of Paris: its editors publish "
    "pages, forms and services, and other administrations reuse its plug-ins for theirs."
)


def test_a_solution_typed_in_the_add_form_exports_a_valid_file(solution, functional_app):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(f"{solution.__parent__.absolute_url()}/++add++software_solution")
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Lutece"
    browser.getControl(name="form.widgets.IDublinCore.description").value = "A portal and content platform."
    browser.getControl(name="form.widgets.body").value = f"<p>{LONG_TEXT}</p>"
    browser.getControl(name="form.widgets.repository_url").value = "https://github.com/lutece-platform/lutece-core"
    browser.getControl(name="form.widgets.development_status:list").value = ["Completed"]
    browser.getControl(name="form.widgets.licence_expression").value = "BSD-3-Clause"
    browser.getControl(name="form.buttons.save").click()
    browser.open(f"{browser.url.rstrip('/').removesuffix('/view')}/@publiccode")
    validation = validate(browser.contents)
    assert [(problem.path, problem.message) for problem in validation.errors] == []
    assert validation.data["legal"]["license"] == "BSD-3-Clause"
    assert validation.data["developmentStatus"] == "stable"
