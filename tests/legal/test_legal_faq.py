"""The Legal FAQ (issue #18 §1): an expert publishes an anonymised copy of
an answered request whose requester consented; anyone can read and filter
the FAQ, and nothing in the public copy leads back to the requester."""

from community_fixtures import acting_as
from legal_fixtures import answered
from legal_fixtures import ask
from legal_fixtures import publish
from member_fixtures import PASSWORD
from osor.collection.legal import faq
from plone import api

import json
import lxml.html
import pytest
import re
import transaction


IDENTITY = ("alice", "Andersen", "alice@example.org")


def test_the_draft_has_no_trace_of_the_requester(consented):
    draft = faq.draft_of(consented)
    for text in draft.values():
        for identity in IDENTITY:
            assert identity.lower() not in text.lower(), (identity, text)
    assert "EUPL" in draft["question"]


def test_the_public_entry_is_anonymous_everywhere(site, consented):
    entry = publish(consented)
    assert api.content.get_state(entry) == "published"
    assert entry.category == consented.category
    assert entry.licences == ["EUPL-1.2", "GPL-3.0-only"]
    assert entry.Creator() != "alice"
    assert "alice" not in entry.listCreators()
    assert all(userid != "alice" for userid, _roles in entry.get_local_roles())
    assert entry.getOwner().getId() == "lex"
    history = api.portal.get_tool("portal_workflow").getInfoFor(entry, "review_history")
    assert all(item["actor"] != "alice" for item in history)
    serialized = json.dumps({
        "title": entry.title,
        "question": entry.question.raw,
        "answer": entry.answer.raw,
        "history": [dict(item, time=str(item["time"])) for item in history],
    }).lower()
    for identity in IDENTITY:
        assert identity.lower() not in serialized, identity


def test_what_the_expert_submits_is_anonymised_again(site, consented):
    with acting_as("lex"):
        entry = faq.publish_as_faq(consented, "From alice", "<p>Alice Andersen asks.</p>", "<p>Answer.</p>")
    assert "alice" not in (entry.title + entry.question.raw).lower()


def test_the_entry_is_named_after_its_title(site, consented):
    with acting_as("lex"):
        entry = faq.publish_as_faq(consented, "Can EUPL and GPL code be combined?", "<p>Q.</p>", "<p>A.</p>")
    assert entry.getId() == "can-eupl-and-gpl-code-be-combined"
    assert entry.absolute_url().endswith("/can-eupl-and-gpl-code-be-combined")


def test_anonymous_visitors_read_the_entry_but_never_the_request(site, consented):
    entry = publish(consented)
    with acting_as(None):
        assert api.user.has_permission("View", obj=entry)
        assert not api.user.has_permission("View", obj=consented)


def test_the_entry_page_links_its_category_and_licences(site, consented):
    entry = publish(consented)
    with acting_as(None):
        html = entry.restrictedTraverse("@@view")()
    assert "the EUPL appendix lists the GPL" in html
    hrefs = lxml.html.fromstring(html).xpath('//div[@class="osor-legal-faq-entry"]//a/@href')
    assert any(href.endswith("/@@legal-faq?osor_legal_category=licence_compatibility") for href in hrefs)
    assert any(href.endswith("/@@legal-faq?osor_licences=EUPL-1.2") for href in hrefs)
    assert any(href.endswith("/@@licence?id=GPL-3.0-only") for href in hrefs)
    assert "alice" not in html.split('id="content"', 1)[-1].lower()


def test_without_consent_nothing_is_published(site, unmoderated, expert):
    request = answered(ask(unmoderated, consent=False))
    with pytest.raises(faq.FaqNotAllowed):
        publish(request)


def test_an_unanswered_request_is_not_published(site, unmoderated, expert):
    request = ask(unmoderated, consent=True)
    with pytest.raises(faq.FaqNotAllowed):
        publish(request)


def test_the_faq_page_filters_by_category_and_licence(site, consented):
    publish(consented)
    with acting_as(None):
        entries = {"portal_type": faq.FAQ_TYPE}
        assert len(api.content.find(**entries)) == 1
        assert len(api.content.find(osor_legal_category="licence_compatibility", **entries)) == 1
        assert len(api.content.find(osor_licences="GPL-3.0-only", **entries)) == 1
        assert len(api.content.find(osor_licences="MIT", **entries)) == 0
        view = api.content.get_view("legal-faq", site, site.REQUEST)
        site.REQUEST.form.update({"osor_licences": "EUPL-1.2"})
        html = view()
        facets = {facet["index"]: facet for facet in view.facets()}
        site.REQUEST.form.update({"osor_licences": "MIT"})
        none_found = view()
    assert "EUPL and GPL?" in html
    assert "EUPL and GPL?" not in none_found
    assert {option["token"] for option in facets["osor_licences"]["options"]} == {"EUPL-1.2", "GPL-3.0-only"}
    (category,) = facets["osor_legal_category"]["options"]
    assert (category["token"], category["count"]) == ("licence_compatibility", 1)


def test_the_faq_page_is_the_faceted_search_of_faq_entries_only(site, consented):
    publish(consented)
    with acting_as(None):
        view = api.content.get_view("legal-faq", site, site.REQUEST)
        site.REQUEST.form.update({"SearchableText": "EUPL"})
        view()
        assert {card["url"].split("/")[-2] for card in view.cards()} <= {site.getId()}
        assert all(brain.portal_type == faq.FAQ_TYPE for brain in view.result.brains)
        assert view.result.total == 1
        main = api.content.get_view("faceted-search", site, site.REQUEST)
        main()
        # The main search neither lists FAQ entries nor counts their category.
        assert all(brain.portal_type != faq.FAQ_TYPE for brain in main.result.brains)
        assert "osor_legal_category" not in {facet["index"] for facet in main.facets()}


def test_an_unknown_category_on_the_faq_page_is_an_error_not_a_failure(site, consented):
    with acting_as(None):
        view = api.content.get_view("legal-faq", site, site.REQUEST)
        site.REQUEST.form.update({"osor_legal_category": "no-such-category"})
        view()
    assert site.REQUEST.response.getStatus() == 400
    assert view.error.parameter == "osor_legal_category"


def test_the_licences_of_the_expression_are_kept(site, unmoderated, expert):
    request = answered(ask(unmoderated, consent=True, licences=["MIT"], licence_expression="MIT OR Apache-2.0"))
    entry = publish(request)
    assert entry.licences == ["MIT", "Apache-2.0"]


def test_an_expert_publishes_through_the_form(private_request, request_factory):
    private_request.consent = True
    with acting_as("lex"):
        api.content.transition(private_request, transition="take")
        api.content.transition(private_request, transition="answer", comment="Yes.")
    transaction.commit()
    html = {"Accept": "text/html"}
    expert_session = request_factory(basic_auth=("lex", PASSWORD), api=False)
    form = expert_session.get("/nordic/question-of-alice/@@publish-as-faq", headers=html)
    assert form.status_code == 200
    assert "alice" not in form.text.split('name="title"', 1)[1].split("</form>")[0].lower()
    token = re.search(r'name="_authenticator" value="([^"]+)"', form.text).group(1)
    published = expert_session.post(
        "/nordic/question-of-alice/@@publish-as-faq",
        data={
            "form.submitted": "1",
            "_authenticator": token,
            "title": "EUPL and GPL",
            "question": "<p>Question</p>",
            "answer": "<p>Answer</p>",
        },
        headers=html,
    )
    assert published.status_code == 200
    faq_page = request_factory(api=False).get("/@@legal-faq", headers=html)
    assert "EUPL and GPL" in faq_page.text
    found = request_factory().get("/@search", params={"portal_type": "legal_faq_entry"}).json()
    (entry,) = found["items"]
    public = request_factory().get(entry["@id"].split("/plone", 1)[1]).text.lower()
    for identity in ("alice", "andersen"):
        assert identity not in public, identity
    refused = request_factory(basic_auth=("alice", PASSWORD), api=False).get(
        "/nordic/question-of-alice/@@publish-as-faq", headers=html
    )
    assert "EUPL and GPL" not in refused.text and refused.status_code in (200, 401, 403)
    assert "form.submitted" not in refused.text
