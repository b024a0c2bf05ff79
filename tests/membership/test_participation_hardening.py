"""The participation model holds where the permission matrix does not look.

Issue #15 §1 defects 1, 2, 4, 6, 7 and 8, and issue #20 point 5: who
deletes a collection, what removing a member takes away, moves between
collections, comments of content that goes private, archiving as one
decision (and its way back), and who moderates a collection's content.
"""

from community_fixtures import acting_as
from community_fixtures import create
from community_fixtures import finds
from community_fixtures import may
from community_fixtures import state
from community_fixtures import transition
from community_fixtures import transitions_of
from member_fixtures import make_nordic_collection
from member_fixtures import PASSWORD
from osor.collection.membership import archiving
from osor.collection.membership import members
from osor.collection.membership.settings import apply_participation_settings
from plone import api
from plone.api.exc import InvalidParameterError
from plone.app.discussion.interfaces import IConversation
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zExceptions import Unauthorized
from zope.component import createObject

import pytest
import transaction


def add_comment(item, userid, text):
    comment = createObject("plone.Comment")
    comment.text = text
    comment.author_username = userid
    comment.creator = userid
    return IConversation(item).addComment(comment)


def published_by(userid, collection, title):
    """An item that ``userid`` created and published herself in ``collection``."""
    item = create(collection, userid, title=title)
    transition(item, userid, "publish")
    return item


def found_comments(userid, text) -> int:
    with acting_as(userid):
        return len(api.portal.get_tool("portal_catalog")(portal_type="Discussion Item", SearchableText=text))


# 1. Who deletes a collection ------------------------------------------------


def test_facilitators_and_owners_cannot_delete_the_collection(site):
    api.user.grant_roles(username="nina", roles=["Site Moderator"])
    with acting_as("nina"):
        collection = api.content.create(container=site, type="community_collection", id="free", title="Free")
    api.content.transition(collection, transition="validate")
    api.user.revoke_roles(username="nina", roles=["Site Moderator"])
    collection.moderated = False
    apply_participation_settings(collection)
    for userid, role in (("fay", "facilitator"), ("oscar", "owner"), ("alice", "member")):
        members.add_member(collection, userid, role)
    # nina created it: she is an owner, and Plone's Owner role does not stay behind.
    assert members.role_of(collection, "nina") == "owner"
    for userid in ("nina", "oscar", "fay", "alice", "max"):
        assert not may(userid, "Delete objects", collection), userid
    assert api.user.has_permission("Delete objects", obj=collection)
    # Content is still deleted as before: by facilitators, and by its author
    # when the collection is not moderated.
    published = create(collection, "alice", title="Published")
    api.content.transition(published, transition="publish")
    assert may("fay", "Delete objects", published)
    assert may("max", "Delete objects", published)
    assert may("alice", "Delete objects", published)
    assert not may("bob", "Delete objects", published)


def test_owner_requests_deletion_of_the_collection_with_a_motivation(site, moderated):
    assert "request_deletion" not in transitions_of(moderated, "fay")
    with pytest.raises(InvalidParameterError):
        transition(moderated, "oscar", "request_deletion")
    transition(moderated, "oscar", "request_deletion", comment="The project ended.")
    assert state(moderated) == "deletion_requested"
    assert not may("oscar", "Delete objects", moderated)
    transition(moderated, "max", "reject_deletion", comment="Still useful.")
    assert state(moderated) == "validated"


@pytest.fixture
def rest_site(functional_portal):
    """ "nordic" (olga owner, fred facilitator, alice member), not moderated, committed."""
    collection = make_nordic_collection(functional_portal, moderated=False)
    members.add_member(collection, "alice", "member")
    transaction.commit()
    return collection


def session(request_factory, userid=None, api=True):
    if userid is None:
        return request_factory(api=api)
    return request_factory(basic_auth=(userid, PASSWORD), api=api)


def test_facilitator_and_owner_cannot_delete_the_collection_over_http(rest_site, request_factory):
    for userid in ("fred", "olga"):
        response = session(request_factory, userid).delete("/nordic")
        assert response.status_code in (401, 403), (userid, response.status_code)
        form = session(request_factory, userid, api=False).get("/nordic/delete_confirmation", allow_redirects=False)
        assert form.status_code != 200, userid
        assert "require_login" in form.headers.get("Location", "require_login"), userid
    assert session(request_factory).get("/nordic").status_code == 200
    # A site administrator does.
    deleted = request_factory(role="Manager").delete("/nordic")
    assert deleted.status_code == 204, deleted.text


# 2. What removing a member takes away ----------------------------------------


def test_removed_member_who_renamed_the_creator_loses_edit_rights(site, moderated):
    draft = create(moderated, "alice", title="Draft")
    with acting_as("alice"):
        draft.setCreators(["bob"])
        draft.reindexObject()
    members.remove_member(moderated, "alice")
    assert not may("alice", "Modify portal content", draft)
    assert not finds("alice", draft)


def test_removed_member_cannot_patch_her_draft_over_http(rest_site, request_factory):
    alice = session(request_factory, "alice")
    created = alice.post("/nordic", json={"@type": "community_news", "id": "mine", "title": "Mine"})
    assert created.status_code == 201, created.text
    renamed = alice.patch("/nordic/mine", json={"creators": ["bob"]})
    assert renamed.status_code == 204, renamed.text
    transaction.begin()
    members.remove_member(rest_site, "alice")
    transaction.commit()
    refused = alice.patch("/nordic/mine", json={"title": "Still mine"})
    assert refused.status_code in (401, 403), refused.text


# 4. Moves between collections --------------------------------------------------


def test_content_moved_into_a_moderated_collection_waits_for_its_facilitators(
    site,
    moderated,
    unmoderated,
):
    # Moving out of a collection takes "Delete objects" on it, which only
    # site administrators hold: nina administers the unmoderated one only.
    unmoderated.manage_setLocalRoles("nina", ["Site Administrator"])
    members.add_member(moderated, "nina", "member")
    news = published_by("nina", unmoderated, "Moved")
    with acting_as("nina"):
        moved = api.content.move(source=news, target=moderated)
    assert state(moved) == "proposed"
    assert not finds(None, moved)
    assert finds("fay", moved)
    # Who may publish directly in the target keeps it published.
    news = published_by("alice", unmoderated, "Moved by a site administrator")
    moved = api.content.move(source=news, target=moderated)
    assert state(moved) == "published"


def test_facilitators_cannot_move_content_out_of_their_collection(site, moderated, unmoderated):
    news = published_by("fay", unmoderated, "Fay's")
    with acting_as("fay"), pytest.raises(Unauthorized):
        api.content.move(source=news, target=moderated)
    assert news.aq_parent is unmoderated
    assert state(news) == "published"


def test_content_copied_into_a_collection_starts_as_a_draft(site, moderated, unmoderated):
    news = published_by("alice", unmoderated, "Copied")
    with acting_as("alice"):
        copy = api.content.copy(source=news, target=moderated)
    assert state(copy) == "draft"
    assert not finds(None, copy)


def test_renaming_content_keeps_its_state(site, moderated):
    news = create(moderated, "alice", title="Renamed")
    api.content.transition(news, transition="publish")
    renamed = api.content.rename(obj=news, new_id="renamed")
    assert state(renamed) == "published"


def test_facilitator_cannot_move_published_content_into_a_moderated_collection_over_http(
    rest_site, request_factory, functional_portal
):
    """fred facilitates "nordic" (not moderated) and is a plain member of "strict"."""
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    strict = api.content.create(
        container=functional_portal, type="community_collection", id="strict", title="Strict", moderated=True
    )
    api.content.transition(strict, transition="validate")
    members.add_member(strict, "fred", "member")
    transaction.commit()
    fred = session(request_factory, "fred")
    created = fred.post("/nordic", json={"@type": "community_news", "id": "fast", "title": "Fast"})
    assert created.status_code == 201, created.text
    assert fred.post("/nordic/fast/@workflow/publish").status_code == 200
    moved = fred.post("/strict/@move", json={"source": f"{functional_portal.absolute_url()}/nordic/fast"})
    assert moved.status_code in (401, 403), moved.text
    assert session(request_factory).get("/strict/fast").status_code == 404
    assert session(request_factory).get("/nordic/fast").status_code == 200


# 6. Comments follow their item ----------------------------------------------------


def test_comments_of_content_that_goes_private_are_not_found(site, moderated):
    news = create(moderated, "alice", title="Commented")
    api.content.transition(news, transition="publish")
    add_comment(news, "bob", "A remarkably lovely idea")
    assert found_comments(None, "remarkably") == 1
    transition(news, "fay", "request_changes", comment="Needs work.")
    assert found_comments(None, "remarkably") == 0
    assert found_comments("nina", "remarkably") == 0
    assert found_comments("fay", "remarkably") == 1
    api.content.transition(news, transition="publish")
    assert found_comments(None, "remarkably") == 1


def test_comments_outside_collections_keep_plone_rules(site):
    page = api.content.create(container=site, type="Document", id="page", title="Page")
    add_comment(page, "bob", "Outside any collection")
    assert found_comments(None, "Outside") == 1


# 7. Archiving is one decision ------------------------------------------------------


def test_archiving_a_collection_with_comments_archives_everything(site, moderated):
    published = create(moderated, "alice", title="Published")
    api.content.transition(published, transition="publish")
    draft = create(moderated, "alice", title="Draft")
    add_comment(published, "bob", "Archived with its item")
    api.content.transition(moderated, transition="archive", comment="Inactive.")
    assert state(moderated) == "archived"
    assert (state(published), state(draft)) == ("archived", "frozen")
    assert found_comments(None, "Archived") == 1


def test_archiving_that_fails_on_one_item_is_not_committed(site, moderated, monkeypatch):
    create(moderated, "alice", title="Draft")
    monkeypatch.setitem(archiving.ARCHIVING_TRANSITIONS, "draft", "no_such_transition")
    workflow = api.portal.get_tool("portal_workflow")
    with pytest.raises(archiving.ArchivingFailed):
        workflow.doActionFor(moderated, "archive", comment="Inactive.")
    # The error may be answered (REST turns workflow errors into a 400),
    # but the transaction cannot be committed.
    assert transaction.get().isDoomed()


def test_archiving_over_http_is_all_or_nothing(rest_site, request_factory, monkeypatch):
    alice = session(request_factory, "alice")
    alice.post("/nordic", json={"@type": "community_news", "id": "item", "title": "Item"})
    assert alice.post("/nordic/item/@workflow/publish").status_code == 200
    assert alice.post("/nordic/item/@comments", json={"text": "First"}).status_code == 204
    unfinished = alice.post("/nordic", json={"@type": "community_news", "id": "unfinished", "title": "Unfinished"})
    assert unfinished.status_code == 201, unfinished.text
    admin = request_factory(role="Manager")
    monkeypatch.setitem(archiving.ARCHIVING_TRANSITIONS, "draft", "no_such_transition")
    failed = admin.post("/nordic/@workflow/archive", json={"comment": "Inactive."})
    assert failed.status_code == 400, failed.text
    assert "nothing was changed" in failed.json()["error"]["message"]
    assert admin.get("/nordic").json()["review_state"] == "validated"
    assert admin.get("/nordic/item").json()["review_state"] == "published"
    monkeypatch.undo()
    archived = admin.post("/nordic/@workflow/archive", json={"comment": "Inactive."})
    assert archived.status_code == 200, archived.text
    assert admin.get("/nordic/item").json()["review_state"] == "archived"
    assert admin.get("/nordic/unfinished").json()["review_state"] == "frozen"


# 8. Who moderates -----------------------------------------------------------------


def test_site_wide_reviewers_do_not_moderate_collections(site, moderated):
    api.user.create(email="rita@example.org", username="rita", password="secret-password")
    api.user.grant_roles(username="rita", roles=["Reviewer"])
    draft = create(moderated, "alice", title="Draft")
    proposed = create(moderated, "alice", title="Proposed")
    transition(proposed, "alice", "submit")
    for item in (draft, proposed):
        assert not may("rita", "View", item)
        assert not finds("rita", item)
        assert not may("rita", "Review portal content", item)
    assert not transitions_of(proposed, "rita")
    assert {"approve", "request_changes"} <= transitions_of(proposed, "fay")
    assert "approve" in transitions_of(proposed, "max")


# Issue #20, 5: freezing belongs to archiving, and there is a way back ----------------


def test_the_state_menu_offers_no_freeze_or_archive(site, moderated):
    draft = create(moderated, "alice", title="Draft")
    published = create(moderated, "alice", title="Published")
    api.content.transition(published, transition="publish")
    for userid in ("alice", "fay", "oscar", "max"):
        offered = transitions_of(draft, userid) | transitions_of(published, userid)
        assert not offered & {"freeze", "archive"}, userid
    setRoles(site, TEST_USER_ID, ["Manager"])
    menu = {t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(draft)}
    assert not menu & {"freeze", "archive"}


def test_a_site_administrator_unarchives_a_collection_with_a_motivation(site, moderated):
    api.user.create(email="sam@example.org", username="sam", password="secret-password")
    api.user.grant_roles(username="sam", roles=["Site Administrator"])
    published = create(moderated, "alice", title="Published")
    api.content.transition(published, transition="publish")
    draft = create(moderated, "alice", title="Draft")
    api.content.transition(moderated, transition="archive", comment="Inactive.")
    assert (state(published), state(draft)) == ("archived", "frozen")
    # Frozen items have no way out of their own.
    assert not transitions_of(draft, "sam")
    assert not transitions_of(published, "sam")
    for userid in ("oscar", "fay", "max"):
        assert "unarchive" not in transitions_of(moderated, userid), userid
    assert "unarchive" in transitions_of(moderated, "sam")
    with pytest.raises(InvalidParameterError):
        transition(moderated, "sam", "unarchive")
    transition(moderated, "sam", "unarchive", comment="The community is back.")
    assert state(moderated) == "validated"
    assert (state(published), state(draft)) == ("published", "draft")
    assert may("alice", "Modify portal content", draft)
    assert finds(None, published)
    with acting_as("alice"):
        assert api.content.create(container=moderated, type="community_news", title="New again")


# The upgrade of existing sites ---------------------------------------------------------


def test_upgrade_hardens_existing_collections_and_is_idempotent(site, moderated):
    from osor.collection.upgrades.participation_hardening import harden_participation

    # As on a site installed before: the creator holds Plone's Owner role on
    # the collection, the comment is indexed as public, a Reviewer reads drafts.
    moderated.manage_setLocalRoles("nina", ["Owner"])
    moderated.moderated = False
    draft = create(moderated, "alice", title="Draft")
    published = create(moderated, "alice", title="Published")
    api.content.transition(published, transition="publish")
    add_comment(published, "bob", "Upgraded comment")
    harden_participation()
    harden_participation()
    assert "Owner" not in moderated.get_local_roles_for_userid("nina")
    assert not may("nina", "Delete objects", moderated)
    assert not may("fay", "Delete objects", moderated)
    assert may("alice", "Delete objects", published)
    assert may("alice", "Modify portal content", draft)
    assert found_comments(None, "Upgraded") == 1
    api.content.transition(published, transition="request_changes", comment="Again.")
    assert found_comments(None, "Upgraded") == 0
