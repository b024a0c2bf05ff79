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

import logging
import os
import re
import sys
import transaction


app = globals()["app"]


class TemporaryIdsWereNeverCataloged(logging.Filter):
    """Drop ZCatalog's error about the temporary id of a new item, nothing else.

    plone.api's ``content.create`` without an id (the importer's releases and
    distributions) adds the item under a UUID and renames it before the
    catalog queue has indexed it; the rename then unindexes a path that was
    never in the catalog, and ZCatalog logs an ERROR although the item is
    catalogued under its final path. The importer is to choose the id
    before it adds the item; until then the user is not told of a fault that
    is none.
    """

    TEMPORARY_PATH = re.compile(r"uncatalog an object with a uid of \S*/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\.")

    def filter(self, record):
        return not self.TEMPORARY_PATH.search(record.getMessage())


logging.getLogger("Zope.ZCatalog").addFilter(TemporaryIdsWereNeverCataloged())

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
# Closed, the FileStorage writes its index: the next command opens it quietly.
app._p_jar.db().close()
sys.exit(status)
