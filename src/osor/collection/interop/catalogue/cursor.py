"""The parameters of a catalogue request, and the opaque cursor.

The cursor is the base64url text of the last key a page listed (``<time>|
<uid>``, see ``changes.py``): harvesters must not build or change it, and a
cursor that does not decode to such a key is refused with a 400 naming the
parameter, like every other bad value.
"""

from dataclasses import dataclass
from datetime import datetime
from datetime import UTC
from osor.collection import _
from osor.collection.interop.catalogue.changes import format_key
from osor.collection.interop.catalogue.changes import parse_key
from osor.collection.parameters import ParameterError
from osor.collection.parameters import single

import base64
import binascii
import math
import re


DEFAULT_LIMIT = 100
MAX_LIMIT = 500
FORMATS = ("json", "jsonl")
MAX_PARAMETER_LENGTH = 200
UID = re.compile(r"^[0-9a-f]{32}$")


class CatalogueRequestError(ValueError):
    """A bad parameter: ``parameter`` names it, ``message`` says why."""

    def __init__(self, parameter: str, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class CatalogueRequest:
    after: str | None = None  # the key of the last item already listed
    limit: int = DEFAULT_LIMIT
    modified_since: float | None = None  # seconds since the epoch
    modified_since_text: str | None = None
    format: str = "json"


def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode(key.encode("ascii")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> str:
    """The key of ``cursor``; CatalogueRequestError if it is not one of ours."""
    error = CatalogueRequestError(
        "cursor",
        _(
            "error_catalogue_cursor",
            default="This cursor is not valid: use the 'next' address of the previous page.",
        ),
    )
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        changed, uid = parse_key(text)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise error from None
    if not math.isfinite(changed) or changed < 0 or not UID.match(uid):
        raise error
    if format_key(changed, uid) != text or encode_cursor(text) != cursor:
        raise error
    return text


def parse_modified_since(text: str) -> float:
    """Seconds since the epoch of an ISO 8601 date or date and time (UTC
    unless it gives an offset)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CatalogueRequestError(
            "modified_since",
            _(
                "error_catalogue_modified_since",
                default="Give an ISO 8601 date, for example 2026-01-31 or 2026-01-31T08:00:00Z.",
            ),
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def parse_limit(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_LIMIT:
        raise CatalogueRequestError(
            "limit",
            _(
                "error_catalogue_limit",
                default="The limit is a whole number from 1 to ${max}.",
                mapping={"max": MAX_LIMIT},
            ),
        )
    return int(text)


def parse_request(form) -> CatalogueRequest:
    """The CatalogueRequest of a request's ``form``."""
    values = {}
    for name in ("cursor", "limit", "modified_since", "format"):
        try:
            value = single(form, name, default=None)
        except ParameterError as error:
            raise CatalogueRequestError(name, error.as_message()) from None
        if value is None:
            continue
        if not isinstance(value, str) or len(value) > MAX_PARAMETER_LENGTH:
            raise CatalogueRequestError(
                name,
                _("error_catalogue_parameter", default="Give this parameter once, as short text."),
            )
        values[name] = value
    fmt = values.get("format", "json")
    if fmt not in FORMATS:
        raise CatalogueRequestError(
            "format",
            _("error_catalogue_format", default="The format is json or jsonl."),
        )
    since = values.get("modified_since")
    return CatalogueRequest(
        after=decode_cursor(values["cursor"]) if "cursor" in values else None,
        limit=parse_limit(values["limit"]) if "limit" in values else DEFAULT_LIMIT,
        modified_since=parse_modified_since(since) if since is not None else None,
        modified_since_text=since,
        format=fmt,
    )
