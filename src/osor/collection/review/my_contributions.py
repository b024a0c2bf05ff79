"""A member's own work in progress, for her dashboard (``@@my-contributions``).

One catalog query per group, filtered by the catalog's security: she sees
her drafts, what waits for review, what was sent back to her, her edits of
published content waiting for approval and her legal questions, never
anything she could not open. Nothing is woken: rows are built from brains.
"""

from osor.collection import _
from osor.collection.interfaces import ICommunityContent
from osor.collection.review.pending_edits import PENDING_INDEX
from plone import api


# (group id, title, catalog query) in the order of the page.
GROUPS = (
    (
        "needs_update",
        _("heading_my_needs_update", default="Sent back to you for changes"),
        {"object_provides": ICommunityContent.__identifier__, "review_state": "needs_update"},
    ),
    (
        "draft",
        _("heading_my_drafts", default="Drafts"),
        {"object_provides": ICommunityContent.__identifier__, "review_state": "draft"},
    ),
    (
        "proposed",
        _("heading_my_proposals", default="Proposed, waiting for review"),
        {"object_provides": ICommunityContent.__identifier__, "review_state": "proposed"},
    ),
    (
        "pending_edits",
        _("heading_my_pending_edits", default="Changes waiting for approval"),
        {PENDING_INDEX: ["edit", "addition"]},
    ),
    (
        "legal_requests",
        _("heading_my_legal_requests", default="Legal questions"),
        {"portal_type": "legal_request"},
    ),
)


def my_contributions(userid: str) -> list[dict]:
    """``{"id", "title", "entries"}`` per group, each item
    ``{"title", "url", "portal_type", "review_state", "modified"}``,
    last modified first."""
    return [
        {"id": group_id, "title": title, "entries": [_row(brain) for brain in _find(userid, query)]}
        for group_id, title, query in GROUPS
    ]


def _find(userid: str, query: dict):
    return api.content.find(Creator=userid, sort_on="modified", sort_order="descending", **query)


def _row(brain) -> dict:
    return {
        "title": brain.Title,
        "url": brain.getURL(),
        "portal_type": brain.portal_type,
        "review_state": brain.review_state,
        "modified": brain.modified,
    }
