"""Classic UI for usage declarations: the declaration form of a member and
the approve/reject buttons of facilitators (usage/declarations.py does the work)."""

from osor.collection import _
from osor.collection.pages import formatting
from osor.collection.usage import declarations
from osor.collection.vocabularies import terms_of
from osor.collection.vocabularies.countries import country_codes
from plone import api
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Unauthorized
from zope.i18n import translate


class DeclareUsageView(BrowserView):
    """``@@declare-usage``: a logged-in member says an organisation uses the solution."""

    index = ViewPageTemplateFile("templates/declare_usage.pt")
    error = None
    error_field = None

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to declare who uses this solution.")
        form = self.request.form
        if self.request.method == "POST" and form.get("declare"):
            CheckAuthenticator(self.request)
            try:
                record = declarations.declare(self.context, {key: form.get(key) for key in FIELDS})
            except declarations.UsageError as error:
                self.error, self.error_field = translate(error.message, context=self.request), error.parameter
            else:
                message = (
                    _("usage_declared", default="Thank you: the declaration is shown on the page.")
                    if record["state"] == declarations.APPROVED
                    else _("usage_declared_pending", default="Thank you: a facilitator will review the declaration.")
                )
                api.portal.show_message(message, request=self.request)
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def organisation_types(self):
        return [{"token": token, "title": _(title)} for token, title in terms_of("owner_type").items()]

    def countries(self):
        """Every country, named and sorted in the visitor's language (CLDR)."""
        named = [{"token": code, "title": formatting.country_name(code)} for code in country_codes()]
        return sorted(named, key=lambda country: formatting.sort_key(country["title"]))

    def value(self, name):
        return self.request.form.get(name, "")


FIELDS = ("organisation", "organisation_type", "country", "since", "contact", "referent")


MODERATED = {
    declarations.APPROVED: _("usage_approved", default="The declaration is approved."),
    declarations.REJECTED: _("usage_rejected", default="The declaration is rejected."),
}


class ModerateUsageView(BrowserView):
    """``@@moderate-usage``: the approve and reject buttons of the solution page."""

    def __call__(self):
        PostOnly(self.request)
        CheckAuthenticator(self.request)
        form = self.request.form
        if form.get("approve"):
            state, declaration_id = declarations.APPROVED, form["approve"]
        else:
            state, declaration_id = declarations.REJECTED, form.get("reject", "")
        try:
            declarations.moderate(self.context, declaration_id, state)
        except declarations.UsageUnauthorized:
            raise Unauthorized("Only facilitators moderate usage declarations.") from None
        except declarations.UsageError as error:
            api.portal.show_message(error.message, request=self.request, type="error")
        else:
            api.portal.show_message(MODERATED[state], request=self.request)
        return self.request.response.redirect(self.context.absolute_url())
