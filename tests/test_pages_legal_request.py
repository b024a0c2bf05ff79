"""A legal request's page: for those who may see it, the question, status and answer."""

from pages_content import assert_hidden_from_anonymous
from pages_content import commit
from pages_content import make_collection
from plone import api
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from plone.app.textfield.value import RichTextValue
from plone.testing.zope import Browser

import pytest


@pytest.fixture
def legal_request(functional_portal):
    collection = make_collection(functional_portal)
    request = api.content.create(
        container=collection,
        type="legal_request",
        id="question",
        title="May I combine EUPL and GPL code?",
        question=RichTextValue("<p>We combine two components.</p>", "text/html", "text/html"),
        category="licence_compatibility",
        licences=["EUPL-1.2"],
    )
    commit()
    return request


def test_the_requester_reads_question_category_and_status_without_empty_answer(legal_request, functional_app):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {TEST_USER_NAME}:{TEST_USER_PASSWORD}")
    browser.open(legal_request.absolute_url())
    assert "We combine two components." in browser.contents
    assert "European Union Public License 1.2" in browser.contents
    assert "Licence compatibility" in browser.contents
    assert "Answer" not in browser.contents.split('class="osor-legal-request"')[1]


def test_anonymous_visitors_cannot_read_a_legal_request(legal_request, functional_app):
    assert_hidden_from_anonymous(functional_app, legal_request)
