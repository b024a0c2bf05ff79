"""Mail that leaves only when the change that caused it is committed.

Notifications are queued on the current transaction and sent by an
after-commit hook: a transaction that is rolled back (an error) or retried
(a ConflictError) sends nothing, and its retry queues the mail afresh, so
each committed event is mailed exactly once. Sending after the commit also
means an unreachable mail server never undoes or blocks the change itself;
a mail that cannot be sent is logged with its full text for resending.
"""

from dataclasses import dataclass
from osor.collection import logger

import transaction


# The key of the queue in the transaction's ``data`` (looked up by identity).
_QUEUE_KEY = object()


@dataclass(frozen=True)
class QueuedMail:
    mailhost: object
    recipient: str
    sender: str
    subject: str
    body: str
    charset: str


def queue(mailhost, recipient: str, sender: str, subject: str, body: str, charset: str = "utf-8") -> None:
    """Send this mail through ``mailhost`` when the current transaction commits."""
    queued_mails().append(QueuedMail(mailhost, recipient, sender, subject, body, charset))


def queued_mails(txn=None) -> list[QueuedMail]:
    """The mails ``txn`` (default: the current transaction) sends when it commits."""
    txn = txn or transaction.get()
    try:
        return txn.data(_QUEUE_KEY)
    except KeyError:
        mails = []
        txn.set_data(_QUEUE_KEY, mails)
        txn.addAfterCommitHook(_send_queued, args=(mails,))
        return mails


def _send_queued(committed: bool, mails: list[QueuedMail]) -> None:
    if not committed:
        return
    for mail in mails:
        try:
            mail.mailhost.send(
                mail.body,
                mto=mail.recipient,
                mfrom=mail.sender,
                subject=mail.subject,
                charset=mail.charset,
                immediate=True,
            )
        # Any error: one failing mail must not keep the others from going.
        except Exception as error:
            logger.error(
                "Notification to %s not sent (%s); resend this message:\nFrom: %s\nTo: %s\nSubject: %s\n\n%s",
                mail.recipient,
                error,
                mail.sender,
                mail.recipient,
                mail.subject,
                mail.body,
            )
