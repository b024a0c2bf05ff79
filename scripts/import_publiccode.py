"""Import a folder of publiccode.yml files into a collection.

Run with (what ``make import-publiccode DIR=… COLLECTION=…`` does):

    PUBLICCODE_DIR=path/to/files COLLECTION=/Plone/en/osor \
        .venv/bin/zconsole run var/etc/zope.conf scripts/import_publiccode.py

zconsole binds ``app`` (the Zope root). The files are imported as the Zope
manager ``$ADMIN_USER`` (default ``admin``), who is named in the import
reports; the command prints one line per file and exits with status 1 when
any file failed. The database must not be in use by a running ``make
start`` (FileStorage allows one process): stop the server first.
"""

from AccessControl.SecurityManagement import newSecurityManager
from osor.collection.interop.publiccode.command import import_directory
from plone.browserlayer.utils import registered_layers
from zope.component.hooks import setSite
from zope.interface import alsoProvides

import os
import sys


app = globals()["app"]

directory = os.environ.get("PUBLICCODE_DIR", "")
collection_path = os.environ.get("COLLECTION", "")
admin_user = os.environ.get("ADMIN_USER", "admin")

if not directory or not os.path.isdir(directory) or not collection_path:
    print("usage: make import-publiccode DIR=<folder of publiccode.yml files> COLLECTION=/Plone/en/osor")
    sys.exit(2)

collection = app.unrestrictedTraverse(collection_path.strip("/"), None)
if collection is None or getattr(collection, "portal_type", None) != "community_collection":
    print(f"import-publiccode: {collection_path} is not a community collection")
    sys.exit(2)

user = app.acl_users.getUserById(admin_user)
if user is None:
    print(f"import-publiccode: no Zope manager {admin_user!r} (set ADMIN_USER)")
    sys.exit(2)
newSecurityManager(None, user.__of__(app.acl_users))
site = collection
while site is not None and getattr(site, "portal_type", None) != "Plone Site":
    site = getattr(site, "aq_parent", None)
setSite(site)
# As on a request to the site: the add-ons' layers (ours, plone.app.multilingual's).
for layer in registered_layers():
    alsoProvides(app.REQUEST, layer)

failed = import_directory(collection, directory, importer_id=admin_user)
print(f"import-publiccode: {failed} file(s) failed" if failed else "import-publiccode: every file imported")
sys.exit(1 if failed else 0)
