from osor.collection.review import pending_edits
from plone import api
from plone.namedfile.interfaces import INamed
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from z3c.relationfield.interfaces import IRelationValue
from zope.i18n import translate


def _json(value):
    """A JSON form of a field value that does not disclose what the reader
    may not see (relations to private items are left out)."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return [item for item in (_json(each) for each in value) if item is not None]
    if INamed.providedBy(value):
        return {"filename": value.filename, "content-type": value.contentType, "size": value.getSize()}
    if IRelationValue.providedBy(value):
        target = value.to_object
        if target is None or not api.user.has_permission("View", obj=target):
            return None
        return {"@id": target.absolute_url(), "title": target.Title()}
    return json_compatible(value)


def pending_edit_info(context, request) -> dict:
    """What ``GET @pending-edit`` answers."""
    record = pending_edits.pending(context) or {}
    return {
        "@id": f"{context.absolute_url()}/@pending-edit",
        "pending": record.get("status") == "pending",
        "kind": record.get("kind"),
        "status": record.get("status"),
        "author": record.get("author"),
        "submitted": record.get("submitted"),
        "fields": [
            {
                "name": each["name"],
                "title": translate(each["field"].title, context=request),
                "published": _json(each["published"]),
                "pending": _json(each["pending"]),
            }
            for each in pending_edits.pending_fields(context)
        ],
        "last_review": json_compatible(pending_edits.last_review(context)),
        "may_review": pending_edits.may_review(context),
    }


class PendingEditGet(Service):
    """GET @pending-edit: the change waiting for a facilitator, field by field."""

    def reply(self):
        return pending_edit_info(self.context, self.request)


class PendingEditsGet(Service):
    """GET @pending-edits (on a collection): the changes waiting for review."""

    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@pending-edits",
            "items": [
                {"@id": each["url"], "title": each["title"], "@type": each["portal_type"], "kind": each["kind"]}
                for each in pending_edits.waiting_for_review(self.context)
            ],
        }
