"""ETag components (plone.app.caching ``IETagValue``) of our rulesets.

A harvester asks again and again for ``@dcat``, ``@catalogue`` and
``@publiccode``: a 304 saves it the download and us the serialisation, but
only if the ETag changes whenever the answer may change. The catalog counter
would do, at the price of changing on every edit anywhere in the site; the
change key of the catalogue (``interop/catalogue/changes.py``) changes only
with what the export says.
"""

from Acquisition import aq_base
from osor.collection.content.distribution import IDistribution
from osor.collection.content.software_solution import ISoftwareSolution
from osor.collection.downloads.counting import downloads_counted_key
from osor.collection.interop.catalogue.changes import changed_time
from osor.collection.interop.catalogue.changes import KEY_INDEX
from osor.collection.interop.catalogue.tombstones import tombstones_of
from osor.collection.vocabularies.language import interface_language
from plone import api
from plone.app.caching.interfaces import IETagValue
from plone.app.caching.operations.utils import getContext
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


def change_key(context) -> str:
    """When what an open-data export of ``context`` says last changed.

    A solution: its catalogue record's change time (an edit, a transition,
    a release or distribution changed). A site, language root or collection:
    the newest of its own modification, of the records of the solutions and
    the modifications of the collections below it, and of the tombstones
    (the solutions that left the public catalogue).
    """
    if ISoftwareSolution.providedBy(context):
        return f"{changed_time(context):.6f}"
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(context.getPhysicalPath())
    newest_solution = _newest(catalog, KEY_INDEX, portal_type="software_solution", path=path)
    newest_collection = _newest(catalog, "modified", portal_type="community_collection", path=path)
    tombstones = tombstones_of(api.portal.get()).by_time
    newest_tombstone = tombstones.maxKey()[0] if len(tombstones) else 0.0
    return "|".join((
        f"{context.modified().timeTime():.6f}",
        newest_solution,
        newest_collection,
        f"{newest_tombstone:.6f}",
    ))


def _newest(catalog, index_name: str, **query) -> str:
    """The greatest value of ``index_name`` among the items of ``query``."""
    brains = catalog.unrestrictedSearchResults(sort_on=index_name, sort_order="descending", sort_limit=1, **query)
    if not brains:
        return ""
    value = catalog._catalog.getIndex(index_name).getEntryForObject(brains[0].getRID(), "")
    return str(value)


@implementer(IETagValue)
@adapter(Interface, Interface)
class ChangeKey:
    """``osorChangeKey``: the change key of the published export's context."""

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def __call__(self):
        context = getContext(self.published)
        if context is None:
            return None
        return change_key(context)


@implementer(IETagValue)
@adapter(Interface, Interface)
class AcceptedTypes:
    """``osorAccept``: the media types asked for. One URL answers Turtle,
    RDF/XML, JSON-LD or JSON by the Accept header (or ``?format=``, which
    is part of the URL): an ETag of one must not validate another."""

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def __call__(self):
        return self.request.getHeader("Accept", "") or ""


@implementer(IETagValue)
@adapter(Interface, Interface)
class FileVersion:
    """``osorFileVersion``: the version of the file a distribution serves:
    the distribution's last change and its file (a new upload is a new
    version), or the external address it redirects to."""

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def __call__(self):
        context = getContext(self.published)
        if context is None or not IDistribution.providedBy(context):
            return None
        stored = getattr(aq_base(context), "file", None)
        if stored is None:
            return getattr(context, "access_url", None) or ""
        return f"{context.modified().timeTime():.6f}-{stored.filename}-{stored.size}"


@implementer(IETagValue)
@adapter(Interface, Interface)
class DownloadsCounted:
    """``osorDownloads``: changes when a download is counted anywhere in the
    site. Our pages show download counts, which change without a catalog
    change: without it a revalidated or RAM-cached page keeps an old count."""

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def __call__(self):
        return downloads_counted_key()


@implementer(IETagValue)
@adapter(Interface, Interface)
class InterfaceLanguage:
    """``osorInterfaceLanguage``: the EU language the interface speaks when
    the site has no content in it (``userLanguage`` is the content
    language): the same page in Maltese and in English has two ETags."""

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def __call__(self):
        return interface_language(self.request) or ""
