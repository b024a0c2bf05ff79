"""Fixtures of the subscription tests (issue #29 §1): a committed site with
a collection, its people and a published solution.

"nordic" is validated and not moderated; olga owns it, fred facilitates it,
maria and bob are members; lex is a legal expert. maria reads French,
kenji Japanese (a language the site is not translated into).
"""

from contextlib import contextmanager
from osor.collection.legal.experts import EXPERTS_GROUP
from osor.collection.membership import members
from plone import api
from plone.app.discussion.interfaces import IConversation
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from zope.annotation.interfaces import IAnnotations
from zope.component import createObject

import email
import email.header
import pytest
import transaction


def decoded_subject(message) -> str:
    return str(email.header.make_header(email.header.decode_header(message["Subject"])))


PASSWORD = "a-long-subscriber-password"
PEOPLE = {
    "olga": ("Olga Owner", "en"),
    "fred": ("Fred Facilitator", "en"),
    "maria": ("Maria Member", "fr"),
    "bob": ("Bob Member", "en"),
    "lex": ("Lex Expert", "en"),
    "kenji": ("Kenji Reader", "ja"),
}


@contextmanager
def acting_as(userid):
    """Act as ``userid``, then as the Manager test user again (local roles
    cached on the request forgotten, as a new request would)."""
    portal = api.portal.get()
    annotations = IAnnotations(portal.REQUEST)
    for key in [key for key in annotations if str(key).startswith("borg.localrole.")]:
        del annotations[key]
    login(portal, userid)
    try:
        yield
    finally:
        login(portal, TEST_USER_NAME)


def publish(container, title, portal_type="software_solution", userid="fred", **fields):
    """A published item ``title`` in ``container``, created by ``userid``."""
    with acting_as(userid):
        item = api.content.create(container=container, type=portal_type, title=title, **fields)
        api.content.transition(item, transition="publish")
    return item


def add_comment(item, userid, text):
    comment = createObject("plone.Comment")
    comment.text = text
    comment.author_username = userid
    comment.creator = userid
    return IConversation(item).addComment(comment)


@pytest.fixture
def nordic(functional_portal):
    """The committed collection "nordic" with its people and the published solution "decidim"."""
    portal = functional_portal
    api.portal.set_registry_record("plone.email_from_address", "osor@example.org")
    for userid, (fullname, language) in PEOPLE.items():
        api.user.create(
            email=f"{userid}@example.org",
            username=userid,
            password=PASSWORD,
            properties={"fullname": fullname, "language": language},
        )
    api.group.add_user(groupname=EXPERTS_GROUP, username="lex")
    setRoles(portal, TEST_USER_ID, ["Manager"])
    collection = api.content.create(
        container=portal, type="community_collection", id="nordic", title="Nordic open source"
    )
    api.content.transition(collection, to_state="validated")
    members.add_member(collection, "olga", "owner")
    members.add_member(collection, "fred", "facilitator")
    members.add_member(collection, "maria", "member")
    members.add_member(collection, "bob", "member")
    publish(collection, "Decidim", id="decidim", spatial_coverage=["ES"])
    portal.MailHost.reset()
    transaction.commit()
    return collection


@pytest.fixture
def mails(functional_portal):
    """``mails()``: (recipients, text) of the digests sent so far (the queue
    delivered first; the workflow's own notifications left out), decoded."""

    def sent() -> list[tuple[list, str]]:
        host = functional_portal.MailHost
        found = []
        for recipients, raw in zip(host.messages_to, host.messages, strict=True):
            message = email.message_from_bytes(raw if isinstance(raw, bytes) else raw.encode("utf-8"))
            text = message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")
            if "@@my-subscriptions" in text:
                found.append((recipients, f"Subject: {decoded_subject(message)}\n\n{text}"))
        return found

    return sent
