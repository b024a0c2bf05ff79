"""GET <solution>/@publiccode answers the solution as a publiccode.yml (#19 §2),
and the solution page links to it."""

from pages_content import commit
from pages_content import make_collection
from pages_content import make_solution
from plone import api
from plone.testing.zope import Browser

import lxml.html
import pytest
import yaml


@pytest.fixture
def solution(functional_portal):
    collection = make_collection(functional_portal)
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
