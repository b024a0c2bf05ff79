"""The legal coaching service's examples (``legal_requests`` of the data
file): each request is asked by its requester (who becomes its owner, as
through the form), taken and answered by its expert, and, when it says so,
published as an anonymised Legal FAQ entry, so the whole journey of
issue #18 can be followed on the demo site. Runs after the demo users
exist; idempotent.
"""

from osor.collection.demo.items import field_values
from osor.collection.legal import faq
from plone import api
from plone.app.textfield.value import RichTextValue


# Keys of a request in the data file that are not its fields.
STEP_KEYS = {"collection", "requester", "expert", "answer", "publish_as_faq"}


def create_legal_examples(root, requests: list[dict]) -> list:
    """Create, answer and publish the example requests; return those created."""
    created = []
    for spec in requests:
        collection = root.unrestrictedTraverse(spec["collection"])
        if spec["id"] in collection.objectIds():
            continue
        node = {"type": "legal_request", **{k: v for k, v in spec.items() if k not in STEP_KEYS}}
        values, _relations = field_values(node)
        with api.env.adopt_user(username=spec["requester"]):
            request = api.content.create(
                container=collection, type="legal_request", id=spec["id"], safe_id=False, **values
            )
        if spec.get("answer"):
            _answer(request, spec["expert"], spec["answer"], spec.get("publish_as_faq", False))
        created.append(request)
    return created


def _answer(request, expert: str, answer: str, publish: bool) -> None:
    with api.env.adopt_user(username=expert):
        api.content.transition(request, transition="take")
        request.answer = RichTextValue(answer, "text/html", "text/x-html-safe")
        api.content.transition(request, transition="answer")
        if publish:
            draft = faq.draft_of(request)
            faq.publish_as_faq(request, draft["title"], draft["question"], draft["answer"])
