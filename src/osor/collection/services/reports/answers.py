"""What the report services answer: a report as JSON, and their errors."""

from osor.collection.review.reports import REASONS
from plone import api
from zExceptions import Unauthorized
from zope.i18n import translate


def require_member() -> None:
    """Anonymous visitors get a 401 (plone.restapi answers Unauthorized so)."""
    if api.user.is_anonymous():
        raise Unauthorized("Log in first.")


def _date(value):
    return value.ISO8601() if value is not None else None


def report_json(report: dict, collection, request) -> dict:
    item = api.content.get(UID=report["item_uid"])
    return {
        "@id": f"{collection.absolute_url()}/@reports/{report['id']}",
        "id": report["id"],
        "item": {
            "@id": item.absolute_url() if item is not None else None,
            "UID": report["item_uid"],
            "title": item.Title() if item is not None else report["item_title"],
        },
        "reason": report["reason"],
        "reason_title": translate(REASONS[report["reason"]], context=request),
        "message": report["message"],
        "reporter": report["reporter"],
        "created": _date(report["created"]),
        "state": report["state"],
        "note": report["note"],
        "closed_by": report["closed_by"],
        "closed": _date(report["closed"]),
    }
