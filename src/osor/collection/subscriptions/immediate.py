"""Immediate subscriptions: mailed right after the change, never by the request that made it.

The request that publishes an item only records the change (``changes``).
Once its transaction commits, the dispatcher thread of this process (started
when Zope serves, like the mail queue's worker, and off with it) opens a
connection of its own, builds the *immediate* digests of that site as each
subscriber and commits, which queues their mails: a thousand subscribers
never slow the request down. Changes recorded where no dispatcher runs
(``zconsole`` scripts, another instance) wait for the next change or for
``make digest FREQUENCY=immediate``.
"""

from osor.collection import logger
from osor.collection.mail.config import worker_enabled
from osor.collection.subscriptions.storage import IMMEDIATE
from Testing.makerequest import makerequest
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite
from zope.globalrequest import clearRequest
from zope.globalrequest import setRequest

import threading
import transaction


ATTEMPTS = 3

_dispatcher = None
_lock = threading.Lock()


def deliver(db, site_path: str) -> int:
    """Run the immediate digests of the site at ``site_path`` in ``db``; the number of digests."""
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SecurityManagement import noSecurityManager
    from AccessControl.SpecialUsers import system
    from osor.collection.subscriptions.digest import run_digests

    for attempt in range(ATTEMPTS):
        # This thread's own transaction: the mail queue joins it (outbox).
        transaction.begin()
        connection = db.open()
        try:
            app = makerequest(connection.root()["Application"])
            site = app.unrestrictedTraverse(site_path, None)
            if site is None:
                return 0
            setRequest(app.REQUEST)
            setSite(site)
            newSecurityManager(None, system)
            digests = run_digests(IMMEDIATE)
            transaction.commit()
            return len(digests)
        except ConflictError:
            transaction.abort()
            if attempt == ATTEMPTS - 1:
                raise
        except Exception:
            transaction.abort()
            raise
        finally:
            noSecurityManager()
            setSite(None)
            clearRequest()
            connection.close()
    return 0


class Dispatcher(threading.Thread):
    def __init__(self, db):
        super().__init__(name="osor.collection immediate subscriptions", daemon=True)
        self.db = db
        self._sites = set()
        self._wake = threading.Event()
        self._stopping = threading.Event()

    def notice(self, site_path: str) -> None:
        with _lock:
            self._sites.add(site_path)
        self._wake.set()

    def run(self):
        while not self._stopping.is_set():
            self._wake.wait()
            self._wake.clear()
            with _lock:
                sites, self._sites = self._sites, set()
            for site_path in sites:
                try:
                    deliver(self.db, site_path)
                # Never let the thread die: the next change tries again.
                except Exception:
                    logger.exception("Immediate subscriptions of %s could not be sent", site_path)

    def stop(self, timeout: float | None = None):
        self._stopping.set()
        self._wake.set()
        self.join(timeout)


def start_dispatcher(db) -> Dispatcher:
    global _dispatcher
    stop_dispatcher()
    _dispatcher = Dispatcher(db)
    _dispatcher.start()
    return _dispatcher


def stop_dispatcher(timeout: float | None = None) -> None:
    global _dispatcher
    dispatcher, _dispatcher = _dispatcher, None
    if dispatcher is not None:
        dispatcher.stop(timeout)


def changes_committed(committed: bool, site_path: str) -> None:
    """After-commit hook of a transaction that recorded changes."""
    dispatcher = _dispatcher
    if committed and dispatcher is not None and dispatcher.is_alive():
        dispatcher.notice(site_path)


def start_on_process_start(event) -> None:
    """Subscriber of ``IProcessStarting``: the dispatcher runs where the mail worker runs."""
    if not worker_enabled():
        return
    import Zope2

    start_dispatcher(Zope2.DB)
    logger.info("Immediate subscriptions dispatcher started")
