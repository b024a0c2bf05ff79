"""Create the example OSOR collection from ``example_content.yaml``.

The data file describes a tree of items (``type``, ``id``, field values,
``children``); this module turns YAML values into what each schema field
expects, so the data stays readable and the code knows no example by name.
Creation is idempotent: an item that already exists is left as it is.
"""

from DateTime import DateTime
from datetime import datetime
from datetime import time
from datetime import timedelta
from osor.collection import logger
from osor.collection.membership.members import add_member
from osor.collection.membership.members import role_of
from pathlib import Path
from plone import api
from plone.app.textfield import RichText
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemataForType
from z3c.relationfield import RelationValue
from z3c.relationfield.interfaces import IRelationList
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IDatetime

import pytz
import yaml


DATA_FILE = Path(__file__).parent / "example_content.yaml"

# Keys of a node that are not field values.
STRUCTURE_KEYS = {"type", "id", "children", "state"}


def load_example_data() -> dict:
    with DATA_FILE.open(encoding="utf-8") as data:
        return yaml.safe_load(data)


DEMO_PASSWORD = "osor-demo"  # noqa: S105 - the demo's published login, in the README


def create_example_content(site, container=None) -> list:
    """Create the example content and demo users; return the items created.

    The content goes into ``container`` (the site by default; the English
    root folder on a multilingual site); the paths of the data file
    (relations, memberships) are relative to it.
    """
    root = site if container is None else container
    data = load_example_data()
    created = []
    relations = []
    for node in data["content"]:
        _create_tree(root, node, created, relations)
    for obj, field_name, paths in relations:
        _set_relations(root, obj, field_name, paths)
    for obj, state in ((obj, state) for obj, state in created if state):
        transition_to(obj, state)
    for user in data.get("users", ()):
        _create_user(root, user)
    # Asked by the demo users: after them (demo/legal.py).
    from osor.collection.demo.legal import create_legal_examples

    create_legal_examples(root, data.get("legal_requests", ()))
    logger.info("Created %d example items", len(created))
    return [obj for obj, state in created]


def _create_user(root, user: dict) -> None:
    if api.user.get(userid=user["id"]) is None:
        api.user.create(
            username=user["id"],
            email=user["email"],
            password=DEMO_PASSWORD,
            properties={"fullname": user["fullname"]},
        )
    for group in user.get("groups", ()):
        api.group.add_user(groupname=group, username=user["id"])
    for path, role in user.get("memberships", {}).items():
        collection = root.unrestrictedTraverse(path)
        if role_of(collection, user["id"]) is None:
            add_member(collection, user["id"], role)


def _create_tree(container, node: dict, created: list, relations: list) -> None:
    obj = container.get(node["id"])
    if obj is None:
        values, relation_fields = field_values(node)
        obj = api.content.create(
            container=container,
            type=node["type"],
            id=node["id"],
            safe_id=False,
            **values,
        )
        relations.extend((obj, name, paths) for name, paths in relation_fields.items())
        modified(obj)
        created.append((obj, node.get("state", "published")))
    for child in node.get("children", ()):
        _create_tree(obj, child, created, relations)


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


def _set_relations(root, obj, field_name: str, paths: list) -> None:
    intids = getUtility(IIntIds)
    targets = [root.unrestrictedTraverse(path) for path in paths]
    setattr(obj, field_name, [RelationValue(intids.getId(target)) for target in targets])
    modified(obj)


def transition_to(obj, state: str) -> None:
    if api.content.get_state(obj, default=None) in (None, state):
        return
    api.content.transition(obj=obj, to_state=state)
    if state == "published" and obj.effective_date is None:
        # As the Classic UI's publishing does: feeds and listings sort by it.
        obj.setEffectiveDate(DateTime())
        obj.reindexObject(idxs=["effective", "effectiveRange"])
