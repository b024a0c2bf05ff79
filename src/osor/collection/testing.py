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


class ExistingSiteLayer(OsorCollectionLayer):
    """A site as its admin has it before activating the add-on: language
    ``en-us``, published pages, a News Item and an Event; our code is loaded
    (as after a restart) but our profile is not applied."""

    def setUpPloneSite(self, portal):
        from plone import api

        applyProfile(portal, "plone.app.contenttypes:default")
        applyProfile(portal, "collective.MockMailHost:default")
        # As a site created with Plone's default form values.
        portal.portal_workflow.setDefaultChain("simple_publication_workflow")
        api.portal.set_registry_record("plone.default_language", "en-us")
        api.portal.set_registry_record("plone.available_languages", ["en-us"])
        with api.env.adopt_roles(["Manager"]):
            for portal_type, item_id in (
                ("Document", "about-us"),
                ("Document", "contact"),
                ("News Item", "launch"),
                ("Event", "open-day"),
            ):
                item = api.content.create(
                    container=portal, type=portal_type, id=item_id, title=item_id.title()
                )
                api.content.transition(item, transition="publish")


EXISTING_SITE_FIXTURE = ExistingSiteLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="OsorCollectionLayer:IntegrationTesting",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="OsorCollectionLayer:FunctionalTesting",
)

EXISTING_SITE_INTEGRATION_TESTING = IntegrationTesting(
    bases=(EXISTING_SITE_FIXTURE,),
    name="ExistingSiteLayer:IntegrationTesting",
)

EXISTING_SITE_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(EXISTING_SITE_FIXTURE, WSGI_SERVER_FIXTURE),
    name="ExistingSiteLayer:FunctionalTesting",
)
