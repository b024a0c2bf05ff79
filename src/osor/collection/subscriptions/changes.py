"""Recording what subscribers may be told about, as it happens.

Only changes that visitors could see when they happened are recorded: a
publication (``new``), a release added to a solution (``release``), an
edit of published content that is not held for moderation (``edit``: a
member's edit in a moderated collection is recorded when a facilitator
approves it) and a comment (``comment``). Whether a subscriber may see
each one is decided again, as that subscriber, when the digest is built.
The legal coaching service is never recorded: its requests are private.
"""

from osor.collection.content.community_collection import containing_collection
from osor.collection.content.software_solution import ISoftwareSolution
from osor.collection.membership.comments import commented_content
from osor.collection.review.pending_edits import is_applying_pending_edit
from osor.collection.review.pending_edits import pending
from osor.collection.subscriptions.storage import record_change
from plone import api
from zope.container.interfaces import IContainerModifiedEvent


NEW = "new"
RELEASE = "release"
EDIT = "edit"
COMMENT = "comment"
KINDS = (NEW, RELEASE, EDIT, COMMENT)

PUBLISHED = "published"
# Types whose items never reach a digest, whatever their state.
PRIVATE_TYPES = frozenset({"legal_request", "legal_faq_entry"})


def _solution_of(obj):
    for candidate in getattr(obj, "aq_chain", ()):
        if ISoftwareSolution.providedBy(candidate):
            return candidate
    return None


def _record(kind: str, obj, path: str = "") -> None:
    collection = containing_collection(obj)
    if collection is None or getattr(obj, "portal_type", None) in PRIVATE_TYPES:
        return
    solution = _solution_of(obj)
    record_change({
        "kind": kind,
        "uid": obj.UID(),
        "path": path,
        "collection": collection.UID(),
        "solution": solution.UID() if solution is not None else "",
    })


def item_transitioned(obj, event):
    """A community item published for the first time (not restored from the archive)."""
    if event.transition is None or event.new_state.getId() != PUBLISHED:
        return
    if event.transition.getId() in ("publish", "approve"):
        _record(NEW, obj)


def release_added(obj, event):
    if event.newParent is not None and event.oldParent is None:
        _record(RELEASE, obj)


def content_modified(obj, event):
    """An edit visitors see: of published content, and not held as a pending edit."""
    if IContainerModifiedEvent.providedBy(event):  # something added inside: reported as itself
        return
    if api.content.get_state(obj, default=None) != PUBLISHED:
        return
    if pending(obj) is not None and not is_applying_pending_edit(obj):
        return
    _record(EDIT, obj)


def comment_added(comment, event):
    content = commented_content(comment)
    if content is None or not hasattr(content, "UID"):
        return
    _record(COMMENT, content, path="/".join(comment.getPhysicalPath()))
