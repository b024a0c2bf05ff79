"""Joining, leaving and managing the members of a collection.

Every function checks the state it needs and raises ``MembershipError``
with a translatable message; permission checks belong to the callers
(views and REST services), which know who is acting.
"""

from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import UTC
from osor.collection import _
from osor.collection.membership.community import community_of
from osor.collection.membership.community import translations_of
from osor.collection.membership.events import MembershipEvent
from osor.collection.membership.roles import group_id
from osor.collection.membership.roles import group_members
from osor.collection.membership.roles import MEMBERSHIP_ROLES
from osor.collection.membership.settings import is_archived
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.event import notify


REQUESTS_KEY = "osor.collection.membership_requests"

# Messages are stored and mailed to every facilitator: bounded, so that
# nobody can fill the database or the facilitators' mailboxes.
MAX_MESSAGE_LENGTH = 5000


class MembershipError(ValueError):
    """A membership change that cannot be made; the message says why."""


def role_of(collection, userid: str) -> str | None:
    """The membership role of ``userid`` in ``collection``, or None."""
    for role in reversed(MEMBERSHIP_ROLES):
        if userid in group_members(collection, role):
            return role
    return None


def members_of(collection, role: str | None = None) -> list[tuple[str, str]]:
    """(user id, role) of every member, most trusted roles first."""
    roles = [role] if role else reversed(MEMBERSHIP_ROLES)
    return [(userid, each) for each in roles for userid in sorted(group_members(collection, each))]


def pending_requests(collection) -> dict:
    """User id -> {"date", "message"} of the pending join requests."""
    return IAnnotations(community_of(collection)).get(REQUESTS_KEY, {})


def is_pending(collection, userid: str) -> bool:
    return userid in pending_requests(collection)


def _requests(collection) -> OOBTree:
    annotations = IAnnotations(community_of(collection))
    if REQUESTS_KEY not in annotations:
        annotations[REQUESTS_KEY] = OOBTree()
    return annotations[REQUESTS_KEY]


def _actor() -> str | None:
    user = api.user.get_current()
    return user.getId() if user is not None else None


def _require_user(userid: str) -> None:
    if api.user.get(userid=userid) is None:
        raise MembershipError(
            _("error_unknown_user", default="There is no user ${userid}.", mapping={"userid": userid})
        )


def _set_role(collection, userid: str, role: str) -> None:
    for each in MEMBERSHIP_ROLES:
        if each != role and userid in group_members(collection, each):
            api.group.remove_user(groupname=group_id(collection, each), username=userid)
    if userid not in group_members(collection, role):
        api.group.add_user(groupname=group_id(collection, role), username=userid)


def _ensure_not_last_owner(collection, userid: str) -> None:
    if role_of(collection, userid) == "owner" and len(group_members(collection, "owner")) == 1:
        raise MembershipError(
            _(
                "error_last_owner",
                default="The last owner cannot leave or be removed: transfer the ownership first.",
            )
        )


def _require_active(collection) -> None:
    """An archived collection's membership is read-only."""
    if is_archived(collection):
        raise MembershipError(
            _(
                "error_collection_archived",
                default="This collection is archived: its membership can no longer change.",
            )
        )


def check_message(message: str) -> str:
    """``message``, or MembershipError when it is longer than MAX_MESSAGE_LENGTH."""
    message = message or ""
    if len(message) > MAX_MESSAGE_LENGTH:
        raise MembershipError(
            _(
                "error_message_too_long",
                default="The message is too long: at most ${max} characters, please.",
                mapping={"max": MAX_MESSAGE_LENGTH},
            )
        )
    return message


def _notify(collection, userid, action, role=None, message=""):
    notify(MembershipEvent(collection, userid, action, role=role, message=message, actor=_actor()))


def join(collection, userid: str, message: str = "") -> str:
    """Join an open collection, or ask to join a closed one.

    Returns "member" when the user is now a member, "pending" when the
    request waits for a facilitator.
    """
    _require_active(collection)
    message = check_message(message)
    _require_user(userid)
    if role_of(collection, userid):
        raise MembershipError(_("error_already_member", default="You are already a member."))
    if is_pending(collection, userid):
        raise MembershipError(_("error_already_pending", default="Your request to join is already pending."))
    if collection.closed:
        _requests(collection)[userid] = PersistentMapping(date=datetime.now(UTC), message=message or "")
        _notify(collection, userid, "requested", message=message)
        return "pending"
    _set_role(collection, userid, "member")
    _notify(collection, userid, "joined", role="member")
    return "member"


def cancel_request(collection, userid: str) -> None:
    """Withdraw one's own pending request."""
    _require_active(collection)
    if not is_pending(collection, userid):
        raise MembershipError(_("error_no_request", default="There is no pending request."))
    del _requests(collection)[userid]
    _notify(collection, userid, "cancelled")


def approve_request(collection, userid: str, message: str = "") -> None:
    _require_active(collection)
    message = check_message(message)
    if not is_pending(collection, userid):
        raise MembershipError(_("error_no_request", default="There is no pending request."))
    del _requests(collection)[userid]
    _set_role(collection, userid, "member")
    _notify(collection, userid, "approved", role="member", message=message)


def reject_request(collection, userid: str, message: str = "") -> None:
    _require_active(collection)
    message = check_message(message)
    if not is_pending(collection, userid):
        raise MembershipError(_("error_no_request", default="There is no pending request."))
    del _requests(collection)[userid]
    _notify(collection, userid, "rejected", message=message)


def add_member(collection, user: str, role: str = "member") -> str:
    """Add an existing user, given by user id or e-mail, with ``role``.

    Returns the user id. A pending request of that user is settled.
    """
    _require_active(collection)
    if role not in MEMBERSHIP_ROLES:
        raise MembershipError(_("error_unknown_role", default="Unknown role ${role}.", mapping={"role": role}))
    found = api.user.get(userid=user) or _user_by_email(user)
    if found is None:
        raise MembershipError(_("error_unknown_user", default="There is no user ${userid}.", mapping={"userid": user}))
    userid = found.getId()
    if role_of(collection, userid):
        raise MembershipError(
            _("error_user_already_member", default="${userid} is already a member.", mapping={"userid": userid})
        )
    _requests(collection).pop(userid, None)
    _set_role(collection, userid, role)
    _notify(collection, userid, "added", role=role)
    return userid


def _user_by_email(email: str):
    """The one user with this e-mail address, or None (also when ambiguous)."""
    if "@" not in email:
        return None
    acl_users = api.portal.get_tool("acl_users")
    matches = {info["userid"] for info in acl_users.searchUsers(email=email, exact_match=True) if info.get("userid")}
    return api.user.get(userid=matches.pop()) if len(matches) == 1 else None


def change_role(collection, userid: str, role: str) -> None:
    _require_active(collection)
    if role not in MEMBERSHIP_ROLES:
        raise MembershipError(_("error_unknown_role", default="Unknown role ${role}.", mapping={"role": role}))
    if not role_of(collection, userid):
        raise MembershipError(_("error_not_member", default="${userid} is not a member.", mapping={"userid": userid}))
    if role != "owner":
        _ensure_not_last_owner(collection, userid)
    _set_role(collection, userid, role)
    _notify(collection, userid, "role_changed", role=role)


def remove_member(collection, userid: str, action: str = "removed") -> None:
    """Remove a member. Their content stays; their edit rights on it go."""
    _require_active(collection)
    if not role_of(collection, userid):
        raise MembershipError(_("error_not_member", default="${userid} is not a member.", mapping={"userid": userid}))
    _ensure_not_last_owner(collection, userid)
    for each in MEMBERSHIP_ROLES:
        if userid in group_members(collection, each):
            api.group.remove_user(groupname=group_id(collection, each), username=userid)
    for translation in translations_of(collection):
        _revoke_ownership_of_content(translation, userid)
    _notify(collection, userid, action)


def leave(collection, userid: str) -> None:
    remove_member(collection, userid, action="left")


def transfer_ownership(collection, from_userid: str, to_userid: str) -> None:
    """Make ``to_userid`` an owner; the previous owner becomes a facilitator."""
    _require_active(collection)
    if role_of(collection, from_userid) != "owner":
        raise MembershipError(
            _("error_not_owner", default="${userid} is not an owner.", mapping={"userid": from_userid})
        )
    _require_user(to_userid)
    _requests(collection).pop(to_userid, None)
    _set_role(collection, to_userid, "owner")
    _set_role(collection, from_userid, "facilitator")
    _notify(collection, to_userid, "ownership_transferred", role="owner")


def _revoke_ownership_of_content(collection, userid: str) -> None:
    """Take the local Owner role of ``userid`` away on content in ``collection``.

    The content is found by what grants the right, the local roles, on
    every object of the collection: not by the Creator metadata, which
    any owner of an item may change. Creators keep their name on the
    content; only the right to edit it goes, as in Joinup.
    """
    for obj in _objects_in(collection):
        roles = obj.get_local_roles_for_userid(userid)
        if "Owner" not in roles:
            continue
        remaining = [role for role in roles if role != "Owner"]
        if remaining:
            obj.manage_setLocalRoles(userid, remaining)
        else:
            obj.manage_delLocalRoles([userid])
        obj.reindexObjectSecurity()


def _objects_in(container):
    """``container`` and everything under it, whatever the current user may see."""
    yield container
    children = getattr(container, "objectValues", None)
    for child in children() if children is not None else ():
        yield from _objects_in(child)
