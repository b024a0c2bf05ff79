"""The Classic UI membership flows, end to end over HTTP (zope.testbrowser)."""

from member_fixtures import make_nordic_collection
from member_fixtures import PEOPLE
from osor.collection.membership import members
from plone import api
from urllib.error import HTTPError
from urllib.parse import quote

import pytest
import re
import transaction


def form_of(browser, prefix, userid):
    """The id of the ``prefix-N`` form of the table row of ``userid``."""
    row = re.search(rf'<tr data-userid="{userid}">.*?</tr>', browser.contents, re.S).group(0)
    return re.search(rf'id="({prefix}-\d+)"', row).group(1)


def sync():
    """See what the requests committed."""
    transaction.begin()


class TestPages:
    def test_about(self, functional_portal, browser_for):
        collection = make_nordic_collection(
            functional_portal,
            abstract="We share Nordic solutions.",
            owner_name="Nordic Council",
            contact_points=[{"name": "Helpdesk", "email": "help@example.org", "url": None}],
        )
        browser = browser_for()
        browser.open(f"{collection.absolute_url()}/@@about")
        html = browser.contents
        assert "We share Nordic solutions." in html
        assert "Nordic Council" in html
        assert "mailto:help@example.org" in html
        assert "Open collection" in html
        assert "Only members can create content" in html
        assert "Moderated" in html
        assert "<caption>Member permissions</caption>" in html
        assert '<th scope="row">Create content</th>' in html
        assert '<span class="visually-hidden">Allowed</span>' in html
        assert '<span class="visually-hidden">Not allowed</span>' in html
        assert "2 members" in html

    def test_tabs(self, open_collection, browser_for):
        browser = browser_for("fred")
        browser.open(open_collection.absolute_url())
        assert browser.getLink("About").url.split("?")[0].endswith("/nordic/@@about")
        assert browser.getLink("Members").url.split("?")[0].endswith("/nordic/@@members")
        assert browser.getLink("Manage members").url.split("?")[0].endswith("/nordic/@@manage-members")
        browser = browser_for("alice")
        browser.open(open_collection.absolute_url())
        assert browser.getLink("Members")
        with pytest.raises(LookupError):
            browser.getLink("Manage members")

    def test_members_list_and_filters(self, open_collection, browser_for):
        members.add_member(open_collection, "alice", "author")
        members.add_member(open_collection, "bob", "member")
        transaction.commit()
        browser = browser_for()
        url = f"{open_collection.absolute_url()}/@@members"
        browser.open(url)
        for fullname in PEOPLE.values():
            assert fullname in browser.contents
        assert '<li data-role="author">' in browser.contents
        browser.open(f"{url}?name=BROWN")
        assert "Bob Brown" in browser.contents
        assert "Alice Andersen" not in browser.contents
        browser.open(f"{url}?role=author")
        assert "Alice Andersen" in browser.contents
        assert "Bob Brown" not in browser.contents
        browser.open(f"{url}?name=nobody")
        assert "No members found." in browser.contents

    def test_anonymous_sees_log_in_to_join(self, open_collection, browser_for):
        browser = browser_for()
        browser.open(f"{open_collection.absolute_url()}/@@members")
        link = browser.getLink("Log in to join")
        portal_url = api.portal.get().absolute_url()
        assert link.url == f"{portal_url}/login?came_from={quote(portal_url, safe='')}%2Fnordic"
        with pytest.raises(LookupError):
            browser.getControl("Join")

    def test_manage_members_needs_the_permission(self, open_collection, browser_for):
        members.add_member(open_collection, "alice", "author")
        transaction.commit()
        browser = browser_for("alice")
        browser.raiseHttpErrors = False
        browser.open(f"{open_collection.absolute_url()}/@@manage-members")
        assert "Approve" not in browser.contents
        assert browser.url.startswith(f"{api.portal.get().absolute_url()}/insufficient-privileges")


class TestOwnFlows:
    def test_join_open_collection_and_leave(self, open_collection, browser_for):
        browser = browser_for("alice")
        browser.open(f"{open_collection.absolute_url()}/@@members")
        browser.getForm(id="osor-join-form").getControl("Join").click()
        assert browser.url.split("?")[0].endswith("/nordic/@@members")
        assert "You are now a member of Nordic open source." in browser.contents
        sync()
        assert members.role_of(open_collection, "alice") == "member"
        browser.getForm(id="osor-leave-form").getControl("Leave").click()
        assert "You left Nordic open source." in browser.contents
        sync()
        assert members.role_of(open_collection, "alice") is None

    def test_request_to_join_closed_collection_and_cancel(self, closed_collection, browser_for):
        portal = api.portal.get()
        browser = browser_for("alice")
        browser.open(f"{closed_collection.absolute_url()}/@@members")
        form = browser.getForm(id="osor-join-form")
        form.getControl(name="message").value = "I maintain a Nordic solution."
        form.getControl("Request to join").click()
        assert "Your request to join is waiting for a facilitator" in browser.contents
        assert "Cancel my request" in browser.contents
        sync()
        assert members.pending_requests(closed_collection)["alice"]["message"] == ("I maintain a Nordic solution.")
        # The facilitators (owner and facilitator) are told.
        recipients = sorted(portal.MailHost.messages_to)
        assert recipients == [["fred@example.org"], ["olga@example.org"]]
        assert b"I maintain a Nordic solution." in portal.MailHost.messages[0]
        browser.getForm(id="osor-cancel-form").getControl("Cancel my request").click()
        assert "Your request to join was withdrawn." in browser.contents
        sync()
        assert "alice" not in members.pending_requests(closed_collection)

    def test_last_owner_cannot_leave(self, open_collection, browser_for):
        browser = browser_for("olga")
        browser.open(f"{open_collection.absolute_url()}/@@members")
        browser.getForm(id="osor-leave-form").getControl("Leave").click()
        assert "The last owner cannot leave or be removed" in browser.contents
        sync()
        assert members.role_of(open_collection, "olga") == "owner"

    def test_join_without_authenticator_is_refused(self, open_collection, browser_for):
        browser = browser_for("alice")
        with pytest.raises(HTTPError) as refused:
            browser.post(f"{open_collection.absolute_url()}/@@join", "join=join")
        assert refused.value.code == 403
        sync()
        assert members.role_of(open_collection, "alice") is None

    def test_join_is_post_only(self, open_collection, browser_for):
        browser = browser_for("alice")
        browser.open(f"{open_collection.absolute_url()}/@@members")
        token = browser.getForm(id="osor-join-form").getControl(name="_authenticator").value
        with pytest.raises(HTTPError) as refused:
            browser.open(f"{open_collection.absolute_url()}/@@join?_authenticator={token}")
        assert refused.value.code == 403
        sync()
        assert members.role_of(open_collection, "alice") is None


class TestManageMembers:
    def manage(self, browser_for, collection, userid="fred"):
        browser = browser_for(userid)
        browser.open(f"{collection.absolute_url()}/@@manage-members")
        return browser

    def test_approve_request(self, closed_collection, browser_for):
        portal = api.portal.get()
        members.join(closed_collection, "alice", "Please")
        transaction.commit()
        portal.MailHost.reset()
        transaction.commit()
        browser = self.manage(browser_for, closed_collection)
        assert "Please" in browser.contents
        form = browser.getForm(id="osor-request-0")
        form.getControl(name="message").value = "Welcome aboard!"
        form.getControl("Approve").click()
        assert "Alice Andersen is now a member." in browser.contents
        sync()
        assert members.role_of(closed_collection, "alice") == "member"
        assert portal.MailHost.messages_to == [["alice@example.org"]]
        assert b"Welcome aboard!" in portal.MailHost.messages[0]

    def test_reject_request(self, closed_collection, browser_for):
        portal = api.portal.get()
        members.join(closed_collection, "bob")
        transaction.commit()
        browser = self.manage(browser_for, closed_collection)
        form = browser.getForm(id="osor-request-0")
        form.getControl(name="message").value = "Only for public administrations."
        form.getControl("Reject").click()
        assert "The request of Bob Brown was rejected." in browser.contents
        sync()
        assert members.role_of(closed_collection, "bob") is None
        assert "bob" not in members.pending_requests(closed_collection)
        assert portal.MailHost.messages_to[-1] == ["bob@example.org"]
        assert b"Only for public administrations." in portal.MailHost.messages[-1]

    def test_add_by_email_with_role_then_change_role(self, open_collection, browser_for):
        portal = api.portal.get()
        browser = self.manage(browser_for, open_collection)
        form = browser.getForm(id="osor-add-member")
        form.getControl(name="user").value = "ALICE@example.org"
        form.getControl(name="role").value = ["author"]
        form.getControl("Add").click()
        assert "Alice Andersen was added as Author." in browser.contents
        sync()
        assert members.role_of(open_collection, "alice") == "author"
        assert portal.MailHost.messages_to == [["alice@example.org"]]
        # Facilitators may not make owners.
        assert "owner" not in browser.getForm(id="osor-add-member").getControl(name="role").options
        form = browser.getForm(id=form_of(browser, "osor-role", "alice"))
        form.getControl(name="role").value = ["facilitator"]
        form.getControl("Change role").click()
        assert "Alice Andersen is now Facilitator." in browser.contents
        sync()
        assert members.role_of(open_collection, "alice") == "facilitator"

    def test_unknown_user_is_an_error_message(self, open_collection, browser_for):
        browser = self.manage(browser_for, open_collection)
        form = browser.getForm(id="osor-add-member")
        form.getControl(name="user").value = "nobody@example.org"
        form.getControl("Add").click()
        assert "There is no user nobody@example.org." in browser.contents

    def test_removed_member_can_no_longer_edit_their_content(self, open_collection, browser_for):
        members.add_member(open_collection, "alice", "author")
        with api.env.adopt_user(username="alice"):
            news = api.content.create(container=open_collection, type="community_news", id="news", title="Hello")
        transaction.commit()
        alice = browser_for("alice")
        alice.open(f"{news.absolute_url()}/edit")
        assert alice.url.split("?")[0] == f"{news.absolute_url()}/edit"
        browser = self.manage(browser_for, open_collection)
        browser.getForm(id=form_of(browser, "osor-remove", "alice")).getControl("Remove").click()
        assert "Alice Andersen was removed from the collection." in browser.contents
        sync()
        assert members.role_of(open_collection, "alice") is None
        assert not api.user.has_permission("Modify portal content", username="alice", obj=news)
        alice.raiseHttpErrors = False
        alice.open(f"{news.absolute_url()}/edit")
        assert alice.url.startswith(f"{api.portal.get().absolute_url()}/insufficient-privileges")

    def test_transfer_ownership(self, open_collection, browser_for):
        members.add_member(open_collection, "alice", "member")
        transaction.commit()
        # A facilitator does not see the ownership form.
        assert "osor-transfer-ownership" not in self.manage(browser_for, open_collection).contents
        browser = self.manage(browser_for, open_collection, "olga")
        form = browser.getForm(id="osor-transfer-ownership")
        form.getControl(name="userid").value = ["alice"]
        form.getControl("Transfer the ownership").click()
        assert "Alice Andersen is now an owner; Olga Owner is now a facilitator." in browser.contents
        sync()
        assert members.role_of(open_collection, "alice") == "owner"
        assert members.role_of(open_collection, "olga") == "facilitator"


TABS = ["osor_collection_about", "osor_collection_members", "osor_collection_manage_members"]


class TestTabsInstalled:
    def test_tabs_registered(self, portal):
        assert set(TABS) <= set(portal.portal_actions.object.objectIds())


class TestTabsUninstalled:
    @pytest.fixture(autouse=True)
    def uninstalled(self, uninstalled):
        pass

    def test_tabs_removed(self, portal):
        assert not set(TABS) & set(portal.portal_actions.object.objectIds())
