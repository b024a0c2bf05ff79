"""Mail that leaves only when the change that caused it is committed.

Notifications are collected on the current transaction. As it commits they
are written to the mail queue on disk (``osor.collection.mail``), and
published there once the commit succeeded: a transaction that is rolled
back (an error) or retried (a ConflictError) queues nothing, and its retry
queues the mail afresh, so each committed event is mailed exactly once.
The request never talks to the mail server: the queue's worker sends,
retries and keeps what failed, so a slow or absent server neither blocks
nor undoes the change, and no mail is lost.
"""

from dataclasses import dataclass
from osor.collection.mail.config import queue_directory
from osor.collection.mail.queue import MailQueue
from osor.collection.mail.worker import wake_worker
from Products.MailHost.MailHost import _mungeHeaders

import transaction


# The key of the queue in the transaction's ``data`` (looked up by identity).
_QUEUE_KEY = object()


@dataclass(frozen=True)
class QueuedMail:
    site: str
    recipient: str
    sender: str
    subject: str
    body: str
    charset: str
    # Extra ASCII headers, (name, value) pairs: ``List-Unsubscribe``…
    headers: tuple = ()


def queue(
    site, recipient: str, sender: str, subject: str, body: str, charset: str = "utf-8", headers: tuple = ()
) -> None:
    """Queue this mail for the SMTP server of ``site`` when the current transaction commits."""
    site_path = "/".join(site.getPhysicalPath())
    queued_mails().append(QueuedMail(site_path, recipient, sender, subject, body, charset, tuple(headers)))


def queued_mails(txn=None) -> list[QueuedMail]:
    """The mails ``txn`` (default: the current transaction) queues when it commits."""
    txn = txn or transaction.get()
    try:
        return txn.data(_QUEUE_KEY)
    except KeyError:
        mails = []
        prepared = []
        txn.set_data(_QUEUE_KEY, mails)
        txn.addBeforeCommitHook(_prepare, args=(mails, prepared))
        txn.addAfterCommitHook(_publish, args=(prepared,))
        return mails


def _prepare(mails: list[QueuedMail], prepared: list) -> None:
    """Write the mails to disk before the commit: a full disk fails the
    change instead of losing its mail."""
    if not mails:
        return
    mail_queue = MailQueue(queue_directory())
    for mail in mails:
        message, mto, mfrom = _mungeHeaders(
            mail.body, mto=mail.recipient, mfrom=mail.sender, subject=mail.subject, charset=mail.charset
        )
        # Header order does not matter: ours go first, before MailHost's.
        message = b"".join(f"{name}: {value}\n".encode("ascii") for name, value in mail.headers) + message
        prepared.append((mail_queue, mail_queue.prepare(mail.site, mfrom, mto, mail.subject, message)))


def _publish(committed: bool, prepared: list) -> None:
    for mail_queue, path in prepared:
        if committed:
            mail_queue.publish(path)
        else:
            mail_queue.discard(path)
    if committed and prepared:
        wake_worker()
