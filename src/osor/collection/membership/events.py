"""Membership events: one event class, the ``action`` says what happened."""

from zope.interface import Attribute
from zope.interface import implementer
from zope.interface import Interface


class IMembershipEvent(Interface):
    collection = Attribute("The collection")
    userid = Attribute("The user whose membership changed")
    action = Attribute(
        "joined, requested, cancelled, approved, rejected, added, role_changed, removed, left or ownership_transferred"
    )
    role = Attribute("The membership role after the change, or None")
    message = Attribute("An optional message from the facilitator")
    actor = Attribute("The user id of who made the change")


@implementer(IMembershipEvent)
class MembershipEvent:
    def __init__(self, collection, userid, action, role=None, message="", actor=None):
        self.collection = collection
        self.userid = userid
        self.action = action
        self.role = role
        self.message = message
        self.actor = actor
