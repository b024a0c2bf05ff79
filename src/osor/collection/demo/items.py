"""Building one example item from the YAML data: its field values and its state.

Shared by the example content, its translations, the legal examples and the
imported publiccode.yml files; it knows nothing of which items exist.
"""

from DateTime import DateTime
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from plone.app.textfield import RichText
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemataForType
from z3c.relationfield.interfaces import IRelationList
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IDatetime

import pytz


# The keys of a node that are not fields.
STRUCTURE_KEYS = {"type", "id", "children", "state"}


def _fields_of(portal_type: str) -> dict:
    return {name: field for schema in iterSchemataForType(portal_type) for name, field in getFieldsInOrder(schema)}


def field_values(node: dict) -> tuple[dict, dict]:
    """Split a node into field values (converted) and relation fields (paths)."""
    fields = _fields_of(node["type"])
    values, relation_fields = {}, {}
    for name, raw in node.items():
        if name in STRUCTURE_KEYS:
            continue
        field = fields.get(name)
        if field is None:
            raise KeyError(f"{node['type']} has no field {name!r} (item {node['id']!r})")
        if IRelationList.providedBy(field):
            relation_fields[name] = raw
        elif isinstance(field, RichText):
            values[name] = RichTextValue(raw, "text/html", "text/x-html-safe")
        elif IDatetime.providedBy(field):
            values[name] = _datetime(raw)
        elif isinstance(raw, list):
            values[name] = list(raw)
        else:
            values[name] = raw
    return values, relation_fields


def _datetime(raw) -> datetime:
    """A date-time, absolute or relative to today ({days_from_now, time, timezone}).

    Relative dates keep the example "upcoming" webinar in the future
    whenever the demo site is created.
    """
    if isinstance(raw, datetime):
        return raw
    # pytz, as plone.app.event uses: zoneinfo zones cannot be pickled into the ZODB.
    zone = pytz.timezone(raw.get("timezone", "Europe/Brussels"))
    day = datetime.now(zone).date() + timedelta(days=raw["days_from_now"])
    return zone.localize(datetime.combine(day, time.fromisoformat(raw["time"])))


def transition_to(obj, state: str) -> None:
    if api.content.get_state(obj, default=None) in (None, state):
        return
    api.content.transition(obj=obj, to_state=state)
    if state == "published" and obj.effective_date is None:
        # As the Classic UI's publishing does: feeds and listings sort by it.
        obj.setEffectiveDate(DateTime())
        obj.reindexObject(idxs=["effective", "effectiveRange"])
