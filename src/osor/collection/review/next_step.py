"""What happens next to an item, said on the item to those who move it on.

Its author sees, while it is a draft, who sees it and the button that
proposes it; while it is proposed, who reviews it and that she gets a
mail; once sent back, the facilitator's motivation. Facilitators see the
same notice, so they know what the author was told. The words follow the
transitions the current user may take (a member of an unmoderated
collection publishes instead of proposing): the workflow decides, not
role names.
"""

from osor.collection import _
from osor.collection.content.community_collection import containing_collection
from osor.collection.membership.notifications import facilitators_of
from osor.collection.membership.people import fullname
from osor.collection.permissions import MODIFY_PORTAL_CONTENT
from osor.collection.permissions import REVIEW_PORTAL_CONTENT
from plone import api


# The transitions a notice offers as its button, first available wins.
# Who may publish directly is not asked to propose.
NEXT_TRANSITIONS = ("publish", "submit")
BUTTON_TITLES = {
    "submit": _("button_propose_for_review", default="Propose for review"),
    "publish": _("button_publish", default="Publish"),
}


def next_step(obj) -> dict | None:
    """The notice for the current user on ``obj``, or None when there is
    nothing to say to her: ``{"state", "text", "transition", "button",
    "reviewers", "motivation"}``."""
    state = api.content.get_state(obj, default=None)
    if state not in ("draft", "proposed", "needs_update"):
        return None
    if not (
        api.user.has_permission(MODIFY_PORTAL_CONTENT, obj=obj)
        or api.user.has_permission(REVIEW_PORTAL_CONTENT, obj=obj)
    ):
        return None
    transition = _next_transition(obj) if state != "proposed" else None
    step = {
        "state": state,
        "transition": transition,
        "button": BUTTON_TITLES.get(transition),
        "reviewers": [],
        "motivation": "",
    }
    if state == "draft":
        step["text"] = (
            _(
                "notice_draft_publish",
                default="Draft: only you and the facilitators see it. Publish makes it visible to everyone.",
            )
            if transition == "publish"
            else _(
                "notice_draft",
                default="Draft: only you and the facilitators see it. Propose for review sends it to them.",
            )
        )
    elif state == "proposed":
        collection = containing_collection(obj)
        step["reviewers"] = [fullname(userid) for userid in facilitators_of(collection)] if collection else []
        step["text"] = _(
            "notice_proposed",
            default="Proposed: the facilitators of the collection review it. "
            "Its author gets an e-mail when they publish it or ask for changes.",
        )
    else:
        step["motivation"] = last_motivation(obj)
        step["text"] = _(
            "notice_needs_update",
            default="A facilitator asks for changes. Edit it, then propose it for review again.",
        )
    return step


def last_motivation(obj) -> str:
    """The comment of the last *request changes* of ``obj``, or ''."""
    # The history itself, not the review_history variable, which Plone
    # guards with permissions the author does not hold on her sent-back item.
    workflows = api.portal.get_tool("portal_workflow").getWorkflowsFor(obj)
    history = getattr(obj, "workflow_history", {}).get(workflows[0].getId(), ()) if workflows else ()
    for entry in reversed(history):
        if entry.get("action") == "request_changes":
            return entry.get("comments") or ""
    return ""


def _next_transition(obj) -> str | None:
    available = {transition["id"] for transition in api.portal.get_tool("portal_workflow").getTransitionsFor(obj)}
    return next((transition for transition in NEXT_TRANSITIONS if transition in available), None)
