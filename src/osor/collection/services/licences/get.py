"""GET /@licences and /@licences/<SPDX-id> (licences/knowledge.py)."""

from osor.collection.licences.knowledge import find_licences
from osor.collection.licences.knowledge import licence_facts
from osor.collection.licences.knowledge import parse_filters
from osor.collection.licences.knowledge import UnknownLicence
from osor.collection.parameters import bad_request
from osor.collection.parameters import ParameterError
from plone.restapi.services import Service
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class LicencesGet(Service):
    licence_id = None

    def publishTraverse(self, request, name):
        self.licence_id = name
        return self

    def reply(self):
        base = f"{self.context.absolute_url()}/@licences"
        if self.licence_id:
            try:
                return dict(licence_facts(self.licence_id), **{"@id": f"{base}/{self.licence_id}"})
            except UnknownLicence:
                self.request.response.setStatus(404)
                return {"error": {"type": "NotFound", "message": f"Unknown licence: {self.licence_id}"}}
        try:
            filters = parse_filters(self.request.form)
        except ParameterError as error:
            return bad_request(self.request, error)
        except ValueError as error:
            self.request.response.setStatus(400)
            return {"error": {"type": "BadRequest", "message": f"Invalid value for {error}", "field": str(error)}}
        items = [dict(licence, **{"@id": f"{base}/{licence['id']}"}) for licence in find_licences(filters)]
        return {"@id": base, "items": items, "items_total": len(items)}
