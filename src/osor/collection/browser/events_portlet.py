"""plone.app.event's "Upcoming events" portlet, read in the visitor's language.

On a multilingual site the portlet looked only under the current language
root: an event not translated into French was missing from French pages.
Here it searches the whole site and keeps, per translation group, the event
in the visitor's language, else the one in the default language, marked
as such (``lang``/``hreflang`` and a visible note). With an explicit search
base (a folder or collection chosen in the portlet) Plone's behaviour is kept.
"""

from Acquisition import aq_inner
from osor.collection.pages import formatting
from osor.collection.pages import translations
from plone import api
from plone.app.event.base import get_events
from plone.app.event.base import localized_now
from plone.app.event.base import RET_MODE_ACCESSORS
from plone.app.event.portlets.portlet_events import Renderer
from plone.app.multilingual.interfaces import ITG
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class EventsPortletRenderer(Renderer):
    _template = ViewPageTemplateFile("templates/portlet_events.pt")

    @property
    def events(self):
        if not translations.is_multilingual() or self.data.search_base_uid:
            return Renderer.events.fget(self)
        query = {"review_state": self.data.state} if self.data.state else {}
        found = get_events(
            aq_inner(self.context),
            start=localized_now(self.context),
            ret_mode=RET_MODE_ACCESSORS,
            expand=True,
            path="/".join(api.portal.get().getPhysicalPath()),
            **query,
        )
        return in_visitors_language(found, formatting.current_language())[: self.data.count]

    def language_of(self, item) -> str:
        """The language of an event shown as a fallback, else ""."""
        language = formatting.primary(item.context.Language())
        return language if language and language != formatting.current_language() else ""

    def language_name(self, code: str) -> str:
        return formatting.language_name(code)


def in_visitors_language(occurrences, language: str) -> list:
    """One occurrence list per translation group, in the best language, in order."""
    best: dict = {}
    default = translations.default_language()
    rank = {language: 0, default: 1}
    for occurrence in occurrences:
        obj = occurrence.context
        group = ITG(obj, None) or obj.UID()
        item_language = formatting.primary(obj.Language())
        score = rank.get(item_language, 2)
        if group not in best or score < best[group]:
            best[group] = score
    chosen = []
    for occurrence in occurrences:
        obj = occurrence.context
        group = ITG(obj, None) or obj.UID()
        if rank.get(formatting.primary(obj.Language()), 2) == best[group]:
            chosen.append(occurrence)
    return chosen
