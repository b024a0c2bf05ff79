"""Load every record of the database, as zodbverify does, inside Zope.

Run with:  .venv/bin/zconsole run var/etc/zope.conf scripts/verify_database.py [report.json]

Inside a Zope process (zconsole binds ``app``) the classes a record names
are importable as the running site has them (Dexterity's generated schemas
included), so a record that cannot be loaded here is one the site cannot
load either: a class or module removed without a migration. Prints what
zodbverify prints for each such record and exits 1 when there is one; with
a path, also writes ``{"records": n, "unloadable": {error: [oid, ...]}}``.
zodbverify is in the add-on's ``test`` extra.
"""

from collections import defaultdict
from ZODB.utils import oid_repr
from zodbverify.verify import verify_record

import json
import sys


app = globals()["app"]


def unloadable_records(storage) -> tuple[int, dict[str, list[str]]]:
    """How many records ``storage`` holds, and those that cannot be loaded
    (by error message)."""
    issues = defaultdict(list)
    count = 0
    next_ = None
    while True:
        oid, _tid, data, next_ = storage.record_iternext(next_)
        count += 1
        success, message = verify_record(oid, data)
        if not success:
            issues[message].append(oid_repr(oid))
        if next_ is None:
            return count, dict(issues)


records, unloadable = unloadable_records(app._p_jar.db().storage)
print(f"{records} records, {sum(map(len, unloadable.values()))} could not be loaded")
for message, oids in unloadable.items():
    print(f"{message}: {len(oids)}\n{' '.join(oids)}")
if len(sys.argv) > 1 and sys.argv[-1].endswith(".json"):
    with open(sys.argv[-1], "w") as output:
        json.dump({"records": records, "unloadable": unloadable}, output)
sys.exit(1 if unloadable else 0)
