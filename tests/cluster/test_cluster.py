"""Two Zope instances on one RelStorage database under concurrent writes (#28 §1).

`make cluster` on a var of its own: PostgreSQL, two Zope instances as
separate processes, HAProxy in front, the demo site created once in the
database; a real SMTP server (aiosmtpd) as the site's mail server. An
importer then writes through REST, alternately to each instance and from
several threads at once, reading between two changes as a member does,
while anonymous visitors read: members are created and ask to join a closed
collection, a facilitator approves them, each writes a solution, edits it
and submits it, the facilitator publishes half of them and changes
memberships, while an importer imports a folder of publiccode.yml files.

Two members act at a time (at a member's pace), the importer and two
visitors besides: five clients on two instances.

Afterwards: every request succeeded and no write is lost (read back from
the other instance); the ConflictErrors the instances met were retried by
Zope, each counted in their event logs, and they are at most 1% of the
requests; the catalog holds exactly the content (the same objects, counts
per type and review state); every mail went out once, though both
instances run a worker on the shared queue; HAProxy spreads requests over
both instances.
"""

from aiosmtpd.controller import Controller
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from email import message_from_bytes
from email import policy
from pathlib import Path

import itertools
import pytest
import random
import re
import requests
import shutil
import tempfile
import threading
import time


ROOT = Path(__file__).resolve().parents[2]
PUBLICCODE = ROOT / "src" / "osor" / "collection" / "demo" / "publiccode"
ADMIN = ("admin", "cluster-admin-secret")
PASSWORD = "a-long-secret-1"
FACILITATOR = "fran"
COLLECTION = "en/concurrency"
TITLE = "Concurrency"
MEMBERS = 12
PUBLICCODE_FILES = 8
# Files the demo does not import either (MANIFEST.yaml): invalid as
# published, or the demo's own Decidim.
NOT_IMPORTED = {"bootstrap-italia", "catala", "curanexus", "gefo", "lasuite-docs", "decidim"}
THREADS = 2
# Seconds a member reads before her next change; visitors who only read.
THINK_TIME = (1.0, 2.5)
VISITORS = 2


class Recorder:
    """aiosmtpd handler keeping each (recipient, subject) it accepted."""

    def __init__(self):
        self.received = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        subject = message_from_bytes(envelope.content, policy=policy.default)["Subject"]
        with self.lock:
            self.received.extend((recipient, str(subject)) for recipient in envelope.rcpt_tos)
        return "250 OK"


@pytest.fixture(scope="module")
def smtp(free_port):
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, recorder
    controller.stop()


@pytest.fixture(scope="module")
def cluster(make, free_port):
    var = Path(tempfile.mkdtemp(prefix="osor-cluster-"))
    var.chmod(0o755)
    ports = [free_port() for _ in range(4)]
    settings = [f"VAR={var}", f"PORT={ports[0]}", f"INSTANCE_PORTS={ports[1]} {ports[2]}", f"PG_PORT={ports[3]}"]
    try:
        make("cluster", *settings)
        yield {
            "var": var,
            "proxy": f"http://127.0.0.1:{ports[0]}/Plone",
            "instances": [f"http://127.0.0.1:{port}/Plone" for port in ports[1:3]],
        }
    finally:
        make("cluster-stop", *settings, check=False)
        keep_logs(var / "cluster")
        shutil.rmtree(var, ignore_errors=True)


def keep_logs(cluster: Path) -> None:
    """The logs of the last run stay in build/test-cluster-logs/ (to read after a failure)."""
    kept = ROOT / "build" / "test-cluster-logs"
    shutil.rmtree(kept, ignore_errors=True)
    for log in [*cluster.glob("instance*/log/*.log"), cluster / "haproxy.log"]:
        if log.exists():
            target = kept / log.relative_to(cluster)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(log, target)


class Importer:
    """REST calls, each to the next instance in turn; counts and keeps failures."""

    def __init__(self, instances: list[str]):
        self.instances = instances
        self.turn = itertools.count()
        self.lock = threading.Lock()
        self.requests = 0
        self.writes = 0
        self.failures = []

    def call(self, method: str, path: str, auth, **options) -> requests.Response:
        base = self.instances[next(self.turn) % len(self.instances)]
        headers = {"Accept": "application/json", **options.pop("headers", {})}
        response = requests.request(method, f"{base}/{path}", auth=auth, headers=headers, timeout=300, **options)
        with self.lock:
            self.requests += 1
            self.writes += method != "GET"
            if response.status_code >= 300:
                self.failures.append(f"{method} {path} on {base}: {response.status_code} {response.text[:300]}")
        return response

    def member_story(self, number: int) -> None:
        """One member, from her account to her solution (each step after the one before)."""
        userid = f"member{number}"
        me = (userid, PASSWORD)
        fran = (FACILITATOR, PASSWORD)
        self.call("POST", "@users", ADMIN, json=user(userid, f"Member {number}"))
        self.browse(me)
        self.call("POST", f"{COLLECTION}/@membership", me, json={"action": "join", "message": "Hello"})
        self.browse(fran)
        self.call("POST", f"{COLLECTION}/@membership", fran, json={"action": "approve", "userid": userid})
        self.browse(me)
        solution = {"@type": "software_solution", "id": f"solution-{number}", "title": f"Solution {number}"}
        self.call("POST", COLLECTION, me, json=solution)
        self.browse(me, f"solution-{number}")
        self.call("PATCH", f"{COLLECTION}/solution-{number}", me, json={"description": f"Edited by {userid}"})
        self.browse(me, f"solution-{number}")
        self.call("POST", f"{COLLECTION}/solution-{number}/@workflow/submit", me)
        self.browse(fran, f"solution-{number}")
        if number % 2 == 0:
            self.call("POST", f"{COLLECTION}/solution-{number}/@workflow/approve", fran)
        if number % 3 == 0:
            change = {"action": "change_role", "userid": userid, "role": "author"}
            self.call("POST", f"{COLLECTION}/@membership", fran, json=change)
        elif number % 4 == 1:
            self.call("POST", f"{COLLECTION}/@membership", fran, json={"action": "remove", "userid": userid})

    def browse(self, auth, item: str = "") -> None:
        """What a member's browser reads between two changes, and the time she takes."""
        self.call("GET", f"{COLLECTION}/{item}" if item else COLLECTION, auth)
        self.call("GET", f"{COLLECTION}/@membership", auth)
        time.sleep(random.uniform(*THINK_TIME))  # noqa: S311 - a pause, not a secret

    def visit(self, writing: threading.Event) -> None:
        """An anonymous visitor reading while the others write."""
        pages = ["en/osor", "en/osor/@search?portal_type=software_solution", COLLECTION, "en/osor/decidim"]
        while writing.is_set():
            self.call("GET", random.choice(pages), None)  # noqa: S311 - a page, not a secret

    def import_publiccode(self, folder: list[Path]) -> None:
        """The importer: one file after the other, as `make import-publiccode` does."""
        for path in folder:
            self.call(
                "POST",
                f"{COLLECTION}/@publiccode-import",
                (FACILITATOR, PASSWORD),
                data=path.read_bytes(),
                headers={"Content-Type": "application/yaml"},
            )


def user(userid: str, fullname: str) -> dict:
    return {"username": userid, "email": f"{userid}@example.org", "password": PASSWORD, "fullname": fullname}


def expected_role(number: int) -> str | None:
    if number % 3 == 0:
        return "author"
    return None if number % 4 == 1 else "member"


def expected_mails() -> Counter:
    mails = Counter({(f"{FACILITATOR}@example.org", f"You are now a member of {TITLE}"): 1})
    for number in range(MEMBERS):
        mails[(f"{FACILITATOR}@example.org", f"Member {number} asks to join {TITLE}")] += 1
        mails[(f"member{number}@example.org", f"Welcome to {TITLE}")] += 1
        mails[(f"{FACILITATOR}@example.org", f"To review in {TITLE}: Solution {number}")] += 1
        if number % 2 == 0:
            mails[(f"member{number}@example.org", f"Published: Solution {number}")] += 1
    return mails


def set_up_collection(importer: Importer, smtp_port: int) -> None:
    """The site's mail server, a closed moderated collection and its facilitator."""
    call = importer.call
    call("PATCH", "@controlpanels/mail", ADMIN, json={"smtp_host": "127.0.0.1", "smtp_port": smtp_port})
    collection = {"@type": "community_collection", "id": "concurrency", "title": TITLE, "closed": True}
    call("POST", "en", ADMIN, json=dict(collection, moderated=True, content_creation="only_members"))
    call("POST", f"{COLLECTION}/@workflow/validate", ADMIN)
    call("POST", "@users", ADMIN, json=user(FACILITATOR, "Fran Facilitator"))
    call("POST", f"{COLLECTION}/@membership", ADMIN, json={"action": "add", "user": FACILITATOR, "role": "facilitator"})
    assert not importer.failures, importer.failures


def conflicts_in_logs(var: Path) -> dict:
    counts = {"retried": 0, "not retried": 0}
    for log in sorted((var / "cluster").glob("instance*/log/event.log")):
        for line in log.read_text(errors="replace").splitlines():
            found = re.search(r"ConflictError (retried|not retried)", line)
            if found:
                counts[found.group(1)] += 1
    return counts


def wait_for_mails(recorder: Recorder, count: int, deadline: float = 120.0) -> None:
    end = time.monotonic() + deadline
    while len(recorder.received) < count and time.monotonic() < end:
        time.sleep(0.5)
    time.sleep(3.0)  # a mail sent twice would arrive now


def test_two_instances_take_concurrent_writes_without_losing_any(cluster, smtp, site_state, tmp_path):
    smtp_port, recorder = smtp
    importer = Importer(cluster["instances"])
    set_up_collection(importer, smtp_port)
    publiccode_files = [path for path in sorted(PUBLICCODE.glob("*.yml")) if path.stem not in NOT_IMPORTED]
    publiccode_files = publiccode_files[:PUBLICCODE_FILES]

    writing = threading.Event()
    writing.set()
    with ThreadPoolExecutor(THREADS + 1 + VISITORS) as pool:
        visitors = [pool.submit(importer.visit, writing) for _ in range(VISITORS)]
        stories = [pool.submit(importer.member_story, number) for number in range(MEMBERS)]
        imports = [pool.submit(importer.import_publiccode, publiccode_files)]
        for future in stories + imports:
            future.result()
        writing.clear()
        for future in visitors:
            future.result()

    assert not importer.failures, "\n".join(importer.failures)

    # No write lost, read back through the other instance too.
    fran = (FACILITATOR, PASSWORD)
    membership = importer.call("GET", f"{COLLECTION}/@membership", fran).json()
    roles = {row["userid"]: row["role"] for row in membership["members"]}
    assert roles.pop(FACILITATOR) == "facilitator"
    assert roles.pop("admin") == "owner"  # who created the collection
    assert roles == {f"member{n}": expected_role(n) for n in range(MEMBERS) if expected_role(n)}
    assert not membership["pending"]
    for number in range(MEMBERS):
        solution = importer.call("GET", f"{COLLECTION}/solution-{number}", ADMIN).json()
        assert solution["description"] == f"Edited by member{number}"
        assert solution["review_state"] == ("published" if number % 2 == 0 else "proposed")
    search = importer.call(
        "GET", f"{COLLECTION}/@search", ADMIN, params={"portal_type": "software_solution", "b_size": 100}
    ).json()
    assert search["items_total"] == MEMBERS + len(publiccode_files)

    # The catalog holds exactly the content, walked object by object.
    state = site_state(cluster["var"] / "cluster" / "instance1" / "etc" / "zope.conf", "snapshot", tmp_path / "s.json")
    catalog = {path: record for path, record in state["catalog"].items() if path}  # "": the site itself
    assert set(catalog) == set(state["content"])
    for path, record in catalog.items():
        content = state["content"][path]
        assert (record["uid"], record["type"]) == (content["uid"], content["type"]), path
    assert Counter((r["type"], r["review_state"]) for r in catalog.values()) == Counter(
        (c["type"], c["review_state"] or "(missing)") for c in state["content"].values()
    )

    # Every mail once, though two workers share the queue.
    expected = expected_mails()
    wait_for_mails(recorder, sum(expected.values()))
    received = Counter(mail for mail in recorder.received if mail[0].split("@")[0] in (FACILITATOR, *_members()))
    assert received == expected
    queue = cluster["var"] / "cluster" / "mail-queue"
    assert [path.name for folder in ("new", "sending", "failed") for path in (queue / folder).iterdir()] == []

    # Conflicts: retried by Zope, counted in the logs, rare.
    conflicts = conflicts_in_logs(cluster["var"])
    print(f"\n{importer.requests} requests ({importer.writes} writing), conflicts: {conflicts}")
    assert conflicts["not retried"] == 0
    assert conflicts["retried"] <= importer.requests / 100


def _members():
    return [f"member{number}" for number in range(MEMBERS)]


def test_haproxy_spreads_requests_over_both_instances(cluster):
    for _ in range(6):
        assert requests.get(f"{cluster['proxy']}/en/osor", timeout=120).status_code == 200
    log = (cluster["var"] / "cluster" / "haproxy.log").read_text()
    served = Counter(re.findall(r" zope/(instance\d) .*\"GET /Plone/en/osor ", log))
    assert served == {"instance1": 3, "instance2": 3}
