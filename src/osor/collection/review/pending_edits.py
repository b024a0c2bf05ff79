"""Pending edits: published content stays online while a change waits.

In a moderated collection, a member who may not publish directly cannot
change what visitors see without a facilitator's approval. That covers the
community item itself and everything inside it (releases, distributions,
Files and Images), which have no workflow of their own.

* **Pending edit.** The published field values of public content are kept
  in an annotation (``remember_published_values``). When a member's edit of
  public content arrives (any path that fires ``IObjectModifiedEvent``:
  Classic UI, REST, scripts), the changed values are stored as the pending
  edit and the live object gets its published values back before it is
  reindexed: visitors, search, feeds and exports read the live object and
  keep seeing the published version. ``approve`` applies the pending values,
  ``send_back`` discards them with a motivation, ``withdraw`` lets the
  author take them back.
* **Pending addition.** A child added (or moved) under public content by
  such a member is hidden from visitors by local permission settings on the
  child (View and Access contents information acquired no more) until a
  facilitator approves it; sending it back keeps it hidden, and the
  author's next edit proposes it again.

Approving and sending back need *Review portal content* on the object (the
community workflow grants it to facilitators and site moderators; children
acquire it from their item); withdrawing needs *Modify portal content*.
"""

from AccessControl import Unauthorized
from Acquisition import aq_base
from DateTime import DateTime
from osor.collection import _
from osor.collection.content.community_collection import containing_collection
from osor.collection.interfaces import ICommunityContent
from osor.collection.permissions import MODIFY_PORTAL_CONTENT
from osor.collection.permissions import PUBLISH_DIRECTLY
from osor.collection.permissions import REVIEW_PORTAL_CONTENT
from persistent import Persistent
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.dexterity.behaviors.id import IShortName
from plone.dexterity.interfaces import IDexterityContent
from plone.dexterity.utils import iterSchemata
from plone.indexer import indexer
from z3c.form.interfaces import IDataManager
from zope.annotation.interfaces import IAnnotations
from zope.component import queryMultiAdapter
from zope.event import notify
from zope.interface import Attribute
from zope.interface import implementer
from zope.interface import Interface
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent
from zope.schema import getFieldsInOrder
from zope.schema import TextLine

import copy


PUBLISHED_VALUES_KEY = "osor.collection.published_values"
PENDING_KEY = "osor.collection.pending_edit"
REVIEWS_KEY = "osor.collection.pending_edit_reviews"

# Catalog index: "edit" or "addition" while a change waits for review.
PENDING_INDEX = "osor_pending_review"


# States of a community item in which visitors see it.
PUBLIC_STATES = ("published",)

# Who sees a pending addition: who sees a proposed item (the community
# workflow's "proposed" state), visitors and plain members not.
PENDING_ADDITION_VIEWERS = [
    "Manager",
    "Site Administrator",
    "Site Moderator",
    "Collection Facilitator",
    "Owner",
    "Editor",
    "Reader",
    "Contributor",
]
VISIBILITY_PERMISSIONS = ("View", "Access contents information")

MAX_MOTIVATION = 5000

# The display of content is no field but a property (``setLayout``, which a
# REST PATCH of "layout" calls): visitors see it, so it is moderated too.
LAYOUT = "layout"
LAYOUT_FIELD = TextLine(__name__=LAYOUT, title=_("label_pending_layout", default="Display"))


class PendingEditError(ValueError):
    """A review action that does not apply (nothing pending, no motivation);
    ``field`` names the input at fault, if any."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


class IPendingEditEvent(Interface):
    object = Attribute("The content whose pending edit or addition changed")
    action = Attribute("submitted, approved, sent_back or withdrawn")
    kind = Attribute("edit or addition")
    author = Attribute("The user id of who submitted the change")
    actor = Attribute("The user id of who acted")
    motivation = Attribute("The facilitator's motivation (send back)")


@implementer(IPendingEditEvent)
class PendingEditEvent:
    def __init__(self, obj, action, kind, author, actor, motivation=""):
        self.object = obj
        self.action = action
        self.kind = kind
        self.author = author
        self.actor = actor
        self.motivation = motivation


# Where content stands -----------------------------------------------------------


def community_item_of(obj):
    """The community item (solution, case study…) ``obj`` is or lives in, or None."""
    for candidate in getattr(obj, "aq_chain", ()):
        if ICommunityContent.providedBy(candidate):
            return candidate
    return None


def is_public(obj) -> bool:
    """Whether visitors see ``obj``: its item is published and neither ``obj``
    nor a container between them is a pending addition."""
    for candidate in getattr(obj, "aq_chain", ()):
        if ICommunityContent.providedBy(candidate):
            return api.content.get_state(candidate, default=None) in PUBLIC_STATES
        if _record(candidate, "addition") is not None:
            return False
    return False


def is_moderated_for_current_user(obj) -> bool:
    """Whether the current user's changes of ``obj`` wait for a facilitator."""
    collection = containing_collection(obj)
    if collection is None or not collection.moderated:
        return False
    return not api.user.has_permission(PUBLISH_DIRECTLY, obj=obj)


def pending(obj) -> dict | None:
    """The pending edit or addition of ``obj``, or None.

    ``{"kind": "edit"|"addition", "status": "pending"|"sent_back", "author",
    "submitted", "values": {field name: pending value}, "annotations":
    {annotation key: pending value}}``
    """
    record = _record(obj)
    return dict(record) if record else None


def last_review(obj) -> dict | None:
    """The last review decision on ``obj`` (action, actor, time, motivation), or None."""
    annotations = _annotations(obj)
    reviews = annotations.get(REVIEWS_KEY) if annotations is not None else None
    return dict(reviews[-1]) if reviews else None


def waiting_for_review(collection) -> list[dict]:
    """The changes waiting in ``collection`` that the current user sees, from
    the catalog: ``{"url", "title", "portal_type", "kind"}``, oldest first."""
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(collection.getPhysicalPath())
    return [
        {"url": brain.getURL(), "title": brain.Title, "portal_type": brain.portal_type, "kind": kind}
        for kind in ("edit", "addition")
        for brain in catalog(path=path, sort_on="modified", **{PENDING_INDEX: kind})
    ]


@indexer(IDexterityContent)
def pending_review_indexer(obj):
    record = _record(obj)
    if record is None or record["status"] != "pending":
        raise AttributeError(PENDING_INDEX)
    return record["kind"]


def pending_fields(obj) -> list[dict]:
    """Name, field, published and pending value of each field of a pending edit."""
    record = pending(obj)
    if not record or record["kind"] != "edit":
        return []
    fields = {**dict(_fields(obj)), LAYOUT: LAYOUT_FIELD}
    published = _annotations(obj).get(PUBLISHED_VALUES_KEY) or {}
    return [
        {"name": name, "field": fields[name], "published": published.get(name), "pending": value}
        for name, value in record["values"].items()
        if name in fields
    ]


# Published values -------------------------------------------------------------


def _annotations(obj):
    try:
        return IAnnotations(obj)
    except TypeError:
        return None


def _record(obj, kind=None):
    annotations = _annotations(obj)
    record = annotations.get(PENDING_KEY) if annotations is not None else None
    if record and (kind is None or record["kind"] == kind):
        return record
    return None


# The short name is the object's id: "restoring" it would rename the object
# in the middle of its own modification. A rename is not moderated.
NOT_MODERATED = (IShortName["id"],)


def _fields(obj):
    """(name, field) of every writable field of ``obj`` (schema and behaviors)."""
    seen = set()
    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            if field.readonly or name in seen or any(field is each for each in NOT_MODERATED):
                continue
            seen.add(name)
            yield name, field


def _data_manager(obj, field):
    return queryMultiAdapter((obj, field), IDataManager)


def _copy(value):
    """A copy that shares persistent sub-objects (blobs, relations) instead of
    duplicating them, and does not share mutable lists and dicts."""
    if isinstance(value, Persistent):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return type(value)(_copy(item) for item in value)
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    return copy.deepcopy(value)


def _is_empty(value) -> bool:
    return value is None or (isinstance(value, (str, bytes, list, tuple, set, frozenset, dict)) and not value)


def _same(value, other) -> bool:
    """Equal, or both empty: a form that saves "" where None was changes nothing."""
    return value == other or (_is_empty(value) and _is_empty(other))


def current_values(obj) -> dict:
    values = {}
    for name, field in _fields(obj):
        manager = _data_manager(obj, field)
        if manager is not None:
            values[name] = manager.query(field.missing_value)
    if LAYOUT not in values and getattr(aq_base(obj), "getLayout", None) is not None:
        values[LAYOUT] = obj.getLayout()
    return values


def remember_published_values(obj, recursive=False) -> None:
    """Keep the current field values of ``obj`` as its published version."""
    annotations = _annotations(obj)
    if annotations is None or not IDexterityContent.providedBy(obj):
        return
    published = annotations[PUBLISHED_VALUES_KEY] = PersistentMapping({
        name: _copy(value) for name, value in current_values(obj).items()
    })
    _drop_what_is_published(obj, published)
    if recursive:
        for child in _children(obj):
            if _record(child, "addition") is None:
                remember_published_values(child, recursive=True)


def _drop_what_is_published(obj, published) -> None:
    """A pending value that is now published (a publisher made the same
    change, or plone.app.multilingual copied an approved change into this
    translation) waits no more; nothing left, nothing pending."""
    record = _record(obj, "edit")
    if record is None:
        return
    values = record["values"]
    for name in [name for name in values if name in published and _same(values[name], published[name])]:
        del values[name]
    if not values and not record.get("annotations"):
        del _annotations(obj)[PENDING_KEY]
        obj.reindexObject(idxs=[PENDING_INDEX])


def has_published_values(obj) -> bool:
    annotations = _annotations(obj)
    return annotations is not None and PUBLISHED_VALUES_KEY in annotations


def _children(obj):
    contents = getattr(obj, "objectValues", None)
    return list(contents()) if contents is not None else []


def _set_values(obj, values) -> None:
    fields = dict(_fields(obj))
    for name, value in values.items():
        if name in fields:
            _data_manager(obj, fields[name]).set(_copy(value))
        elif name == LAYOUT and value and value != obj.getLayout():
            obj.setLayout(value)


# Holding changes ----------------------------------------------------------------


def hold_edit(obj) -> bool:
    """Turn the edit just made to public ``obj`` into its pending edit.

    The changed values are stored, the live object gets its published
    values back. Returns False when nothing differs from the published
    version. Without a published version (content published before this
    feature and not upgraded) the edit cannot be held: the caller decides.
    """
    published = _annotations(obj).get(PUBLISHED_VALUES_KEY)
    changed = {
        name: value
        for name, value in current_values(obj).items()
        if name in published and not _same(value, published[name])
    }
    if not changed:
        return False
    record = _record(obj, "edit")
    if record is None:
        record = _new_record(obj, "edit")
    record["values"].update({name: _copy(value) for name, value in changed.items()})
    record["status"] = "pending"
    record["author"] = api.user.get_current().getId()
    record["submitted"] = DateTime().ISO8601()
    _set_values(obj, {name: published[name] for name in changed})
    obj.reindexObject()
    notify(PendingEditEvent(obj, "submitted", "edit", record["author"], record["author"]))
    return True


def must_wait(obj) -> bool:
    """Whether a change of ``obj`` by the current user waits for a
    facilitator: ``obj`` is public, in a moderated collection, and she may
    not publish directly."""
    return (
        community_item_of(obj) is not None
        and is_public(obj)
        and is_moderated_for_current_user(obj)
        and has_published_values(obj)
    )


def hold_annotation(obj, key: str, value) -> None:
    """Keep ``value`` for the annotation ``key`` of public ``obj`` with its
    pending edit (added if need be): the annotation visitors read is
    replaced only when a facilitator approves the edit, and ``value`` is
    discarded when she sends it back or its author withdraws it.

    For what is kept beside the fields (the original publiccode.yml, read
    by the export): call it after the modified event, which holds the
    fields' change in the same pending edit.
    """
    record = _record(obj, "edit")
    created = record is None
    if created:
        record = _new_record(obj, "edit")
    annotations = record.get("annotations")
    if annotations is None:
        annotations = record["annotations"] = PersistentMapping()
    annotations[key] = value
    record["status"] = "pending"
    record["author"] = api.user.get_current().getId()
    record["submitted"] = DateTime().ISO8601()
    if created:
        obj.reindexObject(idxs=[PENDING_INDEX])
        notify(PendingEditEvent(obj, "submitted", "edit", record["author"], record["author"]))


def hold_addition(obj) -> None:
    """Hide the new child ``obj`` from visitors until a facilitator approves it."""
    record = _new_record(obj, "addition")
    for permission in VISIBILITY_PERMISSIONS:
        obj.manage_permission(permission, roles=PENDING_ADDITION_VIEWERS, acquire=False)
    obj.reindexObjectSecurity()
    obj.reindexObject(idxs=[PENDING_INDEX])
    notify(PendingEditEvent(obj, "submitted", "addition", record["author"], record["author"]))


def resubmit_addition(obj) -> None:
    """The author changed an addition that was sent back: it waits again."""
    record = _record(obj, "addition")
    if record is None or record["status"] != "sent_back":
        return
    record["status"] = "pending"
    record["submitted"] = DateTime().ISO8601()
    obj.reindexObject(idxs=[PENDING_INDEX])
    notify(PendingEditEvent(obj, "submitted", "addition", record["author"], api.user.get_current().getId()))


def _new_record(obj, kind):
    record = PersistentMapping(
        kind=kind,
        status="pending",
        author=api.user.get_current().getId(),
        submitted=DateTime().ISO8601(),
        values=PersistentMapping(),
    )
    _annotations(obj)[PENDING_KEY] = record
    return record


# Reviewing ------------------------------------------------------------------------


def may_review(obj) -> bool:
    return bool(api.user.has_permission(REVIEW_PORTAL_CONTENT, obj=obj))


def may_withdraw(obj) -> bool:
    record = _record(obj, "edit")
    return bool(
        record
        and record["author"] == api.user.get_current().getId()
        and api.user.has_permission(MODIFY_PORTAL_CONTENT, obj=obj)
    )


def _require(permission, obj):
    if not api.user.has_permission(permission, obj=obj):
        raise Unauthorized(permission)


def _pending_record(obj):
    record = _record(obj)
    if record is None:
        raise PendingEditError(_("error_nothing_pending", default="Nothing is waiting for approval here."))
    return record


def _log_review(obj, action, actor, motivation=""):
    annotations = _annotations(obj)
    reviews = annotations.get(REVIEWS_KEY)
    if reviews is None:
        reviews = annotations[REVIEWS_KEY] = PersistentList()
    reviews.append(PersistentMapping(action=action, actor=actor, time=DateTime().ISO8601(), motivation=motivation))


def approve(obj) -> str:
    """Apply the pending edit of ``obj`` (or publish its pending addition).

    Needs *Review portal content*. Returns the kind approved.
    """
    _require(REVIEW_PORTAL_CONTENT, obj)
    record = _pending_record(obj)
    actor = api.user.get_current().getId()
    kind, author = record["kind"], record["author"]
    del _annotations(obj)[PENDING_KEY]
    if kind == "edit":
        values = dict(record["values"])
        _set_values(obj, values)
        for key, value in (record.get("annotations") or {}).items():
            _annotations(obj)[key] = value
        remember_published_values(obj)
        aq_base(obj)._v_osor_applying_pending_edit = True
        try:
            # Other subscribers (relations, translations) see the change as
            # an edit; ours lets it through.
            notify(ObjectModifiedEvent(obj, *_descriptions(obj, values)))
        finally:
            del aq_base(obj)._v_osor_applying_pending_edit
        obj.reindexObject()
    else:
        for permission in VISIBILITY_PERMISSIONS:
            obj.manage_permission(permission, roles=[], acquire=True)
        obj.reindexObjectSecurity()
        obj.reindexObject(idxs=[PENDING_INDEX])
        remember_published_values(obj, recursive=True)
    _log_review(obj, "approved", actor)
    notify(PendingEditEvent(obj, "approved", kind, author, actor))
    return kind


def send_back(obj, motivation: str) -> str:
    """Refuse the pending change of ``obj``, with a motivation for its author.

    A pending edit is discarded (the published version stays); a pending
    addition stays hidden until its author changes it. Needs *Review
    portal content*. Returns the kind sent back.
    """
    _require(REVIEW_PORTAL_CONTENT, obj)
    motivation = motivation.strip() if isinstance(motivation, str) else ""
    if not motivation:
        raise PendingEditError(
            _("error_motivation_required", default="Please give a motivation for this step."), "motivation"
        )
    if len(motivation) > MAX_MOTIVATION:
        raise PendingEditError(
            _(
                "error_motivation_too_long",
                default="The motivation is too long: at most ${max} characters, please.",
                mapping={"max": MAX_MOTIVATION},
            ),
            "motivation",
        )
    record = _pending_record(obj)
    if record["status"] == "sent_back":
        raise PendingEditError(_("error_nothing_pending", default="Nothing is waiting for approval here."))
    actor = api.user.get_current().getId()
    kind, author = record["kind"], record["author"]
    if kind == "edit":
        del _annotations(obj)[PENDING_KEY]
    else:
        record["status"] = "sent_back"
    obj.reindexObject(idxs=[PENDING_INDEX])
    _log_review(obj, "sent_back", actor, motivation)
    notify(PendingEditEvent(obj, "sent_back", kind, author, actor, motivation))
    return kind


def withdraw(obj) -> None:
    """Discard the pending edit of ``obj`` (its author changed their mind).

    Only its author, while she may modify ``obj``: facilitators send back,
    with a motivation. A pending addition is withdrawn by deleting it.
    """
    _require(MODIFY_PORTAL_CONTENT, obj)
    record = _record(obj, "edit")
    if record is None:
        raise PendingEditError(_("error_nothing_pending", default="Nothing is waiting for approval here."))
    if record["author"] != api.user.get_current().getId():
        raise Unauthorized("Only the author of a pending edit withdraws it.")
    del _annotations(obj)[PENDING_KEY]
    obj.reindexObject(idxs=[PENDING_INDEX])
    actor = api.user.get_current().getId()
    _log_review(obj, "withdrawn", actor)
    notify(PendingEditEvent(obj, "withdrawn", "edit", record["author"], actor))


def _descriptions(obj, values):
    by_schema = {}
    for schema in iterSchemata(obj):
        names = [name for name, _field in getFieldsInOrder(schema) if name in values]
        if names:
            by_schema[schema] = names
    return [Attributes(schema, *names) for schema, names in by_schema.items()]


def is_applying_pending_edit(obj) -> bool:
    return bool(getattr(aq_base(obj), "_v_osor_applying_pending_edit", False))
