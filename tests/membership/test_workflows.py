"""The collection and community workflows, with the participation model.

Moderation, motivations, edits of published content waiting for review, archiving
a collection, catalog visibility, releases following their solution,
notification e-mails and settings that apply at once.
"""

from AccessControl import Unauthorized
from community_fixtures import acting_as
from community_fixtures import can_add
from community_fixtures import create
from community_fixtures import finds
from community_fixtures import mails
from community_fixtures import may
from community_fixtures import recipients
from community_fixtures import state
from community_fixtures import transition
from community_fixtures import transitions_of
from osor.collection.membership import members
from osor.collection.review.motivation import MotivationRequired
from plone import api
from plone.api.exc import InvalidParameterError
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


# Moderation ------------------------------------------------------------------


def test_moderated_member_proposes_and_facilitator_approves(site, moderated):
    news = create(moderated, "alice")
    assert state(news) == "draft"
    assert transitions_of(news, "alice") == {"submit"}
    with acting_as("alice"), pytest.raises(InvalidParameterError):
        api.content.transition(news, transition="publish")
    assert not finds(None, news)

    transition(news, "alice", "submit")
    assert state(news) == "proposed"
    assert "approve" not in transitions_of(news, "alice")
    assert not finds(None, news)
    assert {"approve", "request_changes"} <= transitions_of(news, "fay")

    transition(news, "fay", "approve")
    assert state(news) == "published"
    assert finds(None, news)
    assert finds("nina", news)


def test_moderated_author_publishes_directly(site, moderated):
    news = create(moderated, "ann")
    assert {"submit", "publish"} <= transitions_of(news, "ann")
    transition(news, "ann", "publish")
    assert finds(None, news)


def test_unmoderated_member_publishes_directly(site, unmoderated):
    news = create(unmoderated, "alice")
    assert {"submit", "publish"} <= transitions_of(news, "alice")
    transition(news, "alice", "publish")
    assert state(news) == "published"
    assert finds(None, news)


def test_member_retracts_proposal(site, moderated):
    news = create(moderated, "alice")
    transition(news, "alice", "submit")
    transition(news, "alice", "retract")
    assert state(news) == "draft"


# Motivations -----------------------------------------------------------------


def test_request_changes_requires_a_motivation(site, moderated):
    news = create(moderated, "alice")
    transition(news, "alice", "submit")
    with pytest.raises(InvalidParameterError):
        transition(news, "fay", "request_changes")
    with acting_as("fay"), pytest.raises(MotivationRequired):
        api.portal.get_tool("portal_workflow").doActionFor(news, "request_changes", comment="  ")
    assert state(news) == "proposed"

    transition(news, "fay", "request_changes", comment="Please add a source.")
    assert state(news) == "needs_update"
    last = news.workflow_history["osor_community_workflow"][-1]
    assert last["action"] == "request_changes"
    assert last["comments"] == "Please add a source."
    assert last["actor"] == "fay"
    # The author updates and proposes again.
    assert "submit" in transitions_of(news, "alice")
    assert may("alice", "Modify portal content", news)


def test_request_deletion_and_its_rejection_require_a_motivation(site, moderated):
    news = create(moderated, "alice")
    api.content.transition(news, transition="publish")
    with pytest.raises(InvalidParameterError):
        transition(news, "alice", "request_deletion")
    transition(news, "alice", "request_deletion", comment="Outdated.")
    assert state(news) == "deletion_requested"
    assert not may("alice", "Modify portal content", news)
    with pytest.raises(InvalidParameterError):
        transition(news, "fay", "reject_deletion")
    transition(news, "fay", "reject_deletion", comment="Still useful.")
    assert state(news) == "published"


def test_collection_reject_requires_a_motivation(site):
    collection = api.content.create(container=site, type="community_collection", id="new", title="New")
    api.content.transition(collection, transition="propose")
    with pytest.raises(InvalidParameterError):
        transition(collection, "max", "reject")
    assert state(collection) == "proposed"
    transition(collection, "max", "reject", comment="Duplicate of another collection.")
    assert state(collection) == "draft"
    last = collection.workflow_history["osor_collection_workflow"][-1]
    assert (last["action"], last["comments"]) == ("reject", "Duplicate of another collection.")


def test_collection_archive_requires_a_motivation(site, moderated):
    with pytest.raises(InvalidParameterError):
        api.content.transition(moderated, transition="archive")
    assert state(moderated) == "validated"
    api.content.transition(moderated, transition="archive", comment="Inactive.")
    assert state(moderated) == "archived"
    last = moderated.workflow_history["osor_collection_workflow"][-1]
    assert last["comments"] == "Inactive."


# Edits of published content --------------------------------------------------


def test_member_edit_of_published_content_waits_while_it_stays_published(site, moderated):
    # The pending edit itself is specified in test_moderated_edits.py.
    news = create(moderated, "alice")
    api.content.transition(news, transition="publish")
    site.MailHost.reset()
    with acting_as("alice"):
        news.title = "Edited"
        notify(ObjectModifiedEvent(news))
    assert state(news) == "published"
    assert news.title != "Edited"
    assert finds(None, news)
    assert recipients(site) == ["fay@example.org", "oscar@example.org"]


def test_facilitator_edit_of_published_content_stays_published(site, moderated):
    news = create(moderated, "alice")
    api.content.transition(news, transition="publish")
    with acting_as("fay"):
        notify(ObjectModifiedEvent(news))
    assert state(news) == "published"


def test_member_edit_in_unmoderated_collection_stays_published(site, unmoderated):
    news = create(unmoderated, "alice")
    transition(news, "alice", "publish")
    with acting_as("alice"):
        notify(ObjectModifiedEvent(news))
    assert state(news) == "published"


# Archiving a collection ------------------------------------------------------


def test_archiving_a_collection_archives_its_content_and_freezes_it(site, make_collection):
    collection = make_collection("closed", closed=True)
    states = ("draft", "proposed", "published", "needs_update", "deletion_requested")
    items = {name: create(collection, "alice", title=name) for name in states}
    api.content.transition(items["proposed"], transition="submit")
    api.content.transition(items["published"], transition="publish")
    api.content.transition(items["needs_update"], transition="submit")
    api.content.transition(items["needs_update"], transition="request_changes", comment="More.")
    api.content.transition(items["deletion_requested"], transition="publish")
    transition(items["deletion_requested"], "alice", "request_deletion", comment="Old.")
    assert members.join(collection, "nina") == "pending"

    # Only an owner requests archival, without a motivation.
    assert "request_archival" not in transitions_of(collection, "fay")
    transition(collection, "oscar", "request_archival")
    assert state(collection) == "archival_requested"
    assert {state(item) for item in items.values()} != {"archived"}
    api.content.transition(collection, transition="archive", comment="The community moved.")

    assert state(collection) == "archived"
    assert {name: state(item) for name, item in items.items()} == {
        "draft": "frozen",
        "proposed": "frozen",
        "published": "archived",
        "needs_update": "frozen",
        "deletion_requested": "archived",
    }
    assert len(members.pending_requests(collection)) == 0
    # Unpublished work is not published by the archive, and nobody edits it.
    for name in ("draft", "proposed", "needs_update"):
        assert not finds(None, items[name]), name
        assert not may("alice", "Modify portal content", items[name]), name
    published = items["published"]
    for userid in ("alice", "ann", "fay", "oscar", "nina", "max"):
        assert not can_add(userid, collection), userid
        with acting_as(userid), pytest.raises(Unauthorized):
            api.content.create(container=collection, type="community_news", title="Late")
        assert not may(userid, "Modify portal content", collection), userid
        assert not may(userid, "Modify portal content", published), userid
        assert not may(userid, "Reply to item", published), userid
        assert not may(userid, "osor.collection: Join collection", collection), userid
        assert not may(userid, "Delete objects", published), userid
        assert not transitions_of(published, userid), userid
    # Still readable by everybody.
    assert finds(None, published)
    # A Manager still can.
    assert api.user.has_permission("Modify portal content", obj=published)
    assert api.content.create(container=collection, type="community_news", title="By a Manager")


def test_collection_archival_can_be_rejected(site, moderated):
    news = create(moderated, "alice")
    transition(moderated, "oscar", "request_archival")
    transition(moderated, "max", "reject_archival")
    assert state(moderated) == "validated"
    assert state(news) == "draft"
    assert can_add("alice", moderated)


# Catalog visibility ----------------------------------------------------------


def test_catalog_visibility_follows_state_and_membership(site, moderated):
    news = create(moderated, "alice")
    visible = {u: finds(u, news) for u in (None, "nina", "bob", "ann", "alice", "fay", "oscar", "max")}
    assert visible == {
        None: False,
        "nina": False,
        "bob": False,
        "ann": False,
        "alice": True,
        "fay": True,
        "oscar": True,
        "max": True,
    }
    transition(news, "alice", "submit")
    assert not finds("bob", news)
    assert finds("fay", news)
    transition(news, "fay", "request_changes", comment="More detail.")
    assert not finds(None, news)
    assert finds("alice", news)
    transition(news, "alice", "submit")
    transition(news, "fay", "approve")
    assert all(finds(u, news) for u in (None, "nina", "bob", "alice"))


def test_removed_member_loses_own_drafts_but_published_content_stays(site, moderated):
    draft = create(moderated, "alice", title="Draft")
    published = create(moderated, "alice", title="Published")
    api.content.transition(published, transition="publish")
    assert finds("alice", draft)
    members.remove_member(moderated, "alice")
    assert not finds("alice", draft)
    assert not may("alice", "Modify portal content", draft)
    assert not may("alice", "Modify portal content", published)
    assert finds("fay", draft)
    assert finds(None, published)
    assert not can_add("alice", moderated)


def test_facilitator_removed_loses_access_to_others_drafts(site, moderated):
    draft = create(moderated, "alice")
    assert finds("fay", draft)
    members.remove_member(moderated, "fay")
    assert not finds("fay", draft)
    assert not may("fay", "osor.collection: Manage members", moderated)


def test_collection_creator_who_leaves_loses_control(site):
    """The creator's ownership is a membership: transferring it and leaving ends it,
    the local Owner role the creator had on the collection included."""
    api.user.grant_roles(username="nina", roles=["Site Moderator"])
    with acting_as("nina"):
        collection = api.content.create(container=site, type="community_collection", id="ninas", title="Nina's")
    api.content.transition(collection, transition="validate")
    api.user.revoke_roles(username="nina", roles=["Site Moderator"])
    members.add_member(collection, "alice", "member")
    draft = create(collection, "alice")
    assert members.role_of(collection, "nina") == "owner"
    assert finds("nina", draft)
    members.transfer_ownership(collection, "nina", "oscar")
    members.remove_member(collection, "nina")
    assert not finds("nina", draft)
    assert not may("nina", "Modify portal content", draft)
    assert not may("nina", "osor.collection: Manage members", collection)
    assert not may("nina", "Modify portal content", collection)


# Releases and distributions --------------------------------------------------


def test_releases_and_distributions_follow_their_solution(site, moderated):
    solution = create(moderated, "ann", "software_solution", title="Solution")
    release = create(solution, "ann", "solution_release", title="1.0", version="1.0")
    distribution = create(release, "ann", "solution_distribution", title="Tarball")
    for obj in (release, distribution):
        assert not may(None, "View", obj)
        assert not finds(None, obj)
        assert not finds("bob", obj)
        assert finds("fay", obj)
    transition(solution, "ann", "publish")
    for obj in (release, distribution):
        assert may(None, "View", obj)
        assert finds(None, obj)
    # Others cannot add releases to a published solution; its author can.
    assert not may("bob", "osor.collection: Add Release", solution)
    assert may("ann", "osor.collection: Add Release", solution)
    transition(moderated, "oscar", "request_archival")
    api.content.transition(moderated, transition="archive", comment="Done.")
    assert not may("ann", "osor.collection: Add Release", solution)
    assert not may("ann", "Modify portal content", release)
    assert may(None, "View", distribution)


# E-mails -----------------------------------------------------------------------


def test_mails_of_the_content_workflow(site, moderated):
    news = create(moderated, "alice", title="Open data day")
    transition(news, "alice", "submit")
    (_proposal_to, subject, body), *_ = mails(site)
    assert recipients(site) == ["fay@example.org", "oscar@example.org"]
    assert "Open data day" in subject and "Collection moderated" in subject
    assert news.absolute_url() in body

    site.MailHost.reset()
    transition(news, "fay", "request_changes", comment="Please add the date and the venue.")
    ((to, subject, body),) = mails(site)
    assert to == "alice@example.org"
    assert "Please add the date and the venue." in body

    site.MailHost.reset()
    transition(news, "alice", "submit")
    site.MailHost.reset()
    transition(news, "fay", "approve")
    ((to, subject, body),) = mails(site)
    assert to == "alice@example.org"
    assert subject == "Published: Open data day"


def test_mail_on_direct_publication_goes_to_author(site, unmoderated):
    news = create(unmoderated, "alice", title="Release party")
    transition(news, "alice", "publish")
    assert recipients(site) == ["alice@example.org"]


def test_mails_of_membership(site, make_collection):
    collection = make_collection("closed", closed=True)
    members.join(collection, "nina", message="I maintain a related project.")
    ((_, subject, body), (_, _, _)) = mails(site)
    assert recipients(site) == ["fay@example.org", "oscar@example.org"]
    assert "I maintain a related project." in body

    site.MailHost.reset()
    members.approve_request(collection, "nina", message="Welcome!")
    ((to, subject, body),) = mails(site)
    assert to == "nina@example.org"
    assert "Welcome!" in body

    members.join(collection, "max")
    site.MailHost.reset()
    members.reject_request(collection, "max", message="Moderators have their own channel.")
    ((to, subject, body),) = mails(site)
    assert to == "max@example.org"
    assert "Moderators have their own channel." in body

    api.user.create(email="zoe@example.org", username="zoe", password="secret-password")
    site.MailHost.reset()
    members.add_member(collection, "zoe@example.org", "author")
    ((to, subject, body),) = mails(site)
    assert to == "zoe@example.org"
    assert "Collection closed" in subject
    assert "as Author" in body


def test_no_mail_to_anybody_without_site_address(site, moderated):
    api.portal.set_registry_record("plone.email_from_address", "")
    news = create(moderated, "alice")
    transition(news, "alice", "submit")
    assert mails(site) == []


# Settings apply at once ------------------------------------------------------


def test_unmoderating_applies_to_existing_content(site, moderated):
    draft = create(moderated, "alice")
    published = create(moderated, "alice")
    api.content.transition(published, transition="publish")
    assert "publish" not in transitions_of(draft, "alice")
    assert not may("alice", "Delete objects", published)

    moderated.moderated = False
    notify(ObjectModifiedEvent(moderated))
    assert "publish" in transitions_of(draft, "alice")
    assert may("alice", "Delete objects", published)
    assert not may("bob", "Delete objects", published)

    moderated.moderated = True
    notify(ObjectModifiedEvent(moderated))
    assert "publish" not in transitions_of(draft, "alice")
    assert not may("alice", "Delete objects", published)


def test_content_creation_setting_applies_to_existing_members(site, moderated):
    assert can_add("alice", moderated)
    assert not can_add("nina", moderated)
    moderated.content_creation = "facilitators_and_authors"
    notify(ObjectModifiedEvent(moderated))
    assert not can_add("alice", moderated)
    assert can_add("ann", moderated)
    moderated.content_creation = "any_user"
    notify(ObjectModifiedEvent(moderated))
    assert can_add("nina", moderated)
    assert not can_add(None, moderated)


def test_closing_a_collection_applies_to_the_next_join(site, moderated):
    assert members.join(moderated, "nina") == "member"
    moderated.closed = True
    notify(ObjectModifiedEvent(moderated))
    assert members.join(moderated, "max") == "pending"
    assert members.role_of(moderated, "max") is None
    assert members.is_pending(moderated, "max")
