"""Reading the JSON object a POST to one of our endpoints carries.

Our endpoints take a few short fields: a body larger than MAX_BODY_BYTES is
refused before it is parsed, and only ``application/json`` is accepted
(an HTML form on another site cannot send it without a CORS preflight,
which is the CSRF protection of these endpoints).
"""

from osor.collection import _
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError


MAX_BODY_BYTES = 64 * 1024


class BadJSONRequest(ValueError):
    """The body cannot be taken; ``message`` says why, ``status`` is the HTTP status."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def _body_size(request) -> int:
    try:
        return int(request.getHeader("Content-Length") or 0)
    except ValueError:
        return 0


def json_object(request) -> dict:
    """The JSON object of ``request``'s body, or BadJSONRequest."""
    if _body_size(request) > MAX_BODY_BYTES:
        raise BadJSONRequest(_("error_body_too_large", default="The request body is too large."), status=413)
    if not (request.getHeader("Content-Type") or "").startswith("application/json"):
        raise BadJSONRequest(
            _("error_json_only", default="The request body must be JSON (Content-Type: application/json).")
        )
    try:
        data = json_body(request)
    except DeserializationError:
        data = None
    if not isinstance(data, dict):
        raise BadJSONRequest(_("error_invalid_json", default="The request body is not a JSON object."))
    return data
