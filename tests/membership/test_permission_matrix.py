"""permission_matrix.yaml against the real permission checks.

For each of the 12 combinations of a collection's settings, one collection
is built with one user per role of the matrix, and every cell of the
matrix is compared with what Plone actually allows that user. A sample of
the matrix is then checked again through HTTP, as a browser or a REST
client would meet it.
"""

from AccessControl import Unauthorized
from osor.collection.membership import matrix
from osor.collection.membership import members
from osor.collection.membership.settings import apply_participation_settings
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME

import pytest
import requests
import transaction


# The types members create in a collection, with their add permission.
COMMUNITY_TYPES = {
    "software_solution": "osor.collection: Add Software Solution",
    "case_study": "osor.collection: Add Case Study",
    "community_event": "osor.collection: Add Event",
    "competence_centre": "osor.collection: Add Competence Centre",
    "community_news": "osor.collection: Add News",
    "publication": "osor.collection: Add Publication",
    "legal_request": "osor.collection: Add Legal Request",
}

# The user playing each role of the matrix (anonymous is nobody).
USERS = {
    "non_member": "nina",
    "pending": "pete",
    "member": "mike",
    "author": "ann",
    "facilitator": "fay",
    "owner": "olivia",  # the collection's creator
    "moderator": "max",
}
# Roles played by more than one user: otto, an owner added later, has no
# local Owner role on the collection, unlike its creator.
MORE_USERS = {"owner": ("otto",)}
ALICE = "alice"  # a member, the author of the others' content

OWN_ACTIONS = ("edit_own", "submit_own", "publish_own", "request_deletion", "delete_own_published")


def settings_id(settings: matrix.Settings) -> str:
    return "-".join((
        "closed" if settings.closed else "open",
        settings.content_creation,
        "moderated" if settings.moderated else "unmoderated",
    ))


def players(role: str) -> tuple:
    """The user ids playing ``role``; (None,) for anonymous."""
    return (USERS.get(role), *MORE_USERS.get(role, ()))


def create_users():
    for userid in (ALICE, *USERS.values(), *(u for more in MORE_USERS.values() for u in more)):
        api.user.create(email=f"{userid}@example.org", username=userid, password="secret-password")
    api.user.grant_roles(username=USERS["moderator"], roles=["Site Moderator"])


def give_to(obj, userid: str) -> None:
    """Make ``userid`` the creator and sole Owner of ``obj``."""
    obj.changeOwnership(api.user.get(userid=userid).getUser())
    for owner in [u for u, roles in obj.get_local_roles() if "Owner" in roles]:
        obj.manage_delLocalRoles([owner])
    obj.manage_setLocalRoles(userid, ["Owner"])
    obj.setCreators([userid])
    obj.reindexObject()


def build_collection(portal, settings: matrix.Settings, id_: str = "coll"):
    """A validated collection with ``settings``, its members and alice's content.

    Must be called as a Manager; returns the collection and alice's
    published, draft and proposed items.
    """
    # Only site moderators create collections: the owner creates it as one.
    creator = USERS["owner"]
    api.user.grant_roles(username=creator, roles=["Site Moderator"])
    login(portal, creator)
    collection = api.content.create(
        container=portal,
        type="community_collection",
        id=id_,
        title=f"Collection {settings_id(settings)}",
        closed=True,
        content_creation=settings.content_creation,
        moderated=settings.moderated,
    )
    login(portal, TEST_USER_NAME)
    api.user.revoke_roles(username=creator, roles=["Site Moderator"])
    assert members.role_of(collection, creator) == "owner"
    api.content.transition(collection, transition="validate")
    # The pending user asks to join while the collection is closed.
    assert members.join(collection, USERS["pending"]) == "pending"
    collection.closed = settings.closed
    apply_participation_settings(collection)
    members.add_member(collection, ALICE, "member")
    for role in ("member", "author", "facilitator", "owner"):
        for userid in players(role):
            if members.role_of(collection, userid) is None:
                members.add_member(collection, userid, role)
    items = {}
    for state in ("published", "draft", "proposed"):
        item = api.content.create(
            container=collection, type="community_news", id=f"alice-{state}", title=f"Alice {state}"
        )
        give_to(item, ALICE)
        if state == "published":
            api.content.transition(item, transition="publish")
        elif state == "proposed":
            api.content.transition(item, transition="submit")
        items[state] = item
    return collection, items


def transitions(obj) -> set[str]:
    return {t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(obj)}


def can(permission: str, obj) -> bool:
    return bool(api.user.has_permission(permission, obj=obj))


def real_permissions(portal, collection, items, role: str, userid: str | None) -> dict[str, bool]:
    """What ``userid`` (logged in, or anonymous) may really do, per matrix action."""
    portal_types = api.portal.get_tool("portal_types")
    published, draft, proposed = items["published"], items["draft"], items["proposed"]
    actual = {
        "view_published": can("View", published),
        "view_unpublished": can("View", draft) and can("View", proposed),
        "comment": can("Reply to item", published)
        and api.content.get_view("conversation_view", published, portal.REQUEST).enabled(),
        "edit_others": can("Modify portal content", published),
        "approve_content": "approve" in transitions(proposed),
        "send_back": "request_changes" in transitions(proposed),
        "delete_others": can("Delete objects", published),
        "join": (
            can("osor.collection: Join collection", collection)
            and userid is not None
            and members.role_of(collection, userid) is None
            and not members.is_pending(collection, userid)
        ),
        "manage_members": can("osor.collection: Manage members", collection),
        "delete_collection": can("Delete objects", collection),
    }
    addable = {
        portal_type: can(permission, collection) and portal_types[portal_type].isConstructionAllowed(collection)
        for portal_type, permission in COMMUNITY_TYPES.items()
    }
    if len(set(addable.values())) != 1:
        # Not one answer for every type: report the types that differ.
        actual["add_content"] = tuple(sorted(t for t, ok in addable.items() if ok))
    else:
        actual["add_content"] = all(addable.values())

    try:
        own = api.content.create(container=collection, type="community_news", title=f"Own of {role}")
    except Unauthorized:
        actual.update(dict.fromkeys(OWN_ACTIONS, False))
        return actual
    actual["edit_own"] = can("Modify portal content", own)
    available = transitions(own)
    actual["submit_own"] = "submit" in available
    actual["publish_own"] = "publish" in available
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(own, transition="publish")
    actual["request_deletion"] = "request_deletion" in transitions(own)
    actual["delete_own_published"] = can("Delete objects", own)
    return actual


def mismatches_for(portal, settings: matrix.Settings) -> list[str]:
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    collection, items = build_collection(portal, settings)
    found = []
    for role in matrix.roles():
        for userid in players(role):
            if userid is None:
                logout()
            else:
                # A fresh login: PlonePAS caches a user's groups on the user object.
                login(portal, userid)
            actual = real_permissions(portal, collection, items, role, userid)
            for action in matrix.actions():
                expected = matrix.is_allowed(settings, role, action)
                if actual[action] != expected:
                    found.append(
                        f"{settings_id(settings)}: {role} ({userid or 'anonymous'}) {action}: "
                        f"matrix says {expected}, real {actual[action]}"
                    )
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    return found


@pytest.mark.parametrize("settings", matrix.ALL_SETTINGS, ids=settings_id)
def test_matrix_matches_real_permissions(portal, settings):
    create_users()
    mismatches = mismatches_for(portal, settings)
    assert not mismatches, "\n" + "\n".join(mismatches)


def test_every_setting_combination_is_checked():
    assert len(set(matrix.ALL_SETTINGS)) == 12


def test_matrix_is_complete():
    data = matrix.matrix()
    roles = set(matrix.roles())
    assert roles == {"anonymous", *USERS}
    assert set(MORE_USERS) <= roles
    for name, group in data["groups"].items():
        assert set(group) <= roles, f"group {name} names unknown roles {set(group) - roles}"
    for action in matrix.actions():
        assert data["actions"][action].get("title"), f"{action} has no title"
        for settings in matrix.ALL_SETTINGS:
            allowed = matrix.allowed(settings, action)
            assert allowed <= roles, f"{action} under {settings} names unknown roles"


def test_matrix_refuses_unknown_groups(monkeypatch):
    """A misspelt group is an error, not an empty cell."""
    broken = {**matrix.matrix(), "actions": {"x": {"title": "X", "allowed": "memebrs"}}}
    monkeypatch.setattr(matrix, "matrix", lambda: broken)
    with pytest.raises(KeyError):
        matrix.allowed(matrix.ALL_SETTINGS[0], "x")


# Through HTTP --------------------------------------------------------------


@pytest.fixture(scope="class")
def matrix_site(functional_portal_class):
    """Two open members-only collections, "moderated" and "free" (not moderated),
    committed for HTTP; in each, the member mike has a draft ("mikes") and a
    published item ("mikes-published") besides alice's items."""
    portal = functional_portal_class
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    create_users()
    for id_, moderated in (("moderated", True), ("free", False)):
        settings = matrix.Settings(closed=False, content_creation="only_members", moderated=moderated)
        collection, _items = build_collection(portal, settings, id_=id_)
        login(portal, USERS["member"])
        api.content.create(container=collection, type="community_news", id="mikes", title="Mike's")
        published = api.content.create(
            container=collection, type="community_news", id="mikes-published", title="Mike's"
        )
        login(portal, TEST_USER_NAME)
        api.content.transition(published, transition="publish")
    logout()
    transaction.commit()
    return portal.absolute_url()


def session(userid: str | None = None) -> requests.Session:
    """A REST API client, anonymous or authenticated as ``userid``."""
    http = requests.Session()
    http.headers["Accept"] = "application/json"
    if userid == SITE_OWNER_NAME:
        http.auth = (userid, SITE_OWNER_PASSWORD)
    elif userid:
        http.auth = (userid, "secret-password")
    return http


def state_of(url: str) -> str:
    return session(SITE_OWNER_NAME).get(url).json()["review_state"]


def spec(collection_url: str, role: str, action: str) -> bool:
    """The matrix cell for the settings the collection has."""
    data = session(SITE_OWNER_NAME).get(collection_url).json()
    content_creation = data["content_creation"]
    settings = matrix.Settings(
        closed=bool(data["closed"]),
        content_creation=content_creation["token"] if isinstance(content_creation, dict) else content_creation,
        moderated=bool(data["moderated"]),
    )
    return matrix.is_allowed(settings, role, action)


class TestThroughHTTP:
    """A sample of the matrix, as browsers and REST clients meet it.

    The tests share the committed site; each changes different items.
    """

    def test_anonymous_sees_published_not_drafts(self, matrix_site):
        assert spec(f"{matrix_site}/moderated", "anonymous", "view_published")
        assert not spec(f"{matrix_site}/moderated", "anonymous", "view_unpublished")
        browser = requests.Session()
        published = browser.get(f"{matrix_site}/moderated/alice-published", allow_redirects=False)
        draft = browser.get(f"{matrix_site}/moderated/alice-draft", allow_redirects=False)
        assert published.status_code == 200
        assert "Alice published" in published.text
        assert draft.status_code == 302
        assert "require_login" in draft.headers["Location"]
        # The REST API says the same.
        assert session().get(f"{matrix_site}/moderated/alice-published").status_code == 200
        assert session().get(f"{matrix_site}/moderated/alice-draft").status_code == 401
        # A facilitator sees the draft.
        assert session(USERS["facilitator"]).get(f"{matrix_site}/moderated/alice-draft").status_code == 200

    def test_member_submits_but_cannot_publish_in_moderated(self, matrix_site):
        assert not spec(f"{matrix_site}/moderated", "member", "publish_own")
        assert spec(f"{matrix_site}/moderated", "member", "submit_own")
        mike = session(USERS["member"])
        url = f"{matrix_site}/moderated/mikes"
        refused = mike.post(f"{url}/@workflow/publish")
        assert refused.status_code == 400, refused.text
        assert state_of(url) == "draft"
        submitted = mike.post(f"{url}/@workflow/submit")
        assert submitted.status_code == 200, submitted.text
        assert state_of(url) == "proposed"

    def test_member_publishes_directly_when_not_moderated(self, matrix_site):
        assert spec(f"{matrix_site}/free", "member", "publish_own")
        url = f"{matrix_site}/free/mikes"
        published = session(USERS["member"]).post(f"{url}/@workflow/publish")
        assert published.status_code == 200, published.text
        assert state_of(url) == "published"
        assert session().get(url).status_code == 200

    def test_only_members_add_in_members_only(self, matrix_site):
        assert not spec(f"{matrix_site}/moderated", "non_member", "add_content")
        assert spec(f"{matrix_site}/moderated", "member", "add_content")
        body = {"@type": "community_news", "title": "Intruder"}
        refused = session(USERS["non_member"]).post(f"{matrix_site}/moderated", json=body)
        assert refused.status_code in (401, 403), refused.text
        refused = session().post(f"{matrix_site}/moderated", json=body)
        assert refused.status_code == 401, refused.text
        accepted = session(USERS["member"]).post(f"{matrix_site}/moderated", json=body)
        assert accepted.status_code == 201, accepted.text
        assert accepted.json()["review_state"] == "draft"

    def test_facilitator_approves_and_sends_back(self, matrix_site):
        assert spec(f"{matrix_site}/moderated", "facilitator", "approve_content")
        assert not spec(f"{matrix_site}/moderated", "member", "approve_content")
        url = f"{matrix_site}/moderated/alice-proposed"
        refused = session(USERS["member"]).post(f"{url}/@workflow/approve")
        assert refused.status_code in (400, 401, 403)
        assert state_of(url) == "proposed"
        fay = session(USERS["facilitator"])
        # Sending back needs a motivation.
        unmotivated = fay.post(f"{url}/@workflow/request_changes")
        assert unmotivated.status_code >= 400
        assert state_of(url) == "proposed"
        approved = fay.post(f"{url}/@workflow/approve")
        assert approved.status_code == 200, approved.text
        assert session().get(url).status_code == 200

    def test_delete_own_published_only_when_not_moderated(self, matrix_site):
        assert not spec(f"{matrix_site}/moderated", "member", "delete_own_published")
        assert spec(f"{matrix_site}/free", "member", "delete_own_published")
        mike = session(USERS["member"])
        refused = mike.delete(f"{matrix_site}/moderated/mikes-published")
        assert refused.status_code in (401, 403), refused.text
        assert session().get(f"{matrix_site}/moderated/mikes-published").status_code == 200
        deleted = mike.delete(f"{matrix_site}/free/mikes-published")
        assert deleted.status_code == 204, deleted.text
        assert session().get(f"{matrix_site}/free/mikes-published").status_code == 404

    def test_members_comment_others_do_not(self, matrix_site):
        assert spec(f"{matrix_site}/moderated", "member", "comment")
        assert not spec(f"{matrix_site}/moderated", "non_member", "comment")
        url = f"{matrix_site}/moderated/alice-published/@comments"
        refused = session(USERS["non_member"]).post(url, json={"text": "Me too"})
        assert refused.status_code in (401, 403), refused.text
        accepted = session(USERS["member"]).post(url, json={"text": "Nice work"})
        assert accepted.status_code == 204, accepted.text
        comments = session().get(url).json()
        assert [c["text"]["data"] for c in comments["items"]] == ["Nice work"]
