"""The community of the integration tests, shared by the tests of every area.

A pytest plugin (``conftest.py``): its fixtures (``site``, ``make_collection``,
``moderated``, ``unmoderated``, ``proposed``: alice's news submitted for
review in ``moderated``) are there for every test; its helpers
(``acting_as``, ``create``, ``transition``...) are imported by name, and so
are the builders behind the fixtures (``community_site``,
``community_collection``) for the functional tests, which commit them.
"""

from contextlib import contextmanager
from member_fixtures import PASSWORD
from osor.collection.mail.outbox import queued_mails
from osor.collection.membership import members
from osor.collection.permissions import ADD_COMMUNITY_CONTENT
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from zope.annotation.interfaces import IAnnotations

import pytest


# alice and bob are members, ann an author, fay a facilitator, oscar an
# owner, nina is not a member, max a site moderator.
USERIDS = ("alice", "bob", "ann", "fay", "oscar", "nina", "max")
ROLES = {"alice": "member", "bob": "member", "ann": "author", "fay": "facilitator", "oscar": "owner"}

ADD_PERMISSIONS = ADD_COMMUNITY_CONTENT


def community_site(portal):
    """``portal`` with the community's users (password ``PASSWORD``), the
    test user logged in as Manager."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    api.portal.set_registry_record("plone.email_from_address", "osor@example.org")
    for userid in USERIDS:
        api.user.create(email=f"{userid}@example.org", username=userid, password=PASSWORD)
    api.user.grant_roles(username="max", roles=["Site Moderator"])
    return portal


def community_collection(site, id_="coll", closed=False, content_creation="only_members", moderated=True):
    """A validated collection with alice, bob, ann, fay and oscar as members."""
    collection = api.content.create(
        container=site,
        type="community_collection",
        id=id_,
        title=f"Collection {id_}",
        closed=closed,
        content_creation=content_creation,
        moderated=moderated,
    )
    api.content.transition(collection, transition="validate")
    for userid, role in ROLES.items():
        members.add_member(collection, userid, role)
    site.MailHost.reset()
    return collection


@pytest.fixture
def site(portal):
    return community_site(portal)


@pytest.fixture
def make_collection(site):
    def make(id_="coll", **options):
        return community_collection(site, id_, **options)

    return make


@pytest.fixture
def moderated(make_collection):
    return make_collection("moderated", moderated=True)


@pytest.fixture
def unmoderated(make_collection):
    return make_collection("unmoderated", moderated=False)


@pytest.fixture
def proposed(moderated):
    with acting_as("alice"):
        news = api.content.create(container=moderated, type="community_news", id="news", title="Alice's news")
        api.content.transition(news, transition="submit")
    return news


@contextmanager
def acting_as(userid):
    """Act as ``userid`` (None: anonymous), then as the Manager test user again.

    Every call logs in afresh and forgets the local roles cached on the
    request: PlonePAS caches a user's groups on the user object, and
    borg.localrole a user's local roles on the request, so a membership
    change within one request would not show otherwise.
    """
    portal = api.portal.get()
    annotations = IAnnotations(portal.REQUEST)
    for key in [key for key in annotations if str(key).startswith("borg.localrole.")]:
        del annotations[key]
    if userid is None:
        logout()
    else:
        login(portal, userid)
    try:
        yield
    finally:
        login(portal, TEST_USER_NAME)


def create(container, userid, portal_type="community_news", **fields):
    fields.setdefault("title", f"{portal_type} by {userid}")
    with acting_as(userid):
        return api.content.create(container=container, type=portal_type, **fields)


def search(userid=None, **query) -> set[str]:
    """The UIDs a catalog search by ``userid`` (None: anonymous) finds."""
    with acting_as(userid):
        return {brain.UID for brain in api.portal.get_tool("portal_catalog")(**query)}


def state(obj):
    return api.content.get_state(obj)


def transitions_of(obj, userid):
    with acting_as(userid):
        return {t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(obj)}


def transition(obj, userid, name, **kwargs):
    with acting_as(userid):
        api.content.transition(obj, transition=name, **kwargs)


def may(userid, permission, obj):
    with acting_as(userid):
        return bool(api.user.has_permission(permission, obj=obj))


def finds(userid, obj) -> bool:
    """Whether a catalog search by ``userid`` (None: anonymous) finds ``obj``."""
    with acting_as(userid):
        return len(api.portal.get_tool("portal_catalog")(UID=obj.UID())) == 1


def can_add(userid, collection) -> bool:
    portal_types = api.portal.get_tool("portal_types")
    with acting_as(userid):
        return any(api.user.has_permission(p, obj=collection) for p in ADD_PERMISSIONS) or any(
            portal_types[t].isConstructionAllowed(collection)
            for t in ("software_solution", "community_news", "legal_request")
        )


def mails(portal):
    """(recipient, subject, body) of the mails this transaction sends when it
    commits, in order (integration tests never commit)."""
    return [(mail.recipient, mail.subject, mail.body) for mail in queued_mails()]


def recipients(portal):
    return sorted(to for to, _subject, _body in mails(portal))
