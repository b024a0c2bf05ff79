"""Read or change the site in a database, for the tests of tests/cluster/.

Run by the tests with ``zconsole run <zope.conf> tests/cluster/site_state.py``
(zconsole binds ``app``), on a FileStorage whose server is stopped or on
the cluster's RelStorage while its instances run. The environment says
what to do:

- ``SITE_STATE_ACTION=snapshot``: write to ``SITE_STATE_OUTPUT`` (JSON)
  everything a restore must bring back: per content object its path, UID,
  type, review state, field values (blobs as SHA-256 of their bytes) and
  local roles; the collections' groups with their members; the users; and
  the catalog's own records (path, UID, type, review state), to compare
  with the content walked.
- ``SITE_STATE_ACTION=change``: (``change,snapshot``: both, in this order) change what a backup must undo, labelled
  ``SITE_STATE_LABEL``: edit a solution, add a news item, delete one
  object, ask for changes to a published solution, add, promote and remove members,
  give a local role, and replace the bytes of a distribution's file (added
  by the first change when the site has none).
"""

from AccessControl.SecurityManagement import newSecurityManager
from osor.collection.membership import members
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.interfaces import IDexterityContainer
from plone.dexterity.interfaces import IDexterityContent
from plone.dexterity.utils import iterSchemata
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.interfaces import INamed
from zope.component.hooks import setSite
from zope.schema import getFieldsInOrder

import datetime
import hashlib
import json
import Missing
import os
import transaction


app = globals()["app"]
SITE_ID = os.environ.get("SITE_ID", "Plone")
ADMIN_USER = os.environ.get("ADMIN_USER", "admin")
COLLECTION = "en/osor"


def plain(value):
    """A JSON value that differs when the stored value differs."""
    if value is Missing.Value:
        return "(missing)"
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if INamed.providedBy(value):  # a file or image, in a blob or not
        return {"filename": value.filename, "sha256": hashlib.sha256(value.data).hexdigest()}
    if isinstance(value, RichTextValue):
        return value.raw
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in sorted(value.items(), key=lambda pair: str(pair[0]))}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(plain(item)) for item in value)
    if hasattr(value, "to_path"):  # a relation
        return value.to_path
    return repr(value)


def fields_of(obj) -> dict:
    values = {}
    for schema in iterSchemata(obj):
        adapted = schema(obj, None)
        for name, _field in getFieldsInOrder(schema):
            value = getattr(adapted, name, None) if adapted is not None else None
            values[f"{schema.__identifier__}.{name}"] = plain(value)
    return values


def content_of(site):
    """Every content object under the site, walked (not from the catalog)."""
    stack = [site]
    while stack:
        container = stack.pop()
        for child in container.objectValues():
            if not IDexterityContent.providedBy(child):
                continue
            yield child
            if IDexterityContainer.providedBy(child):
                stack.append(child)


def snapshot(site) -> dict:
    workflow = api.portal.get_tool("portal_workflow")
    root = "/".join(site.getPhysicalPath())
    content = {}
    for obj in content_of(site):
        path = "/".join(obj.getPhysicalPath())[len(root) + 1 :]
        content[path] = {
            "uid": obj.UID(),
            "type": obj.portal_type,
            "review_state": workflow.getInfoFor(obj, "review_state", None),
            "modified": plain(obj.modified().ISO8601()),
            "fields": fields_of(obj),
            "local_roles": {user: sorted(roles) for user, roles in sorted((obj.__ac_local_roles__ or {}).items())},
        }
    groups = api.portal.get_tool("portal_groups")
    catalog = api.portal.get_tool("portal_catalog")
    records = {}
    for path, rid in catalog._catalog.uids.items():
        metadata = catalog.getMetadataForRID(rid)
        records[path[len(root) + 1 :]] = {
            "uid": plain(metadata.get("UID")),
            "type": plain(metadata.get("portal_type")),
            "review_state": plain(metadata.get("review_state")),
        }
    return {
        "content": content,
        "catalog": records,
        "groups": {
            group_id: sorted(groups.getGroupById(group_id).getGroupMemberIds())
            for group_id in sorted(groups.getGroupIds())
            if group_id.startswith("osor-")
        },
        "users": sorted(user.getId() for user in api.user.get_users()),
    }


def change(site, label: str) -> None:
    collection = site.unrestrictedTraverse(COLLECTION)
    catalog = api.portal.get_tool("portal_catalog")

    def first(**query):
        brains = catalog.unrestrictedSearchResults(sort_on="path", **query)
        return brains[0]._unrestrictedGetObject() if brains else None

    where = "/".join(collection.getPhysicalPath())
    solution = first(portal_type="software_solution", path=where)
    solution.description = f"{solution.description} ({label})"
    solution.reindexObject()

    api.content.create(container=collection, type="community_news", id=f"news-{label}", title=f"News {label}")
    doomed = first(portal_type="case_study") or first(portal_type="community_news")
    api.content.delete(doomed, check_linkintegrity=False)

    published = first(portal_type="software_solution", review_state="published", path=where)
    api.content.transition(published, transition="request_changes", comment=f"Please update ({label})")

    user = f"user-{label}"
    api.user.create(email=f"{user}@example.org", username=user, password="a-long-secret-1")
    members.add_member(collection, user, "member")
    members.change_role(collection, "maria", "author" if members.role_of(collection, "maria") != "author" else "member")
    if members.role_of(collection, "arthur"):
        members.remove_member(collection, "arthur")
    else:
        members.add_member(collection, "arthur", "author")
    solution.manage_setLocalRoles(user, ["Reader"])
    solution.reindexObjectSecurity()

    distribution = first(portal_type="solution_distribution")
    blob = NamedBlobFile(data=f"The distribution as of {label}\n".encode() * 1000, filename=f"source-{label}.tar.gz")
    distribution.file = blob
    distribution.reindexObject()


def main() -> None:
    admin = app.acl_users.getUserById(ADMIN_USER)
    newSecurityManager(None, admin.__of__(app.acl_users))
    site = app[SITE_ID]
    setSite(site)
    for action in os.environ["SITE_STATE_ACTION"].split(","):
        if action == "snapshot":
            with open(os.environ["SITE_STATE_OUTPUT"], "w", encoding="utf-8") as stream:
                json.dump(snapshot(site), stream, indent=1, sort_keys=True)
        elif action == "change":
            change(site, os.environ["SITE_STATE_LABEL"])
            transaction.commit()
        else:
            raise SystemExit(f"Unknown SITE_STATE_ACTION {action!r}")
    setSite(None)
    app._p_jar.db().close()


main()
