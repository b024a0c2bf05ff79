"""Create the Plone site of `make start`, once.

Run with:  .venv/bin/zconsole run var/etc/zope.conf scripts/create_site.py

zconsole binds ``app`` (the Zope root) before executing this file. The script

* adds the Zope manager ``$ADMIN_USER`` (default ``admin``) with password
  ``$ADMIN_PASSWORD`` (default ``admin``) if that user does not exist yet,
  exactly like ``bin/addzopeuser`` (an existing user is left untouched);
* creates the Plone site ``$SITE_ID`` (default ``Plone``) from the ``osor``
  plone.distribution of osor.collection, with example content, if there is no
  object with that id yet (an existing site is left untouched);
* commits.
"""

from AccessControl.SecurityManagement import newSecurityManager
from osor.collection.mail.worker import stop_worker
from osor.collection.subscriptions.immediate import stop_dispatcher
from plone.distribution.api import site as site_api
from zope.component.hooks import setSite

import os
import transaction


app = globals()["app"]

ADMIN_USER = os.environ.get("ADMIN_USER", "admin")
ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "admin")
SITE_ID = os.environ.get("SITE_ID", "Plone")
DISTRIBUTION = os.environ.get("DISTRIBUTION", "osor")

ANSWERS = {
    "site_id": SITE_ID,
    "title": os.environ.get("SITE_TITLE", "Open Source Observatory"),
    "description": "An Open Source Observatory built with Plone and osor.collection.",
    "default_language": os.environ.get("SITE_LANGUAGE", "en"),
    # The "osor" distribution's content languages (its site-creation form).
    "content_languages": os.environ.get("CONTENT_LANGUAGES", "en fr de").split(),
    "portal_timezone": os.environ.get("SITE_TIMEZONE", "Europe/Brussels"),
    "setup_content": os.environ.get("SETUP_CONTENT", "true").lower() not in ("0", "false", "no", "off"),
}


def ensure_admin(app):
    acl_users = app.acl_users
    if acl_users.getUserById(ADMIN_USER) is None:
        acl_users._doAddUser(ADMIN_USER, ADMIN_PASSWORD, ["Manager"], [])
        transaction.commit()
        print(f"create_site: Zope manager {ADMIN_USER!r} created.")
    else:
        print(f"create_site: Zope manager {ADMIN_USER!r} exists, left unchanged.")
    user = acl_users.getUserById(ADMIN_USER)
    # Create the site as that user, so that it owns the site and its content.
    newSecurityManager(None, user.__of__(acl_users))


def ensure_site(app):
    if SITE_ID in app.objectIds():
        print(f"create_site: /{SITE_ID} exists, left unchanged.")
        return
    print(f"create_site: creating /{SITE_ID} from distribution {DISTRIBUTION!r} ...")
    site = site_api.create(app, DISTRIBUTION, ANSWERS)  # commits
    setSite(None)
    print(f"create_site: /{site.getId()} created ({site.Title()}).")


ensure_admin(app)
ensure_site(app)
transaction.commit()
# The threads of the mail queue and of immediate subscriptions may hold a
# connection of their own (another thread's transaction): stop them first.
stop_dispatcher(timeout=30)
stop_worker(timeout=30)
# Closed, the FileStorage writes its index: the next command opens it quietly.
app._p_jar.db().close()
