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


# The demo site, served over HTTP, for the browser tests -------------------

DEMO_SITE_ID = "Plone"

DEMO_SITE_ANSWERS = {
    "site_id": DEMO_SITE_ID,
    "title": "Open Source Observatory",
    "setup_content": True,
    "default_language": "en",
    "portal_timezone": "Europe/Brussels",
}


class OsorDemoSiteLayer(PloneSandboxLayer):
    """The site ``make start`` builds (the "osor" distribution: languages,
    example collection, demo users), next to the fixture's ``plone`` site.

    Browser tests read what a visitor of the demo reads, so they run against
    the same distribution instead of a hand-made copy of it.
    """

    defaultBases = (FIXTURE,)

    def setUpPloneSite(self, portal):
        from plone import api
        from plone.app.testing import SITE_OWNER_NAME
        from plone.distribution.api.site import _create_site
        from zope.component.hooks import setSite

        app = portal.aq_parent
        try:
            with api.env.adopt_user(SITE_OWNER_NAME):
                _create_site(context=app, distribution_name="osor", answers=DEMO_SITE_ANSWERS)
        finally:
            setSite(portal)


DEMO_SITE_FIXTURE = OsorDemoSiteLayer()

BROWSER_TESTING = FunctionalTesting(
    bases=(DEMO_SITE_FIXTURE, WSGI_SERVER_FIXTURE),
    name="OsorCollectionLayer:BrowserTesting",
)
