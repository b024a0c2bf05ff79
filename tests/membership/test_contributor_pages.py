"""The pages of the contributor's path (issue #25 §1, §3) as the server
renders them: the calls to action of the collection homepage, "Add a
release" on a solution, the notice on a draft, the user menu's *My
contributions*, and the upgrade step that adds it to existing sites."""

from osor.collection.membership import members
from osor.collection.upgrades.contributing import add_my_contributions_action
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser

import lxml.html
import pytest
import transaction


PASSWORD = "a-long-test-password"


@pytest.fixture
def collection(functional_portal):
    """A validated collection: maria member, fiona facilitator, olga owner; nina outside."""
    portal = functional_portal
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.portal.set_registry_record("plone.email_from_address", "osor@example.org")
    for userid in ("maria", "fiona", "olga", "nina"):
        api.user.create(email=f"{userid}@example.org", username=userid, password=PASSWORD)
    collection = api.content.create(
        container=portal, type="community_collection", id="coll", title="Coll", moderated=True
    )
    api.content.transition(collection, transition="validate")
    members.add_member(collection, "maria", "member")
    members.add_member(collection, "fiona", "facilitator")
    members.add_member(collection, "olga", "owner")
    members.remove_member(collection, TEST_USER_ID)
    setRoles(portal, TEST_USER_ID, ["Member"])
    transaction.commit()
    return collection


def page_of(app, url, userid=None):
    browser = Browser(app)
    browser.handleErrors = False
    if userid:
        browser.addHeader("Authorization", f"Basic {userid}:{PASSWORD}")
    browser.open(url)
    return lxml.html.fromstring(browser.contents)


def test_the_homepage_offers_a_member_the_add_forms(collection, functional_app):
    html = page_of(functional_app, collection.absolute_url(), "maria")
    links = {a.text_content().strip(): a.get("href") for a in html.cssselect(".osor-add-links a")}
    assert links["Add a solution"] == f"{collection.absolute_url()}/++add++software_solution"
    assert "Add a case study" in links and "Add an event" in links


@pytest.mark.parametrize("userid", ["nina", None])
def test_the_homepage_offers_others_no_add_form(collection, functional_app, userid):
    assert page_of(functional_app, collection.absolute_url(), userid).cssselect(".osor-contribute") == []


def test_the_homepage_leads_the_owner_to_the_lists_she_runs(collection, functional_app):
    html = page_of(functional_app, collection.absolute_url(), "olga")
    work = {a.get("data-work"): a.get("href") for a in html.cssselect(".osor-work-links a")}
    assert work["review"] == f"{collection.absolute_url()}/@@review"
    assert work["manage-members"] == f"{collection.absolute_url()}/@@manage-members"
    assert work["participation-settings"] == f"{collection.absolute_url()}/@@edit#autotoc-item-autotoc-1"


def test_the_solution_page_offers_its_author_to_add_a_release(collection, functional_app):
    with api.env.adopt_user(username="maria"):
        api.content.create(container=collection, type="software_solution", id="s", title="S")
    transaction.commit()
    html = page_of(functional_app, f"{collection.absolute_url()}/s", "maria")
    link = html.cssselect(".osor-add-child a")[0]
    assert link.text_content().strip() == "Add a release"
    assert link.get("href") == f"{collection.absolute_url()}/s/++add++solution_release"
    assert html.cssselect(".osor-add-child .form-text")[0].text_content().strip()
    assert page_of(functional_app, f"{collection.absolute_url()}/s", "fiona").cssselect(".osor-add-child a")


def test_a_draft_says_what_happens_next_and_proposes_in_one_click(collection, functional_app):
    with api.env.adopt_user(username="maria"):
        api.content.create(container=collection, type="community_news", id="n", title="N")
    transaction.commit()
    browser = Browser(functional_app)
    browser.addHeader("Authorization", f"Basic maria:{PASSWORD}")
    browser.open(f"{collection.absolute_url()}/n")
    notice = lxml.html.fromstring(browser.contents).cssselect(".osor-next-step")[0]
    assert "only you and the facilitators see it" in notice.text_content()
    browser.getLink("Propose for review").click()
    transaction.begin()
    assert api.content.get_state(collection["n"]) == "proposed"
    assert "Fiona" in browser.contents or "fiona" in browser.contents


def test_the_user_menu_leads_to_my_contributions(collection, functional_app):
    with api.env.adopt_user(username="maria"):
        api.content.create(container=collection, type="case_study", id="c", title="My case study")
    transaction.commit()
    portal_url = api.portal.get().absolute_url()
    html = page_of(functional_app, portal_url, "maria")
    # The user menu (Plone's personal tools) is the only link to it.
    assert [a.text_content().strip() for a in html.cssselect(f"a[href='{portal_url}/@@my-contributions']")] == [
        "My contributions"
    ]
    dashboard = page_of(functional_app, f"{portal_url}/@@my-contributions", "maria")
    drafts = dashboard.cssselect("#osor-my-draft a")
    assert [a.text_content() for a in drafts] == ["My case study"]


def test_an_existing_site_gets_my_contributions_in_the_user_menu(functional_portal):
    actions = api.portal.get_tool("portal_actions").user
    actions.manage_delObjects(["osor_my_contributions"])
    add_my_contributions_action()
    add_my_contributions_action()
    action = actions["osor_my_contributions"]
    assert action.url_expr == "string:${portal_url}/@@my-contributions"
    assert action.permissions == ("Set own properties",)
