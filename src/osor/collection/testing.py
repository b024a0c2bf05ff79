"""plone.app.testing layers with osor.collection installed."""

from osor.collection.membership.outbox import queued_mails
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.supermodel.model import finalizeSchemas
from plone.testing.zope import WSGI_SERVER_FIXTURE
from Products.MailHost.interfaces import IMailHost
from Products.MailHost.MailHost import MailHost

import osor.collection
import transaction


# What the test mail host sent, outside the ZODB: a rolled-back transaction
# cannot take back a mail that was really sent, and it cannot here either.
SENT = []


class RecordingMailHost(MailHost):
    """A MailHost that records the mails it would send, when it would send them.

    ``immediate`` mails are recorded at once; the others when the
    transaction commits, as Zope's transactional mail delivery sends them.
    Same reading API as collective.MockMailHost: ``messages`` (bytes),
    ``messages_to``, ``messages_from`` and ``reset()``.
    """

    meta_type = "osor.collection recording MailHost"

    def _send(self, mfrom, mto, messageText, immediate=False):
        if immediate:
            _record(mfrom, mto, messageText)
        else:
            transaction.get().addAfterCommitHook(lambda committed: committed and _record(mfrom, mto, messageText))

    @property
    def messages(self) -> list:
        return [text for _mfrom, _mto, text in SENT]

    @property
    def messages_to(self) -> list:
        return [mto for _mfrom, mto, _text in SENT]

    @property
    def messages_from(self) -> list:
        return [mfrom for mfrom, _mto, _text in SENT]

    def reset(self):
        """Forget the mails sent, and those the current transaction would send
        when it commits (integration tests never commit)."""
        SENT.clear()
        del queued_mails()[:]


def _record(mfrom, mto, messageText):
    SENT.append((mfrom, list(mto) if isinstance(mto, (list, tuple)) else [mto], messageText))


def install_recording_mailhost(portal):
    portal._delObject("MailHost")
    portal._setObject("MailHost", RecordingMailHost("MailHost"))
    portal.getSiteManager().registerUtility(portal.MailHost, provided=IMailHost)


class OsorCollectionLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # plone.autoinclude does not run in tests: load what Zope would.
        import plone.restapi

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=osor.collection)
        # Test modules import our schemas before any ZCML is loaded, and the
        # layers' ZCML runs do not apply the schema plugins registered since
        # (plone.app.multilingual's ``languageindependent``) to them: do it.
        finalizeSchemas()

    def setUpPloneSite(self, portal):
        applyProfile(portal, "plone.app.contenttypes:default")
        applyProfile(portal, "osor.collection:default")
        install_recording_mailhost(portal)

    def testSetUp(self):
        SENT.clear()


FIXTURE = OsorCollectionLayer()


class ExistingSiteLayer(OsorCollectionLayer):
    """A site as its admin has it before activating the add-on: language
    ``en-us``, published pages, a News Item and an Event; our code is loaded
    (as after a restart) but our profile is not applied."""

    def setUpPloneSite(self, portal):
        from plone import api

        applyProfile(portal, "plone.app.contenttypes:default")
        install_recording_mailhost(portal)
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
                item = api.content.create(container=portal, type=portal_type, id=item_id, title=item_id.title())
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
