"""Whether plone.exportimport is importing a site in this request.

An import replays what a site's history made (items created empty, then
their fields, the transitions to their exported state, the groups with
their members, the local roles) and brings the records of that history
itself: subscribers that would record the importing user's actions instead
(who took a request, a new collection's groups and owner) stand aside.
"""

from plone.exportimport.interfaces import IExportImportRequestMarker
from zope.globalrequest import getRequest


def importing_a_site() -> bool:
    return IExportImportRequestMarker.providedBy(getRequest())
