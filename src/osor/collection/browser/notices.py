"""Notices at the top of a collection's pages, for those who must act.

Facilitators see the requests to join waiting for them on the collection
itself, not only in mails that may never have left; site administrators
see that notifications cannot be sent until mail is configured.
"""

from osor.collection.mail.sending import mail_problem
from osor.collection.membership import info
from osor.collection.membership.members import pending_requests
from osor.collection.permissions import MANAGE_PORTAL
from plone import api
from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class CollectionNoticesViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/collection_notices.pt")

    def update(self):
        super().update()
        self.pending_count = len(pending_requests(self.context)) if info.may_manage(self.context) else 0
        self.mail_problem = mail_problem() if api.user.has_permission(MANAGE_PORTAL, obj=self.context) else None

    def available(self) -> bool:
        return bool(self.pending_count or self.mail_problem)

    def render(self):
        return self.index() if self.available() else ""
