"""Upgrade: clear URLs stored before URL fields refused unsafe schemes.

Until #15 (defect 5) every URL field accepted ``javascript:`` and other
schemes a visitor must not follow. This step empties every such value in
content of our types (fields of the type, of its behaviors and of
data-grid rows such as contact points) and logs what it cleared, so that
an administrator can restore a legitimate address. The content keeps its
modification date (nobody edited it). Idempotent: a second run finds
nothing to clear.
"""

from osor.collection import logger
from osor.collection.fields import is_safe_url
from osor.collection.fields import WEB_SCHEMES
from osor.collection.install.our_content import reindex_keeping_date
from osor.collection.interfaces import IOsorContent
from plone import api
from plone.dexterity.utils import iterSchemata
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IURI


def _is_unsafe(field, value) -> bool:
    return bool(value) and not is_safe_url(value, getattr(field, "schemes", WEB_SCHEMES))


def _clear_unsafe_urls(obj) -> list[str]:
    """Clear the unsafe URLs of ``obj``; the names of the fields cleared."""
    cleared = []
    for schema in iterSchemata(obj):
        adapted = schema(obj, None)
        if adapted is None:
            continue
        for name, field in getFieldsInOrder(schema):
            value = getattr(adapted, name, None)
            if IURI.providedBy(field) and _is_unsafe(field, value):
                setattr(adapted, name, None)
                cleared.append(name)
            row_schema = getattr(getattr(field, "value_type", None), "schema", None)
            if row_schema is None or not isinstance(value, list):
                continue
            rows, changed = [], False
            for row in value:
                row = dict(row) if isinstance(row, dict) else row
                for sub, subfield in getFieldsInOrder(row_schema):
                    if isinstance(row, dict) and IURI.providedBy(subfield) and _is_unsafe(subfield, row.get(sub)):
                        row[sub] = None
                        changed = True
                        cleared.append(f"{name}.{sub}")
                rows.append(row)
            if changed:
                setattr(adapted, name, rows)
    return cleared


def clear_unsafe_urls(context):
    """Upgrade handler (any profile version)."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(object_provides=IOsorContent.__identifier__):
        obj = brain._unrestrictedGetObject()
        cleared = _clear_unsafe_urls(obj)
        if cleared:
            reindex_keeping_date(obj)
            logger.warning("Cleared unsafe URLs of %s: %s", obj.absolute_url(), ", ".join(cleared))
