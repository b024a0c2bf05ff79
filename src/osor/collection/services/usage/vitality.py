"""POST <site>/@vitality: compute and store every solution's vitality."""

from osor.collection.usage.vitality import compute_all
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


class VitalityPost(Service):
    def reply(self):
        # A bodiless job call of a site manager (basic auth from cron).
        alsoProvides(self.request, IDisableCSRFProtection)
        return {"vitality": compute_all()}
