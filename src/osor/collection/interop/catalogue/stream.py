"""The full dump as JSON Lines, streamed from a snapshot of the database.

Why not ``response.write``: under WSGI, Zope collects what ``write`` sends
in a buffer and hands it to the server only when the request ends, so the
whole dump would sit in memory (as bytes) at once. A stream iterator is
handed to the WSGI server instead, which sends each line as it is made; but
the server iterates it after Zope has closed the request's database
connection. So the iterator opens a connection of its own, with its own
transaction manager: it reads one consistent snapshot (the state committed
when the dump starts, ZODB's MVCC) however long the download takes, and
writes nothing. It pages through the catalogue with the keyset query of
``listing.py`` (the catalog's lazy results would keep every brain of a
single query), serialises the solutions of a page, then lets the
connection's object cache shrink back to its target size (``cacheGC``),
so memory stays flat whatever the size of the catalogue. The connection is
closed at the end, or when the server closes the iterator (a client that
went away).
"""

from Acquisition import aq_base
from datetime import datetime
from datetime import UTC
from osor.collection.content.release import IRelease
from osor.collection.interop.catalogue.listing import deleted_since
from osor.collection.interop.catalogue.listing import page_after
from osor.collection.interop.catalogue.records import solution_record
from plone.base.interfaces import IPloneSiteRoot
from zope.component.hooks import getSite
from zope.component.hooks import setSite
from zope.interface import implementer
from ZPublisher.Iterators import IUnboundStreamIterator

import json
import transaction


PAGE_SIZE = 200


def url_maker(context_path: tuple, context_url: str):
    """A ``url_for(physical_path)`` for the content below ``context``."""
    depth = len(context_path)

    def url_for(path) -> str:
        return "/".join([context_url, *path[depth:]])

    return url_for


def json_line(data) -> bytes:
    return (json.dumps(data, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def tombstone_record(tombstone: dict, url_for) -> dict:
    return {
        "@type": "tombstone",
        "uid": tombstone["uid"],
        "@id": url_for(tuple(tombstone["path"].split("/"))),
        "path": tombstone["path"],
        "when": datetime.fromtimestamp(tombstone["when"], tz=UTC).isoformat(),
    }


def dump_lines(context, url_for, since=None, page_size=PAGE_SIZE, after_page=None):
    """The lines of the dump of ``context`` (bytes): each public solution,
    then, with ``since``, the tombstones since then. ``after_page`` is
    called after each page (the stream frees memory there)."""
    after = None
    while True:
        page = page_after(context, after, page_size, since)
        for solution in page.solutions:
            yield json_line(solution_record(solution, url_for))
        if after_page is not None:
            after_page(page)
        if not page.more:
            break
        after = page.last_key
    if since is not None:
        for tombstone in deleted_since(context, since):
            yield json_line(tombstone_record(tombstone, url_for))


def deactivate_record(solution) -> None:
    """Turn ``solution`` and the releases and distributions its record read
    back into ghosts: the connection's cache target is a number of objects
    (``cache-size``), large on a production site, and the dump must not
    fill it with content it has done with."""
    solution = aq_base(solution)
    for release in solution.objectValues():
        release = aq_base(release)
        if IRelease.providedBy(release):
            for distribution in release.objectValues():
                aq_base(distribution)._p_deactivate()
        release._p_deactivate()
    solution._p_deactivate()


@implementer(IUnboundStreamIterator)
class CatalogueStream:
    """The dump of ``context`` read through a connection of its own."""

    def __init__(self, context, context_url: str, since=None, page_size=PAGE_SIZE):
        self.database = context._p_jar.db()
        self.context_path = context.getPhysicalPath()
        self.context_url = context_url
        self.since = since
        self.page_size = page_size
        self._lines = None
        self._site = None
        self._connection = None
        self._transactions = None

    def __iter__(self):
        return self

    def __next__(self) -> bytes:
        # The site (and its tools, which getToolByName looks up as local
        # utilities) must be the one of our connection, not what the
        # thread's site hook holds from elsewhere, if anything.
        previous = getSite()
        try:
            if self._lines is None:
                self._lines = self._open()
            setSite(self._site)
            return next(self._lines)
        except BaseException:
            self.close()
            raise
        finally:
            setSite(previous)

    def _open(self):
        self._transactions = transaction.TransactionManager()
        self._connection = self.database.open(transaction_manager=self._transactions)
        application = self._connection.root()["Application"]
        context = application.unrestrictedTraverse(self.context_path)
        self._site = next(obj for obj in context.aq_chain if IPloneSiteRoot.providedBy(obj))
        connection = self._connection

        def free_memory(page):
            for solution in page.solutions:
                deactivate_record(solution)
            connection.cacheGC()

        return dump_lines(
            context,
            url_maker(self.context_path, self.context_url),
            since=self.since,
            page_size=self.page_size,
            after_page=free_memory,
        )

    def close(self):
        if self._connection is not None:
            self._transactions.abort()
            self._connection.close()
            self._connection = None
            self._lines = iter(())
