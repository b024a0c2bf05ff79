"""What a visitor may know of a collection's membership, as plain data."""

from osor.collection.membership import matrix
from osor.collection.membership.members import members_of
from osor.collection.membership.members import pending_requests
from osor.collection.membership.members import role_of
from osor.collection.membership.people import fullname
from osor.collection.membership.roles import MEMBERSHIP_ROLES
from osor.collection.membership.roles import ROLE_TITLES
from osor.collection.permissions import JOIN_COLLECTION
from osor.collection.permissions import MANAGE_MEMBERS
from osor.collection.permissions import REVIEW_PORTAL_CONTENT
from plone import api
from zope.i18n import translate


def current_userid() -> str | None:
    """The id of the logged-in user, or None for an anonymous visitor."""
    if api.user.is_anonymous():
        return None
    return api.user.get_current().getId()


def my_status(collection) -> str:
    """ "anonymous", "non_member", "pending" or the user's membership role."""
    userid = current_userid()
    if userid is None:
        return "anonymous"
    role = role_of(collection, userid)
    if role:
        return role
    if userid in pending_requests(collection):
        return "pending"
    return "non_member"


def may_join(collection) -> bool:
    return my_status(collection) == "non_member" and api.user.has_permission(JOIN_COLLECTION, obj=collection)


def may_manage(collection) -> bool:
    return current_userid() is not None and api.user.has_permission(MANAGE_MEMBERS, obj=collection)


def may_manage_owners(collection) -> bool:
    """Ownership changes: for owners of the collection and site moderators."""
    userid = current_userid()
    if userid is None or not may_manage(collection):
        return False
    return role_of(collection, userid) == "owner" or api.user.has_permission(REVIEW_PORTAL_CONTENT, obj=collection)


def members(collection, name: str = "", role: str = "") -> list[dict]:
    """Members, most trusted roles first, then by full name.

    ``name`` keeps those whose full name or user id contains it (ignoring
    case); ``role`` keeps one role.
    """
    rows = [
        {"userid": userid, "fullname": fullname(userid), "role": each}
        for userid, each in members_of(collection, role if role in MEMBERSHIP_ROLES else None)
    ]
    needle = (name or "").strip().lower()
    if needle:
        rows = [row for row in rows if needle in row["fullname"].lower() or needle in row["userid"].lower()]
    order = {each: index for index, each in enumerate(reversed(MEMBERSHIP_ROLES))}
    return sorted(rows, key=lambda row: (order[row["role"]], row["fullname"].lower(), row["userid"]))


def counts(collection) -> dict:
    result = dict.fromkeys(MEMBERSHIP_ROLES, 0)
    for _userid, role in members_of(collection):
        result[role] += 1
    result["total"] = sum(result.values())
    return result


def pending(collection) -> list[dict]:
    rows = []
    for userid, request in pending_requests(collection).items():
        date = request.get("date")
        rows.append({
            "userid": userid,
            "fullname": fullname(userid),
            "date": date.isoformat() if date is not None else None,
            "message": request.get("message", ""),
        })
    return sorted(rows, key=lambda row: row["date"] or "")


def role_titles(request) -> dict:
    return {role: translate(ROLE_TITLES[role], context=request) for role in MEMBERSHIP_ROLES}


def settings(collection, request) -> dict:
    current = matrix.Settings.of(collection)
    return {
        "closed": current.closed,
        "content_creation": current.content_creation,
        "moderated": current.moderated,
        "in_words": [translate(words, context=request) for words in matrix.settings_in_words(collection)],
    }


def permissions(collection, request) -> dict:
    """The permission matrix of ``collection``: role columns, action rows."""
    table = matrix.table_for(collection)
    return {
        "roles": [
            {"id": role, "title": translate(title, context=request)}
            for role, title in zip(matrix.roles(), table["roles"], strict=True)
        ],
        "rows": [
            {
                "action": row["action"],
                "title": translate(row["title"], context=request),
                "cells": row["cells"],
            }
            for row in table["rows"]
        ],
    }


def membership_info(collection, request) -> dict:
    """The ``@membership`` GET answer."""
    info = {
        "@id": f"{collection.absolute_url()}/@membership",
        "members": members(collection),
        "counts": counts(collection),
        "my_status": my_status(collection),
        "settings": settings(collection, request),
        "permissions": permissions(collection, request),
        "role_titles": role_titles(request),
        "may_join": may_join(collection),
        "may_manage": may_manage(collection),
        "may_transfer_ownership": may_manage_owners(collection),
    }
    if info["may_manage"]:
        info["pending"] = pending(collection)
    return info
