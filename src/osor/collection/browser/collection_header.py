"""The collection header shown above the title of a collection and of its content.

Logo or banner, title, member count, links to *About* and *Members*, and the
join button matching the visitor's state (``membership.info``):
"Log in to join" for anonymous visitors, Join / Request to join / Cancel
request / Leave for users. The buttons post to the membership views of
``membership.py`` with the CSRF authenticator.

Below, the collection's section navigation (``pages.section_navigation``):
it replaces Plone's navigation portlet, blocked inside collections
(``browser/layout.py``).
"""

from osor.collection.content.community_collection import containing_collection
from osor.collection.membership import info
from osor.collection.pages import formatting
from osor.collection.pages import section_navigation
from osor.collection.pages import translations
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode


# The names the collection's homepage is published under.
HOMEPAGE_VIEWS = ("collection-home", "view")


class CollectionHeaderViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/collection_header.pt")

    def update(self):
        super().update()
        self.collection = containing_collection(self.context)
        # A community is one, whatever the language it is read in: its members
        # are those of the collection in the default language.
        self.community = translations.canonical(self.collection) if self.collection is not None else None

    def available(self) -> bool:
        return self.collection is not None

    def render(self):
        return self.index() if self.available() else ""

    @property
    def is_collection_page(self) -> bool:
        return self.collection is self.context or self.collection == self.context

    @property
    def is_home_page(self) -> bool:
        """On the collection's homepage (its default view), not on its other views."""
        return self.is_collection_page and getattr(self.view, "__name__", "") in HOMEPAGE_VIEWS

    def sections(self) -> list[dict]:
        return section_navigation.sections(self.collection, formatting.current_language())

    def url(self) -> str:
        return self.collection.absolute_url()

    def logo_url(self) -> str:
        if getattr(self.collection, "logo", None):
            return f"{self.url()}/@@images/logo/thumb"
        return ""

    def banner_url(self) -> str:
        if getattr(self.collection, "banner", None):
            return f"{self.url()}/@@images/banner/great"
        return ""

    def community_url(self) -> str:
        return self.community.absolute_url()

    def member_count(self) -> int:
        return info.counts(self.community)["total"]

    def status(self) -> str:
        return info.my_status(self.community)

    def may_join(self) -> bool:
        return info.may_join(self.community)

    def is_closed(self) -> bool:
        return bool(getattr(self.community, "closed", False))

    def is_member(self) -> bool:
        return self.status() not in ("anonymous", "non_member", "pending")

    def login_url(self) -> str:
        portal_url = api.portal.get().absolute_url()
        return f"{portal_url}/login?{urlencode({'came_from': self.context.absolute_url()})}"
