"""Create the example OSOR collection from ``example_content.yaml``.

The data file describes a tree of items (``type``, ``id``, field values,
``children``); this module turns YAML values into what each schema field
expects, so the data stays readable and the code knows no example by name.
Creation is idempotent: an item that already exists is left as it is.
"""

from osor.collection import logger
from osor.collection.demo.items import field_values
from osor.collection.demo.items import transition_to
from osor.collection.demo.legal import create_legal_examples
from osor.collection.membership.members import add_member
from osor.collection.membership.members import role_of
from pathlib import Path
from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified

import yaml


DATA_FILE = Path(__file__).parent / "example_content.yaml"

# Keys of a node that are not field values.


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


def _set_relations(root, obj, field_name: str, paths: list) -> None:
    intids = getUtility(IIntIds)
    targets = [root.unrestrictedTraverse(path) for path in paths]
    setattr(obj, field_name, [RelationValue(intids.getId(target)) for target in targets])
    modified(obj)
