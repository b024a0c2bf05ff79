"""A legal request is published in the Legal FAQ once (#26 §3): a form
sent twice (a double click, the browser's back button) adds no second entry."""

from community_fixtures import acting_as
from legal_fixtures import publish
from member_fixtures import PASSWORD
from osor.collection.legal import faq
from plone import api

import pytest
import re
import transaction


HTML = {"Accept": "text/html"}
FORM = "/nordic/question-of-alice/@@publish-as-faq"


def faq_titles(request_factory) -> list[str]:
    found = request_factory().get("@search", params={"portal_type": faq.FAQ_TYPE}).json()
    return [item["title"] for item in found["items"]]


@pytest.fixture
def answered_request(private_request):
    private_request.consent = True
    with acting_as("lex"):
        api.content.transition(private_request, transition="take")
        api.content.transition(private_request, transition="answer", comment="Yes.")
    transaction.commit()
    return private_request


def test_the_form_sent_twice_publishes_one_entry(answered_request, request_factory):
    session = request_factory(basic_auth=("lex", PASSWORD), api=False)
    form = session.get(FORM, headers=HTML)
    token = re.search(r'name="_authenticator" value="([^"]+)"', form.text).group(1)
    data = {
        "form.submitted": "1",
        "_authenticator": token,
        "title": "EUPL and GPL",
        "question": "<p>Question</p>",
        "answer": "<p>Answer</p>",
    }
    first = session.post(FORM, data=data, headers=HTML)
    assert first.status_code == 200
    again = session.post(FORM, data=data, headers=HTML)
    assert again.status_code == 200
    assert faq_titles(request_factory) == ["EUPL and GPL"]
    assert "This request is already published in the Legal FAQ." in again.text


def test_a_request_whose_entry_was_deleted_may_be_published_again(answered_request):
    entry = publish(answered_request)
    with pytest.raises(faq.FaqNotAllowed):
        publish(answered_request)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(entry)
    assert publish(answered_request).title
