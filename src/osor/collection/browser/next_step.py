"""The notice that says what happens next to an item (``review.next_step``):
shown above the title of a draft, a proposal or an item sent back, to its
author and the facilitators, with the button that moves it on."""

from osor.collection.review.next_step import next_step
from plone.app.layout.viewlets import ViewletBase
from plone.protect.utils import addTokenToUrl
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class NextStepViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/next_step.pt")

    def update(self):
        super().update()
        self.step = next_step(self.context)

    def transition_url(self) -> str:
        url = f"{self.context.absolute_url()}/content_status_modify?workflow_action={self.step['transition']}"
        return addTokenToUrl(url, self.request)

    def render(self):
        return self.index() if self.step else ""
