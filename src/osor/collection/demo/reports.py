"""The demo's report and outdated item (``reports`` and ``outdated`` of the
data file), so that the Waiting for review list and the outdated notice
can be seen on ``make start``. Runs after the demo users and the
translations exist (a translation would date the item again); idempotent.
"""

from DateTime import DateTime
from osor.collection.review.outdated import CONFIRMED_INDEX
from osor.collection.review.outdated import DAYS_PER_MONTH
from osor.collection.review.reports import add_report
from osor.collection.review.reports import reports_of
from plone import api


def create_report_examples(root, data: dict) -> None:
    for spec in data.get("reports", ()):
        collection = root.unrestrictedTraverse(spec["collection"])
        item = root.unrestrictedTraverse(spec["item"])
        if any(report["item_uid"] == item.UID() for report in reports_of(collection, state=None)):
            continue
        with api.env.adopt_user(username=spec["reporter"]):
            add_report(item, spec["reason"], spec["message"])
    for spec in data.get("outdated", ()):
        item = root.unrestrictedTraverse(spec["item"])
        # Dated back as if nobody had touched it since: only its dates change.
        item.setModificationDate(DateTime() - spec["months_ago"] * DAYS_PER_MONTH)
        item.reindexObject(idxs=["modified", CONFIRMED_INDEX])
