"""Reports on items: a member reports, the facilitators close with a note,
the reporter is mailed; over REST and in Classic UI, end to end over HTTP."""

from email import message_from_bytes
from email.policy import default
from member_fixtures import make_nordic_collection
from osor.collection.review.reports import reports_of
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from urllib.error import HTTPError
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest
import transaction


@pytest.fixture
def collection(functional_portal):
    return make_nordic_collection(functional_portal)


@pytest.fixture
def item(functional_portal, collection):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    news = api.content.create(container=collection, type="community_news", id="news", title="Nordic news")
    api.content.transition(news, transition="publish")
    setRoles(functional_portal, TEST_USER_ID, ["Member"])
    transaction.commit()
    return news


def report(session_for, item, userid="alice", **body):
    body = {"reason": "wrong_information", "message": "The licence is MIT now.", **body}
    return session_for(userid).post(f"{item.aq_parent.getId()}/{item.getId()}/@report", json=body)


def reports_url(collection):
    return f"{collection.getId()}/@reports"


class TestReporting:
    def test_a_member_reports_and_the_facilitator_sees_it_with_the_item(self, collection, item, session_for):
        response = report(session_for, item)
        assert response.status_code == 201, response.text
        assert response.json()["state"] == "open"
        listed = session_for("fred").get(reports_url(collection))
        assert listed.status_code == 200, listed.text
        [found] = listed.json()["items"]
        assert found["item"]["title"] == "Nordic news"
        assert found["item"]["@id"] == item.absolute_url()
        assert (found["reason"], found["reason_title"]) == ("wrong_information", "Wrong information")
        assert (found["message"], found["reporter"]) == ("The licence is MIT now.", "alice")

    @pytest.mark.parametrize(
        ("body", "parameter"),
        [({"reason": "boring"}, "reason"), ({"reason": None}, "reason"), ({"message": "x" * 2001}, "message")],
    )
    def test_bad_input_is_a_400_naming_the_parameter(self, collection, item, session_for, body, parameter):
        response = report(session_for, item, **body)
        assert response.status_code == 400
        assert response.json()["error"]["parameter"] == parameter
        transaction.begin()
        assert reports_of(collection) == []

    def test_a_message_of_2000_characters_is_taken(self, collection, item, session_for):
        assert report(session_for, item, message="x" * 2000).status_code == 201

    def test_the_too_long_message_says_the_limit(self, item, session_for):
        message = report(session_for, item, message="x" * 2001).json()["error"]["message"]
        assert message == "At most 2000 characters, please (you wrote 2001)."

    def test_anonymous_visitors_cannot_report_or_list(self, collection, item, session_for):
        assert report(session_for, item, userid=None).status_code == 401
        assert session_for().get(reports_url(collection)).status_code == 401

    def test_only_facilitators_list_reports(self, collection, item, session_for):
        report(session_for, item)
        assert session_for("alice").get(reports_url(collection)).status_code == 403
        assert session_for("olga").get(reports_url(collection)).status_code == 200

    def test_reports_are_kept_when_the_item_is_edited(self, collection, item, session_for):
        report(session_for, item)
        transaction.begin()
        item.title = "Nordic news, corrected"
        notify(ObjectModifiedEvent(item))
        transaction.commit()
        [found] = session_for("fred").get(reports_url(collection)).json()["items"]
        assert (found["item"]["UID"], found["state"]) == (item.UID(), "open")


class TestClosing:
    def test_the_facilitator_closes_with_a_note_and_the_reporter_is_mailed(
        self, functional_portal, collection, item, session_for
    ):
        report_id = report(session_for, item).json()["id"]
        response = session_for("fred").post(f"{reports_url(collection)}/{report_id}", json={"note": "Fixed, thanks."})
        assert response.status_code == 200, response.text
        assert (response.json()["state"], response.json()["note"]) == ("closed", "Fixed, thanks.")
        assert session_for("fred").get(reports_url(collection)).json()["items"] == []
        [closed] = session_for("fred").get(reports_url(collection), params={"state": "closed"}).json()["items"]
        assert closed["closed_by"] == "fred"
        assert functional_portal.MailHost.messages_to == [["alice@example.org"]]
        mail = message_from_bytes(functional_portal.MailHost.messages[0], policy=default)
        assert mail["Subject"] == "Your report on “Nordic news” is closed"
        assert "Fixed, thanks." in mail.get_content()

    def test_patch_closes_too(self, collection, item, session_for):
        report_id = report(session_for, item).json()["id"]
        response = session_for("fred").patch(f"{reports_url(collection)}/{report_id}", json={"note": "Done."})
        assert response.json()["state"] == "closed"

    def test_closing_needs_a_note(self, collection, item, session_for):
        report_id = report(session_for, item).json()["id"]
        response = session_for("fred").post(f"{reports_url(collection)}/{report_id}", json={"note": " "})
        assert response.status_code == 400
        assert response.json()["error"]["parameter"] == "note"

    def test_an_unknown_or_closed_report_is_a_404(self, collection, item, session_for):
        report_id = report(session_for, item).json()["id"]
        fred = session_for("fred")
        assert fred.post(f"{reports_url(collection)}/nope", json={"note": "x"}).status_code == 404
        assert fred.post(f"{reports_url(collection)}/{report_id}", json={"note": "x"}).status_code == 200
        assert fred.post(f"{reports_url(collection)}/{report_id}", json={"note": "x"}).status_code == 404

    def test_members_cannot_close(self, functional_portal, collection, item, session_for):
        report_id = report(session_for, item).json()["id"]
        response = session_for("alice").post(f"{reports_url(collection)}/{report_id}", json={"note": "x"})
        assert response.status_code == 403
        assert session_for("bob").get(reports_url(collection)).status_code == 403
        assert functional_portal.MailHost.messages == []


class TestClassicUI:
    def test_the_report_link_is_for_logged_in_members(self, item, browser_for):
        anonymous = browser_for()
        anonymous.open(item.absolute_url())
        assert "@@report" not in anonymous.contents
        alice = browser_for("alice")
        alice.open(item.absolute_url())
        alice.getLink(url="@@report").click()
        assert "Report a problem with" in alice.contents

    def test_a_member_reports_and_the_facilitator_closes_from_waiting_for_review(
        self, functional_portal, collection, item, browser_for
    ):
        alice = browser_for("alice")
        alice.open(f"{item.absolute_url()}/@@report")
        alice.getControl("Licence problem").selected = True
        alice.getControl("Message").value = "It says GPL, the repository says MIT."
        alice.getControl("Send the report").click()
        assert alice.url == item.absolute_url()
        assert "will look at your report" in alice.contents
        fred = browser_for("fred")
        fred.open(f"{collection.absolute_url()}/@@review")
        assert "It says GPL, the repository says MIT." in fred.contents
        fred.getControl("Note to the reporter").value = "Corrected."
        fred.getControl("Close the report").click()
        assert "The report is closed" in fred.contents
        assert "It says GPL" not in fred.contents
        assert functional_portal.MailHost.messages_to == [["alice@example.org"]]

    def test_a_too_long_message_is_refused_with_the_reason(self, collection, item, browser_for):
        alice = browser_for("alice")
        alice.open(f"{item.absolute_url()}/@@report")
        alice.getControl("Spam").selected = True
        alice.getControl("Message").value = "x" * 2001
        with pytest.raises(HTTPError):
            alice.raiseHttpErrors = True
            alice.getControl("Send the report").click()
        assert "At most 2000 characters" in alice.contents
        transaction.begin()
        assert reports_of(collection) == []

    def test_anonymous_visitors_are_asked_to_log_in(self, item, browser_for):
        anonymous = browser_for()
        anonymous.open(f"{item.absolute_url()}/@@report")
        assert "login" in anonymous.url or "require_login" in anonymous.url
