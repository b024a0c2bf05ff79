"""Plone's *Add new…* menu adds inside a collection, wherever it is shown.

The demo makes each language's collection the default page of its language
root, and Plone's menu then adds to the root (``plone_context_state.folder()``
is the parent of a default page): a member, who may add only inside the
collection, saw no menu; an administrator's menu offered Plone's own types
in ``/en``. Content belongs in the collection, so on a collection the menu,
the ``folder_factories`` page it links to and their items target the
collection itself, default page or not.
"""

from plone.app.content.browser.folderfactories import FolderFactoriesView
from plone.app.contentmenu.menu import FactoriesMenu
from plone.app.contentmenu.menu import FactoriesSubMenuItem
from plone.memoize.instance import memoize
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

import plone.app.content.browser


COLLECTION_FACTORIES_MENU = "osor_contentmenu_factory"
# Plone's entry for adding to a default page: the menu already does.
ADD_TO_DEFAULT_PAGE = "plone-contentmenu-add-to-default-page"


class CollectionFactoriesSubMenuItem(FactoriesSubMenuItem):
    """*Add new…* on a collection: the types its user may add in it."""

    submenuId = COLLECTION_FACTORIES_MENU

    @memoize
    def _addContext(self):
        return self.context

    @memoize
    def _itemsToAdd(self):
        return [(self.context, fti) for fti in self._addableTypesInContext(self.context)]

    def _addingToParent(self):
        return False


class CollectionFolderFactoriesView(FolderFactoriesView):
    """``folder_factories`` of a collection: add inside it."""

    index = ViewPageTemplateFile("folderfactories.pt", _prefix=plone.app.content.browser.__path__[0])

    def add_context(self):
        return self.context


class CollectionFactoriesMenu(FactoriesMenu):
    """The items of *Add new…* on a collection, without Plone's duplicate
    *Add item to default page*."""

    def getMenuItems(self, context, request):
        items = super().getMenuItems(context, request)
        return [item for item in items if item["extra"].get("id") != ADD_TO_DEFAULT_PAGE]
