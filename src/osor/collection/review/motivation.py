"""The motivation rule of our workflows, as in Joinup.

Sending content back, asking for its deletion, archiving a collection,
declining a legal request...: these transitions need a motivation (the
workflow "comment"), which the author reads; and no motivation of our
workflows may be longer than a message may be.
"""

from osor.collection import _
from osor.collection.membership.members import MAX_MESSAGE_LENGTH
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate


# Transitions that need a motivation (the workflow "comment"), as in Joinup.
MOTIVATION_REQUIRED = {
    "osor_community_workflow": {"request_changes", "request_deletion", "reject_deletion", "archive"},
    "osor_collection_workflow": {
        "reject",
        "archive",
        "unarchive",
        "request_deletion",
        "reject_deletion",
    },
    "osor_legal_request_workflow": {"follow_up", "reopen", "decline"},
}


class MotivationRequired(WorkflowException):
    """A transition that needs a motivation was attempted without one."""


class MotivationTooLong(WorkflowException):
    """A motivation longer than MAX_MESSAGE_LENGTH was given."""

    def __str__(self):
        # plone.restapi's @workflow answers ``str(error)``: say it in words.
        return translate(self.args[0], context=getRequest())


def require_motivation(obj, event):
    """Refuse a transition listed in MOTIVATION_REQUIRED without a comment,
    and any transition of our workflows with an overlong one."""
    if event.transition is None:
        return
    required = MOTIVATION_REQUIRED.get(event.workflow.getId(), ())
    comment = (event.kwargs or {}).get("comment", "")
    if event.workflow.getId().startswith("osor_") and len(comment or "") > MAX_MESSAGE_LENGTH:
        raise MotivationTooLong(
            _(
                "error_motivation_too_long",
                default="The motivation is too long: at most ${max} characters, please.",
                mapping={"max": MAX_MESSAGE_LENGTH},
            )
        )
    if event.transition.getId() in required and not (comment or "").strip():
        raise MotivationRequired(_("error_motivation_required", default="Please give a motivation for this step."))
