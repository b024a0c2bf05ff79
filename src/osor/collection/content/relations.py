"""Relations show only the items the viewer may see.

A relation field stores its targets whatever their state; plone.restapi
serialises every target (title, description, URL, review state) without
checking View on it (plone.restapi issue #1634), so the relations of a
published solution disclosed its members' drafts to anonymous visitors.
Our REST serializers (``serializer/relations.py``) and views go through
``visible_targets``.
"""

from AccessControl import getSecurityManager


def may_view(obj) -> bool:
    return obj is not None and bool(getSecurityManager().checkPermission("View", obj))


def visible_relations(relations) -> list:
    """The relation values among ``relations`` whose target the current user may view."""
    return [relation for relation in relations or [] if may_view(relation.to_object)]


def visible_targets(relations) -> list:
    """The target objects of ``relations`` the current user may view."""
    return [relation.to_object for relation in visible_relations(relations)]
