"""What the legal request workflow does besides changing state.

The reasons that ``follow_up``, ``reopen`` and ``decline`` need are
required by ``review.motivation.require_motivation`` (its
``MOTIVATION_REQUIRED`` table); here: an answer needs an answer, taking a
request records who handles it, answering records who answered and when.
"""

from datetime import date
from osor.collection import _
from osor.collection.content.importing import importing_a_site
from osor.collection.membership.people import fullname
from osor.collection.review.motivation import MotivationRequired
from plone import api
from plone.app.textfield.value import RichTextValue


def _text(richtext) -> str:
    return (getattr(richtext, "raw", None) or "").strip()


def before_transition(request, event):
    """Refuse ``answer`` without an answer; the transition's comment, when
    given, becomes the answer if the expert did not write one in the form."""
    if event.transition is None or event.transition.getId() != "answer":
        return
    comment = ((event.kwargs or {}).get("comment") or "").strip()
    if comment and not _text(request.answer):
        request.answer = RichTextValue(comment, "text/plain", "text/html")
    if not _text(request.answer):
        raise MotivationRequired(_("error_legal_answer_required", default="Please write the answer first."))


def after_transition(request, event):
    """Record who took and who answered the request. Not while
    plone.exportimport imports a site: it replays the transitions to reach
    the exported state, as whoever imports, and the exported record holds
    who really took and answered the request, and when."""
    if event.transition is None or importing_a_site():
        return
    actor = api.user.get_current().getId()
    if event.transition.getId() == "take":
        request.taken_by = fullname(actor)
    elif event.transition.getId() == "answer":
        request.answered_by = fullname(actor)
        request.answered_on = date.today()


def requester_of(request) -> str:
    """The user id of the requester (the creator, who holds Owner)."""
    owners = [userid for userid, roles in request.get_local_roles() if "Owner" in roles]
    return request.Creator() or (owners[0] if owners else "")


def conversation(request) -> list[dict]:
    """The request's steps with their reasons (follow-ups, decline...), oldest first."""
    history = api.portal.get_tool("portal_workflow").getHistoryOf("osor_legal_request_workflow", request) or ()
    return [
        {
            "action": entry.get("action"),
            "state": entry.get("review_state"),
            "actor": fullname(entry.get("actor")),
            "time": entry.get("time"),
            "comment": entry.get("comments", ""),
        }
        for entry in history
    ]
