"""plone.app.testing layers with osor.collection installed."""

from osor.collection.mail.config import queue_directory
from osor.collection.mail.delivery import process
from osor.collection.mail.outbox import queued_mails
from osor.collection.mail.queue import MailQueue
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.supermodel.model import finalizeSchemas
from plone.testing.zope import WSGI_SERVER_FIXTURE
from Products.MailHost.interfaces import IMailHost
from Products.MailHost.MailHost import MailHost

import os
import osor.collection
import shutil
import tempfile
import transaction


# What the test mail host sent, outside the ZODB: a rolled-back transaction
# cannot take back a mail that was really sent, and it cannot here either.
SENT = []


class RecordingMailer:
    """What the MailHost's SMTP mailer would do, recorded instead."""

    hostname = "recording"
    timeout = None

    def send(self, fromaddr, toaddrs, message):
        _record(fromaddr, toaddrs, message)


class RecordingMailHost(MailHost):
    """A MailHost that records the mails it would send, when it would send them.

    ``immediate`` mails are recorded at once; the others when the
    transaction commits, as Zope's transactional mail delivery sends them.
    Our notifications go through the mail queue: reading what was sent first
    lets the queue's worker run, here in the test's thread (the layers start
    no worker thread), so a test reads what a worker would have sent.
    Same reading API as collective.MockMailHost: ``messages`` (bytes),
    ``messages_to``, ``messages_from`` and ``reset()``.
    """

    meta_type = "osor.collection recording MailHost"

    def _makeMailer(self):
        return RecordingMailer()

    def _send(self, mfrom, mto, messageText, immediate=False):
        if immediate:
            _record(mfrom, mto, messageText)
        else:
            transaction.get().addAfterCommitHook(lambda committed: committed and _record(mfrom, mto, messageText))

    def deliver_queued(self) -> int:
        """Send the queued mails that are due, as the worker does."""
        return process(MailQueue(queue_directory()), lambda site_path: self._makeMailer())

    @property
    def messages(self) -> list:
        self.deliver_queued()
        return [text for _mfrom, _mto, text in SENT]

    @property
    def messages_to(self) -> list:
        self.deliver_queued()
        return [mto for _mfrom, mto, _text in SENT]

    @property
    def messages_from(self) -> list:
        self.deliver_queued()
        return [mfrom for mfrom, _mto, _text in SENT]

    def reset(self):
        """Forget the mails sent or queued, and those the current transaction
        would queue when it commits (integration tests never commit)."""
        self.deliver_queued()
        SENT.clear()
        del queued_mails()[:]


def _record(mfrom, mto, messageText):
    SENT.append((mfrom, list(mto) if isinstance(mto, (list, tuple)) else [mto], messageText))


def install_recording_mailhost(portal):
    portal._delObject("MailHost")
    portal._setObject("MailHost", RecordingMailHost("MailHost"))
    portal.getSiteManager().registerUtility(portal.MailHost, provided=IMailHost)


def empty_mail_queue():
    for folder in queue_directory().iterdir():
        shutil.rmtree(folder)


class OsorCollectionLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    # The mail queue of the tests: a directory of their own, emptied before
    # each test, and no worker thread (the recording MailHost sends when a
    # test reads it; the SMTP tests start their worker).
    MAIL_QUEUE_SETTINGS = ("OSOR_MAIL_QUEUE_DIR", "OSOR_MAIL_QUEUE_WORKER")

    def setUpZope(self, app, configurationContext):
        self._environment = {name: os.environ.get(name) for name in self.MAIL_QUEUE_SETTINGS}
        self._mail_queue = tempfile.mkdtemp(prefix="osor-mail-queue-")
        os.environ["OSOR_MAIL_QUEUE_DIR"] = self._mail_queue
        os.environ["OSOR_MAIL_QUEUE_WORKER"] = "off"
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

    def tearDownZope(self, app):
        shutil.rmtree(self._mail_queue, ignore_errors=True)
        for name, value in self._environment.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    def testSetUp(self):
        SENT.clear()
        MailQueue(queue_directory())
        empty_mail_queue()


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
