"""Views of the legal coaching service (the work is in legal/)."""

from osor.collection import _
from osor.collection.browser.faceted_search import FacetedSearchView
from osor.collection.browser.pages import fact
from osor.collection.browser.pages import PageView
from osor.collection.legal import faq
from osor.collection.legal.workflow import conversation
from osor.collection.legal.workflow import requester_of
from osor.collection.licences.pages import legal_pages_url
from osor.collection.licences.pages import licence_url
from osor.collection.membership.people import fullname
from osor.collection.pages import structured_data
from osor.collection.parameters import form_value
from osor.collection.review.motivation import MOTIVATION_REQUIRED
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode


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
                form_value(self.request, "title"),
                form_value(self.request, "question"),
                form_value(self.request, "answer"),
            )
            api.portal.show_message(
                _("msg_legal_faq_published", default="Published in the Legal FAQ."),
                request=self.request,
            )
            return self.request.response.redirect(entry.absolute_url())
        self.draft = faq.draft_of(self.context)
        return self.index()


class LegalFaqView(FacetedSearchView):
    """The public Legal FAQ: the faceted search of the FAQ entries, by words,
    category and licence (``?osor_legal_category=…&osor_licences=MIT``)."""

    FACETS = ("osor_legal_category", "osor_licences")

    def parse(self):
        parameters = super().parse()
        parameters.types = (faq.FAQ_TYPE,)
        parameters.facets = self.FACETS
        if parameters.sort_on == "relevance" and not parameters.text:
            parameters.sort_on = "sortable_title"
        return parameters

    def url(self, items, view="@@legal-faq") -> str:
        return super().url([item for item in items if item[0] != "facets"], view=view)


class LegalFaqEntryView(PageView):
    """A Legal FAQ entry's page: question, answer, and its category and
    licences linking to the FAQ filtered by them (and to the licence pages)."""

    index = ViewPageTemplateFile("templates/pages/legal_faq_entry.pt")

    def faq_url(self, **query) -> str:
        base = f"{legal_pages_url(self.context)}/@@legal-faq"
        return f"{base}?{urlencode(query)}" if query else base

    def search_url(self, **query) -> str:
        return self.faq_url(**query)

    def facts(self) -> list[dict]:
        context = self.context
        licences = [part for spdx_id in context.licences or () for part in self.licence(spdx_id)]
        rows = [
            fact(
                _("label_legal_category", default="Category"),
                self.facet("osor_legal_category", "legal_category", context.category) if context.category else None,
            ),
            fact(_("label_licences_concerned", default="Licences concerned"), *licences),
        ]
        return [row for row in rows if row]

    def structured_data(self) -> dict:
        return structured_data.faq_page(self.context)


# The label of the text a step needs (its field is named, for screen readers too).
STEP_TEXT_LABELS = {"answer": _("label_legal_step_answer", default="Your answer")}
STEP_TEXT_LABEL = _("label_legal_step_reason", default="Your message to the requester")


class LegalRequestView(BrowserView):
    """A legal request for its requester and the experts: the question, who
    handles it, the answer, the follow-ups and the next steps.

    The requester's name is shown to those who review (experts and site
    administrators) only.
    """

    def licence_links(self) -> list[dict]:
        """The licences concerned, each linking to its licence page."""
        return [{"text": spdx_id, "url": licence_url(spdx_id, self.context)} for spdx_id in self.context.licences or ()]

    def may_review(self):
        return api.user.has_permission("Review portal content", obj=self.context)

    def requester(self):
        if not self.may_review():
            return None
        return fullname(requester_of(self.context))

    def state_title(self):
        return api.portal.get_tool("portal_workflow").getTitleForStateOnType(
            api.content.get_state(self.context), self.context.portal_type
        )

    def conversation(self):
        return [step for step in conversation(self.context) if step["comment"]]

    def transitions(self):
        """The steps the current user may take, with whether they need a reason."""
        workflow = api.portal.get_tool("portal_workflow")
        needs_text = MOTIVATION_REQUIRED["osor_legal_request_workflow"] | {"answer"}
        return [
            {
                "id": t["id"],
                "title": t["title"],
                "needs_text": t["id"] in needs_text,
                "text_label": STEP_TEXT_LABELS.get(t["id"], STEP_TEXT_LABEL),
            }
            for t in workflow.getTransitionsFor(self.context)
        ]


class LegalRequestsView(BrowserView):
    """The legal requests the current user may see, newest first: every
    request for an expert, one's own for a requester (catalog security)."""

    def requests(self):
        return api.content.find(portal_type="legal_request", sort_on="created", sort_order="descending")

    def state_title(self, brain):
        return api.portal.get_tool("portal_workflow").getTitleForStateOnType(brain.review_state, "legal_request")
