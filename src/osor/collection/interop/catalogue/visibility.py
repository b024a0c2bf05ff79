"""Which solutions the public catalogue lists: what an anonymous visitor sees.

The catalogue is the same for every requester (a manager harvesting it gets
no drafts), so its queries are unrestricted queries *as Anonymous*:
``allowedRolesAndUsers`` of Anonymous, the effective range of now, the
published state, in a collection visitors may see. Legal requests and other
types never qualify: only ``software_solution`` is listed.
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from DateTime import DateTime
from osor.collection.content.community_collection import containing_collection
from osor.collection.review.pending_edits import PUBLIC_STATES
from plone import api


SOLUTION_TYPE = "software_solution"
ANONYMOUS = ["Anonymous"]


def anonymous_query(**query) -> dict:
    """``query`` restricted as ``searchResults`` restricts it for Anonymous."""
    return {**query, "allowedRolesAndUsers": ANONYMOUS, "effectiveRange": DateTime()}


def public_collection_uids(catalog) -> list[str]:
    """The UIDs of the collections visitors may see."""
    brains = catalog.unrestrictedSearchResults(**anonymous_query(portal_type="community_collection"))
    return [brain.UID for brain in brains]


def catalogue_query(catalog, context, **query) -> dict:
    """The catalog query of the public solutions below ``context``."""
    return anonymous_query(
        portal_type=SOLUTION_TYPE,
        review_state=list(PUBLIC_STATES),
        osor_collection=public_collection_uids(catalog),
        path="/".join(context.getPhysicalPath()),
        **query,
    )


def visible_to_anonymous(obj) -> bool:
    """Whether an anonymous visitor may view ``obj`` now (its View roles and
    its effective range), from the object itself: usable while the catalog
    has not caught up with a change."""
    roles = rolesForPermissionOn("View", obj)
    if isinstance(roles, str):
        roles = [roles]
    if "Anonymous" not in roles:
        return False
    now = DateTime()
    effective = getattr(obj, "effective_date", None)
    expires = getattr(obj, "expiration_date", None)
    return not (effective and effective > now) and not (expires and expires <= now)


def in_catalogue(solution) -> bool:
    """Whether ``solution`` belongs in the public catalogue now."""
    if api.content.get_state(solution, default=None) not in PUBLIC_STATES:
        return False
    collection = containing_collection(solution)
    if collection is not None and not visible_to_anonymous(collection):
        return False
    return visible_to_anonymous(solution)
