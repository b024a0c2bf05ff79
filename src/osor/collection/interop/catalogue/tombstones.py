"""Tombstones: the solutions that left the public catalogue, and when.

A harvester that asks for the changes since its last visit must learn what
to delete too. When a public solution is deleted, unpublished, archived or
moved away, a tombstone ``{uid, path, when}`` is recorded in a BTree kept in
an annotation of the site, keyed by ``(when, uid)`` so that "since" is a
range query; one tombstone per UID (a newer one replaces the older), and
publishing the solution again removes it. Tombstones are kept for good:
they are small, and a harvester may come back after months.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations

import time


ANNOTATION_KEY = "osor.collection.catalogue.tombstones"


class Tombstones(Persistent):
    """Tombstones by ``(when, uid)``, with an index by UID."""

    def __init__(self):
        self.by_time = OOBTree()
        self.by_uid = OOBTree()

    def record(self, uid: str, path: str, when: float | None = None) -> None:
        self.forget(uid)
        when = time.time() if when is None else when
        self.by_time[(when, uid)] = {"uid": uid, "path": path, "when": when}
        self.by_uid[uid] = when

    def forget(self, uid: str) -> None:
        when = self.by_uid.get(uid)
        if when is not None:
            del self.by_time[(when, uid)]
            del self.by_uid[uid]

    def since(self, when: float):
        """The tombstones recorded at or after ``when``, oldest first."""
        return self.by_time.values(min=(when, ""))


def tombstones_of(site, create: bool = False) -> Tombstones:
    """The site's tombstones; an empty, unsaved set when there are none yet
    and ``create`` is false (reading never writes)."""
    annotations = IAnnotations(site)
    found = annotations.get(ANNOTATION_KEY)
    if found is None:
        if not create:
            return Tombstones()
        found = annotations[ANNOTATION_KEY] = Tombstones()
    return found


def tombstones_since(site, context_path: str, when: float) -> list[dict]:
    """The tombstones since ``when`` of solutions that were below
    ``context_path`` (a physical path)."""
    prefix = context_path.rstrip("/") + "/"
    return [tombstone for tombstone in tombstones_of(site).since(when) if tombstone["path"].startswith(prefix)]
