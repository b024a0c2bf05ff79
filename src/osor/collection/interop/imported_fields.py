"""What a file last said, per field: a re-import never overwrites an editor.

Both importers (publiccode.yml, ADMS-AP/DCAT-AP) fill fields of content that
editors then keep editing. A re-import of the same source must follow the
file where the file changed, and keep what an editor wrote where she did.
To tell the two apart, every imported field leaves a fingerprint on the item
(an annotation): a hash of what the file said (``file``) and of what the
field held right after the import (``stored``, as the field normalises it).

On a re-import, for each field the file mentions (a field it does not
mention is never planned: a missing list is not an empty list):

- the field still holds what the import stored (nobody edited it): it
  follows the file: **updated**, or **unchanged** when the file says the same;
- an editor changed it: her value is **kept** (a conflict, listed in the
  answer and the report), unless the file now says what she wrote
  (**unchanged**);
- the field has no fingerprint (content written on the site, or imported
  before fingerprints existed): a field that is empty follows the file, one
  that differs is kept, as if an editor had written it.

``plan_fields`` only reads (the dry run calls it); ``apply_fields`` writes
the updated fields and the fingerprints. The rule lives here once.
"""

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from persistent.mapping import PersistentMapping
from plone.dexterity.utils import iterSchemataForType
from zope.annotation.interfaces import IAnnotations
from zope.schema import getFieldsInOrder

import hashlib
import json


ANNOTATION_KEY = "osor.collection.interop.imported_fields"

UPDATED = "updated"
KEPT = "kept"
UNCHANGED = "unchanged"
FIELD_OUTCOMES = (UPDATED, KEPT, UNCHANGED)


@dataclass
class FieldPlan:
    """What an import does (or would do) to one field of one item."""

    name: str
    outcome: str
    value: object = None  # what the file says
    language: str | None = None
    # True when the field had no fingerprint (first import over it).
    first_import: bool = False
    part: str | None = None  # None for the item itself, "release" for its release

    @property
    def conflict(self) -> bool:
        return self.outcome == KEPT

    def to_dict(self) -> dict:
        return {"field": self.name, "part": self.part, "language": self.language, "outcome": self.outcome}


def fingerprint(value) -> str | None:
    """A short, stable hash of ``value`` (None for an empty value: no text,
    no items), equal for equal values whatever their container type."""
    plain = _plain(value)
    if plain in (None, "", [], {}):
        return None
    text = json.dumps(plain, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _plain(value):
    raw = getattr(value, "raw", None)  # RichTextValue: what was written
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(key): _plain(item) for key, item in value.items() if _plain(item) not in (None, "")}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(item) for item in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    return value


def fields_of(portal_type: str) -> dict:
    """field name -> (schema, field) of every schema of ``portal_type``."""
    return {
        name: (schema, field) for schema in iterSchemataForType(portal_type) for name, field in getFieldsInOrder(schema)
    }


def read_field(obj, name: str):
    """The value of ``name`` on ``obj``, through its schema field if it has one."""
    fields = fields_of(obj.portal_type)
    if name in fields:
        schema, field = fields[name]
        return field.get(schema(obj))
    return getattr(obj, name, None)


def write_field(obj, name: str, value) -> None:
    """Set ``name`` on ``obj`` as its schema field stores it (else as an
    attribute: ``subject``, fields a schema does not have yet)."""
    fields = fields_of(obj.portal_type)
    if name in fields:
        schema, field = fields[name]
        if value is None and field.missing_value is not None:
            value = field.missing_value
        field.set(schema(obj), value)
    else:
        setattr(obj, name, value)


def remembered(obj) -> dict:
    """field name -> {"file", "stored"} fingerprints recorded on ``obj``."""
    record = IAnnotations(obj).get(ANNOTATION_KEY)
    return {name: dict(entry) for name, entry in record.items()} if record else {}


def was_imported(obj) -> bool:
    return bool(IAnnotations(obj).get(ANNOTATION_KEY))


def plan_fields(
    obj, incoming: dict, read=read_field, *, created=False, language=None, fallback=None
) -> list[FieldPlan]:
    """Decide, without writing, what an import of ``incoming`` (field name ->
    the file's value) does to ``obj``; ``read(obj, name)`` gives a field's
    current value. ``created``: ``obj`` is new (or will be), every field
    follows the file. ``fallback``: fingerprints to use when ``obj`` has none
    (the file stored by an import that predates them)."""
    record = remembered(obj) if obj is not None else {}
    if not record and fallback:
        record = fallback
    plans = []
    for name, value in incoming.items():
        new = fingerprint(value)
        if created or obj is None:
            plans.append(FieldPlan(name, UPDATED if new is not None else UNCHANGED, value, language))
            continue
        current = fingerprint(read(obj, name))
        entry = record.get(name)
        if current == new:
            outcome = UNCHANGED
        elif entry is None:
            outcome = UPDATED if current is None else KEPT
        elif current == entry.get("stored"):
            # Nobody edited it; a field that stores the file's value in its
            # own way (another order, say) is unchanged while the file is.
            outcome = UNCHANGED if new == entry.get("file") else UPDATED
        else:
            outcome = KEPT
        plans.append(FieldPlan(name, outcome, value, language, first_import=entry is None))
    return plans


def apply_fields(obj, plans: list[FieldPlan], read=read_field, write=write_field) -> None:
    """``write_fields`` then ``remember_fields``: for writes no event follows."""
    write_fields(obj, plans, write)
    remember_fields(obj, plans, read)


def write_fields(obj, plans: list[FieldPlan], write=write_field) -> None:
    """Write the updated fields of ``plans`` with ``write(obj, name, value)``."""
    for plan in plans:
        if plan.outcome == UPDATED:
            write(obj, plan.name, plan.value)


def remember_fields(obj, plans: list[FieldPlan], read=read_field) -> None:
    """Remember, for each planned field, what the file said and what the
    field holds now. Called after the modified event: in a moderated
    collection a member's change waits as a pending edit and the field holds
    the published value again, which is then what nobody edited."""
    annotations = IAnnotations(obj)
    record = annotations.get(ANNOTATION_KEY)
    if record is None:
        record = annotations[ANNOTATION_KEY] = PersistentMapping()
    for plan in plans:
        entry = dict(record.get(plan.name) or {})
        entry["file"] = fingerprint(plan.value)
        if plan.outcome != KEPT:
            # A kept field keeps the fingerprint of what the import stored,
            # so that the editor's value stays hers on the next import.
            entry["stored"] = fingerprint(read(obj, plan.name))
        elif "stored" not in entry:
            # Never imported: the file's value is what an untouched field
            # would hold, the editor's value differs from it.
            entry["stored"] = entry["file"]
        if record.get(plan.name) != entry:
            record[plan.name] = PersistentMapping(entry)


def copy_fields(source, target, names, read=read_field, write=write_field) -> bool:
    """Give ``target`` (a translation) the values of ``names`` that ``source``
    holds, with their fingerprints; return whether a value was written."""
    record = IAnnotations(source).get(ANNOTATION_KEY) or {}
    annotations = IAnnotations(target)
    target_record = annotations.get(ANNOTATION_KEY)
    if target_record is None:
        target_record = annotations[ANNOTATION_KEY] = PersistentMapping()
    written = False
    for name in names:
        if name not in record:
            continue
        value = read(source, name)
        if fingerprint(read(target, name)) != fingerprint(value):
            write(target, name, value)
            written = True
        if target_record.get(name) != record[name]:
            target_record[name] = PersistentMapping(record[name])
    return written


def fingerprints_of(values: dict) -> dict:
    """Fingerprints as if ``values`` had been imported and left untouched
    (for content imported before fingerprints were kept)."""
    return {name: {"file": fingerprint(value), "stored": fingerprint(value)} for name, value in values.items()}


def updated(plans) -> bool:
    return any(plan.outcome == UPDATED for plan in plans)


def conflicts(plans) -> list[FieldPlan]:
    return [plan for plan in plans if plan.outcome == KEPT]


def summary_line(plans) -> str:
    """What the commands print: how many fields each outcome had, and which
    were kept (``description [fr]``, ``release.release_date``)."""
    counts = {outcome: sum(plan.outcome == outcome for plan in plans) for outcome in FIELD_OUTCOMES}
    text = ", ".join(f"{count} {outcome}" for outcome, count in counts.items())
    kept = [_place(plan) for plan in conflicts(plans)]
    return f"fields: {text}" + (f" (kept, edited on the site: {', '.join(kept)})" if kept else "")


def _place(plan: FieldPlan) -> str:
    name = f"{plan.part}.{plan.name}" if plan.part else plan.name
    return f"{name} [{plan.language}]" if plan.language else name
