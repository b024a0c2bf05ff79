"""The catalog queries behind a collection's feeds."""

from osor.collection.interfaces import ICommunityContent
from plone import api
from zope.dottedname.resolve import resolve


PUBLISHED = "published"


def community_types() -> list:
    """The type informations whose items provide ICommunityContent (the
    types members publish in a collection), in the order of portal_types."""
    return [
        fti
        for fti in api.portal.get_tool("portal_types").listTypeInfo()
        if _implements_community_content(getattr(fti, "klass", None))
    ]


def _implements_community_content(dotted_class) -> bool:
    if not dotted_class:
        return False
    try:
        return ICommunityContent.implementedBy(resolve(dotted_class))
    except ImportError:  # a type of an add-on that is gone
        return False


def published_content_query(collection, portal_type: str = "") -> dict:
    """The catalog query of the published community content of
    ``collection``, newest first; of one ``portal_type`` when given."""
    query = {
        "osor_collection": collection.UID(),
        "object_provides": ICommunityContent.__identifier__,
        "review_state": PUBLISHED,
        "sort_on": "effective",
        "sort_order": "reverse",
    }
    if portal_type:
        query["portal_type"] = portal_type
    return query
