"""The example content can be committed to a real ZODB (what `make start` does)."""

from osor.collection.demo.example_content import create_example_content
from plone import api
from plone.app.testing import SITE_OWNER_NAME

import transaction


def test_example_content_commits_and_reloads(functional_portal):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        create_example_content(functional_portal)
    transaction.commit()  # fails on anything that cannot be pickled

    # A fresh connection reads back what was stored, time zone included.
    webinar_path = "osor/cross-administration-collaboration-webinar"
    connection = functional_portal._p_jar.db().open()
    try:
        root = connection.root()["Application"]
        stored = root.unrestrictedTraverse(functional_portal.getPhysicalPath()).unrestrictedTraverse(webinar_path)
        assert stored.start.tzinfo is not None
        assert stored.start.utcoffset() == functional_portal.unrestrictedTraverse(webinar_path).start.utcoffset()
    finally:
        connection.close()
