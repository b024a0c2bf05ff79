"""One shape for every error our REST services answer.

``{"error": {"type", "message", ...}}``, as plone.restapi's own errors:
``type`` names the HTTP status, ``message`` is translated into the
client's language, and an error about one input names it twice,
``parameter`` and ``field`` (the name older clients read). Services that
report several problems at once (the importers) add their ``errors`` list
next to it.
"""

from osor.collection.parameters import message_of
from osor.collection.parameters import ParameterError
from osor.collection.services.json_request import BadJSONRequest
from zope.i18n import translate


ERROR_TYPES = {401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 406: "NotAcceptable"}


def error_answer(request, message, status: int = 400, parameter: str | None = None, **details) -> dict:
    """Set ``status`` and answer ``message`` (translated) in the one shape."""
    request.response.setStatus(status)
    error = {"type": ERROR_TYPES.get(status, "BadRequest"), "message": translate(message, context=request)}
    if parameter:
        error["parameter"] = error["field"] = parameter
    error.update(details)
    return {"error": error}


def bad_request(request, error: ParameterError) -> dict:
    """The 400 answer to a parameter a service cannot take."""
    return error_answer(request, message_of(request, error), parameter=error.parameter)


def bad_json(request, error: BadJSONRequest) -> dict:
    """The answer to a body that is not the JSON object a service takes."""
    return error_answer(request, error.message, status=error.status)
