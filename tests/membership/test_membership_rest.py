"""The ``@membership`` REST endpoint, end to end over HTTP."""

from member_fixtures import make_nordic_collection
from osor.collection.membership import members
from plone import api

import transaction


def url(collection):
    return f"{collection.getId()}/@membership"


class TestGet:
    def test_anonymous(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal)
        data = session_for().get(url(collection)).json()
        assert data["my_status"] == "anonymous"
        assert data["members"] == [
            {"userid": "olga", "fullname": "Olga Owner", "role": "owner"},
            {"userid": "fred", "fullname": "Fred Facilitator", "role": "facilitator"},
        ]
        assert data["counts"] == {"member": 0, "author": 0, "facilitator": 1, "owner": 1, "total": 2}
        assert data["settings"] == {
            "closed": False,
            "content_creation": "only_members",
            "moderated": True,
            "in_words": ["Open collection", "Only members can create content", "Moderated"],
        }
        assert "pending" not in data
        assert data["may_join"] is False
        table = data["permissions"]
        assert [role["id"] for role in table["roles"]][:2] == ["anonymous", "non_member"]
        join = next(row for row in table["rows"] if row["action"] == "join")
        assert join["title"] == "Join (open) or ask to join (closed)"
        assert join["cells"][:2] == [False, True]

    def test_pending_only_for_facilitators(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal, closed=True)
        members.join(collection, "alice", "Hello")
        transaction.commit()
        assert session_for("alice").get(url(collection)).json()["my_status"] == "pending"
        assert "pending" not in session_for("bob").get(url(collection)).json()
        data = session_for("fred").get(url(collection)).json()
        assert data["my_status"] == "facilitator"
        assert [(each["userid"], each["message"]) for each in data["pending"]] == [("alice", "Hello")]


class TestOwnActions:
    def test_join_open_then_leave(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal)
        alice = session_for("alice")
        assert alice.get(url(collection)).json()["my_status"] == "non_member"
        response = alice.post(url(collection), json={"action": "join"})
        assert response.status_code == 200, response.text
        assert response.json()["my_status"] == "member"
        assert response.json()["message"] == "You are now a member of Nordic open source."
        response = alice.post(url(collection), json={"action": "join"})
        assert response.status_code == 400
        assert response.json() == {"error": {"type": "BadRequest", "message": "You are already a member."}}
        response = alice.post(url(collection), json={"action": "leave"})
        assert response.json()["my_status"] == "non_member"

    def test_request_and_cancel(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal, closed=True)
        alice = session_for("alice")
        response = alice.post(url(collection), json={"action": "join", "message": "Hi"})
        assert response.json()["my_status"] == "pending"
        transaction.begin()
        assert len(functional_portal.MailHost.messages) == 2
        response = alice.post(url(collection), json={"action": "cancel"})
        assert response.json()["my_status"] == "non_member"

    def test_anonymous_cannot_join(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal)
        assert session_for().post(url(collection), json={"action": "join"}).status_code == 401

    def test_archived_collection_cannot_be_joined(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal)
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(collection, transition="archive", comment="Done.")
        transaction.commit()
        assert session_for("alice").post(url(collection), json={"action": "join"}).status_code == 403

    def test_last_owner_cannot_leave(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal)
        response = session_for("olga").post(url(collection), json={"action": "leave"})
        assert response.status_code == 400
        assert response.json()["error"]["message"].startswith("The last owner cannot leave")

    def test_only_json_bodies(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal)
        response = session_for("alice").post(
            url(collection), data="action=join", headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        assert response.status_code == 400
        transaction.begin()
        assert members.role_of(collection, "alice") is None

    def test_a_json_body_that_is_not_an_object_is_a_bad_request(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal)
        response = session_for("alice").post(url(collection), json=["join"])
        assert response.status_code == 400
        assert response.json()["error"]["message"] == "The request body is not a JSON object."

    def test_unknown_action(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal)
        response = session_for("alice").post(url(collection), json={"action": "fly"})
        assert response.status_code == 400
        assert response.json()["error"]["message"] == "Unknown action fly."


class TestManagerActions:
    def test_approve_and_reject(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal, closed=True)
        members.join(collection, "alice")
        members.join(collection, "bob")
        transaction.commit()
        functional_portal.MailHost.reset()
        transaction.commit()
        fred = session_for("fred")
        response = fred.post(url(collection), json={"action": "approve", "userid": "alice", "message": "Welcome"})
        assert response.json()["message"] == "Alice Andersen is now a member."
        response = fred.post(url(collection), json={"action": "reject", "userid": "bob"})
        assert response.json()["pending"] == []
        transaction.begin()
        assert functional_portal.MailHost.messages_to == [["alice@example.org"], ["bob@example.org"]]
        assert {each["userid"]: each["role"] for each in response.json()["members"]}["alice"] == "member"

    def test_members_may_not_manage(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal)
        members.add_member(collection, "alice")
        transaction.commit()
        response = session_for("alice").post(url(collection), json={"action": "add", "user": "bob"})
        assert response.status_code in (401, 403)
        transaction.begin()
        assert members.role_of(collection, "bob") is None

    def test_add_change_role_remove(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal)
        fred = session_for("fred")
        response = fred.post(url(collection), json={"action": "add", "user": "bob@example.org", "role": "author"})
        assert response.json()["message"] == "Bob Brown was added as Author."
        response = fred.post(url(collection), json={"action": "change_role", "userid": "bob", "role": "member"})
        assert response.json()["message"] == "Bob Brown is now Member."
        response = fred.post(url(collection), json={"action": "remove", "userid": "bob"})
        assert "bob" not in [each["userid"] for each in response.json()["members"]]

    def test_facilitators_do_not_touch_owners(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal)
        fred = session_for("fred")
        for data in (
            {"action": "add", "user": "bob", "role": "owner"},
            {"action": "change_role", "userid": "olga", "role": "member"},
            {"action": "change_role", "userid": "fred", "role": "owner"},
            {"action": "remove", "userid": "olga"},
            {"action": "transfer_ownership", "userid": "fred"},
        ):
            assert fred.post(url(collection), json=data).status_code == 403, data
        transaction.begin()
        assert members.role_of(collection, "olga") == "owner"
        assert members.role_of(collection, "fred") == "facilitator"

    def test_transfer_ownership(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal)
        response = session_for("olga").post(url(collection), json={"action": "transfer_ownership", "userid": "fred"})
        assert response.status_code == 200, response.text
        assert response.json()["my_status"] == "facilitator"
        transaction.begin()
        assert members.role_of(collection, "fred") == "owner"
        assert members.role_of(collection, "olga") == "facilitator"

    def test_site_moderator_transfers_ownership(self, functional_portal, session_for):
        collection = make_nordic_collection(functional_portal)
        api.user.grant_roles(username="bob", roles=["Site Moderator"])
        transaction.commit()
        response = session_for("bob").post(url(collection), json={"action": "transfer_ownership", "userid": "fred"})
        assert response.json()["message"] == "Fred Facilitator is now an owner; Olga Owner is now a facilitator."
