"""Count a distribution's download once per visitor and day, browsers only.

The count on a release's page tells how many people took a file, so:

- only a GET is a download: a HEAD (link checkers, download managers
  asking for the size) and a browser's prefetch (``Sec-Purpose: prefetch``)
  fetch nothing for a person;
- a known crawler is not a visitor: its User-Agent is matched against the
  list of the ``crawler-user-agents`` distribution (maintained on PyPI, its
  version pinned in constraints.txt), and a request without User-Agent is not
  a browser's;
- a visitor is counted once per distribution and day (UTC), recognised
  without a cookie and without keeping personal data: the key is an HMAC of
  the IP address, the User-Agent and the distribution's UID under a random
  key of the day. The key and the day's HMACs are kept in one object of the
  site and replaced at the first download of the next day, so nothing kept
  can be traced back to an address once the day is over (the method of
  cookieless web analytics such as Plausible). Within the day, the key is
  only in the database, never in a page or a log.

``count_download(distribution, request)`` applies all of it; the
``@@download`` view calls it.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOTreeSet
from datetime import date
from datetime import datetime
from datetime import UTC
from persistent import Persistent
from plone import api
from plone.protect.utils import safeWrite
from plone.uuid.interfaces import IUUID
from zope.annotation.interfaces import IAnnotations

import crawleruseragents
import hashlib
import hmac
import secrets


ANNOTATION_KEY = "osor.collection.downloads.visitors_of_the_day"
# 128 bits of an HMAC-SHA256: collisions between a day's visitors are negligible.
DIGEST_BYTES = 16
PREFETCH_HEADERS = ("Sec-Purpose", "Purpose", "X-Moz")


class VisitorsOfTheDay(Persistent):
    """The day's key and the HMACs of who downloaded what that day."""

    def __init__(self, day: str):
        self.day = day
        self.key = secrets.token_bytes(32)
        self.seen = OOTreeSet()
        # How many downloads were counted today: part of the pages' ETag
        # (caching/etags.py), so a cached page never shows an old count.
        self.counted = Length()


def is_browser_download(request) -> bool:
    """A GET by a browser for a person: not a HEAD, not a prefetch, not a
    known crawler, not a client that does not say what it is."""
    if request.environ.get("REQUEST_METHOD", "GET").upper() != "GET":
        return False
    if any("prefetch" in (request.getHeader(name) or "").lower() for name in PREFETCH_HEADERS):
        return False
    user_agent = (request.getHeader("User-Agent") or "").strip()
    return bool(user_agent) and not crawleruseragents.is_crawler(user_agent)


def count_download(distribution, request, today: date | None = None) -> bool:
    """Count the download of ``distribution`` that ``request`` asks for, when
    it is a browser's first one of ``today`` (UTC); answer whether it counted."""
    if not is_browser_download(request):
        return False
    day = (today or datetime.now(UTC).date()).isoformat()
    with _written_safely(request):
        visitors = _visitors_of(day)
        fingerprint = _fingerprint(visitors.key, request, IUUID(distribution))
        if not visitors.seen.insert(fingerprint):
            return False
        distribution.record_download()
        visitors.counted.change(1)
    return True


def downloads_counted_key() -> str:
    """Changes whenever a download is counted (the day and its count so
    far); reads, never writes."""
    visitors = IAnnotations(api.portal.get()).get(ANNOTATION_KEY)
    if visitors is None:
        return ""
    counted = getattr(visitors, "counted", None)
    return f"{visitors.day}:{counted() if counted is not None else len(visitors.seen)}"


def _visitors_of(day: str) -> VisitorsOfTheDay:
    """The site's visitors of ``day``; those of an earlier day, and their key,
    are dropped."""
    annotations = IAnnotations(api.portal.get())
    visitors = annotations.get(ANNOTATION_KEY)
    if visitors is None or visitors.day != day:
        visitors = annotations[ANNOTATION_KEY] = VisitorsOfTheDay(day)
    return visitors


def _fingerprint(key: bytes, request, uid: str) -> bytes:
    address = request.getClientAddr() or ""
    user_agent = request.getHeader("User-Agent") or ""
    message = "\n".join((address, user_agent, uid or "")).encode("utf-8", "surrogateescape")
    return hmac.new(key, message, hashlib.sha256).digest()[:DIGEST_BYTES]


class _written_safely:
    """Tell plone.protect that the objects this GET writes (the counter, the
    day's visitors and the BTree buckets they touch) are expected writes: it
    would otherwise ask the visitor to confirm the download."""

    def __init__(self, request):
        self.request = request

    def __enter__(self):
        self.jar = api.portal.get()._p_jar
        self.before = {id(obj) for obj in self._registered()}
        return self

    def __exit__(self, *exc_info):
        for obj in self._registered():
            if id(obj) not in self.before:
                safeWrite(obj, self.request)
        return False

    def _registered(self):
        # What plone.protect itself inspects (auto.py _registered_objects).
        return list(getattr(self.jar, "_registered_objects", ())) if self.jar is not None else []
