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
EXPECTED_RICH_TEXT = _("shape_rich_text", default='text, or an object with text as "data"')
EXPECTED_FILE = _("shape_file", default='an object with "data", "filename" and "content-type"')
EXPECTED_RELATION = _("shape_relation", default="the UID, path or URL of an item")


def _is_text(value) -> bool:
    return isinstance(value, str)


def _is_object(value) -> bool:
    return isinstance(value, dict)


def _is_true_or_false(value) -> bool:
    return isinstance(value, bool)


def _is_integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _texts_or_absent(mapping: dict, *keys: str) -> bool:
    return all(isinstance(mapping.get(key, ""), str) for key in keys)


def _is_rich_text(value) -> bool:
    """Text, or {"data": text, "content-type"?, "encoding"?: utf-8}."""
    if isinstance(value, str):
        return True
    return (
        isinstance(value, dict)
        and isinstance(value.get("data"), str)
        and _texts_or_absent(value, "content-type", "encoding")
        and value.get("encoding", "utf8") in ("utf8", "utf-8")
    )


def _is_file(value) -> bool:
    """Text, or {"data", "filename", "content-type", "encoding"?: base64}."""
    if isinstance(value, str):
        return True
    return (
        isinstance(value, dict)
        and _texts_or_absent(value, "data", "filename", "content-type", "encoding")
        and value.get("encoding", "base64") == "base64"
    )


def _is_relation(value) -> bool:
    """A UID, path or URL (text), an intid, or {"@id": one of them}."""
    if isinstance(value, dict):
        value = value.get("@id")
    return isinstance(value, str) or _is_integer(value)


def _is_choice(value) -> bool:
    """A token (text or number), or {"token": token}."""
    if isinstance(value, dict):
        value = value.get("token")
    return isinstance(value, SCALARS)


# The JSON shape each kind of field takes, most specific kinds first (a
# relation is a Choice, rich text an Object, a URI a TextLine): the first
# kind a field provides decides. Kinds not listed are left to plone.restapi.
SHAPES = (
    (IRichText, _is_rich_text, EXPECTED_RICH_TEXT),
    (INamedField, _is_file, EXPECTED_FILE),
    (IRelationChoice, _is_relation, EXPECTED_RELATION),
    (fields.IChoice, _is_choice, EXPECTED_CHOICE),
    (fields.IObject, _is_object, EXPECTED_OBJECT),
    (fields.IDict, _is_object, EXPECTED_OBJECT),
    (fields.IBool, _is_true_or_false, EXPECTED_TRUE_FALSE),
    (fields.IInt, _is_integer, EXPECTED_INTEGER),
    (fields.IFloat, _is_number, EXPECTED_NUMBER),
    (fields.IDecimal, _is_number, EXPECTED_NUMBER),
    (fields.IText, _is_text, EXPECTED_TEXT),
    (fields.IDatetime, _is_text, EXPECTED_TEXT),
    (fields.IDate, _is_text, EXPECTED_TEXT),
    (fields.ITime, _is_text, EXPECTED_TEXT),
)


def _shape_problem(field, value):
    """What ``field`` expected when ``value`` has the wrong shape, else None."""
    for kind, fits, expected in SHAPES:
        if kind.providedBy(field):
            return None if fits(value) else expected
    return None


def value_errors(name: str, field, value) -> Iterator[dict]:
    """plone.restapi-style errors ({"field", "message"}) of ``value`` for ``field``."""
    if value is None:
        return
    if fields.ICollection.providedBy(field) and not fields.IChoice.providedBy(field):
        yield from _item_errors(name, field, value)
        return
    problem = _shape_problem(field, value)
    if problem is not None:
        yield _error(name, problem)
        return
    if IRichText.providedBy(field) or INamedField.providedBy(field):
        return
    if fields.IObject.providedBy(field) and isinstance(value, dict):
        yield from _row_errors(name, field, value)
    elif fields.IDict.providedBy(field) and isinstance(value, dict):
        yield from _mapping_errors(name, field, value)
    elif fields.IURI.providedBy(field) and isinstance(value, str) and value.strip():
        yield from _address_errors(name, field, value)


def _item_errors(name: str, field, value) -> Iterator[dict]:
    """A list's items (plone.restapi takes a single value for a one-item list)."""
    if isinstance(value, dict):
        yield _error(name, _("shape_list", default="a list"))
        return
    if field.value_type is not None:
        for item in value if isinstance(value, list) else [value]:
            yield from value_errors(name, field.value_type, item)


def _row_errors(name: str, field, value: dict) -> Iterator[dict]:
    """A row's values, each by its own field (``name.key``)."""
    row_fields = getFields(field.schema) if getattr(field, "schema", None) else {}
    for key, item in value.items():
        if key in row_fields:
            yield from value_errors(f"{name}.{key}", row_fields[key], item)


def _mapping_errors(name: str, field, value: dict) -> Iterator[dict]:
    for key, item in value.items():
        if field.key_type is not None:
            yield from value_errors(name, field.key_type, key)
        if field.value_type is not None:
            yield from value_errors(name, field.value_type, item)


def _address_errors(name: str, field, value: str) -> Iterator[dict]:
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
