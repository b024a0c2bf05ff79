"""Notification mails leave only when the change that caused them is committed.

The mails are queued on disk when the transaction commits, and the
layer's mail host (``osor.collection.testing.RecordingMailHost``) records
outside the ZODB what the queue's worker would really send: a rolled-back
transaction cannot take a mail back, so here it visibly sends nothing.
"""

from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from member_fixtures import make_nordic_collection
from member_fixtures import PASSWORD
from osor.collection import _
from osor.collection.mail.config import queue_directory
from osor.collection.mail.delivery import process
from osor.collection.mail.queue import MailQueue
from osor.collection.membership import members
from osor.collection.membership.events import IMembershipEvent
from osor.collection.testing import RecordingMailer
from plone import api
from smtplib import SMTPServerDisconnected
from ZODB.POSException import ConflictError
from zope.component import getGlobalSiteManager
from zope.i18n import translate

import logging
import pytest
import transaction


FACILITATORS = ["fred@example.org", "olga@example.org"]


def sent_to(portal) -> list[str]:
    return sorted(address for recipients in portal.MailHost.messages_to for address in recipients)


@pytest.fixture
def closed(functional_portal):
    return make_nordic_collection(functional_portal, closed=True)


@pytest.fixture
def on_membership_event():
    """Run a handler after the notifications of every membership event."""
    registered = []

    def register(handler):
        getGlobalSiteManager().registerHandler(handler, (IMembershipEvent,))
        registered.append(handler)

    yield register
    for handler in registered:
        getGlobalSiteManager().unregisterHandler(handler, (IMembershipEvent,))


def join_over_rest(request_factory, collection, userid="alice"):
    session = request_factory(basic_auth=(userid, PASSWORD))
    return session.post(f"{collection.getId()}/@membership", json={"action": "join", "message": "Hi"})


def test_a_join_request_mails_the_facilitators_when_it_is_committed(functional_portal, closed):
    members.join(closed, "alice", "Hello")
    assert functional_portal.MailHost.messages == []
    transaction.commit()
    assert sent_to(functional_portal) == FACILITATORS


def test_each_facilitator_reads_the_mail_in_her_language(functional_portal, closed):
    """Whoever asks, and in whatever language: fred reads Maltese, olga the
    site's language (#30)."""
    api.user.get(userid="fred").setMemberProperties({"language": "mt"})
    members.join(closed, "alice", "Hello")
    transaction.commit()
    host = functional_portal.MailHost
    subjects = {
        to[0]: str(make_header(decode_header(message_from_bytes(text)["Subject"])))
        for to, text in zip(host.messages_to, host.messages, strict=True)
    }
    mapping = {"user": api.user.get(userid="alice").getProperty("fullname") or "alice", "collection": closed.Title()}
    subject = _("mail_subject_join_request", mapping=mapping)
    assert subjects["olga@example.org"] == translate(subject, target_language="en")
    assert subjects["fred@example.org"] == translate(subject, target_language="mt")
    assert subjects["fred@example.org"] != subjects["olga@example.org"]


def test_a_rolled_back_join_request_sends_nothing(functional_portal, closed):
    members.join(closed, "alice", "Hello")
    transaction.abort()
    assert functional_portal.MailHost.messages == []
    assert not members.is_pending(closed, "alice")


def test_a_conflict_retry_mails_each_facilitator_exactly_once(
    functional_portal, closed, request_factory, on_membership_event
):
    attempts = []

    def conflict_on_first_attempt(event):
        attempts.append(event.action)
        if len(attempts) == 1:
            raise ConflictError("forced for the test")

    on_membership_event(conflict_on_first_attempt)
    response = join_over_rest(request_factory, closed)
    assert response.status_code == 200, response.text
    assert attempts == ["requested", "requested"]
    assert sent_to(functional_portal) == FACILITATORS


def test_a_join_that_fails_sends_nothing(functional_portal, closed, request_factory, on_membership_event):
    def fail(event):
        raise RuntimeError("something broke after the notification was prepared")

    on_membership_event(fail)
    response = join_over_rest(request_factory, closed)
    assert response.status_code == 500
    transaction.begin()
    assert not members.is_pending(closed, "alice")
    assert functional_portal.MailHost.messages == []


def test_a_mail_server_outage_neither_blocks_the_action_nor_loses_the_mail(
    functional_portal, closed, monkeypatch, caplog
):
    def unreachable(*args, **kwargs):
        raise SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(RecordingMailer, "send", unreachable)
    members.join(closed, "alice", "I maintain a Nordic solution.")
    transaction.commit()
    transaction.begin()
    assert members.is_pending(closed, "alice")
    with caplog.at_level(logging.WARNING, logger="osor.collection"):
        assert functional_portal.MailHost.messages == []
    for address in FACILITATORS:
        assert f"Mail to {address} not sent (SMTPServerDisconnected: Connection unexpectedly closed)" in caplog.text
    # The mails wait in the queue, and leave once the server answers again.
    waiting = MailQueue(queue_directory()).messages()
    assert sorted(address for mail in waiting for address in mail.mto) == FACILITATORS
    monkeypatch.undo()
    process(MailQueue(queue_directory()), lambda site_path: RecordingMailer(), now=max(m.next_attempt for m in waiting))
    assert sent_to(functional_portal) == FACILITATORS
    assert b"I maintain a Nordic solution." in functional_portal.MailHost.messages[0]


# What cannot be sent is said (issue #20, point 6) ----------------------------


def test_a_facilitator_without_an_address_is_logged(functional_portal, closed, caplog):
    api.user.get(userid="fred").setMemberProperties({"email": ""})
    with caplog.at_level(logging.WARNING, logger="osor.collection"):
        members.join(closed, "alice", "Hello")
        transaction.commit()
    assert "Notification not sent to fred: no e-mail address" in caplog.text
    assert sent_to(functional_portal) == ["olga@example.org"]


def test_a_site_without_sender_logs_whom_it_did_not_notify(functional_portal, closed, caplog):
    api.portal.set_registry_record("plone.email_from_address", "")
    with caplog.at_level(logging.WARNING, logger="osor.collection"):
        members.join(closed, "alice", "Hello")
        transaction.commit()
    assert functional_portal.MailHost.messages == []
    assert "Notification not sent to fred@example.org, olga@example.org" in caplog.text
    assert "no e-mail sender address" in caplog.text


def test_the_requester_is_not_told_that_mail_was_sent(functional_portal, closed, request_factory):
    api.portal.set_registry_record("plone.email_from_address", "")
    transaction.commit()
    response = join_over_rest(request_factory, closed)
    assert response.status_code == 200, response.text
    assert "sent" not in response.json()["message"]
    assert response.json()["my_status"] == "pending"
