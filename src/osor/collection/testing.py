"""plone.app.testing layers with osor.collection installed."""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.supermodel.model import finalizeSchemas
from plone.testing.zope import WSGI_SERVER_FIXTURE

import collective.MockMailHost
import osor.collection


class OsorCollectionLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # plone.autoinclude does not run in tests: load what Zope would.
        import plone.restapi

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=osor.collection)
        self.loadZCML(package=collective.MockMailHost)
        # Test modules import our schemas before any ZCML is loaded, and the
        # layers' ZCML runs do not apply the schema plugins registered since
        # (plone.app.multilingual's ``languageindependent``) to them: do it.
        finalizeSchemas()

    def setUpPloneSite(self, portal):
        applyProfile(portal, "plone.app.contenttypes:default")
        applyProfile(portal, "osor.collection:default")
        applyProfile(portal, "collective.MockMailHost:default")


FIXTURE = OsorCollectionLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="OsorCollectionLayer:IntegrationTesting",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="OsorCollectionLayer:FunctionalTesting",
)
