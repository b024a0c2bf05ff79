"""GET /@licences and /@licences/<SPDX-id> (licences/knowledge.py)."""

from osor.collection.licences.knowledge import find_licences
from osor.collection.licences.knowledge import licence_facts
from osor.collection.licences.knowledge import parse_filters
from osor.collection.licences.knowledge import UnknownLicence
from osor.collection.parameters import ParameterError
from osor.collection.services.errors import bad_request
from osor.collection.services.errors import error_answer
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
                return error_answer(self.request, f"Unknown licence: {self.licence_id}", status=404)
        try:
            filters = parse_filters(self.request.form)
        except ParameterError as error:
            return bad_request(self.request, error)
        except ValueError as error:
            return error_answer(self.request, f"Invalid value for {error}", parameter=str(error))
        items = [dict(licence, **{"@id": f"{base}/{licence['id']}"}) for licence in find_licences(filters)]
        return {"@id": base, "items": items, "items_total": len(items)}
