"""The site part of `make check-install`: a plain site, the add-on, a French page.

Run by scripts/check_install.py in a virtualenv where osor.collection was
pip-installed from the sdist or the wheel, without extras:

    <venv>/bin/zconsole run <venv>/instance/zope.conf scripts/check_install_site.py

zconsole binds ``app`` (the Zope root). As a site administrator would, it

* creates a plain Classic UI site (``classic`` distribution, ``en-us``, no
  example content) on the FileStorage of that zope.conf;
* activates the add-on with the add-ons control panel's installer;
* offers French next to English (*Site Setup → Language*: French added, the
  browser's language used) and adds a validated community collection;
* publishes the collection's page through the Zope publisher with
  ``Accept-Language: fr`` and checks that our French text is on it, not the
  English default: the compiled catalogues of the package are what Zope reads.

It prints one line per step and exits non-zero with the reason on failure.
"""

from AccessControl.SecurityManagement import newSecurityManager
from io import BytesIO
from plone import api
from plone.base.utils import get_installer
from plone.distribution.api import site as site_api
from zope.component.hooks import setSite
from ZPublisher.WSGIPublisher import publish_module

import sys
import transaction


app = globals()["app"]

SITE_ID = "Plone"
ADMIN_USER = "admin"
# The heading of the feeds viewlet on a collection's page (msgid
# heading_follow_collection of locales/*/LC_MESSAGES/osor.collection.po).
FRENCH = "Suivre cette collection"
ENGLISH = "Follow this collection"


def fail(message: str):
    sys.exit(f"check-install: FAILED: {message}")


def log_in_as_manager(app):
    app.acl_users._doAddUser(ADMIN_USER, "check-install", ["Manager"], [])
    user = app.acl_users.getUserById(ADMIN_USER)
    newSecurityManager(None, user.__of__(app.acl_users))


def create_plain_site(app):
    answers = {
        "site_id": SITE_ID,
        "title": "Existing site",
        "default_language": "en-us",
        "portal_timezone": "UTC",
        "setup_content": False,
    }
    site = site_api.create(app, "classic", answers)
    setSite(site)
    print(f"check-install: plain Classic UI site /{SITE_ID} created ({api.portal.get_default_language()})")
    return site


def activate_addon(site):
    installer = get_installer(site, site.REQUEST)
    if not installer.install_product("osor.collection"):
        fail("the add-ons control panel could not activate osor.collection")
    if not installer.is_product_installed("osor.collection"):
        fail("osor.collection is not reported as activated")
    print("check-install: osor.collection activated")


def add_french_and_a_collection(site):
    api.portal.set_registry_record("plone.available_languages", ["en-us", "fr"])
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    collection = api.content.create(container=site, type="community_collection", id="osor", title="OSOR")
    api.content.transition(collection, to_state="validated")
    transaction.commit()
    return collection


def publish(path: str, language: str) -> tuple[str, str]:
    """GET ``path`` as an anonymous visitor through the Zope publisher (WSGI)."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "8080",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(),
        "HTTP_ACCEPT_LANGUAGE": language,
    }
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = status

    body = b"".join(publish_module(environ, start_response))
    return answer["status"], body.decode("utf-8")


def check_page_in_french(collection):
    path = "/" + "/".join(collection.getPhysicalPath()[1:])
    status, body = publish(path, "en")
    if not status.startswith("200") or ENGLISH not in body:
        fail(f"GET {path} in English: {status}, {ENGLISH!r} {'found' if ENGLISH in body else 'missing'}")
    status, body = publish(path, "fr")
    if not status.startswith("200"):
        fail(f"GET {path} in French: {status}")
    if FRENCH not in body:
        fail(
            f"GET {path} with Accept-Language: fr shows {ENGLISH!r} instead of {FRENCH!r}: "
            "the package's French catalogue (locales/fr/LC_MESSAGES/osor.collection.mo) was not loaded"
        )
    print(f"check-install: {path} in French shows {FRENCH!r}")


log_in_as_manager(app)
site = create_plain_site(app)
activate_addon(site)
collection = add_french_and_a_collection(site)
check_page_in_french(collection)
