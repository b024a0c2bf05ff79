"""Plone's header search box, leading to our faceted search.

Inside a collection the box searches the collection, inside a language
root (``/en``, ``/fr``) the root, each with its ``@@faceted-search`` and
the words in ``SearchableText`` (the parameter the faceted search reads):
one search, with the filters, instead of Plone's ``@@search`` next to it.
Elsewhere (the site root of a multilingual site, Plone's own folders
outside a language root) the box keeps Plone's ``@@search``.

The form sends nothing but the words: the faceted search answers an unknown
parameter with an error, so Plone's "only in this folder" option is left out.
"""

from osor.collection import _
from osor.collection.content.community_collection import containing_collection
from osor.collection.content.community_collection import ICommunityCollection
from plone.app.layout.viewlets.common import SearchBoxViewlet
from plone.app.multilingual.interfaces import ILanguageRootFolder
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
from zope.i18nmessageid import MessageFactory


FACETED_SEARCH = "@@faceted-search"
PLONE_SEARCH = "@@search"
SEARCH_COLLECTION = _("title_search_collection", default="Search this collection")
SEARCH_SITE = MessageFactory("plone")("title_search_site", default="Search Site")


def faceted_search_home(context, navigation_root):
    """The collection or language root whose faceted search serves
    ``context``, or None when Plone's search does."""
    collection = containing_collection(context)
    if collection is not None:
        return collection
    if ILanguageRootFolder.providedBy(navigation_root):
        return navigation_root
    return None


class FacetedSearchBoxViewlet(SearchBoxViewlet):
    index = ViewPageTemplateFile("templates/search_box.pt")

    def update(self):
        super().update()
        home = faceted_search_home(self.context, self.portal_state.navigation_root())
        base = home.absolute_url() if home is not None else self.navigation_root_url
        self.search_url = f"{base}/{FACETED_SEARCH if home is not None else PLONE_SEARCH}"
        label = SEARCH_SITE
        if home is not None and ICommunityCollection.providedBy(home):
            label = SEARCH_COLLECTION
        self.label = translate(label, context=self.request)
