"""Plone's *Add new…* menu adds inside a collection, wherever it is shown.

The demo makes each language's collection the default page of its language
root, and Plone's menu then adds to the root (``plone_context_state.folder()``
is the parent of a default page): a member, who may add only inside the
collection, saw no menu; an administrator's menu offered Plone's own types
in ``/en``. Content belongs in the collection, so on a collection the menu,
the ``folder_factories`` page it links to and their items target the
collection itself, default page or not.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from osor.collection import _
from plone.app.content.browser.folderfactories import FolderFactoriesView
from plone.app.contentmenu.menu import FactoriesMenu
from plone.app.contentmenu.menu import FactoriesSubMenuItem
from plone.memoize.instance import memoize
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getMultiAdapter

import plone.app.content.browser


COLLECTION_FACTORIES_MENU = "osor_contentmenu_factory"
# Plone's entry for adding to a default page: the menu already does.
ADD_TO_DEFAULT_PAGE = "plone-contentmenu-add-to-default-page"
ADD_TO_FOLDER = "osor-contentmenu-add-to-folder"


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
    *Add item to default page*; on a collection shown as its folder's
    default page (a language root), one more item opens the add forms of
    that folder, for those who may add there: else a site administrator
    could not add another collection from the site root."""

    def getMenuItems(self, context, request):
        items = super().getMenuItems(context, request)
        items = [item for item in items if item["extra"].get("id") != ADD_TO_DEFAULT_PAGE]
        folder = add_to_folder_item(context, request)
        return [*items, folder] if folder else items


def add_to_folder_item(collection, request) -> dict | None:
    """The menu item *Add to <folder>…* of a collection that is the default
    page of its folder, if the current user may add something there."""
    if not getMultiAdapter((collection, request), name="plone_context_state").is_default_page():
        return None
    folder = aq_parent(aq_inner(collection))
    if not folder.allowedContentTypes():
        return None
    return {
        "id": ADD_TO_FOLDER,
        "title": _("menu_add_to_folder", default="Add to ${folder}…", mapping={"folder": folder.Title()}),
        "description": _(
            "help_menu_add_to_folder", default="Add content next to this collection, such as another collection."
        ),
        "action": f"{folder.absolute_url()}/folder_factories",
        "selected": False,
        "icon": None,
        "extra": {"id": ADD_TO_FOLDER, "separator": None, "class": ""},
        "submenu": None,
    }
