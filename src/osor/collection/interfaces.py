"""Interfaces shared across the add-on."""

from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IOsorCollectionLayer(IDefaultBrowserLayer):
    """Browser layer, registered while the add-on is installed."""


class IOsorContent(Interface):
    """Marker for every content type of osor.collection.

    What must hold for all our types, and only ours, is keyed on it: the
    REST validation of wrong shapes and unsafe URLs, relations that hide
    what the viewer may not see.
    """


class ICommunityContent(IOsorContent):
    """Marker for the content members publish inside a collection.

    Solutions, case studies, events, news, publications and competence
    centres provide it; the participation model (workflows, who may add
    what) is keyed on this marker rather than on a list of type names.
    """
