"""What a caching proxy must forget when one of our items changes.

plone.app.caching purges an item's own views (``ContentPurgePaths``) on
edit, move, removal and transitions, for the types of its
``purgedContentTypes`` setting (ours are in it). An item of ours also shows
in pages and exports of its containers: the collection's home, feeds,
faceted search and catalogues, and its solution's exports. Listed here as
paths without query strings: the Varnish configuration of docs/caching.md
bans every URL that starts with a purged path, ``?…`` included.
"""

from osor.collection.content.community_collection import containing_collection
from osor.collection.content.software_solution import ISoftwareSolution
from plone.base.interfaces import INavigationRoot
from z3c.caching.interfaces import IPurgePaths
from zope.interface import implementer


# The pages and exports of a collection that list its items.
COLLECTION_PATHS = (
    "",
    "/",
    "/view",
    "/collection-home",
    "/faceted-search",
    "/@faceted-search",
    "/faceted-search-rss",
    "/rss.xml",
    "/atom.xml",
    "/RSS",
    "/ics_view",
    "/@dcat",
    "/@catalogue",
    "/catalogue-dump",
)
# The exports of a solution (its record holds its releases and distributions).
SOLUTION_PATHS = ("", "/", "/view", "/@dcat", "/@publiccode")
# The site-wide exports of a site or language root.
ROOT_PATHS = ("/@dcat", "/@catalogue", "/catalogue-dump")


def _url_path(obj) -> str:
    return "/" + obj.virtual_url_path()


def _solution_of(obj):
    for candidate in getattr(obj, "aq_chain", ()):
        if ISoftwareSolution.providedBy(candidate):
            return candidate
    return None


def _navigation_roots(obj):
    for candidate in getattr(obj, "aq_chain", ())[1:]:
        if INavigationRoot.providedBy(candidate):
            yield candidate


@implementer(IPurgePaths)
class ContainerPurgePaths:
    """The paths of the pages and exports that show an item of ours: its
    solution's exports, its collection's listings and the catalogues of the
    language root and site above."""

    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        paths = []
        solution = _solution_of(self.context)
        if solution is not None:
            paths += [_url_path(solution) + suffix for suffix in SOLUTION_PATHS]
        collection = containing_collection(self.context)
        if collection is not None:
            paths += [_url_path(collection) + suffix for suffix in COLLECTION_PATHS]
        for root in _navigation_roots(self.context):
            prefix = _url_path(root).rstrip("/")
            paths += [prefix + suffix for suffix in ROOT_PATHS]
        return list(dict.fromkeys(paths))

    def getAbsolutePaths(self):
        return []
