"""make bench: the faceted search and our pages measured against bare Plone.

One process, one Zope (osor.collection's test fixture, in-memory storage):
for each N it creates N software solutions (each with a release and a
distribution) through the add-on's own API (from N = 10,000 on, by the
fast fill of ``fast_fill.py``, same stored state), and N plain Documents in a
folder carrying equivalent indexed values (Subject keywords standing in for
topics and countries); then it times each of our requests and its Plone
baseline in the same run and prints p50, p95 and their ratio, the objects
each loads, the memory of the process, and the growth from one N to the next.

    make bench               # N = 1000 and 10000
    make bench N="100 1000"  # any sizes, ascending (content is added, not rebuilt)

BENCH_REPEAT (30) sets the timed calls per measure, BENCH_BATCH (250) the
items created per commit, BENCH_FAST_FROM (10000) the first N made by the
fast fill (0: all of them). Results and their reading: benchmarks/RESULTS.md.
"""

from contextlib import contextmanager
from datetime import date

import argparse
import fast_fill
import items
import itertools
import logging
import os
import platform
import random
import sys
import time


WORDS = [
    "interoperability",
    "platform",
    "registry",
    "citizen",
    "portal",
    "identity",
    "signature",
    "procurement",
    "archive",
    "geodata",
    "health",
    "justice",
    "mobility",
    "tax",
    "cloud",
    "security",
    "dashboard",
    "workflow",
]
COUNTRIES = ["DK", "FR", "DE", "ES", "IT", "NL", "PL", "PT", "SE", "FI", "EU"]
LICENCES = ["EUPL-1.2", "MIT", "Apache-2.0", "GPL-3.0-only", "AGPL-3.0-only"]
TOPICS = [
    "GOVE-interoperability", "GOVE-open-data", "GOVE-ospo", "GOVE-open-source-policy",
    "TECH-cloud", "TECH-cybersecurity", "TECH-open-standards", "HEAL-e-health",
    "JUST-e-justice", "REGI-smart-cities",
]  # fmt: skip
STATUSES = ["UnderDevelopment", "Completed", "Deprecated"]
OWNER_TYPES = ["NationalAuthority", "RegionalAuthority", "LocalAuthority", "Company"]
REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))
BATCH = int(os.environ.get("BENCH_BATCH", "250"))  # items created per commit
# From this size on, the content is added by the fast fill (fast_fill.py).
FAST_FROM = int(os.environ.get("BENCH_FAST_FROM", "10000"))


# The Zope ------------------------------------------------------------------


def set_up(layer, done):
    for base in layer.__bases__:
        set_up(base, done)
    if layer not in done:
        layer.setUp()
        done.append(layer)


def zope():
    """The portal and request of osor.collection's test fixture, in a
    functional layer (commits allowed, storage in memory)."""
    os.environ.setdefault("zope_i18n_compile_mo_files", "true")
    from osor.collection.testing import FIXTURE
    from plone.app.testing import FunctionalTesting

    layer = FunctionalTesting(bases=(FIXTURE,), name="OsorCollectionLayer:Bench")
    set_up(layer, [])
    layer.testSetUp()
    return layer["portal"], layer["request"]


# Content -------------------------------------------------------------------


def create_content(portal, start, stop, rng, fast=False):
    """Solutions start..stop (with a release and a distribution) and as many
    Documents, through the add-on's API (``plone.api`` and our event
    handlers), in batches: each batch of solutions, then of Documents, is
    indexed at once (the indexing queue merges an object's index and
    reindex calls into one), saved to a savepoint and committed, and the
    ZODB cache is trimmed, so that memory stays flat at 10,000 and more.
    The rates count creating *and* indexing (not the commit, shared).

    ``fast``: the same items stored by ``fast_fill`` (same stored state,
    without the events of ``plone.api``), for the sizes from
    ``BENCH_FAST_FROM``."""
    from plone import api
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from Products.CMFCore.indexing import processQueue

    import transaction

    setRoles(portal, TEST_USER_ID, ["Manager"])
    if "osor" not in portal:
        # As on a real site (the test fixture has no default workflow).
        portal.portal_workflow.setChainForPortalTypes(("Folder", "Document"), "simple_publication_workflow")
        collection = api.content.create(container=portal, type="community_collection", id="osor", title="OSOR")
        api.content.transition(collection, to_state="validated")
        folder = api.content.create(container=portal, type="Folder", id="docs", title="Docs")
        api.content.transition(folder, to_state="published")
        enable_syndication(folder)
    collection, folder = portal["osor"], portal["docs"]

    make_solution = fast_fill.fill_solution if fast else create_solution
    timings = {"solution": 0.0, "document": 0.0}
    for first in range(start, stop, BATCH):
        batch = [draw(number, rng) for number in range(first, min(stop, first + BATCH))]
        began = time.perf_counter()
        for values in batch:
            make_solution(collection, values)
        processQueue()
        transaction.savepoint(optimistic=True)
        timings["solution"] += time.perf_counter() - began
        began = time.perf_counter()
        if fast:
            fast_fill.fill_documents(folder, batch)
        else:
            for values in batch:
                create_document(folder, values)
        processQueue()
        transaction.savepoint(optimistic=True)
        timings["document"] += time.perf_counter() - began
        transaction.commit()
        portal._p_jar.cacheGC()
        done = first + len(batch)
        if (done - start) % (10 * BATCH) == 0:  # a sign of life in long fills
            print(f"  {done} of {stop} made, {memory()}", file=sys.stderr, flush=True)
    setRoles(portal, TEST_USER_ID, ["Member"])
    count = stop - start
    return {kind: count / seconds for kind, seconds in timings.items()}


def draw(number, rng) -> dict:
    """Realistic, varied facet values for item ``number``."""
    return {
        "number": number,
        "countries": rng.sample(COUNTRIES, rng.randint(1, 2)),
        "topics": rng.sample(TOPICS, rng.randint(1, 2)),
        "words": " ".join(rng.sample(WORDS, 3)),
        "licence": rng.choice(LICENCES),
        "status": rng.choice(STATUSES),
        "owner_type": rng.choice(OWNER_TYPES),
    }


def create_solution(collection, values):
    """A published solution with a release and a distribution."""
    from plone import api

    solution = api.content.create(container=collection, type="software_solution", **items.solution(values))
    release = api.content.create(container=solution, type="solution_release", **items.release(values))
    api.content.create(container=release, type="solution_distribution", **items.distribution(values))
    api.content.transition(solution, to_state="published")


def create_document(folder, values):
    """A published Document with the same values as Subject keywords."""
    from plone import api

    document = api.content.create(container=folder, type="Document", **items.document(values))
    api.content.transition(document, to_state="published")


def enable_syndication(folder):
    """The folder's RSS feed on, as the collection's is by default."""
    from plone.base.interfaces.syndication import IFeedSettings

    IFeedSettings(folder).enabled = True


# Measuring -----------------------------------------------------------------


@contextmanager
def form(request, values):
    """``request`` as a new request with the query ``values``: what one call
    sets on it is gone before the next (Plone's ``@@search`` page sets
    ``disable_plone.leftcolumn``, which would hide the navigation portlet
    from every page measured after it), and so is the catalog's cache of
    index results, which lives for one request."""
    request.other.pop("__catalog_cache__", None)  # ZCatalog's cache lives for one request
    other = dict(request.other)
    request.form.clear()
    request.form.update(values)
    for key in list(getattr(request, "_annotations", {}) or {}):
        del request._annotations[key]  # plone.memoize's per-request caches
    try:
        yield request
    finally:
        request.form.clear()
        request.other.clear()
        request.other.update(other)


def timed(call, request, values, repeat=REPEAT) -> list[float]:
    durations = []
    for _attempt in range(repeat):
        durations.append(timed_once(call, request, values))
    return durations


def timed_once(call, request, values) -> float:
    with form(request, values):
        began = time.perf_counter()
        call()
        return time.perf_counter() - began


def timed_pair(ours, baseline, request, our_form, baseline_form, repeat=REPEAT) -> tuple[list, list]:
    """Our call and its baseline, alternately: on a shared machine whose
    load changes from minute to minute, both see the same load."""
    mine, theirs = [], []
    for _attempt in range(repeat):
        mine.append(timed_once(ours, request, our_form))
        theirs.append(timed_once(baseline, request, baseline_form))
    return mine, theirs


def loads(portal, call, request, values) -> tuple[int, int]:
    """Objects loaded from the ZODB by one call with a cold cache: every
    persistent object (mostly the catalog's BTree buckets, which grow with
    N for Plone as for us), and content objects alone (Dexterity items and
    folders woken up: the figure that must not grow with the results)."""
    from plone.dexterity.content import DexterityContent
    from ZODB.Connection import Connection

    connection = portal._p_jar
    connection.cacheMinimize()
    connection.getTransferCounts(clear=True)
    woken = []
    setstate = Connection.setstate

    def counting_setstate(self, obj):
        setstate(self, obj)
        if isinstance(obj, DexterityContent):
            woken.append(obj)

    Connection.setstate = counting_setstate
    try:
        with form(request, values):
            call()
    finally:
        Connection.setstate = setstate
    return connection.getTransferCounts(clear=True)[0], len(woken)


def p(durations, q) -> float:
    ordered = sorted(durations)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def reply(service_class, context, request):
    """What a plone.rest service answers (its JSON data, before rendering)."""
    service = service_class()
    service.context, service.request = context, request
    return service.reply()


def comparisons(portal, request):
    """(name, ours, baseline, form) of every comparison."""
    from osor.collection.browser.faceted_search import FacetedSearchView
    from osor.collection.services.faceted_search.get import FacetedSearchGet
    from plone.app.testing import logout
    from plone.restapi.interfaces import ISerializeToJson
    from plone.restapi.services.search.get import SearchGet
    from zope.component import getMultiAdapter

    logout()
    collection, folder = portal["osor"], portal["docs"]
    solution = collection["solution-1"]
    document = folder["document-1"]
    six_facets = "osor_topics,osor_countries,osor_licences,osor_status,osor_owner_type,portal_type"
    filters = {"SearchableText": "interoperability", "osor_countries": "DK"}
    plain = dict(filters, portal_type="software_solution", b_size="20")
    ours = dict(filters, facets=six_facets)
    return [
        (
            "faceted search with counts (6 facets + text) vs @search",
            lambda: reply(FacetedSearchGet, portal, request),
            lambda: reply(SearchGet, portal, request),
            ours,
            plain,
        ),
        (
            "@@faceted-search page vs Plone's @@search page",
            lambda: FacetedSearchView(portal, request)(),
            lambda: getMultiAdapter((portal, request), name="search")(),
            ours,
            plain,
        ),
        (
            "solution page vs Document page (anonymous)",
            lambda: solution.restrictedTraverse(solution.getLayout() or "view")(),
            lambda: document.restrictedTraverse(document.getLayout() or "view")(),
            {},
            {},
        ),
        (
            "solution vs Document, REST GET",
            lambda: getMultiAdapter((solution, request), ISerializeToJson)(),
            lambda: getMultiAdapter((document, request), ISerializeToJson)(),
            {},
            {},
        ),
        (
            "collection homepage vs a folder listing of as many items",
            lambda: collection.restrictedTraverse(collection.getLayout() or "view")(),
            lambda: folder.restrictedTraverse(folder.getLayout() or "view")(),
            {},
            {},
        ),
        (
            "collection RSS feed vs the folder's RSS feed",
            lambda: collection.restrictedTraverse("rss.xml")(),
            lambda: folder.restrictedTraverse("rss.xml")(),
            {},
            {},
        ),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    sizes = sorted(parser.parse_args().sizes)
    portal, request = zope()
    from osor.collection.interfaces import IOsorCollectionLayer
    from plone.app.testing import login
    from plone.app.testing import TEST_USER_NAME
    from zope.interface import alsoProvides

    alsoProvides(request, IOsorCollectionLayer)
    # The bench's creator has no e-mail address: one warning per item otherwise.
    logging.getLogger("osor.collection").setLevel(logging.ERROR)
    rng = random.Random(17)
    print(f"# make bench — {date.today()} — {platform.node()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, {REPEAT} runs per measure")  # fmt: skip
    created = 0
    rows = {}
    for size in sizes:
        login(portal, TEST_USER_NAME)
        began = time.perf_counter()
        fast = size >= FAST_FROM
        rates = create_content(portal, created, size, rng, fast=fast)
        print(f"\n## N = {size}\n\ncreated {size - created} solutions (+release+distribution) "
              f"and {size - created} Documents {'by the fast fill' if fast else 'through plone.api'} "
              f"in {time.perf_counter() - began:.0f} s: "
              f"{rates['solution']:.1f} solutions/s vs {rates['document']:.1f} Documents/s "
              f"(ratio {rates['document'] / rates['solution']:.2f}); load average "
              f"{' '.join(f'{load:.1f}' for load in os.getloadavg())}\n")  # fmt: skip
        created = size
        print(
            "| measure | ours p50 ms | ours p95 ms | Plone p50 ms | Plone p95 ms | p50 ratio "
            "| p95 ratio | ZODB loads ours / Plone | content objects loaded ours / Plone |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for name, ours, baseline, our_form, baseline_form in comparisons(portal, request):
            timed(ours, request, our_form, repeat=2)  # warm up: templates, caches
            timed(baseline, request, baseline_form, repeat=2)
            mine, theirs = timed_pair(ours, baseline, request, our_form, baseline_form)
            loaded = loads(portal, ours, request, our_form), loads(portal, baseline, request, baseline_form)
            rows.setdefault(name, {})[size] = (p(mine, 0.5), p(theirs, 0.5), loaded[0][0], loaded[1][0])
            print(
                f"| {name} | {p(mine, 0.5):.1f} | {p(mine, 0.95):.1f} | {p(theirs, 0.5):.1f} | "
                f"{p(theirs, 0.95):.1f} | {p(mine, 0.5) / p(theirs, 0.5):.2f} | "
                f"{p(mine, 0.95) / p(theirs, 0.95):.2f} | {loaded[0][0]} / {loaded[1][0]} | "
                f"{loaded[0][1]} / {loaded[1][1]} |"
            )
        print(f"\nload average after the measures: {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
        print(f"memory of this (serving) process: {memory()}")
        sys.stdout.flush()
    for smaller, larger in itertools.pairwise(sizes):
        growth(rows, smaller, larger)


def growth(rows, smaller, larger):
    """How each measure grew from N = ``smaller`` to ``larger``: ours, Plone's,
    and the ZODB loads of each."""
    print(f"\n## Growth from N = {smaller} to N = {larger}\n")
    print("| measure | ours p50 × | Plone p50 × | ZODB loads ours × | ZODB loads Plone × |")
    print("| --- | --- | --- | --- | --- |")
    for name, by_size in rows.items():
        before, after = by_size[smaller], by_size[larger]
        print(f"| {name} | " + " | ".join(f"{now / then:.2f}" for then, now in zip(before, after, strict=True)) + " |")


def memory() -> str:
    """Resident memory now and at its peak (the storage is in memory too)."""
    import resource

    with open("/proc/self/status") as status:
        resident = next(line.split()[1] for line in status if line.startswith("VmRSS:"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return f"RSS {int(resident) / 1024:.0f} MB, peak {peak / 1024:.0f} MB"


if __name__ == "__main__":
    main()
