"""The collection homepage (the collection's default view)."""

from osor.collection.browser.pages import PageView
from osor.collection.membership import contributing
from osor.collection.pages import homepage
from osor.collection.pages import structured_data
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class CollectionHomeView(PageView):
    """Sections per type, upcoming events, latest news, centres by country."""

    index = ViewPageTemplateFile("templates/pages/collection.pt")

    def add_links(self) -> list[dict]:
        """The add forms the current user may open here ("Add a solution"…)."""
        return contributing.add_links(self.context)

    def work_links(self) -> list[dict]:
        """The lists waiting for whoever runs the collection or answers legal requests."""
        return contributing.work_links(self.context)

    def sections(self) -> list[dict]:
        return homepage.sections(self.context, self.language, self.search_url)

    def upcoming_events(self) -> list[dict]:
        return homepage.upcoming_events(self.context, self.language)

    def past_events_url(self) -> str:
        return self.search_url(portal_type="community_event", event_time="past", sort_on="effective")

    def latest_news(self) -> list[dict]:
        return homepage.latest_news(self.context, self.language)

    def competence_centres(self) -> list[dict]:
        return homepage.competence_centres_by_country(self.context, self.language)

    def structured_data(self) -> dict:
        return structured_data.collection(self.context)
