"""The legal coaching service's fixtures, shared by the legal tests and the
tests of the services' parameters.

A pytest plugin (``conftest.py``): ``expert`` (lex, a legal expert, in the
integration community), ``consented`` (alice's answered request, consent
given) and ``private_request`` (alice's question in the committed "nordic"
collection, bob's beside it) are there for every test; ``ask``, ``answered``,
``publish`` and ``SECRET`` (a word only the private questions contain) are
imported by name.
"""

from community_fixtures import acting_as
from community_fixtures import transition
from member_fixtures import make_nordic_collection
from member_fixtures import PASSWORD
from osor.collection.legal import faq
from osor.collection.legal.experts import EXPERTS_GROUP
from osor.collection.membership import members
from plone import api
from plone.app.textfield.value import RichTextValue

import pytest
import transaction


SECRET = "Zanzibarlicence"


@pytest.fixture
def expert(site):
    api.user.create(
        email="lex@example.org",
        username="lex",
        password=PASSWORD,
        properties={"fullname": "Lex Expert"},
    )
    api.group.add_user(groupname=EXPERTS_GROUP, username="lex")
    return "lex"


def ask(collection, userid="alice", **fields):
    fields.setdefault("title", "May we combine EUPL and GPL code?")
    fields.setdefault("question", RichTextValue("<p>Our app links a GPL library.</p>", "text/html", "text/html"))
    fields.setdefault("category", "licence_compatibility")
    with acting_as(userid):
        return api.content.create(container=collection, type="legal_request", **fields)


def answered(request, expert="lex", text="Yes: the EUPL lists the GPL as compatible."):
    transition(request, expert, "take")
    transition(request, expert, "answer", comment=text)
    return request


@pytest.fixture
def consented(site, unmoderated, expert):
    api.user.get(userid="alice").setMemberProperties({"fullname": "Alice Andersen"})
    request = ask(
        unmoderated,
        title="Alice Andersen asks: EUPL and GPL?",
        question=RichTextValue(
            "<p>I am Alice Andersen (alice@example.org). Can alice combine EUPL and GPL?</p>",
            "text/html",
            "text/html",
        ),
        licences=["EUPL-1.2", "GPL-3.0-only"],
        consent=True,
    )
    return answered(request, text="Yes, Alice: the EUPL appendix lists the GPL.")


def publish(request, expert="lex"):
    draft = faq.draft_of(request)
    with acting_as(expert):
        return faq.publish_as_faq(request, draft["title"], draft["question"], draft["answer"])


@pytest.fixture
def private_request(functional_portal):
    collection = make_nordic_collection(functional_portal, moderated=False)
    members.add_member(collection, "alice", "member")
    members.add_member(collection, "bob", "member")
    api.user.create(email="lex@example.org", username="lex", password=PASSWORD)
    api.group.add_user(groupname=EXPERTS_GROUP, username="lex")
    api.portal.set_registry_record("plone.enable_sitemap", True)
    questions = {}
    for userid in ("alice", "bob"):
        with acting_as(userid):
            questions[userid] = api.content.create(
                container=collection,
                type="legal_request",
                id=f"question-of-{userid}",
                title=f"{SECRET} question of {userid}",
                question=RichTextValue(f"<p>{SECRET} asked by {userid}</p>", "text/html", "text/html"),
                category="licence_compatibility",
            )
    transaction.commit()
    return questions["alice"]
