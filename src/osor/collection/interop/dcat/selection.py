"""What the RDF export may show: what an anonymous visitor sees.

The export is public metadata for harvesters, whoever asks for it: a
manager asking for it gets what an anonymous harvester gets. So the catalog
is queried unrestricted and then restricted, as for Anonymous, by
``allowedRolesAndUsers`` and the effective/expiration range; solutions must
moreover be in the ``published`` state (a proposed solution may be visible
to some but is not yet part of the catalogue). Legal requests and drafts
never qualify: they are not visible to Anonymous, and only our catalogued
types are exported at all. Which solutions are public is the bulk
catalogue's rule (``interop.catalogue.visibility``), so that ``@dcat`` and
``@catalogue`` always list the same solutions (a published solution of a
collection still in draft is in neither).
"""

from DateTime import DateTime
from osor.collection.interop.catalogue.visibility import catalogue_query
from osor.collection.interop.catalogue.visibility import in_catalogue
from osor.collection.interop.catalogue.visibility import public_collection_uids
from plone import api


PUBLISHED = "published"
SOLUTION = "software_solution"
COLLECTION = "community_collection"
RELEASE = "solution_release"
DISTRIBUTION = "solution_distribution"


def _public_query(**query) -> dict:
    return dict(query, allowedRolesAndUsers=["Anonymous"], effectiveRange=DateTime())


def _search(**query):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(**_public_query(**query))


def _path(container) -> str:
    return "/".join(container.getPhysicalPath())


def public_solutions(container):
    """Brains of the published solutions under ``container``."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(**catalogue_query(catalog, container))


def public_collections(container):
    """Brains of the collections under ``container`` that Anonymous may view."""
    return _search(portal_type=COLLECTION, path=_path(container))


def public_children(container, portal_type: str):
    """Brains of the releases (or distributions) directly inside ``container``.

    Releases and distributions have no workflow: they are visible when
    their solution is, which the caller has checked.
    """
    return _search(portal_type=portal_type, path={"query": _path(container), "depth": 1})


def is_public(obj) -> bool:
    """Whether Anonymous may view ``obj`` now (a published one, for a solution)."""
    if obj.portal_type == SOLUTION:
        return in_catalogue(obj)
    return len(_search(UID=obj.UID())) == 1


def public_uids(uids) -> set[str]:
    """The UIDs among ``uids`` of published solutions Anonymous may view."""
    uids = [uid for uid in uids if uid]
    if not uids:
        return set()
    catalog = api.portal.get_tool("portal_catalog")
    brains = _search(
        UID=uids,
        review_state=PUBLISHED,
        osor_collection=public_collection_uids(catalog),
    )
    return {brain.UID for brain in brains}
