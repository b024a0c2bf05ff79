"""Who subscribed to what, and what happened since: kept on the site root.

One annotation of the site holds the subscriptions (per member, each keyed
by its id: the target's UID, plus a hash of the query for a saved search)
and the change log (a BTree of changes keyed by increasing numbers). Each
subscription remembers the last change it reported (``seen``): a digest
reads only later changes and moves ``seen`` on, so running it twice sends
nothing new, and a new subscription starts from now, not from the past.
"""

from BTrees.LOBTree import LOBTree
from BTrees.OOBTree import OOBTree
from osor.collection.content.community_collection import ICommunityCollection
from osor.collection.content.software_solution import ISoftwareSolution
from persistent import Persistent
from plone import api
from plone.base.interfaces import INavigationRoot
from zope.annotation.interfaces import IAnnotations

import hashlib
import time
import transaction


ANNOTATION_KEY = "osor.collection.subscriptions"

IMMEDIATE = "immediate"
DAILY = "daily"
WEEKLY = "weekly"
FREQUENCIES = (IMMEDIATE, DAILY, WEEKLY)

COLLECTION = "collection"
SOLUTION = "solution"
SEARCH = "search"

# Changes older than this are dropped: a weekly digest reads one week.
KEEP_CHANGES_SECONDS = 35 * 24 * 3600


class Subscription(Persistent):
    """A member's wish to hear about ``target_uid`` at ``frequency``."""

    def __init__(self, userid: str, target_uid: str, kind: str, frequency: str, query: str = "", seen: int = 0):
        self.userid = userid
        self.target_uid = target_uid
        self.kind = kind
        self.frequency = frequency
        self.query = query
        self.seen = seen
        self.created = time.time()

    @property
    def id(self) -> str:
        return subscription_id(self.target_uid, self.query)


def subscription_id(target_uid: str, query: str = "") -> str:
    """The id of a subscription: the target's UID, and a short hash of a saved search's query."""
    if not query:
        return target_uid
    return f"{target_uid}-{hashlib.sha256(query.encode('utf-8')).hexdigest()[:12]}"


class SubscriptionRegistry(Persistent):
    def __init__(self):
        self.by_user = OOBTree()  # userid -> OOBTree(subscription id -> Subscription)
        self.changes = LOBTree()  # change number -> dict (see ``record_change``)


def registry(site=None) -> SubscriptionRegistry:
    """The site's registry, created on first use."""
    site = site if site is not None else api.portal.get()
    annotations = IAnnotations(site)
    found = annotations.get(ANNOTATION_KEY)
    if found is None:
        found = annotations[ANNOTATION_KEY] = SubscriptionRegistry()
    return found


def kind_of(target, query: str = "") -> str | None:
    """What ``target`` is as a subscription target, None when it cannot be one."""
    if query:
        if ICommunityCollection.providedBy(target) or INavigationRoot.providedBy(target):
            return SEARCH
        return None
    if ICommunityCollection.providedBy(target):
        return COLLECTION
    if ISoftwareSolution.providedBy(target):
        return SOLUTION
    return None


def last_change(site=None) -> int:
    changes = registry(site).changes
    return changes.maxKey() if changes else 0


def subscribe(userid: str, target, frequency: str, query: str = "") -> tuple[Subscription, bool]:
    """Subscribe ``userid`` to ``target`` (or change the frequency); (subscription, created)."""
    if frequency not in FREQUENCIES:
        raise ValueError(frequency)
    kind = kind_of(target, query)
    if kind is None:
        raise ValueError(target)
    mine = registry().by_user.get(userid)
    if mine is None:
        mine = registry().by_user[userid] = OOBTree()
    key = subscription_id(target.UID(), query)
    existing = mine.get(key)
    if existing is not None:
        existing.frequency = frequency
        return existing, False
    subscription = Subscription(userid, target.UID(), kind, frequency, query, seen=last_change())
    mine[key] = subscription
    return subscription, True


def unsubscribe(userid: str, key: str, site=None) -> bool:
    """Remove the subscription ``key`` of ``userid``; False when there is none."""
    mine = registry(site).by_user.get(userid)
    if mine is None or key not in mine:
        return False
    del mine[key]
    if not mine:
        del registry(site).by_user[userid]
    return True


def subscriptions_of(userid: str, target=None, site=None) -> list[Subscription]:
    """The subscriptions of ``userid``, oldest first; only those to ``target`` when given."""
    mine = registry(site).by_user.get(userid) or {}
    found = sorted(mine.values(), key=lambda subscription: subscription.created)
    if target is not None:
        found = [subscription for subscription in found if subscription.target_uid == target.UID()]
    return found


def find(userid: str, key: str, site=None) -> Subscription | None:
    mine = registry(site).by_user.get(userid) or {}
    return mine.get(key)


def subscribers(frequency: str, site=None):
    """(userid, [subscriptions]) of every member with subscriptions at ``frequency``."""
    for userid, mine in registry(site).by_user.items():
        chosen = [subscription for subscription in mine.values() if subscription.frequency == frequency]
        if chosen:
            yield userid, chosen


def record_change(change: dict, site=None) -> int:
    """Add ``change`` to the log (keys: kind, uid, path, collection, solution); its number."""
    changes = registry(site).changes
    number = (changes.maxKey() + 1) if changes else 1
    changes[number] = dict(change, time=time.time())
    _after_commit(site if site is not None else api.portal.get())
    return number


# Transactions whose commit tells the immediate dispatcher (looked up by identity).
_NOTIFIED = object()


def _after_commit(site) -> None:
    from osor.collection.subscriptions.immediate import changes_committed

    txn = transaction.get()
    try:
        txn.data(_NOTIFIED)
    except KeyError:
        txn.set_data(_NOTIFIED, True)
        txn.addAfterCommitHook(changes_committed, args=("/".join(site.getPhysicalPath()),))


def changes_after(seen: int, site=None):
    """(number, change) of the changes after ``seen``, oldest first."""
    return registry(site).changes.items(seen + 1)


def prune_changes(now: float | None = None, site=None) -> int:
    """Drop the changes older than ``KEEP_CHANGES_SECONDS``; how many."""
    changes = registry(site).changes
    limit = (now or time.time()) - KEEP_CHANGES_SECONDS
    old = [number for number, change in changes.items() if change["time"] < limit]
    for number in old:
        del changes[number]
    return len(old)
