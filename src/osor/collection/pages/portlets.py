"""No inherited portlet column inside a collection.

The site's navigation portlet (left) and events portlet (right) squeezed a
collection's pages to 546 px of 1280, and the navigation portlet listed
every item of the collection on every page. Inside a collection their work
is done by the page itself: the header's section navigation
(``section_navigation``) and the homepage's events section. So every
collection blocks the portlets it would inherit from its parents in both
columns, which also holds for everything inside it (Plone stops looking
for context portlets at the first blocking parent).

Only inherited portlets are blocked: a portlet a site administrator adds to
a collection (or to an item in it) is shown, and one who sets the
collection's columns back to "Show" (``@@manage-portlets``) keeps that
choice: an existing collection is changed only while its status is still
Plone's default (acquire).
"""

from plone.portlets.constants import CONTEXT_CATEGORY
from plone.portlets.interfaces import ILocalPortletAssignmentManager
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import queryUtility


COLUMNS = ("plone.leftcolumn", "plone.rightcolumn")


def _assignment_managers(collection):
    for name in COLUMNS:
        manager = queryUtility(IPortletManager, name=name)
        if manager is not None:
            yield getMultiAdapter((collection, manager), ILocalPortletAssignmentManager)


def block_inherited_portlets(collection) -> bool:
    """Block the portlets ``collection`` inherits in both columns, unless
    someone chose already; return whether anything changed. Idempotent."""
    changed = False
    for assignments in _assignment_managers(collection):
        if assignments.getBlacklistStatus(CONTEXT_CATEGORY) is None:
            assignments.setBlacklistStatus(CONTEXT_CATEGORY, True)
            changed = True
    return changed


def blocks_inherited_portlets(collection) -> bool:
    """Whether both columns of ``collection`` block inherited portlets."""
    return all(assignments.getBlacklistStatus(CONTEXT_CATEGORY) for assignments in _assignment_managers(collection))


def block_in_new_collection(collection, event) -> None:
    """Subscriber: a collection added (created, translated, copied) starts
    without the inherited columns."""
    block_inherited_portlets(collection)
