"""Every ConflictError a request meets, in the event log.

On several Zope instances sharing one database (RelStorage, ZEO), two
requests that change the same object at the same time conflict: Zope
aborts one and runs it again (up to three times: zope.conf's
``max-conflict-retries``), and says nothing. A site administrator needs to
see how often that happens and where: a few per thousand writing requests
are the price of concurrency, more point at one hot object to fix. Each is
logged by the logger ``osor.collection.conflicts`` with the request, the
object and the counts since the process started; one that was not retried
(its retries were used up) failed the request and is logged as an error.
"""

from dataclasses import dataclass
from dataclasses import replace
from transaction.interfaces import TransientError

import logging
import threading


logger = logging.getLogger("osor.collection.conflicts")


@dataclass(frozen=True)
class ConflictCounts:
    retried: int = 0
    unresolved: int = 0


_counts = ConflictCounts()
_lock = threading.Lock()


def conflict_counts() -> ConflictCounts:
    """The conflicts this process met since it started."""
    return _counts


def log_conflict(event) -> None:
    """Subscriber of ``IPubFailure``: count and log a conflict, retried or not."""
    global _counts
    error = event.exc_info[1]
    if not isinstance(error, TransientError):
        return
    with _lock:
        if event.retry:
            _counts = replace(_counts, retried=_counts.retried + 1)
        else:
            _counts = replace(_counts, unresolved=_counts.unresolved + 1)
        counts = _counts
    request = f"{event.request.get('REQUEST_METHOD', '')} {event.request.get('ACTUAL_URL', '')}"
    since_start = f"{counts.retried} retried, {counts.unresolved} unresolved since start"
    if event.retry:
        logger.info("%s retried: %s: %s (%s)", type(error).__name__, request, error, since_start)
    else:
        logger.error(
            "%s not retried, the request failed: %s: %s (%s)", type(error).__name__, request, error, since_start
        )
