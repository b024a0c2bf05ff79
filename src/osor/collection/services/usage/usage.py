"""GET/POST/PATCH <solution>/@usage: thin services over usage/declarations.py."""

from osor.collection.services.errors import error_answer
from osor.collection.services.json_request import BadJSONRequest
from osor.collection.services.json_request import json_object
from osor.collection.usage import declarations
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import Unauthorized
from zope.interface import alsoProvides


PUBLIC_KEYS = ("id", "organisation", "organisation_type", "country", "since", "contact", "referent")


def public(record: dict) -> dict:
    """What a visitor sees of a declaration (not who typed it in)."""
    data = {key: record.get(key) for key in PUBLIC_KEYS}
    data["declarer"] = record.get("declarer_name") if record.get("referent") else None
    return data


class UsageService(Service):
    def _refused(self, status: int, parameter: str, message):
        return error_answer(self.request, message, status=status, parameter=parameter)

    def _change(self, change, status: int = 200) -> dict:
        """Apply ``change`` to the JSON body; the record changed, or a 400
        naming the parameter."""
        # json_object accepts only application/json: the CSRF protection.
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            record = change(json_object(self.request))
        except BadJSONRequest as error:
            return self._refused(error.status, "body", error.message)
        except declarations.UsageError as error:
            return self._refused(400, error.parameter, error.message)
        except declarations.UsageUnauthorized:
            raise Unauthorized("You may not declare or moderate who uses this solution.") from None
        self.request.response.setStatus(status)
        return {**public(record), "state": record["state"]}

    def _listing(self) -> dict:
        solution = self.context
        data = {
            "@id": f"{solution.absolute_url()}/@usage",
            "items": [public(item) for item in declarations.approved(solution)],
            "countries": declarations.used_in_countries(solution),
            "has_referents": declarations.has_referents(solution),
        }
        if declarations.may_moderate(solution):
            data["pending"] = [
                {**public(item), "declarer": item.get("declarer_name"), "state": item["state"]}
                for item in declarations.pending(solution)
            ]
        return data


class UsageGet(UsageService):
    def reply(self):
        return self._listing()


class UsagePost(UsageService):
    def reply(self):
        return self._change(lambda body: declarations.declare(self.context, body), status=201)


class UsagePatch(UsageService):
    def reply(self):
        return self._change(
            lambda body: declarations.moderate(self.context, str(body.get("id") or ""), body.get("state"))
        )
