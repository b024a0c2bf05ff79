"""The demo's usage declarations and vitality values (#29 §3).

Demo users declare who uses a solution (``usage_declarations`` in
example_content.yaml); the collection's facilitator approves all but those
marked ``pending``, which stay in her review list. The free-text "used by"
names become declarations too (as the upgrade to 1004 does), and the
nightly vitality job runs once so that the facet has values.
"""

from osor.collection.demo.example_content import load_example_data
from osor.collection.usage import declarations
from osor.collection.usage.vitality import compute_all
from plone import api


FACILITATOR = "fiona"


def create_usage_examples(root) -> list[dict]:
    created = []
    for entry in load_example_data().get("usage_declarations", ()):
        solution = root.unrestrictedTraverse(entry["solution"])
        values = {key: value for key, value in entry.items() if key not in ("solution", "user", "pending")}
        with api.env.adopt_user(username=entry["user"]):
            record = declarations.declare(solution, values)
        if not entry.get("pending") and record["state"] == declarations.PENDING:
            with api.env.adopt_user(username=FACILITATOR):
                record = declarations.moderate(solution, record["id"], declarations.APPROVED)
        created.append(record)
    for brain in api.content.find(context=root, portal_type="software_solution"):
        solution = brain.getObject()
        for name in solution.used_by or ():
            declarations.add_migrated(solution, name)
        solution.reindexObject(idxs=["osor_used_in_country", "osor_has_referents"])
    compute_all()
    return created
