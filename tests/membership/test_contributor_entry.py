"""Every role reaches its work from what it sees (issue #25 §1): the add
forms a user may open in a collection, the lists waiting for those who run
it, and Plone's *Add new…* menu adding inside the collection even when the
collection is a language root's default page."""

from community_fixtures import acting_as
from osor.collection.legal.experts import EXPERTS_GROUP
from osor.collection.membership import members
from osor.collection.membership.contributing import add_link
from osor.collection.membership.contributing import add_links
from osor.collection.membership.contributing import work_links
from plone import api
from plone.app.contentmenu.interfaces import IContentMenuItem
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from zope.browsermenu.menu import getMenu
from zope.component import getMultiAdapter
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


COMMUNITY_TYPES = [
    "software_solution",
    "case_study",
    "community_event",
    "community_news",
    "publication",
    "competence_centre",
    "legal_request",
]
PEOPLE = {
    "maria": "member",
    "arthur": "author",
    "fiona": "facilitator",
    "olga": "owner",
}


@pytest.fixture
def make_demo_people_collection(portal):
    """``make_demo_people_collection(**settings)``: a validated collection with a member,
    an author, a facilitator and an owner; nina and lena (legal expert)
    are not members."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    api.portal.set_registry_record("plone.email_from_address", "osor@example.org")
    for userid in [*PEOPLE, "nina", "lena"]:
        api.user.create(
            email=f"{userid}@example.org",
            username=userid,
            password="a-long-test-password",
            properties={"fullname": userid.capitalize()},
        )
    api.group.add_user(groupname=EXPERTS_GROUP, username="lena")

    def make(**settings):
        collection = api.content.create(
            container=portal, type="community_collection", id="coll", title="Coll", **settings
        )
        api.content.transition(collection, transition="validate")
        for userid, role in PEOPLE.items():
            members.add_member(collection, userid, role)
        members.remove_member(collection, TEST_USER_ID)
        return collection

    return make


def offered(collection, userid) -> list[str]:
    with acting_as(userid):
        return [link["portal_type"] for link in add_links(collection)]


def work(collection, userid) -> list[str]:
    with acting_as(userid):
        return [link["id"] for link in work_links(collection)]


# Calls to action on the collection --------------------------------------------


@pytest.mark.parametrize("userid", ["maria", "arthur", "fiona", "olga"])
def test_members_are_offered_every_type_the_collection_allows(make_demo_people_collection, userid):
    collection = make_demo_people_collection(content_creation="only_members")
    assert offered(collection, userid) == COMMUNITY_TYPES


def test_each_call_to_action_opens_the_add_form_inside_the_collection(make_demo_people_collection):
    collection = make_demo_people_collection()
    with acting_as("maria"):
        links = {link["portal_type"]: link for link in add_links(collection)}
    assert links["software_solution"]["url"] == f"{collection.absolute_url()}/++add++software_solution"
    assert api.portal.translate(links["software_solution"]["title"]) == "Add a solution"
    assert api.portal.translate(links["community_event"]["title"]) == "Add an event"


@pytest.mark.parametrize("userid", ["nina", "lena", None])
def test_non_members_and_visitors_are_not_offered_to_add_when_only_members_create(make_demo_people_collection, userid):
    collection = make_demo_people_collection(content_creation="only_members")
    assert offered(collection, userid) == []


def test_any_registered_user_is_offered_to_add_when_the_collection_lets_anyone_create(make_demo_people_collection):
    collection = make_demo_people_collection(content_creation="any_user")
    assert offered(collection, "nina") == COMMUNITY_TYPES
    assert offered(collection, None) == []


def test_only_authors_and_facilitators_are_offered_to_add_when_they_alone_create(make_demo_people_collection):
    collection = make_demo_people_collection(content_creation="facilitators_and_authors")
    assert offered(collection, "maria") == []
    assert offered(collection, "arthur") == COMMUNITY_TYPES
    assert offered(collection, "fiona") == COMMUNITY_TYPES


def test_a_changed_setting_changes_the_calls_to_action_at_once(make_demo_people_collection):
    collection = make_demo_people_collection(content_creation="only_members")
    collection.content_creation = "facilitators_and_authors"
    notify(ObjectModifiedEvent(collection))
    assert offered(collection, "maria") == []


def test_an_archived_collection_offers_nobody_to_add(make_demo_people_collection):
    collection = make_demo_people_collection()
    with acting_as("olga"):
        api.content.transition(collection, transition="request_archival")
    api.content.transition(collection, transition="archive", comment="The project ended.")
    assert offered(collection, "maria") == []
    assert offered(collection, "fiona") == []


# The lists waiting for whoever runs the collection ----------------------------


def test_facilitators_and_owners_reach_the_review_list_members_and_settings(make_demo_people_collection):
    collection = make_demo_people_collection()
    expected = ["review", "pending-changes", "manage-members", "participation-settings"]
    assert work(collection, "fiona") == expected
    assert work(collection, "olga") == expected
    with acting_as("olga"):
        links = {link["id"]: link["url"] for link in work_links(collection)}
    assert links["review"] == f"{collection.absolute_url()}/@@review"
    assert links["manage-members"] == f"{collection.absolute_url()}/@@manage-members"
    assert links["participation-settings"].startswith(f"{collection.absolute_url()}/@@edit")


@pytest.mark.parametrize("userid", ["maria", "arthur", "nina", None])
def test_members_and_visitors_have_no_lists_to_run(make_demo_people_collection, userid):
    assert work(make_demo_people_collection(), userid) == []


def test_the_review_list_link_counts_what_waits(make_demo_people_collection):
    collection = make_demo_people_collection(moderated=True)
    with acting_as("maria"):
        news = api.content.create(container=collection, type="community_news", id="n", title="News")
        api.content.transition(news, transition="submit")
    with acting_as("fiona"):
        counts = {link["id"]: link["count"] for link in work_links(collection)}
    assert counts["review"] == 1


def test_a_legal_expert_reaches_the_open_legal_requests(make_demo_people_collection):
    collection = make_demo_people_collection()
    assert work(collection, "lena") == []
    with acting_as("maria"):
        api.content.create(container=collection, type="legal_request", id="q", title="May we relicense?")
    assert work(collection, "lena") == ["legal-requests"]
    # The requester reaches her own question; other members do not see it.
    assert work(collection, "maria") == ["legal-requests"]
    assert work(collection, "arthur") == []


# Releases and downloads --------------------------------------------------------


def test_the_author_of_a_solution_is_offered_to_add_a_release_and_a_download(make_demo_people_collection):
    collection = make_demo_people_collection()
    with acting_as("maria"):
        solution = api.content.create(container=collection, type="software_solution", id="s", title="S")
        release_link = add_link(solution, "solution_release")
        release = api.content.create(container=solution, type="solution_release", id="r", title="R", version="1")
        download_link = add_link(release, "solution_distribution")
    assert release_link["url"] == f"{solution.absolute_url()}/++add++solution_release"
    assert api.portal.translate(release_link["title"]) == "Add a release"
    assert release_link["help"]
    assert download_link["url"] == f"{release.absolute_url()}/++add++solution_distribution"
    assert api.portal.translate(download_link["title"]) == "Add a download"
    with acting_as("nina"):
        assert add_link(solution, "solution_release") is None


# Plone's "Add new…" menu -------------------------------------------------------


@pytest.fixture
def shown_as_default_page(make_demo_people_collection, portal):
    """A collection shown as the default page of its folder, as the demo
    shows each language's collection on its language root."""
    folder = api.content.create(container=portal, type="Folder", id="en", title="English")
    collection = make_demo_people_collection()
    api.content.move(source=collection, target=folder)
    collection = folder["coll"]
    folder.setDefaultPage("coll")
    return collection


def factories_item(collection, request):
    return getMultiAdapter((collection, request), IContentMenuItem, name="plone.contentmenu.factories")


def test_a_member_gets_an_add_menu_that_adds_inside_the_collection(shown_as_default_page, layer_request):
    collection = shown_as_default_page
    with acting_as("maria"):
        item = factories_item(collection, layer_request)
        assert item.available()
        assert item.action.startswith(f"{collection.absolute_url()}/folder_factories")
        entries = getMenu(item.submenuId, collection, layer_request)
    actions = {entry["id"]: entry["action"] for entry in entries}
    assert set(actions) == set(COMMUNITY_TYPES)
    assert actions["software_solution"] == f"{collection.absolute_url()}/++add++software_solution"


def test_an_administrator_adds_inside_the_collection_not_the_language_root(shown_as_default_page, layer_request):
    collection = shown_as_default_page
    item = factories_item(collection, layer_request)
    entries = getMenu(item.submenuId, collection, layer_request)
    ids = {entry["id"] for entry in entries}
    assert "Document" not in ids
    assert "plone-contentmenu-add-to-default-page" not in {entry["extra"]["id"] for entry in entries}
    assert set(COMMUNITY_TYPES) <= ids


def test_the_add_page_of_a_collection_lists_its_types(shown_as_default_page, layer_request):
    collection = shown_as_default_page
    with acting_as("maria"):
        view = getMultiAdapter((collection, layer_request), name="folder_factories")
        assert view.add_context() is collection
        assert {entry["id"] for entry in view.addable_types()} == set(COMMUNITY_TYPES)


def test_a_non_member_gets_no_add_menu(shown_as_default_page, layer_request):
    with acting_as("nina"):
        assert not factories_item(shown_as_default_page, layer_request).available()


def test_an_administrator_reaches_the_add_forms_of_the_folder_from_its_default_page(
    shown_as_default_page, layer_request
):
    """Adding another collection next to the one shown on a language root."""
    collection = shown_as_default_page
    folder = collection.aq_parent
    item = factories_item(collection, layer_request)
    entries = {entry["extra"]["id"]: entry for entry in getMenu(item.submenuId, collection, layer_request)}
    to_folder = entries["osor-contentmenu-add-to-folder"]
    assert to_folder["action"] == f"{folder.absolute_url()}/folder_factories"
    view = getMultiAdapter((folder, layer_request), name="folder_factories")
    assert "community_collection" in {entry["id"] for entry in view.addable_types()}


def test_a_member_gets_no_item_to_add_to_the_folder(shown_as_default_page, layer_request):
    with acting_as("maria"):
        item = factories_item(shown_as_default_page, layer_request)
        entries = getMenu(item.submenuId, shown_as_default_page, layer_request)
    assert "osor-contentmenu-add-to-folder" not in {entry["extra"]["id"] for entry in entries}
