"""Sending a notification: to whom, in which language, from which address.

A notification is a translatable subject and body (message ids with a
mapping); ``send`` writes it in each recipient's language and queues it
(``outbox``: queued when the transaction commits, sent by the mail queue's
worker). Every feature keeps its own message table and calls ``send``.
What cannot be sent (no site sender, a recipient without an address) is
logged with its recipients, never silently dropped; without a mail server
the mails wait in the queue until one is configured.
"""

from email.utils import formataddr
from email.utils import parseaddr
from osor.collection import _
from osor.collection import logger
from osor.collection.mail import outbox
from osor.collection.vocabularies.language import member_language
from plone import api
from typing import NamedTuple
from zope.i18n import translate
from zope.i18nmessageid import Message


class Recipient(NamedTuple):
    """Who gets a mail: an address, and the language the mail is written in
    (the member's own, whoever made the change)."""

    email: str
    language: str


def recipients_of(userids) -> list[Recipient]:
    """The recipients of ``userids``; those without an address are logged."""
    recipients = []
    for userid in filter(None, userids):
        user = api.user.get(userid=userid)
        email = user.getProperty("email") if user is not None else None
        if email:
            recipients.append(Recipient(email, member_language(user)))
        else:
            logger.warning("Notification not sent to %s: no e-mail address", userid)
    return recipients


NO_SENDER = _("mail_problem_no_sender", default="The site has no e-mail sender address.")
NO_SERVER = _("mail_problem_no_server", default="The site has no mail server.")


def mail_problem():
    """Why notifications cannot be sent (a translatable message), or None."""
    if not api.portal.get_registry_record("plone.email_from_address", default=None):
        return NO_SENDER
    if not api.portal.get_registry_record("plone.smtp_host", default=None):
        return NO_SERVER
    return None


def sender_address() -> str:
    address = api.portal.get_registry_record("plone.email_from_address")
    sender = formataddr((api.portal.get_registry_record("plone.email_from_name", default="") or "", address))
    # formataddr may mangle a name with special characters: keep the address.
    return sender if parseaddr(sender)[1] == address else address


def send(recipients: list[Recipient], subject, body, mapping: dict) -> None:
    """Queue ``subject`` and ``body`` for each recipient, in her language
    (messages in ``mapping`` too: a role title, a state).

    The mails are queued when the transaction commits (``outbox``).
    """
    if not recipients:
        return
    # Without a sender no mail can be written; without a server it waits.
    if mail_problem() == NO_SENDER:
        logger.warning(
            "Notification not sent to %s: %s",
            ", ".join(recipient.email for recipient in recipients),
            translate(NO_SENDER, target_language="en"),
        )
        return
    charset = api.portal.get_registry_record("plone.email_charset", default="utf-8") or "utf-8"
    for recipient in recipients:
        written = [
            translate(Message(text, mapping=dict(mapping)), target_language=recipient.language)
            for text in (subject, body)
        ]
        outbox.queue(api.portal.get(), recipient.email, sender_address(), *written, charset)
