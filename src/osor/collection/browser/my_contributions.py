"""``@@my-contributions``: the current user's drafts, proposals, changes
waiting for approval and legal questions, on one page
(``review.my_contributions``), linked from the user menu."""

from osor.collection.review.my_contributions import my_contributions
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class MyContributionsView(BrowserView):
    index = ViewPageTemplateFile("templates/my_contributions.pt")

    def __call__(self):
        return self.index()

    def groups(self) -> list[dict]:
        user = api.user.get_current()
        return my_contributions(user.getId())

    def type_title(self, portal_type: str):
        fti = api.portal.get_tool("portal_types").getTypeInfo(portal_type)
        return fti.Title() if fti is not None else portal_type

    def state_title(self, item: dict):
        return api.portal.get_tool("portal_workflow").getTitleForStateOnType(item["review_state"], item["portal_type"])

    def date(self, item: dict) -> str:
        return api.portal.get_localized_time(item["modified"])
