"""A case study's page: its facts, the year as a plain number, solutions used as cards."""

from pages_content import anonymous_browser
from pages_content import commit
from pages_content import json_ld
from pages_content import make_osor_collection
from pages_content import make_solution
from pages_content import of_type
from pages_content import published
from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified

import lxml.html
import pytest


@pytest.fixture
def case_study(functional_portal):
    collection = make_osor_collection(functional_portal)
    solution = make_solution(collection)
    case = published(
        api.content.create(
            container=collection,
            type="case_study",
            id="barcelona",
            title="Barcelona decides",
            description="How Barcelona runs participatory budgets.",
            year=2021,
            administration_level="local",
            administrations=["Barcelona City Council"],
            spatial_coverage=["ES"],
        )
    )
    case.solutions_used = [RelationValue(getUtility(IIntIds).getId(solution))]
    modified(case)
    commit()
    return case


@pytest.fixture
def page(case_study, functional_app):
    browser = anonymous_browser(functional_app)
    browser.open(case_study.absolute_url())
    return browser


def test_year_is_a_plain_number(page):
    assert "2021" in page.contents
    assert "2,021" not in page.contents


def test_countries_link_to_the_search(page):
    assert "@@faceted-search?osor_countries=ES" in page.getLink("Spain").url


def test_solutions_used_are_cards(page):
    tree = lxml.html.fromstring(page.contents)
    titles = tree.xpath('//section[@class="osor-solutions-used"]//article//h3/a/text()')
    assert titles == ["Decidim"]


def test_the_solution_lists_the_case_studies_that_use_it(case_study, functional_app):
    browser = anonymous_browser(functional_app)
    browser.open(case_study.aq_parent["decidim"].absolute_url())
    tree = lxml.html.fromstring(browser.contents)
    assert tree.xpath('//section[@class="osor-case-studies"]//h3/a/text()') == ["Barcelona decides"]


def test_structured_data_is_an_article_about_the_solutions(page):
    article = of_type(json_ld(page.contents), "Article")
    assert article["name"] == "Barcelona decides"
    assert [about["name"] for about in article["about"]] == ["Decidim"]
