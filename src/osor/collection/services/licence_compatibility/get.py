"""GET /@licence-compatibility: the checker of licences/compatibility.py."""

from osor.collection.licences.compatibility import check_compatibility
from osor.collection.licences.compatibility import UnknownLicence
from plone.restapi.services import Service


class LicenceCompatibilityGet(Service):
    def reply(self):
        form = self.request.form
        missing = [name for name in ("inbound", "outbound") if not form.get(name)]
        if missing:
            return self._bad_request(missing[0], f"Missing parameter: {missing[0]}")
        ask_url = f"{self.context.absolute_url()}/@@licence-compatibility#ask"
        try:
            return check_compatibility(form["inbound"], form["outbound"], ask_url=ask_url)
        except UnknownLicence as error:
            return self._bad_request(error.field, f"Unknown SPDX licence id: {error.value}")

    def _bad_request(self, field, message):
        self.request.response.setStatus(400)
        return {"error": {"type": "BadRequest", "message": message, "field": field}}
