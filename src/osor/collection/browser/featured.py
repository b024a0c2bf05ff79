"""``@@feature``: a facilitator pins or unpins an item on its collection's homepage.

POST only, CSRF-protected (plone.protect authenticator); the permission
``osor.collection: Feature content`` is declared on the view in ZCML.
"""

from osor.collection import _
from osor.collection.pages import featured
from osor.collection.parameters import form_value
from plone import api
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from Products.Five.browser import BrowserView


class FeatureView(BrowserView):
    def __call__(self):
        PostOnly(self.request)
        CheckAuthenticator(self.request)
        pin = form_value(self.request, "featured") == "1"
        featured.set_featured(self.context, pin)
        message = (
            _("message_pinned", default="Pinned on the collection homepage.")
            if pin
            else _("message_unpinned", default="No longer pinned on the collection homepage.")
        )
        api.portal.show_message(message=message, request=self.request, type="info")
        self.request.response.redirect(self.context.absolute_url())
        return ""
