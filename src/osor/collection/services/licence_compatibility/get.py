"""GET /@licence-compatibility: the checker of licences/compatibility.py."""

from osor.collection.licences.compatibility import check_compatibility
from osor.collection.parameters import ParameterError
from osor.collection.parameters import single
from osor.collection.services.errors import bad_request
from plone.restapi.services import Service


class LicenceCompatibilityGet(Service):
    def reply(self):
        form = self.request.form
        ask_url = f"{self.context.absolute_url()}/@@licence-compatibility#ask"
        try:
            inbound = single(form, "inbound", required=True)
            outbound = single(form, "outbound", required=True)
            return check_compatibility(inbound, outbound, ask_url=ask_url)
        except ParameterError as error:
            return bad_request(self.request, error)
