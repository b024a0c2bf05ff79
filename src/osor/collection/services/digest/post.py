from osor.collection import _
from osor.collection.parameters import MISSING
from osor.collection.parameters import ParameterError
from osor.collection.services.errors import bad_json
from osor.collection.services.errors import bad_request
from osor.collection.services.json_request import BadJSONRequest
from osor.collection.services.json_request import json_object
from osor.collection.subscriptions.digest import run_digests
from osor.collection.subscriptions.storage import FREQUENCIES
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


NOT_A_DIGEST_FREQUENCY = _(
    "error_not_a_digest_frequency",
    default="“${parameter}” must be one of: daily, weekly (or immediate).",
)
NOT_A_BOOLEAN = _("error_not_a_boolean", default="“${parameter}” must be true or false.")


def _frequency(data: dict) -> str:
    if "frequency" not in data:
        raise ParameterError("frequency", MISSING)
    frequency = data["frequency"]
    if frequency not in FREQUENCIES:
        raise ParameterError("frequency", NOT_A_DIGEST_FREQUENCY)
    return frequency


def _dry_run(data: dict) -> bool:
    value = data.get("dry_run", False)
    if not isinstance(value, bool):
        raise ParameterError("dry_run", NOT_A_BOOLEAN)
    return value


class DigestPost(Service):
    """POST @digest {"frequency": "daily"|"weekly", "dry_run": bool}: the digests
    built, ``{"digests": [{"userid", "items": [{"@id", "title", "why"}]}]}``;
    with ``dry_run`` nothing is sent nor remembered."""

    def reply(self):
        try:
            data = json_object(self.request)
        except BadJSONRequest as error:
            return bad_json(self.request, error)
        try:
            frequency, dry_run = _frequency(data), _dry_run(data)
        except ParameterError as error:
            return bad_request(self.request, error)
        alsoProvides(self.request, IDisableCSRFProtection)
        digests = run_digests(frequency, dry_run=dry_run)
        return {
            "frequency": frequency,
            "dry_run": dry_run,
            "digests": [digest.as_json() for digest in digests],
        }
