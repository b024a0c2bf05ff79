"""``@subscriptions`` and ``@digest`` over HTTP (issue #29 §1): the member's
subscriptions, site managers' digest runs, and a 400 naming the parameter
for bad input."""

from osor.collection.subscriptions import storage
from plone import api
from subscription_fixtures import PASSWORD
from subscription_fixtures import publish

import email
import pytest
import transaction


def as_member(request_factory, userid="bob"):
    return request_factory(basic_auth=(userid, PASSWORD))


def test_a_member_subscribes_to_a_collection_changes_the_frequency_and_leaves(nordic, request_factory):
    session = as_member(request_factory)

    created = session.post("nordic/@subscriptions", json={"frequency": "weekly"})
    assert created.status_code == 201, created.text
    assert created.json()["frequency"] == "weekly"
    assert created.json()["kind"] == "collection"
    assert created.json()["@id"] == nordic.absolute_url()

    changed = session.post("nordic/@subscriptions", json={"frequency": "immediate"})
    assert changed.status_code == 200
    listed = session.get("nordic/@subscriptions").json()["items"]
    assert [(item["kind"], item["frequency"]) for item in listed] == [("collection", "immediate")]

    left = session.delete("nordic/@subscriptions")
    assert left.status_code == 204
    assert session.get("nordic/@subscriptions").json()["items"] == []


def test_the_site_lists_all_the_members_subscriptions_and_nobody_elses(nordic, request_factory):
    bob = as_member(request_factory)
    bob.post("nordic/@subscriptions", json={"frequency": "daily"})
    bob.post("nordic/decidim/@subscriptions", json={"frequency": "weekly"})
    search = bob.post(
        "nordic/@subscriptions",
        json={"frequency": "daily", "query": "osor_countries=FI&portal_type=software_solution&sort_on=effective"},
    )
    assert search.status_code == 201, search.text
    assert search.json()["query"] == "portal_type=software_solution&osor_countries=FI"
    assert search.json()["@id"].endswith("/nordic/@@faceted-search?portal_type=software_solution&osor_countries=FI")
    as_member(request_factory, "maria").post("nordic/@subscriptions", json={"frequency": "daily"})

    items = bob.get("@subscriptions").json()["items"]

    assert [(item["kind"], item["frequency"]) for item in items] == [
        ("collection", "daily"),
        ("solution", "weekly"),
        ("search", "daily"),
    ]
    # Leaving the saved search leaves the collection's subscription alone.
    assert (
        bob.delete(
            "nordic/@subscriptions", json={"query": "portal_type=software_solution&osor_countries=FI"}
        ).status_code
        == 204
    )
    assert [item["kind"] for item in bob.get("@subscriptions").json()["items"]] == ["collection", "solution"]


def test_anonymous_visitors_are_asked_to_log_in(nordic, request_factory):
    anonymous = request_factory()
    assert anonymous.get("@subscriptions").status_code == 401
    assert anonymous.post("nordic/@subscriptions", json={"frequency": "daily"}).status_code == 401


@pytest.mark.parametrize(
    ("path", "body", "parameter"),
    [
        ("nordic/@subscriptions", {}, "frequency"),
        ("nordic/@subscriptions", {"frequency": "hourly"}, "frequency"),
        ("nordic/@subscriptions", {"frequency": ["daily"]}, "frequency"),
        ("nordic/@subscriptions", {"frequency": "daily", "query": "osor_countries=Atlantis"}, "query"),
        ("nordic/@subscriptions", {"frequency": "daily", "query": "colour=blue"}, "query"),
        ("nordic/decidim/@subscriptions", {"frequency": "daily", "query": "osor_countries=FI"}, "query"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(nordic, request_factory, path, body, parameter):
    response = as_member(request_factory).post(path, json=body)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["parameter"] == parameter
    assert parameter in response.json()["error"]["message"]


def test_leaving_a_subscription_one_does_not_have_is_a_400(nordic, request_factory):
    response = as_member(request_factory).delete("nordic/@subscriptions")
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "@id"


# @digest ----------------------------------------------------------------------------


def test_a_dry_run_answers_the_digests_and_sends_nothing_then_a_run_sends_once(nordic, request_factory, mails):
    as_member(request_factory).post("nordic/@subscriptions", json={"frequency": "weekly"})
    publish(nordic, "OpenProject", id="openproject")
    transaction.commit()
    manager = request_factory(role="Manager")

    dry = manager.post("@digest", json={"frequency": "weekly", "dry_run": True})
    assert dry.status_code == 200, dry.text
    assert dry.json()["digests"] == [
        {
            "userid": "bob",
            "items": [
                {
                    "@id": nordic["openproject"].absolute_url(),
                    "title": "OpenProject",
                    "why": "New in “Nordic open source”",
                }
            ],
        }
    ]
    assert mails() == []

    assert manager.post("@digest", json={"frequency": "weekly"}).json()["digests"][0]["userid"] == "bob"
    assert manager.post("@digest", json={"frequency": "weekly"}).json()["digests"] == []
    assert [recipients for recipients, _text in mails()] == [["bob@example.org"]]


def test_members_may_not_run_digests(nordic, request_factory):
    response = as_member(request_factory, "fred").post("@digest", json={"frequency": "daily"})
    assert response.status_code in (401, 403)


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        ({}, "frequency"),
        ({"frequency": "monthly"}, "frequency"),
        ({"frequency": "daily", "dry_run": "yes"}, "dry_run"),
    ],
)
def test_bad_digest_input_is_a_400_naming_the_parameter(nordic, request_factory, body, parameter):
    response = request_factory(role="Manager").post("@digest", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["parameter"] == parameter


# The unsubscribe link of the mails -------------------------------------------------------


def unsubscribe_link(text: str) -> str:
    [link] = [word for word in text.split() if "@@unsubscribe?token=" in word]
    return link


def bobs_digest_of_one_new_solution(nordic, request_factory, mails) -> str:
    """Bob follows ``nordic`` daily, a solution appears, the digest runs: its text."""
    storage.subscribe("bob", nordic, "daily")
    transaction.commit()
    publish(nordic, "OpenProject")
    transaction.commit()
    request_factory(role="Manager").post("@digest", json={"frequency": "daily"})
    [(_recipients, text)] = mails()
    return text


def test_the_unsubscribe_link_of_a_digest_works_without_logging_in(nordic, request_factory, mails):
    text = bobs_digest_of_one_new_solution(nordic, request_factory, mails)
    link = unsubscribe_link(text)
    browser = request_factory(api=False)

    # Opening the link (a mail scanner does) only asks.
    page = browser.get(link)
    assert page.status_code == 200
    assert "Nordic open source" in page.text
    assert [subscription.id for subscription in storage.subscriptions_of("bob")] == [nordic.UID()]

    done = browser.post(link.split("?")[0], data={"token": link.split("token=")[1]})
    assert done.status_code == 200
    assert "you will no longer get these e-mails" in done.text
    transaction.begin()
    assert storage.subscriptions_of("bob") == []


def digest_headers() -> list:
    """The headers of the digests the site sent, each a ``Message``."""
    host = api.portal.get().MailHost
    parsed = [email.message_from_bytes(raw if isinstance(raw, bytes) else raw.encode()) for raw in host.messages]
    return [message for message in parsed if "List-Unsubscribe" in message]


def test_the_mail_programs_unsubscribe_button_leaves_in_one_click(nordic, request_factory, mails):
    text = bobs_digest_of_one_new_solution(nordic, request_factory, mails)
    [message] = digest_headers()
    assert message["List-Unsubscribe"] == f"<{unsubscribe_link(text)}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # What a mail provider sends (RFC 8058): a POST to the link, no login.
    done = request_factory(api=False).post(
        message["List-Unsubscribe"].strip("<>"), data={"List-Unsubscribe": "One-Click"}
    )
    assert done.status_code == 200
    transaction.begin()
    assert storage.subscriptions_of("bob") == []


def test_a_digest_of_several_subscriptions_points_the_button_to_the_members_page(nordic, request_factory, mails):
    solution = publish(nordic, "OpenProject")
    transaction.commit()
    storage.subscribe("bob", nordic, "daily")
    storage.subscribe("bob", solution, "daily")
    transaction.commit()
    publish(nordic, "Nextcloud")
    transaction.commit()
    request_factory(role="Manager").post("@digest", json={"frequency": "daily"})
    [message] = digest_headers()
    assert message["List-Unsubscribe"] == f"<{api.portal.get().absolute_url()}/@@my-subscriptions>"
    assert "List-Unsubscribe-Post" not in message


def test_a_forged_unsubscribe_link_changes_nothing(nordic, request_factory):
    storage.subscribe("bob", nordic, "daily")
    transaction.commit()
    forged = request_factory(api=False).post(
        f"{api.portal.get().absolute_url()}/@@unsubscribe", data={"token": "Ym9iCm5vcmRpYw.0123456789abcdef"}
    )
    assert forged.status_code == 400
    transaction.begin()
    assert len(storage.subscriptions_of("bob")) == 1
