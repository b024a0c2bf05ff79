"""The demo users' subscriptions (``subscriptions:`` of example_content.yaml),
so that ``make start`` shows *My subscriptions* filled and ``make digest``
has someone to write to."""

from osor.collection.demo.example_content import load_example_data
from osor.collection.subscriptions.actions import subscribe
from plone import api


def subscribe_demo_users(root) -> int:
    """Subscribe the demo users below ``root`` (the English root folder); how many subscriptions."""
    count = 0
    for entry in load_example_data().get("subscriptions", []):
        target = root.unrestrictedTraverse(entry["target"], None)
        if target is None or api.user.get(userid=entry["user"]) is None:
            continue
        subscribe(target, entry["user"], entry["frequency"], entry.get("query"))
        count += 1
    return count
