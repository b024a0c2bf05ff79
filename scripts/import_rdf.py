"""Import an ADMS-AP / DCAT-AP file into a collection of the site.

Run with (``make import-rdf FILE=… COLLECTION=/Plone/en/osor`` does):

    FILE=solutions.ttl COLLECTION=/Plone/en/osor \
        .venv/bin/zconsole run var/etc/zope.conf scripts/import_rdf.py

zconsole binds ``app`` (the Zope root). The import runs as the Zope manager
``$ADMIN_USER`` (default ``admin``), like ``create_site.py``; ``SOURCE``
names the source catalogue (default: the dcat:Catalog of the file) and
``DRY_RUN=1`` validates without writing. It prints each solution created or
updated, every warning and located error, commits (the import report is
kept even when the import failed) and exits 1 when the file was not
imported.
"""

from AccessControl.SecurityManagement import newSecurityManager
from osor.collection.interop.federation.command import import_file
from Products.CMFCore.interfaces import ISiteRoot
from zope.component.hooks import setSite

import os
import sys
import transaction


app = globals()["app"]

ADMIN_USER = os.environ.get("ADMIN_USER", "admin")
FILE = os.environ.get("FILE")
COLLECTION = os.environ.get("COLLECTION", "/Plone/en/osor")
SOURCE = os.environ.get("SOURCE") or None
DRY_RUN = os.environ.get("DRY_RUN", "").lower() in ("1", "true", "yes")

if not FILE:
    sys.exit("import_rdf: give the file: FILE=solutions.ttl")
user = app.acl_users.getUserById(ADMIN_USER)
if user is None:
    sys.exit(f"import_rdf: no Zope manager {ADMIN_USER!r}")
newSecurityManager(None, user.__of__(app.acl_users))
collection = app.unrestrictedTraverse(COLLECTION.strip("/"), None)
if collection is None or getattr(collection, "portal_type", None) != "community_collection":
    sys.exit(f"import_rdf: {COLLECTION} is not a community collection")
setSite(next(obj for obj in collection.aq_chain if ISiteRoot.providedBy(obj)))
status = import_file(collection, FILE, source_catalogue=SOURCE, dry_run=DRY_RUN)
transaction.commit()
sys.exit(status)
