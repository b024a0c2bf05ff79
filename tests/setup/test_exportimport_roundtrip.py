"""A whole site through plone.exportimport: exported from the demo site,
imported into a fresh site with the add-on, the same content comes out.

The fresh site is what an admin moving a site makes: the "osor"
distribution without example content (the add-on, its languages and
language folders), then ``plone.exportimport``'s importer with the folder
the exporter wrote. Compared item by item: UID, type, review state, every
field of the schema and behaviors (taxonomy terms and relations included),
local roles, translation links; and the groups with their members.
"""

from osor.collection.testing import DEMO_SITE_ANSWERS
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemata
from plone.namedfile.interfaces import INamedField
from z3c.relationfield.interfaces import IRelationValue
from zope.component.hooks import site
from zope.schema import getFieldsInOrder

import datetime
import hashlib
import pytest
import transaction


TARGET_ID = "imported"
# Set by the system on every site, not content: who created the site, when.
UNCOMPARED_FIELDS = {"creators", "modification_date"}
# What plone.exportimport (2.2) does to every type, ours or Plone's:
# Plone's publication dates come back to the minute (``PUBLICATION_DATES``);
# whoever imports becomes Owner of what the import creates
# (``IMPORTER``); a language-neutral item takes the site's default language
# (its ``process_language``): the translation group is the same item.
PUBLICATION_DATES = {"effective", "expires"}
IMPORTER = SITE_OWNER_NAME


def plain(value):
    """A comparable form of a field value."""
    if isinstance(value, RichTextValue):
        return value.raw
    if IRelationValue.providedBy(value):
        return value.to_path and value.to_path.split("/", 2)[-1]
    if INamedField.providedBy(value) or (hasattr(value, "filename") and hasattr(value, "data")):
        return (value.filename, hashlib.sha256(value.data).hexdigest())
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, dict):
        # A row of a data grid: an empty column stored as missing or as None.
        return {key: plain(item) for key, item in value.items() if item is not None}
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def describe(site_root) -> dict:
    """Everything that must survive, by path below the site."""
    catalog = site_root.portal_catalog
    root_path = "/".join(site_root.getPhysicalPath())
    items = {}
    for brain in catalog.unrestrictedSearchResults(path=root_path):
        path = brain.getPath()[len(root_path) + 1 :]
        if not path:  # the site: each has its own
            continue
        obj = brain._unrestrictedGetObject()
        fields = {}
        for schema in iterSchemata(obj):
            for name, field in getFieldsInOrder(schema):
                if name in UNCOMPARED_FIELDS:
                    continue
                value = plain(field.bind(obj).get(schema(obj)))
                if name in PUBLICATION_DATES and value:
                    value = value[:16]
                fields[f"{schema.__identifier__}.{name}"] = value
        translations = {}
        manager = ITranslationManager(obj, None)
        if manager is not None:
            translations = {
                language or "<neutral>": "/".join(item.getPhysicalPath())[len(root_path) + 1 :]
                for language, item in manager.get_translations().items()
            }
        items[path] = {
            "uid": brain.UID,
            "portal_type": obj.portal_type,
            "review_state": api.content.get_state(obj, default=None),
            "fields": fields,
            "local_roles": {
                principal: sorted(roles)
                for principal, roles in (obj.__ac_local_roles__ or {}).items()
                if principal != IMPORTER
            },
            "translations": translations,
        }
    return items


def groups_of(site_root) -> dict:
    with site(site_root):
        return {
            group.getId(): sorted(member.getId() for member in api.user.get_users(group=group))
            for group in api.group.get_groups()
        }


@pytest.fixture
def exported(demo_portal, tmp_path):
    from plone.exportimport.exporters import get_exporter

    with site(demo_portal), api.env.adopt_user(username=SITE_OWNER_NAME):
        get_exporter(demo_portal).export_site(tmp_path)
    return tmp_path


@pytest.fixture
def fresh_site(demo_portal):
    from plone.distribution.api.site import _create_site

    app = demo_portal.aq_parent
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        created = _create_site(
            context=app,
            distribution_name="osor",
            answers={**DEMO_SITE_ANSWERS, "site_id": TARGET_ID, "setup_content": False},
        )
    transaction.commit()
    yield created
    app.manage_delObjects([TARGET_ID])
    transaction.commit()


@pytest.fixture
def imported(fresh_site, exported):
    from plone.exportimport.importers import get_importer

    with site(fresh_site), api.env.adopt_user(username=SITE_OWNER_NAME):
        get_importer(fresh_site).import_site(exported)
    transaction.commit()
    return fresh_site


def test_a_whole_site_round_trips_through_plone_exportimport(demo_portal, imported):
    """One test: exporting and importing the demo takes minutes."""
    with site(demo_portal):
        before = describe(demo_portal)
    with site(imported):
        after = describe(imported)
    assert len(before) > 40
    assert sorted(after) == sorted(before)
    assert differences(before, after) == {}
    # Language-neutral items: neutral still, or in the default language when
    # in a language folder; alone in their translation group either way.
    neutral = {path for path, item in before.items() if set(item["translations"]) == {"<neutral>"}}
    assert neutral
    for path in neutral:
        assert list(after[path]["translations"].items()) in ([("<neutral>", path)], [("en", path)]), path
    # Groups and their members.
    groups = groups_of(demo_portal)
    assert any(members for members in groups.values())
    assert groups_of(imported) == groups


def differences(before: dict, after: dict) -> dict:
    """``{(path, what): (before, after)}`` for what differs."""
    found = {}
    for path, item in before.items():
        for key, value in item.items():
            if key == "fields":
                for name, field_value in value.items():
                    if after[path]["fields"].get(name, "<missing>") != field_value:
                        found[path, name] = (field_value, after[path]["fields"].get(name, "<missing>"))
            elif key == "translations" and set(value) == {"<neutral>"}:
                continue  # compared on their own
            elif after[path][key] != value:
                found[path, key] = (value, after[path][key])
    return found
