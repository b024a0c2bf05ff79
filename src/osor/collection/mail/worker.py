"""The thread that sends the queued mail, outside any request.

Zope starts it when it starts serving (``IProcessStarting``: ``runwsgi``,
not ``zconsole`` scripts), unless ``mail-queue-worker`` is off for this
process. It sends every ``interval`` seconds, and at once when a commit
queued mail (``wake``). It reads each site's SMTP settings from its
MailHost at every attempt, through a connection of its own: a server set
in *Site Setup → Mail* is used without a restart.
"""

from osor.collection import logger
from osor.collection.mail.config import queue_directory
from osor.collection.mail.config import worker_enabled
from osor.collection.mail.delivery import DEFAULT_POLICY
from osor.collection.mail.delivery import NoMailServer
from osor.collection.mail.delivery import PermanentFailure
from osor.collection.mail.delivery import process
from osor.collection.mail.delivery import RetryPolicy
from osor.collection.mail.queue import MailQueue
from Products.CMFCore.utils import getToolByName
from smtplib import SMTPException
from zope.component.hooks import setSite
from zope.sendmail.mailer import SMTPMailer

import threading
import transaction


# Seconds an SMTP server may keep the worker waiting (zope.sendmail: 10).
SMTP_TIMEOUT = 30.0

_worker = None
_worker_lock = threading.Lock()


class AcceptedMailIsSent(SMTPMailer):
    """zope.sendmail's mailer, but a QUIT the server does not answer is not
    an error: by then the server has taken the mail (or refused it, and that
    error is already on its way), and an error here would send it again."""

    def _close_connection(self):
        try:
            super()._close_connection()
        except (OSError, SMTPException):
            self.connection.close()
            self.connection = None

    @classmethod
    def like(cls, mailer: SMTPMailer, timeout: float) -> "AcceptedMailIsSent":
        return cls(
            hostname=mailer.hostname,
            port=mailer.port,
            username=mailer.username,
            password=mailer.password,
            no_tls=mailer.no_tls,
            force_tls=mailer.force_tls,
            implicit_tls=mailer.implicit_tls,
            timeout=timeout,
        )


def site_mailer(db, timeout: float = SMTP_TIMEOUT):
    """``mailer_for(site_path)`` reading the site's MailHost in ``db``."""

    def mailer_for(site_path: str):
        connection = db.open(transaction_manager=transaction.TransactionManager())
        try:
            app = connection.root()["Application"]
            site = app.unrestrictedTraverse(site_path, None)
            if site is None:
                raise PermanentFailure(f"no site at {site_path}")
            # Plone's SMTP mailer takes the server from the site's registry
            # (Site Setup → Mail), not from the MailHost: the site's components.
            setSite(site)
            mailhost = getToolByName(site, "MailHost", None)
            if mailhost is None:
                raise PermanentFailure(f"no MailHost in {site_path}")
            # Read while the site is set: the settings come from its registry.
            mailer = mailhost._makeMailer()
            if isinstance(mailer, SMTPMailer):
                mailer = AcceptedMailIsSent.like(mailer, timeout)
            if not mailer.hostname:
                raise NoMailServer(site_path)
        finally:
            setSite(None)
            connection.transaction_manager.abort()
            connection.close()
        return mailer

    return mailer_for


class QueueWorker(threading.Thread):
    def __init__(self, queue: MailQueue, mailer_for, policy: RetryPolicy = DEFAULT_POLICY, interval: float = 30.0):
        super().__init__(name=f"osor.collection mail queue {queue.path}", daemon=True)
        self.queue = queue
        self.mailer_for = mailer_for
        self.policy = policy
        self.interval = interval
        self._wake = threading.Event()
        self._stopping = threading.Event()

    def run(self):
        while not self._stopping.is_set():
            try:
                self.queue.recover_stale_claims()
                process(self.queue, self.mailer_for, self.policy)
            # Never let the thread die: the next pass may succeed.
            except Exception:
                logger.exception("The mail queue %s could not be processed", self.queue.path)
            self._wake.wait(self.interval)
            self._wake.clear()

    def wake(self):
        self._wake.set()

    def stop(self, timeout: float | None = None):
        self._stopping.set()
        self._wake.set()
        self.join(timeout)


def start_worker(queue: MailQueue, mailer_for, **options) -> QueueWorker:
    """Start this process's worker (stopping the one before)."""
    global _worker
    stop_worker()
    with _worker_lock:
        _worker = QueueWorker(queue, mailer_for, **options)
        _worker.start()
        return _worker


def stop_worker(timeout: float | None = None) -> None:
    global _worker
    with _worker_lock:
        worker, _worker = _worker, None
    if worker is not None:
        worker.stop(timeout)


def running_worker() -> QueueWorker | None:
    worker = _worker
    return worker if worker is not None and worker.is_alive() else None


def wake_worker() -> None:
    worker = running_worker()
    if worker is not None:
        worker.wake()


def start_on_process_start(event) -> None:
    """Subscriber of ``IProcessStarting``: Zope now serves requests."""
    if not worker_enabled():
        logger.info("Mail queue worker off in this process (mail-queue-worker); queue: %s", queue_directory())
        return
    import Zope2

    queue = MailQueue(queue_directory())
    start_worker(queue, site_mailer(Zope2.DB))
    logger.info("Mail queue worker started on %s", queue.path)
