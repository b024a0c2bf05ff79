"""Comments in a collection are visible to whoever may see their item.

plone.app.discussion's one-state comment workflow grants *Access contents
information* (what Plone's catalog security indexes) to Anonymous on the
comment itself, so the comments of an item that goes back to a private
state (sent back for changes, proposed again, frozen) would stay in
everybody's search results. For comments on content of a collection, the
catalog security is both the comment's own and its item's. The item's
transitions reindex the security of everything under it (CMF's
``reindexObjectSecurity`` walks the catalog by path), comments included,
so the comments follow each change of their item.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from osor.collection.content.community_collection import containing_collection
from plone.app.discussion.interfaces import IComment
from plone.indexer import indexer
from Products.CMFPlone.CatalogTool import allowedRolesAndUsers


# What Plone indexes when everybody, or every logged-in user, may see.
BROAD = (["Anonymous"], ["Authenticated"])


def visible_to_both(own: list, item: list) -> list:
    """allowedRolesAndUsers for what needs both ``own`` and ``item``.

    Where one is broad, the other decides; otherwise only the principals
    in both (never more than either allows).
    """
    for broad in BROAD:
        if own == broad:
            return item
        if item == broad:
            return own
    return sorted(set(own) & set(item))


def commented_content(comment):
    """The content a comment belongs to (comment → conversation → content)."""
    conversation = aq_parent(aq_inner(comment))
    return aq_parent(conversation) if conversation is not None else None


@indexer(IComment)
def comment_allowed_roles_and_users(comment):
    """Plone's catalog security of the comment, narrowed to its item's in a collection."""
    own = allowedRolesAndUsers.callable(comment)
    content = commented_content(comment)
    if content is None or containing_collection(content) is None:
        return own
    return visible_to_both(own, allowedRolesAndUsers.callable(content))
