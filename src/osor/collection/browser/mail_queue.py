"""``@@mail-queue``: the mails of this site that wait or failed, for site managers.

Thin over ``osor.collection.mail``: lists the queue on disk (only this
site's mails), says why nothing leaves (no mail server, no worker in this
process), and resends or deletes a failed mail (POST, CSRF-protected).
"""

from DateTime import DateTime
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from osor.collection import _
from osor.collection.mail.config import queue_directory
from osor.collection.mail.queue import FAILED
from osor.collection.mail.queue import MailQueue
from osor.collection.mail.queue import SENDING
from osor.collection.mail.queue import WAITING
from osor.collection.mail.sending import mail_problem
from osor.collection.mail.worker import running_worker
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class MailQueueView(BrowserView):
    index = ViewPageTemplateFile("templates/mail_queue.pt")

    def __call__(self):
        self.queue = MailQueue(queue_directory())
        self.site_path = "/".join(self.context.getPhysicalPath())
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self._act(self.request.form.get("action"), self.request.form.get("message_id", ""))
            self.request.response.redirect(f"{self.context.absolute_url()}/@@mail-queue")
            return ""
        return self.index()

    def _act(self, action, message_id):
        if action == "resend" and self._ours(message_id) and self.queue.resend(message_id):
            api.portal.show_message(_("msg_mail_resent", default="The mail is queued again."), self.request)
        elif action == "delete" and self._ours(message_id) and self.queue.delete(FAILED, message_id):
            api.portal.show_message(_("msg_mail_deleted", default="The mail is deleted."), self.request)
        else:
            api.portal.show_message(
                _("msg_mail_not_found", default="This mail is no longer in the failed mails."),
                self.request,
                type="error",
            )

    def _ours(self, message_id) -> bool:
        try:
            mail = self.queue.get(FAILED, message_id)
        except ValueError:
            return False
        return mail is not None and mail.site == self.site_path

    def _mails(self, *folders) -> list[dict]:
        mails = [mail for folder in folders for mail in self.queue.messages(folder) if mail.site == self.site_path]
        return [self._for_display(mail) for mail in sorted(mails, key=lambda mail: mail.id)]

    def waiting(self) -> list[dict]:
        return self._mails(SENDING, WAITING)

    def failed(self) -> list[dict]:
        return self._mails(FAILED)

    def mail_problem(self):
        return mail_problem()

    def worker_running(self) -> bool:
        return running_worker() is not None

    def _for_display(self, mail) -> dict:
        return {
            "id": mail.id,
            "recipients": ", ".join(mail.mto),
            "subject": _subject(mail.message) or mail.subject,
            "queued": self._time(mail.queued),
            "attempts": mail.attempts,
            "next_attempt": self._time(mail.next_attempt) if mail.folder == WAITING and mail.attempts else "",
            "sending": mail.folder == SENDING,
            "last_error": mail.last_error,
        }

    def _time(self, timestamp: float) -> str:
        return api.portal.get_localized_time(DateTime(timestamp), long_format=True)


def _subject(message: bytes) -> str:
    header = message_from_bytes(message).get("Subject", "")
    return str(make_header(decode_header(header))) if header else ""
