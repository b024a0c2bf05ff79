"""A legal request is private in every channel (issue #18 §1), over HTTP.

In the committed site "nordic" (olga owner, fred facilitator, alice and
bob members), alice asks a question and bob another one; lex is a legal
expert. Only alice, lex and the site's Manager ever see alice's request,
its title or her name, whichever way they ask.
"""

from legal_fixtures import SECRET
from member_fixtures import PASSWORD

import gzip
import pytest


OTHERS = (None, "bob", "fred", "olga")


def session(request_factory, userid=None, api=True):
    if userid is None:
        return request_factory(api=api)
    return request_factory(basic_auth=(userid, PASSWORD), api=api)


CHANNELS = (
    ("/nordic/question-of-alice", True),
    ("/nordic/question-of-alice/@workflow", True),
    ("/nordic/question-of-alice/@history", True),
    (f"/@search?SearchableText={SECRET}", True),
    ("/@search?portal_type=legal_request&fullobjects=1", True),
    ("/@search?osor_legal_category=licence_compatibility&b_size=100", True),
    ("/nordic?fullobjects=1", True),
    ("/@navigation?expand.navigation.depth=4", True),
    ("/nordic/@navigation?expand.navigation.depth=4", True),
    ("/nordic", False),
    ("/nordic/folder_contents", False),
    ("/sitemap.xml.gz", False),
    (f"/@@search?SearchableText={SECRET}", False),
    ("/nordic/RSS", False),
    ("/nordic/rss.xml", False),
    ("/nordic/atom.xml", False),
    ("/nordic/ics_view", False),
    (f"/@faceted-search?SearchableText={SECRET}", True),
    ("/@faceted-search?b_size=100", True),
    ("/nordic/@faceted-search?b_size=100", True),
    (f"/@@faceted-search?SearchableText={SECRET}", False),
    ("/nordic/@@faceted-search?b_size=100", False),
    (f"/@@faceted-search-rss?SearchableText={SECRET}", False),
    (f"/@@legal-faq?SearchableText={SECRET}", False),
    # Pages with JSON-LD: the site root and the collection (above).
    ("/", False),
)


@pytest.mark.parametrize("path, rest", CHANNELS)
def test_nobody_else_sees_the_request_or_its_requester(private_request, request_factory, path, rest):
    for userid in OTHERS:
        headers = {} if rest else {"Accept": "text/html"}
        response = session(request_factory, userid, api=rest).get(path, headers=headers)
        text = (
            response.text
            if response.headers.get("Content-Type", "").startswith(("text", "application/json", "application/xml"))
            else ""
        )
        assert "question of alice" not in text, (userid, path)
        assert "asked by alice" not in text, (userid, path)
        assert "question-of-alice" not in text, (userid, path)


def test_the_requester_and_the_expert_see_the_request(private_request, request_factory):
    for userid in ("alice", "lex"):
        response = session(request_factory, userid).get("/nordic/question-of-alice")
        assert response.status_code == 200, userid
        found = session(request_factory, userid).get(f"/@search?SearchableText={SECRET}").json()
        titles = {item["title"] for item in found["items"]}
        assert f"{SECRET} question of alice" in titles, userid
    assert session(request_factory, "lex").get("/nordic/question-of-alice/@history").status_code == 200
    # The HTML channels do show it to her: the checks above are not vacuous.
    html = {"Accept": "text/html"}
    found = session(request_factory, "alice", api=False).get(f"/@@search?SearchableText={SECRET}", headers=html)
    assert "question of alice" in found.text


def test_others_are_refused_the_item_its_history_and_workflow(private_request, request_factory):
    for userid in OTHERS:
        for suffix in ("", "/@history", "/@workflow"):
            response = session(request_factory, userid).get(f"/nordic/question-of-alice{suffix}")
            assert response.status_code in (401, 403, 404), (userid, suffix, response.status_code)


def test_an_invalid_licence_expression_is_a_400_naming_the_token(private_request, request_factory):
    response = session(request_factory, "alice").post(
        "/nordic",
        json={
            "@type": "legal_request",
            "title": "Expression",
            "question": "<p>?</p>",
            "category": "licence_compatibility",
            "licence_expression": "MIT OR Nonsense-9",
        },
    )
    assert response.status_code == 400
    assert "licence_expression" in response.text
    assert "Nonsense-9" in response.text


def test_the_request_page_names_the_requester_to_experts_only(private_request, request_factory):
    html = {"Accept": "text/html"}
    mine = session(request_factory, "alice", api=False).get("/nordic/question-of-alice", headers=html)
    assert mine.status_code == 200
    assert f"{SECRET} asked by alice" in mine.text
    assert "Asked by" not in mine.text
    expert_page = session(request_factory, "lex", api=False).get("/nordic/question-of-alice", headers=html)
    assert "Asked by" in expert_page.text and "Alice Andersen" in expert_page.text
    assert 'value="take"' in expert_page.text
    assert 'value="take"' not in mine.text


def test_the_legal_requests_page_lists_what_each_may_see(private_request, request_factory):
    html = {"Accept": "text/html"}
    listed = {
        userid: session(request_factory, userid, api=False).get("/@@legal-requests", headers=html).text
        for userid in ("alice", "bob", "lex", "fred")
    }
    assert "question of alice" in listed["alice"] and "question of bob" not in listed["alice"]
    assert "question of bob" in listed["bob"] and "question of alice" not in listed["bob"]
    assert "question of alice" in listed["lex"] and "question of bob" in listed["lex"]
    assert "question of" not in listed["fred"]
    anonymous = request_factory(api=False).get("/@@legal-requests", headers=html)
    assert "question of" not in anonymous.text


def test_no_facet_counts_the_request_for_anyone(private_request, request_factory):
    """The Legal FAQ page counts FAQ entries only: a private request of the
    same category and licence adds nothing, even for its requester."""
    html = {"Accept": "text/html"}
    for userid in (*OTHERS, "alice", "lex"):
        page = session(request_factory, userid, api=False).get(
            "/@@legal-faq?osor_legal_category=licence_compatibility", headers=html
        )
        assert page.status_code == 200, userid
        assert "Licence compatibility (1)" not in " ".join(page.text.split()), userid
        assert "question of" not in page.text, userid
        found = session(request_factory, userid).get("/@faceted-search", params={"SearchableText": SECRET}).json()
        assert found["items_total"] == 0, userid


def test_the_sitemap_lists_the_collection_but_not_the_request(private_request, request_factory):
    sitemap = gzip.decompress(request_factory(api=False).get("/sitemap.xml.gz?page=1").content).decode()
    assert "/nordic<" in sitemap or "/nordic/<" in sitemap
    assert "question-of" not in sitemap
