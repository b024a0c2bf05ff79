"""One pass over the mail queue: send what is due, retry later, give up.

A mail the SMTP server could not take now (no connection, a timeout, a 4xx
answer) waits and is tried again after an exponential back-off; one it
refused for good (5xx), or that failed ``max_attempts`` times, moves to the
failed mails for a site manager. A site without a mail server sends
nothing and counts no attempt: its mails wait until one is configured.
"""

from dataclasses import dataclass
from osor.collection import logger
from osor.collection.mail.queue import MailQueue
from osor.collection.mail.queue import QueuedMessage
from smtplib import SMTPRecipientsRefused
from smtplib import SMTPResponseException

import time


class NoMailServer(Exception):
    """The site has no SMTP server configured: its mails wait."""


class PermanentFailure(Exception):
    """Sending this mail again cannot succeed (its site is gone…)."""


@dataclass(frozen=True)
class RetryPolicy:
    first_delay: float = 60.0
    max_delay: float = 6 * 3600.0
    max_attempts: int = 10

    def delay(self, attempts: int) -> float:
        """Seconds to wait after the ``attempts``-th failure."""
        return min(self.first_delay * 2 ** (attempts - 1), self.max_delay)


DEFAULT_POLICY = RetryPolicy()


def is_permanent(error: Exception) -> bool:
    if isinstance(error, PermanentFailure):
        return True
    if isinstance(error, SMTPRecipientsRefused):
        return all(code >= 500 for code, _response in error.recipients.values())
    return isinstance(error, SMTPResponseException) and error.smtp_code >= 500


def _answer(code: int, response) -> str:
    return f"{code} {response.decode('utf-8', 'replace') if isinstance(response, bytes) else response}"


def describe(error: Exception) -> str:
    """The SMTP server's answer, or the error, as a site manager reads it."""
    if isinstance(error, SMTPResponseException):
        return _answer(error.smtp_code, error.smtp_error)
    if isinstance(error, SMTPRecipientsRefused):
        return "; ".join(f"{_answer(code, response)} ({to})" for to, (code, response) in error.recipients.items())
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def process(queue: MailQueue, mailer_for, policy: RetryPolicy = DEFAULT_POLICY, now: float | None = None) -> int:
    """Send the mails that are due; the number sent.

    ``mailer_for(site_path)`` gives the object whose ``send(mfrom, mto,
    message)`` talks to that site's SMTP server (``zope.sendmail``'s
    ``SMTPMailer``), or raises ``NoMailServer``.
    """
    now = time.time() if now is None else now
    sent = 0
    for waiting in queue.messages():
        if waiting.next_attempt > now:
            continue
        mail = queue.claim(waiting.id)
        if mail is None:
            continue
        sent += _send(queue, mail, mailer_for, policy, now)
    return sent


def _send(queue: MailQueue, mail: QueuedMessage, mailer_for, policy: RetryPolicy, now: float) -> int:
    try:
        mailer = mailer_for(mail.site)
        mailer.send(mail.mfrom, mail.mto, mail.message)
    except NoMailServer:
        queue.release(mail)
        return 0
    # Any error: a mail that cannot go now must not stop the others.
    except Exception as error:
        reason = describe(error)
        if is_permanent(error) or mail.attempts + 1 >= policy.max_attempts:
            queue.fail(mail, reason)
            logger.error(
                "Mail to %s failed (%s): kept in the failed mails of %s", ", ".join(mail.mto), reason, mail.site
            )
        else:
            queue.retry_later(mail, reason, now + policy.delay(mail.attempts + 1))
            logger.warning("Mail to %s not sent (%s): will try again", ", ".join(mail.mto), reason)
        return 0
    queue.sent(mail)
    return 1
