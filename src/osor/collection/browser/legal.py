"""Views of the legal coaching service (the work is in legal/)."""

from osor.collection import _
from osor.collection.legal import faq
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


class PublishAsFaqView(BrowserView):
    """An expert edits the anonymised copy of a request and publishes it."""

    def __call__(self):
        try:
            faq.check_publishable(self.context)
        except faq.FaqNotAllowed as error:
            api.portal.show_message(error.args[0], request=self.request, type="error")
            return self.request.response.redirect(self.context.absolute_url())
        form = self.request.form
        if self.request.method == "POST" and form.get("form.submitted"):
            CheckAuthenticator(self.request)
            entry = faq.publish_as_faq(
                self.context,
                form.get("title", ""),
                form.get("question", ""),
                form.get("answer", ""),
            )
            api.portal.show_message(
                _("msg_legal_faq_published", default="Published in the Legal FAQ."),
                request=self.request,
            )
            return self.request.response.redirect(entry.absolute_url())
        self.draft = faq.draft_of(self.context)
        return self.index()


class LegalFaqView(BrowserView):
    """The public Legal FAQ, filterable by category, licence and text."""

    def __call__(self):
        form = self.request.form
        self.category = form.get("category") or None
        self.licence = form.get("licence") or None
        self.text = form.get("SearchableText") or None
        return self.index()

    def entries(self):
        return faq.faq_entries(self.category, self.licence, self.text)

    def categories(self):
        vocabulary = getUtility(
            IVocabularyFactory, "osor.collection.taxonomy.osor_legal_request_category"
        )(self.context)
        return [{"value": term.value, "title": term.title} for term in vocabulary]

    def licences(self):
        """The licences that entries name (from the index: no object woken)."""
        index = api.portal.get_tool("portal_catalog")._catalog.getIndex("osor_licences")
        used = {
            licence
            for brain in faq.faq_entries()
            for licence in (index.getEntryForObject(brain.getRID()) or ())
        }
        return sorted(used)
