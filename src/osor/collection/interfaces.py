"""Interfaces shared across the add-on."""

from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IOsorCollectionLayer(IDefaultBrowserLayer):
    """Browser layer, registered while the add-on is installed."""


class ICommunityContent(Interface):
    """Marker for the content members publish inside a collection.

    Solutions, case studies, events, news, publications and competence
    centres provide it; the participation model (workflows, who may add
    what) is keyed on this marker rather than on a list of type names.
    """
