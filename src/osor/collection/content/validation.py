"""What a value sent through REST must look like before it is deserialized.

plone.restapi's field deserializers assume the JSON shape of their field:
a list where a licence id is expected, an object where a list of
languages is, or text where contact-point rows are, raise TypeError or
AttributeError deep inside them and answer 500. ``json_errors`` checks
the shape of every value sent for every field of an item's schemata
(behaviors included, data-grid rows field by field) and says, per field,
what was expected; the REST deserializer of our types refuses the whole
body (400, nothing written) when it finds one. It also applies the URL
rule of ``osor.collection.fields`` to URL fields of behaviors we do not
define (e.g. plone.app.event's ``event_url``).
"""

from collections.abc import Iterator
from osor.collection import _
from osor.collection.fields import is_safe_url
from osor.collection.fields import WEB_SCHEMES
from plone.app.textfield.interfaces import IRichText
from plone.dexterity.utils import iterSchemata
from plone.namedfile.interfaces import INamedField
from z3c.relationfield.interfaces import IRelationChoice
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema import getFields
from zope.schema import interfaces as fields


SCALARS = (str, int, float, bool)

EXPECTED_TEXT = _("shape_text", default="text")
EXPECTED_TRUE_FALSE = _("shape_boolean", default="true or false")
EXPECTED_INTEGER = _("shape_integer", default="a whole number")
EXPECTED_NUMBER = _("shape_number", default="a number")
EXPECTED_CHOICE = _("shape_choice", default="one value (a token) of the field's vocabulary")
EXPECTED_OBJECT = _("shape_object", default="an object with the row's fields")
EXPECTED_RICH_TEXT = _("shape_rich_text", default="text, or an object with text as \"data\"")
EXPECTED_FILE = _("shape_file", default="an object with \"data\", \"filename\" and \"content-type\"")
EXPECTED_RELATION = _("shape_relation", default="the UID, path or URL of an item")


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _text_or_absent(mapping: dict, *keys: str) -> bool:
    return all(isinstance(mapping.get(key, ""), str) for key in keys)


def _shape_problem(field, value):
    """What ``field`` expected when ``value`` has the wrong shape, else None.

    Most specific field kinds first: a URI is a TextLine, a Choice of a
    relation is a Choice.
    """
    if value is None:
        return None
    if IRichText.providedBy(field):
        if isinstance(value, str):
            return None
        if isinstance(value, dict) and isinstance(value.get("data"), str):
            if _text_or_absent(value, "content-type", "encoding") and value.get("encoding", "utf8") in (
                "utf8",
                "utf-8",
            ):
                return None
        return EXPECTED_RICH_TEXT
    if INamedField.providedBy(field):
        if isinstance(value, str):
            return None
        if isinstance(value, dict) and _text_or_absent(value, "data", "filename", "content-type", "encoding"):
            if value.get("encoding", "base64") == "base64":
                return None
        return EXPECTED_FILE
    if IRelationChoice.providedBy(field):
        if isinstance(value, dict):
            value = value.get("@id")
        if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
            return None
        return EXPECTED_RELATION
    if fields.IChoice.providedBy(field):
        if isinstance(value, dict):
            value = value.get("token")
        return None if isinstance(value, SCALARS) else EXPECTED_CHOICE
    if fields.IObject.providedBy(field):
        return None if isinstance(value, dict) else EXPECTED_OBJECT
    if fields.IDict.providedBy(field):
        return None if isinstance(value, dict) else EXPECTED_OBJECT
    if fields.IBool.providedBy(field):
        return None if isinstance(value, bool) else EXPECTED_TRUE_FALSE
    if fields.IInt.providedBy(field):
        return None if isinstance(value, int) and not isinstance(value, bool) else EXPECTED_INTEGER
    if fields.IFloat.providedBy(field) or fields.IDecimal.providedBy(field):
        return None if _is_number(value) else EXPECTED_NUMBER
    if (
        fields.IText.providedBy(field)
        or fields.IDatetime.providedBy(field)
        or fields.IDate.providedBy(field)
        or fields.ITime.providedBy(field)
    ):
        return None if isinstance(value, str) else EXPECTED_TEXT
    return None


def value_errors(name: str, field, value) -> Iterator[dict]:
    """plone.restapi-style errors ({"field", "message"}) of ``value`` for ``field``."""
    if value is None:
        return
    if fields.ICollection.providedBy(field) and not fields.IChoice.providedBy(field):
        # plone.restapi takes a single value for a one-item list.
        items = value if isinstance(value, list) else [value]
        if isinstance(value, dict):
            yield _error(name, _("shape_list", default="a list"))
            return
        for item in items:
            if field.value_type is not None:
                yield from value_errors(name, field.value_type, item)
        return
    problem = _shape_problem(field, value)
    if problem is not None:
        yield _error(name, problem)
        return
    if IRichText.providedBy(field) or INamedField.providedBy(field):
        return
    if fields.IObject.providedBy(field) and isinstance(value, dict):
        row_fields = getFields(field.schema) if getattr(field, "schema", None) else {}
        for key, item in value.items():
            if key in row_fields:
                yield from value_errors(f"{name}.{key}", row_fields[key], item)
    elif fields.IDict.providedBy(field) and isinstance(value, dict):
        for key, item in value.items():
            if field.key_type is not None:
                yield from value_errors(name, field.key_type, key)
            if field.value_type is not None:
                yield from value_errors(name, field.value_type, item)
    elif fields.IURI.providedBy(field) and isinstance(value, str) and value.strip():
        schemes = getattr(field, "schemes", WEB_SCHEMES)
        if not is_safe_url(value, schemes):
            yield {
                "field": name,
                "message": _(
                    "error_unsafe_url_for",
                    default="${field}: only ${schemes} addresses are accepted.",
                    mapping={"field": name, "schemes": ", ".join(schemes)},
                ),
            }


def _error(name: str, expected) -> dict:
    # Translated here: the mapping of the message below holds it as text.
    expected = translate(expected, context=getRequest())
    return {
        "field": name,
        "message": _(
            "error_wrong_shape",
            default="${field}: the value has the wrong shape; expected ${expected}.",
            mapping={"field": name, "expected": expected},
        ),
    }


def json_errors(context, data: dict) -> list[dict]:
    """The errors of the values in ``data`` for the fields of ``context``."""
    errors = []
    for schema in iterSchemata(context):
        for name, field in getFields(schema).items():
            if name in data and not field.readonly:
                errors.extend(value_errors(name, field, data[name]))
    return errors
