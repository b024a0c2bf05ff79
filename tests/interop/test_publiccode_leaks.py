"""What ``@publiccode`` and the publiccode.yml import let out (#26 §3, defects 1 to 3).

Over real HTTP, in a moderated collection: a member's re-import of her
published solution leaves the public export as it was until a facilitator
approves it; a release that waits for approval is not exported; a refusal
never names a draft the importer cannot see.
"""

from community_fixtures import community_collection
from community_fixtures import community_site
from community_fixtures import create
from member_fixtures import rest_path
from osor.collection.interop.publiccode.storage import stored_publiccode
from osor.collection.interop.reports import import_reports
from osor.collection.review import pending_edits
from paths import FIXTURES
from plone import api

import json
import pytest
import transaction
import yaml


COMPLETE = (FIXTURES / "publiccode" / "import" / "complete.yml").read_text(encoding="utf-8")
SECRET_TITLE = "Bob's unannounced rewrite"


def changed(text: str, change) -> str:
    data = yaml.safe_load(text)
    change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def new_features_contacts_and_platforms(data):
    data["platforms"] = ["windows"]
    data["description"]["en"]["features"] = ["Secret roadmap feature"]
    data["maintenance"]["contacts"] = [{"name": "Private Person", "phone": "+39 06 7654321"}]


@pytest.fixture
def collection(functional_portal):
    """A moderated collection: alice and bob are members, fay a facilitator."""
    collection = community_collection(community_site(functional_portal))
    transaction.commit()
    return collection


def post_publiccode(session, collection, text, query=""):
    return session.post(
        rest_path(collection, f"/@publiccode-import{query}"),
        data=text.encode("utf-8"),
        headers={"Content-Type": "application/yaml", "Accept": "application/json"},
    )


def public_publiccode(session_for, solution) -> dict:
    answer = session_for().get(rest_path(solution, "/@publiccode"))
    assert answer.status_code == 200, answer.text
    return yaml.safe_load(answer.text)


@pytest.fixture
def published(collection, session_for):
    """Alice's solution, imported from COMPLETE over REST and published."""
    created = post_publiccode(session_for("alice"), collection, COMPLETE)
    assert created.status_code == 201, created.text
    transaction.begin()
    [solution] = [obj for obj in collection.objectValues() if obj.portal_type == "software_solution"]
    api.content.transition(solution, transition="publish")
    transaction.commit()
    return solution


def assert_published_file(data: dict) -> None:
    assert data["platforms"] == ["web", "linux"]
    assert data["description"]["en"]["features"] == ["Map editor", "Public viewer"]
    assert [contact["name"] for contact in data["maintenance"]["contacts"]] == ["Francesca Rossi"]
    assert "Private Person" not in json.dumps(data)


# Defect 1: a member's re-import waits with its file -----------------------------


def reimport_changed(collection, session_for, change=new_features_contacts_and_platforms):
    reimported = post_publiccode(session_for("alice"), collection, changed(COMPLETE, change))
    assert reimported.status_code in (200, 201), reimported.text
    transaction.begin()


def test_a_members_reimport_leaves_the_public_file_until_it_is_approved(collection, published, session_for):
    reimport_changed(collection, session_for)
    assert pending_edits.pending(published)["kind"] == "edit"
    assert_published_file(public_publiccode(session_for, published))

    approved = session_for("fay").post(rest_path(published, "/@pending-edit"), json={"action": "approve"})
    assert approved.status_code == 200, approved.text
    data = public_publiccode(session_for, published)
    assert data["platforms"] == ["windows"]
    assert data["description"]["en"]["features"] == ["Secret roadmap feature"]
    assert data["maintenance"]["contacts"] == [{"name": "Private Person", "phone": "+39 06 7654321"}]


def test_a_reimport_sent_back_never_reaches_the_public_file(collection, published, session_for):
    reimport_changed(collection, session_for)
    sent_back = session_for("fay").post(
        rest_path(published, "/@pending-edit"), json={"action": "send_back", "motivation": "Not these contacts."}
    )
    assert sent_back.status_code == 200, sent_back.text
    transaction.begin()
    assert_published_file(public_publiccode(session_for, published))
    assert stored_publiccode(published)["text"] == COMPLETE  # the new file is discarded


def test_a_reimport_that_changes_only_the_file_waits_too(collection, published, session_for):
    """Platforms are in no field of ours: only the stored file holds them."""
    reimport_changed(collection, session_for, lambda data: data.update(platforms=["windows"]))
    assert pending_edits.pending(published)["values"] == {}
    assert public_publiccode(session_for, published)["platforms"] == ["web", "linux"]
    items = session_for("fay").get(rest_path(collection, "/@pending-edits")).json()["items"]
    assert [item["kind"] for item in items] == ["edit"]

    session_for("fay").post(rest_path(published, "/@pending-edit"), json={"action": "approve"})
    assert public_publiccode(session_for, published)["platforms"] == ["windows"]


def test_reimporting_the_same_file_makes_no_pending_edit(collection, published, session_for):
    assert post_publiccode(session_for("alice"), collection, COMPLETE).status_code in (200, 201)
    transaction.begin()
    assert pending_edits.pending(published) is None


def test_a_facilitators_reimport_changes_the_public_file_at_once(collection, published, session_for):
    text = changed(COMPLETE, new_features_contacts_and_platforms)
    assert post_publiccode(session_for("fay"), collection, text).status_code in (200, 201)
    assert public_publiccode(session_for, published)["platforms"] == ["windows"]


# Defect 2: a release that waits for approval is not exported ----------------------


def test_a_release_waiting_for_approval_is_not_exported(published, session_for):
    body = {"@type": "solution_release", "id": "next", "title": "9.9.9", "version": "9.9.9"}
    body["release_date"] = "2030-01-01"
    added = session_for("alice").post(rest_path(published), json=body)
    assert added.status_code == 201, added.text
    assert session_for().get(rest_path(published, "/next")).status_code == 401
    assert public_publiccode(session_for, published)["softwareVersion"] == "1.4.2"

    approved = session_for("fay").post(rest_path(published, "/next/@pending-edit"), json={"action": "approve"})
    assert approved.status_code == 200, approved.text
    assert public_publiccode(session_for, published)["softwareVersion"] == "9.9.9"


# Defect 3: a refusal names no draft the importer cannot see -------------------------


def test_a_refusal_does_not_name_a_draft_the_importer_cannot_see(collection, session_for):
    create(
        collection, "bob", "software_solution", title=SECRET_TITLE, repository_url="https://github.com/example/medusa"
    )
    transaction.commit()
    for query in ("?dry_run=true", ""):
        refused = post_publiccode(session_for("alice"), collection, COMPLETE, query)
        assert refused.status_code == 400, refused.text
        assert SECRET_TITLE not in refused.text
        [error] = refused.json()["errors"]
        assert error["message"] == (
            "This repository is already described in this collection by content you may not change."
        )
    transaction.begin()
    reports = import_reports(collection, "alice")
    assert len(reports) == 2
    assert SECRET_TITLE not in repr(reports)
