"""make bench, the digest part: a digest run for 1,000 subscribers and 1,000 changes.

One Zope (osor.collection's test fixture, in-memory storage, the mail queue
in a temporary directory): 10 collections, 1,000 members each subscribed
daily to one collection (every fifth also to a saved search of it,
"solutions in Finland"), then 1,000 news items and solutions published
across the collections (the changes, recorded by the add-on's own event
handlers). Then it times, with the peak of Python memory (tracemalloc):
a dry run, the run that builds the digests and queues the mails, the
commit that writes them to the mail queue, and a second run (nothing new).

    .venv/bin/python benchmarks/digest.py [SUBSCRIBERS CHANGES]
"""

from contextlib import contextmanager

import logging
import os
import platform
import resource
import sys
import time
import tracemalloc


COLLECTIONS = 10


def zope():
    os.environ.setdefault("zope_i18n_compile_mo_files", "true")
    from osor.collection.testing import FIXTURE
    from plone.app.testing import FunctionalTesting

    layer = FunctionalTesting(bases=(FIXTURE,), name="OsorCollectionLayer:DigestBench")

    def set_up(each, done):
        for base in each.__bases__:
            set_up(base, done)
        if each not in done:
            each.setUp()
            done.append(each)

    set_up(layer, [])
    layer.testSetUp()
    return layer["portal"]


@contextmanager
def measured(results: dict, name: str):
    tracemalloc.start()
    began = time.perf_counter()
    try:
        yield
    finally:
        seconds = time.perf_counter() - began
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        results[name] = (seconds, peak / 2**20)


def build_site(portal, subscribers: int, changes: int) -> None:
    from osor.collection.subscriptions import storage
    from plone import api
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from Products.CMFCore.indexing import processQueue

    import transaction

    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.portal.set_registry_record("plone.email_from_address", "osor@example.org")
    collections = []
    for number in range(COLLECTIONS):
        collection = api.content.create(container=portal, type="community_collection", title=f"Collection {number}")
        api.content.transition(collection, to_state="validated")
        collections.append(collection)
    transaction.commit()
    began = time.perf_counter()
    for number in range(subscribers):
        userid = f"member{number:04d}"
        api.user.create(email=f"{userid}@example.org", username=userid, password="a-long-bench-password")  # noqa: S106 - a throw-away test user
        collection = collections[number % COLLECTIONS]
        storage.subscribe(userid, collection, storage.DAILY)
        if number % 5 == 0:
            storage.subscribe(
                userid, collection, storage.DAILY, query="osor_countries=FI&portal_type=software_solution"
            )
        if number % 250 == 249:
            transaction.commit()
    transaction.commit()
    print(f"created {subscribers} subscribers in {time.perf_counter() - began:.0f} s", flush=True)
    began = time.perf_counter()
    for number in range(changes):
        collection = collections[number % COLLECTIONS]
        if number % 2:
            item = api.content.create(container=collection, type="community_news", title=f"News {number}")
        else:
            country = "FI" if number % 4 == 0 else "DK"
            item = api.content.create(
                container=collection, type="software_solution", title=f"Solution {number}", spatial_coverage=[country]
            )
        api.content.transition(item, transition="publish")
        if number % 250 == 249:
            processQueue()
            transaction.commit()
            portal._p_jar.cacheGC()
    transaction.commit()
    print(f"published {changes} items (the changes) in {time.perf_counter() - began:.0f} s", flush=True)
    portal.MailHost.reset()
    transaction.commit()


def run(subscribers: int, changes: int) -> dict:
    from osor.collection.mail.config import queue_directory
    from osor.collection.mail.queue import MailQueue
    from osor.collection.subscriptions.digest import run_digests

    import transaction

    portal = zope()
    build_site(portal, subscribers, changes)
    results = {}
    with measured(results, "dry run (build only)"):
        dry = run_digests("daily", dry_run=True)
    transaction.abort()
    with measured(results, "run: build the digests, queue the mails"):
        digests = run_digests("daily")
    with measured(results, "commit: write the mails to the mail queue"):
        transaction.commit()
    with measured(results, "second run (nothing new)"):
        again = run_digests("daily")
        transaction.commit()
    queued = len(MailQueue(queue_directory()).messages())
    items = sum(len(digest.items) for digest in digests)
    return {
        "results": results,
        "digests": len(digests),
        "dry": len(dry),
        "items": items,
        "queued": queued,
        "again": len(again),
        "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main():
    logging.disable(logging.WARNING)
    subscribers, changes = (int(value) for value in (sys.argv[1:3] or (1000, 1000)))
    outcome = run(subscribers, changes)
    print()
    print(f"#### Digest run: {subscribers} subscribers, {changes} changes")
    print()
    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores")
    print(
        f"{outcome['digests']} digests ({outcome['dry']} in the dry run), {outcome['items']} items, "
        f"{outcome['queued']} mails queued; second run: {outcome['again']} digests; "
        f"process peak RSS {outcome['maxrss']:.0f} MiB"
    )
    print()
    print("| step | seconds | peak Python memory (MiB) |")
    print("| --- | --- | --- |")
    for name, (seconds, peak) in outcome["results"].items():
        print(f"| {name} | {seconds:.2f} | {peak:.1f} |")


if __name__ == "__main__":
    main()
