"""Membership actions on behalf of the current user, with their permission checks.

``perform(collection, action, data)`` is what both the Classic UI form
handlers and the ``@membership`` POST service call: it checks who acts,
calls ``osor.collection.membership.members`` and returns a translatable
message saying what was done. State problems raise ``MembershipError``
(from the members API or from here), missing rights raise
``Unauthorized`` (anonymous) or ``Forbidden`` (logged in).
"""

from osor.collection import _
from osor.collection.membership import members
from osor.collection.membership.info import current_userid
from osor.collection.membership.info import may_manage
from osor.collection.membership.info import may_manage_owners
from osor.collection.membership.members import MembershipError
from osor.collection.membership.people import fullname
from osor.collection.membership.roles import MEMBERSHIP_ROLES
from osor.collection.membership.roles import ROLE_TITLES
from osor.collection.permissions import JOIN_COLLECTION
from plone import api
from zExceptions import Forbidden
from zExceptions import Unauthorized
from zope.globalrequest import getRequest
from zope.i18n import translate


def _refuse() -> None:
    if current_userid() is None:
        raise Unauthorized(translate(_("error_log_in", default="Please log in first."), context=getRequest()))
    raise Forbidden(
        translate(
            _("error_not_allowed", default="You may not do this in this collection."),
            context=getRequest(),
        )
    )


def _text(data: dict, key: str) -> str:
    value = data.get(key) or ""
    return value.strip() if isinstance(value, str) else ""


def _target(data: dict, *keys: str) -> str:
    for key in keys:
        value = _text(data, key)
        if value:
            return value
    raise MembershipError(_("error_no_user_given", default="Please say which user."))


def _role(data: dict) -> str:
    role = _text(data, "role") or "member"
    if role not in MEMBERSHIP_ROLES:
        raise MembershipError(_("error_unknown_role", default="Unknown role ${role}.", mapping={"role": role}))
    return role


def _role_title(role: str) -> str:
    # Translated here: zope.i18n does not translate the values of a mapping.
    return translate(ROLE_TITLES[role], context=getRequest())


# Each action is a handler ``(collection, me, data) -> message``; the
# managers' ones run only for those who may manage the members.


def _join(collection, me: str, data: dict):
    if not api.user.has_permission(JOIN_COLLECTION, obj=collection):
        _refuse()
    if members.join(collection, me, _text(data, "message")) == "pending":
        # Not "sent": whether a mail leaves depends on the site's mail
        # settings; the request itself waits on the collection either way.
        return _(
            "msg_join_request_waiting",
            default="Your request to join is waiting for a facilitator's approval.",
        )
    return _("msg_joined", default="You are now a member of ${collection}.", mapping={"collection": collection.Title()})


def _leave(collection, me: str, data: dict):
    if not members.role_of(collection, me):
        raise MembershipError(_("error_not_a_member", default="You are not a member."))
    members.leave(collection, me)
    return _("msg_left", default="You left ${collection}.", mapping={"collection": collection.Title()})


def _cancel(collection, me: str, data: dict):
    members.cancel_request(collection, me)
    return _("msg_request_cancelled", default="Your request to join was withdrawn.")


def _add(collection, me: str, data: dict):
    role = _role(data)
    if role == "owner" and not may_manage_owners(collection):
        _refuse()
    userid = members.add_member(collection, _target(data, "user", "userid"), role)
    return _(
        "msg_member_added",
        default="${user} was added as ${role}.",
        mapping={"user": fullname(userid), "role": _role_title(role)},
    )


def _approve(collection, me: str, data: dict):
    userid = _target(data, "userid", "user")
    members.approve_request(collection, userid, _text(data, "message"))
    return _("msg_request_approved", default="${user} is now a member.", mapping={"user": fullname(userid)})


def _reject(collection, me: str, data: dict):
    userid = _target(data, "userid", "user")
    members.reject_request(collection, userid, _text(data, "message"))
    return _("msg_request_rejected", default="The request of ${user} was rejected.", mapping={"user": fullname(userid)})


def _change_role(collection, me: str, data: dict):
    userid = _target(data, "userid", "user")
    role = _role(data)
    if "owner" in (role, members.role_of(collection, userid)) and not may_manage_owners(collection):
        _refuse()
    members.change_role(collection, userid, role)
    return _(
        "msg_role_changed",
        default="${user} is now ${role}.",
        mapping={"user": fullname(userid), "role": _role_title(role)},
    )


def _remove(collection, me: str, data: dict):
    userid = _target(data, "userid", "user")
    if members.role_of(collection, userid) == "owner" and not may_manage_owners(collection):
        _refuse()
    members.remove_member(collection, userid)
    return _(
        "msg_member_removed",
        default="${user} was removed from the collection.",
        mapping={"user": fullname(userid)},
    )


def _transfer_ownership(collection, me: str, data: dict):
    userid = _target(data, "userid", "user")
    if not may_manage_owners(collection):
        _refuse()
    from_userid = _text(data, "from_userid") or _current_owner(collection, me)
    if from_userid == userid:
        raise MembershipError(
            _("error_transfer_to_self", default="${userid} is already an owner.", mapping={"userid": userid})
        )
    members.transfer_ownership(collection, from_userid, userid)
    return _(
        "msg_ownership_transferred",
        default="${user} is now an owner; ${previous} is now a facilitator.",
        mapping={"user": fullname(userid), "previous": fullname(from_userid)},
    )


SELF_HANDLERS = {"join": _join, "leave": _leave, "cancel": _cancel}
MANAGER_HANDLERS = {
    "approve": _approve,
    "reject": _reject,
    "add": _add,
    "change_role": _change_role,
    "remove": _remove,
    "transfer_ownership": _transfer_ownership,
}
SELF_ACTIONS = tuple(SELF_HANDLERS)
MANAGER_ACTIONS = tuple(MANAGER_HANDLERS)
ACTIONS = SELF_ACTIONS + MANAGER_ACTIONS


def perform(collection, action: str, data: dict):
    """Do ``action`` with ``data`` (userid/user, role, message, from_userid)."""
    handler = SELF_HANDLERS.get(action) or MANAGER_HANDLERS.get(action)
    if handler is None:
        raise MembershipError(
            _("error_unknown_action", default="Unknown action ${action}.", mapping={"action": action or ""})
        )
    me = current_userid()
    if me is None:
        _refuse()
    if action in MANAGER_HANDLERS and not may_manage(collection):
        _refuse()
    return handler(collection, me, data)


def _current_owner(collection, me: str) -> str:
    """The owner handing over: the acting user, or the only owner."""
    if members.role_of(collection, me) == "owner":
        return me
    owners = [userid for userid, _role in members.members_of(collection, "owner")]
    if len(owners) != 1:
        raise MembershipError(_("error_which_owner", default="Please say which owner hands over the ownership."))
    return owners[0]
