"""Mail never blocks a request and is never lost (issue #24, point 4).

Real SMTP servers on 127.0.0.1: aiosmtpd accepting (or answering 4xx or
5xx), a socket that accepts and never answers (hanging), and a port where
nobody listens (connection refused). The site's MailHost is a real one
pointing at them, and the queue's worker is a real thread reading the
site's SMTP settings from the database, as in production.
"""

from aiosmtpd.controller import Controller
from member_fixtures import make_nordic_collection
from member_fixtures import PASSWORD
from osor.collection.mail.config import queue_directory
from osor.collection.mail.delivery import is_permanent
from osor.collection.mail.delivery import process
from osor.collection.mail.delivery import RetryPolicy
from osor.collection.mail.queue import FAILED
from osor.collection.mail.queue import MailQueue
from osor.collection.mail.queue import SENDING
from osor.collection.mail.queue import WAITING
from osor.collection.mail.worker import running_worker
from osor.collection.mail.worker import site_mailer
from osor.collection.mail.worker import start_worker
from osor.collection.mail.worker import stop_worker
from osor.collection.membership import members
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from Products.MailHost.interfaces import IMailHost
from Products.MailHost.MailHost import MailHost
from smtplib import SMTPRecipientsRefused
from smtplib import SMTPResponseException
from smtplib import SMTPServerDisconnected
from zExceptions import Forbidden
from zope.component.hooks import setSite
from zope.event import notify
from zope.processlifetime import ProcessStarting

import asyncio
import os
import pytest
import socket
import threading
import time
import transaction


FACILITATORS = ["fred@example.org", "olga@example.org"]

# The worker of these tests: short SMTP timeout (long enough for a loaded
# CI machine: a reply to DATA later than this makes any client send again),
# retries within a second.
SMTP_TIMEOUT = 3.0
QUICK_RETRIES = RetryPolicy(first_delay=0.1, max_delay=0.5, max_attempts=1000)


def wait_until(condition, what: str, deadline: float = 60.0):
    """Wait for the worker thread (it works at its own pace)."""
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            pytest.fail(f"Still not the case after {deadline} s: {what}")
        time.sleep(0.05)


# SMTP servers ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    """aiosmtpd handler: keeps what it accepted, or answers ``refuse_with``."""

    def __init__(self, refuse_with: str | None = None, silent_at_quit: bool = False):
        self.refuse_with = refuse_with
        self.silent_at_quit = silent_at_quit
        self.received = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_with:
            return self.refuse_with
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"

    async def handle_QUIT(self, server, session, envelope):
        if self.silent_at_quit:
            await asyncio.sleep(SMTP_TIMEOUT * 2)
        return "221 Bye"

    def recipients(self) -> list[str]:
        return sorted(address for _mfrom, rcpt_tos, _content in self.received for address in rcpt_tos)


class HangingServer:
    """Accepts TCP connections and never says a word."""

    def __init__(self, port: int):
        self.listener = socket.create_server(("127.0.0.1", port))
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)

    def stop(self):
        self.listener.close()
        for connection in self.connections:
            connection.close()
        self.thread.join(5)


@pytest.fixture
def smtp_port():
    return free_port()


@pytest.fixture
def smtp_servers(smtp_port):
    """Start an SMTP server on the site's port: ``start(refuse_with=None)``."""
    running = []

    def start(refuse_with=None, silent_at_quit=False) -> Recorder:
        stop()
        handler = Recorder(refuse_with, silent_at_quit)
        controller = Controller(handler, hostname="127.0.0.1", port=smtp_port)
        controller.start()
        running.append(controller)
        return handler

    def hang() -> HangingServer:
        stop()
        server = HangingServer(smtp_port)
        running.append(server)
        return server

    def stop():
        while running:
            running.pop().stop()

    start.hang = hang
    start.stop = stop
    yield start
    stop()


# The site ----------------------------------------------------------------------


@pytest.fixture
def site_with_smtp(functional_portal, smtp_port):
    """A closed collection, and a real MailHost; the site's SMTP server is on ``smtp_port``."""
    collection = make_nordic_collection(functional_portal, closed=True)
    functional_portal._delObject("MailHost")
    # Plone's own MailHost: its SMTP server is the one of Site Setup → Mail.
    functional_portal._setObject("MailHost", MailHost("MailHost"))
    functional_portal.getSiteManager().registerUtility(functional_portal.MailHost, provided=IMailHost)
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", smtp_port)
    transaction.commit()
    functional_portal.collection = collection
    return functional_portal


@pytest.fixture
def mail_queue():
    return MailQueue(queue_directory())


@pytest.fixture
def worker(functional, mail_queue):
    """The queue's worker thread, as Zope starts it, with quick retries."""
    worker = start_worker(
        mail_queue, site_mailer(functional["zodbDB"], timeout=SMTP_TIMEOUT), policy=QUICK_RETRIES, interval=0.1
    )
    yield worker
    stop_worker(timeout=10)


def join_over_http(request_factory, collection, userid="alice"):
    session = request_factory(basic_auth=(userid, PASSWORD))
    return session.post(f"{collection.getId()}/@membership", json={"action": "join", "message": "Hi"})


def queued_to(mail_queue, *folders) -> list[str]:
    """The recipients of the mails in ``folders``. The worker moves mails
    between folders while they are read: a mail read in two is one mail."""
    mails = {mail.id: mail.mto for folder in folders for mail in mail_queue.messages(folder)}
    return sorted(address for mto in mails.values() for address in mto)


def attempted(mail_queue, error_starts_with: str = ""):
    def condition():
        # A mail the worker is trying again (sending/) keeps its last error.
        mails = mail_queue.messages(WAITING) + mail_queue.messages(SENDING)
        return len(mails) == len(FACILITATORS) and all(
            mail.attempts and mail.last_error.startswith(error_starts_with) for mail in mails
        )

    return condition


def delivered_once(mail_queue, server):
    """Every mail arrived, the queue is empty, and another pass sends nothing."""
    wait_until(lambda: server.recipients() == FACILITATORS, "both facilitators got the mail")
    wait_until(lambda: not queued_to(mail_queue, WAITING, SENDING, FAILED), "the queue is empty")
    stop_worker(timeout=10)
    process(mail_queue, lambda site_path: pytest.fail("nothing is left to send"))
    assert server.recipients() == FACILITATORS


# The request never waits for the mail server ------------------------------------


def test_a_join_answers_while_the_mail_server_hangs_and_the_mail_arrives_once_when_it_is_back(
    site_with_smtp, smtp_servers, worker, mail_queue, request_factory
):
    smtp_servers.hang()
    response = join_over_http(request_factory, site_with_smtp.collection)
    assert response.status_code == 200, response.text
    # The request answered before any mail could leave: both are queued
    # (read until the worker does not move one between the folders read).
    wait_until(lambda: queued_to(mail_queue, WAITING, SENDING) == FACILITATORS, "both mails are queued", 10)
    # The worker meets the hanging server (it times out), not the request.
    wait_until(attempted(mail_queue, "SMTPServerDisconnected"), "the worker tried and timed out")

    server = smtp_servers()
    delivered_once(mail_queue, server)
    mfrom, _rcpt_tos, content = server.received[0]
    assert mfrom == "osor@example.org"
    assert b"asks to join" in content


def test_a_mail_the_server_took_is_not_sent_again_when_it_does_not_answer_the_quit(
    site_with_smtp, smtp_servers, worker, mail_queue, request_factory
):
    server = smtp_servers(silent_at_quit=True)
    response = join_over_http(request_factory, site_with_smtp.collection)
    assert response.status_code == 200, response.text
    delivered_once(mail_queue, server)
    assert mail_queue.messages(FAILED) == []


def test_a_refusing_mail_server_keeps_the_mail_waiting_until_it_accepts(
    site_with_smtp, smtp_servers, worker, mail_queue, request_factory
):
    # Nobody listens: connection refused.
    response = join_over_http(request_factory, site_with_smtp.collection)
    assert response.status_code == 200, response.text
    wait_until(attempted(mail_queue, "ConnectionRefusedError"), "the worker tried and was refused")
    # The server answers "try later" (4xx): still waiting, never failed.
    smtp_servers(refuse_with="451 4.3.0 Try again later")
    wait_until(attempted(mail_queue, "451"), "the worker was told to try later")
    assert mail_queue.messages(FAILED) == []

    server = smtp_servers()
    delivered_once(mail_queue, server)


def start_quick_worker(functional, mail_queue):
    return start_worker(
        mail_queue, site_mailer(functional["zodbDB"], timeout=SMTP_TIMEOUT), policy=QUICK_RETRIES, interval=0.1
    )


def test_mail_queued_by_a_process_that_stopped_is_sent_by_the_next(
    site_with_smtp, smtp_servers, mail_queue, functional
):
    members.join(site_with_smtp.collection, "alice", "Hello")
    transaction.commit()
    # No worker ran: the mails are on disk, as after a stop.
    assert queued_to(mail_queue, WAITING) == FACILITATORS
    # A mail a dying worker had claimed goes back to the queue.
    claimed = mail_queue.claim(mail_queue.messages(WAITING)[0].id)
    an_hour_ago = time.time() - 3600
    os.utime(mail_queue.path / SENDING / claimed.id, (an_hour_ago, an_hour_ago))

    server = smtp_servers()
    start_quick_worker(functional, MailQueue(queue_directory()))
    delivered_once(mail_queue, server)


def test_without_a_mail_server_mails_wait_and_the_page_says_so(
    site_with_smtp, smtp_servers, mail_queue, functional, functional_app
):
    api.portal.set_registry_record("plone.smtp_host", "")
    members.join(site_with_smtp.collection, "alice", "Hello")
    transaction.commit()
    process(mail_queue, site_mailer(functional["zodbDB"], timeout=SMTP_TIMEOUT))
    # Nothing tried, nothing failed: they wait.
    assert [mail.attempts for mail in mail_queue.messages(WAITING)] == [0, 0]
    contents = manager_browser(functional_app).contents
    assert "The site has no mail server." in contents
    assert "fred@example.org" in contents

    server = smtp_servers()
    setSite(site_with_smtp)  # the browser's request left the site
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    transaction.commit()
    start_quick_worker(functional, mail_queue)
    delivered_once(mail_queue, server)


# Failed mails: seen, resent, deleted by a site manager ---------------------------


def manager_browser(app, userid=SITE_OWNER_NAME, password=SITE_OWNER_PASSWORD) -> Browser:
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {userid}:{password}")
    browser.open(f"{app.plone.absolute_url()}/@@mail-queue")
    return browser


def refused_for_good(site_with_smtp, smtp_servers, mail_queue, request_factory):
    smtp_servers(refuse_with="550 5.1.1 No such user here")
    response = join_over_http(request_factory, site_with_smtp.collection)
    assert response.status_code == 200, response.text
    wait_until(lambda: queued_to(mail_queue, FAILED) == FACILITATORS, "both mails failed")


def test_a_mail_refused_for_good_is_kept_for_a_site_manager_who_resends_it(
    site_with_smtp, smtp_servers, worker, mail_queue, request_factory, functional_app
):
    refused_for_good(site_with_smtp, smtp_servers, mail_queue, request_factory)
    # Refused for good: one attempt each, no retries.
    assert [mail.attempts for mail in mail_queue.messages(FAILED)] == [1, 1]

    server = smtp_servers()
    browser = manager_browser(functional_app)
    assert "550 5.1.1 No such user here" in browser.contents
    for _ in FACILITATORS:
        browser.getControl("Send again", index=0).click()
        assert "The mail is queued again." in browser.contents
    delivered_once(mail_queue, server)
    assert "No mail failed." in manager_browser(functional_app).contents


def test_a_site_manager_deletes_a_failed_mail_and_it_is_never_sent(
    site_with_smtp, smtp_servers, worker, mail_queue, request_factory, functional_app
):
    refused_for_good(site_with_smtp, smtp_servers, mail_queue, request_factory)
    browser = manager_browser(functional_app)
    browser.getControl("Delete", index=0).click()
    assert "The mail is deleted." in browser.contents
    assert queued_to(mail_queue, FAILED) == ["olga@example.org"]
    assert "fred@example.org" not in browser.contents


def test_members_cannot_see_the_mail_queue(site_with_smtp, request_factory):
    response = request_factory(basic_auth=("alice", PASSWORD)).get("@@mail-queue", allow_redirects=False)
    assert response.status_code == 401
    assert "Mail queue" not in response.text


def test_a_resend_needs_the_authenticator(
    site_with_smtp, smtp_servers, worker, mail_queue, request_factory, functional_app
):
    refused_for_good(site_with_smtp, smtp_servers, mail_queue, request_factory)
    browser = manager_browser(functional_app)
    message_id = mail_queue.messages(FAILED)[0].id
    with pytest.raises(Forbidden):
        browser.post(f"{site_with_smtp.absolute_url()}/@@mail-queue", f"action=resend&message_id={message_id}")
    assert len(mail_queue.messages(FAILED)) == 2


# The rules ------------------------------------------------------------------------


def test_retries_wait_longer_each_time_up_to_a_limit():
    policy = RetryPolicy(first_delay=60, max_delay=3600)
    assert [policy.delay(attempt) for attempt in range(1, 9)] == [60, 120, 240, 480, 960, 1920, 3600, 3600]


@pytest.mark.parametrize(
    ("error", "permanent"),
    [
        (SMTPResponseException(550, b"No such user"), True),
        (SMTPResponseException(451, b"Try later"), False),
        (SMTPRecipientsRefused({"a@example.org": (550, b"no"), "b@example.org": (452, b"full")}), False),
        (SMTPRecipientsRefused({"a@example.org": (550, b"no")}), True),
        (SMTPServerDisconnected("Connection unexpectedly closed"), False),
        (ConnectionRefusedError(111, "Connection refused"), False),
    ],
)
def test_only_a_5xx_answer_is_a_permanent_failure(error, permanent):
    assert is_permanent(error) is permanent


def test_a_mail_that_keeps_failing_is_given_up_after_the_last_attempt(tmp_path):
    mail_queue = MailQueue(tmp_path)
    mail_queue.publish(
        mail_queue.prepare("/plone", "osor@example.org", ["fred@example.org"], "Hi", b"Subject: Hi\n\nHi")
    )

    def unreachable(site_path):
        raise ConnectionRefusedError(111, "Connection refused")

    policy = RetryPolicy(first_delay=10, max_attempts=3)
    now = time.time()
    for attempt in range(3):
        process(mail_queue, unreachable, policy, now=now + 1000 * attempt)
    assert mail_queue.messages(WAITING) == []
    [failed] = mail_queue.messages(FAILED)
    assert failed.attempts == 3
    assert "Connection refused" in failed.last_error


# Zope starts the worker when it serves -----------------------------------------


@pytest.mark.parametrize(("setting", "started"), [("on", True), ("off", False)])
def test_zope_starts_the_worker_when_it_starts_serving_unless_it_is_off(functional, monkeypatch, setting, started):
    monkeypatch.setenv("OSOR_MAIL_QUEUE_WORKER", setting)
    notify(ProcessStarting())
    try:
        worker = running_worker()
        assert (worker is not None) is started
        if started:
            assert worker.queue.path == queue_directory()
    finally:
        stop_worker(timeout=10)


# Site Setup lists the page (profile 1003) ------------------------------------------


def configlets(portal) -> list[str]:
    return [action.getId() for action in portal.portal_controlpanel.listActions()]


def test_site_setup_lists_the_mail_queue_for_managers_only(portal):
    [configlet] = [action for action in portal.portal_controlpanel.listActions() if action.getId() == "osor-mail-queue"]
    assert configlet.permissions == ("Manage portal",)
    assert configlet.getActionExpression().endswith("/@@mail-queue")


def test_the_upgrade_to_1003_adds_the_mail_queue_to_site_setup(manager):
    setup_tool = api.portal.get_tool("portal_setup")
    manager.portal_controlpanel.unregisterConfiglet("osor-mail-queue")
    setup_tool.setLastVersionForProfile("osor.collection:default", "1002")
    setup_tool.upgradeProfile("osor.collection:default")
    assert setup_tool.getLastVersionForProfile("osor.collection:default") == (
        setup_tool.getVersionForProfile("osor.collection:default"),
    )
    assert configlets(manager).count("osor-mail-queue") == 1
    assert "MailHost" in configlets(manager)  # Plone's own are kept


def test_uninstalling_removes_the_mail_queue_from_site_setup(portal, uninstalled):
    assert "osor-mail-queue" not in configlets(portal)
