"""Whole journeys in a real browser (issue #25 §4): each actor starts at the
site root, as a newcomer types it, and after that only clicks links and
buttons she can see (typing into form fields is fine). Every page a
journey reaches is checked with axe (no serious or critical violation).

The fixtures only set up what a journey starts from (a closed collection,
a registered user); everything the journey proves happens by clicking.
"""

from browser_fixtures import assert_accessible
from browser_fixtures import AUTHOR
from browser_fixtures import DEMO_PASSWORD
from browser_fixtures import FACILITATOR
from browser_fixtures import LEGAL_EXPERT
from browser_fixtures import log_in_by_clicking
from browser_fixtures import MEMBER
from browser_fixtures import VIEWPORTS
from plone import api
from zope.component.hooks import setSite

import pytest
import re
import transaction


NEWCOMER = "nadia"


class Journey:
    """One actor's browser page: it clicks only what is visible, and checks
    every page it reaches with axe."""

    def __init__(self, page, site_url: str, user: str | None = None):
        self.page = page
        if user:
            log_in_by_clicking(page, site_url, user)
        else:
            page.goto(site_url)
        self.check()

    def check(self):
        assert_accessible(self.page)

    def click(self, locator):
        """Click ``locator`` (it must be visible), wait for the next page, check it."""
        locator = locator.first
        assert locator.is_visible(), f"not visible on {self.page.url}: {locator}"
        with self.page.expect_navigation():
            locator.click()
        self.check()

    def home(self):
        """Back to the site root by its logo."""
        self.click(self.page.locator("#portal-logo"))

    def status(self) -> str:
        return " ".join(self.page.locator(".portal-message, .statusmessage").all_inner_texts())


@pytest.fixture
def newcomer(demo_portal):
    """A registered user who is not yet a member of the demo collection."""
    setSite(demo_portal)
    api.user.create(
        email="nadia@example.org", username=NEWCOMER, password=DEMO_PASSWORD, properties={"fullname": "Nadia Newcomer"}
    )
    transaction.commit()
    return NEWCOMER


@pytest.fixture
def closed_collection(demo_portal):
    """The demo collection, closed: joining takes a facilitator's approval."""
    demo_portal.en.osor.closed = True
    transaction.commit()
    return demo_portal.en.osor


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_newcomer_joins_proposes_a_solution_and_visitors_find_it(
    new_page, site_url, newcomer, closed_collection, viewport
):
    size = VIEWPORTS[viewport]
    title = f"Parish budget planner {viewport}"

    # Nadia asks to join the closed collection.
    nadia = Journey(new_page(viewport=size), site_url, newcomer)
    header = nadia.page.locator(".osor-collection-header")
    nadia.click(header.get_by_role("button", name="Request to join", exact=True))
    assert header.get_by_role("button", name="Cancel my request").is_visible()

    # Fiona approves the request from the members page of the collection.
    fiona = Journey(new_page(viewport=size), site_url, FACILITATOR)
    fiona.click(fiona.page.locator(".osor-work-links").get_by_role("link", name="Manage members"))
    request = fiona.page.locator(".osor-pending tr", has_text="Nadia Newcomer")
    fiona.click(request.get_by_role("button", name="Approve"))
    assert fiona.page.locator(".osor-pending tr", has_text="Nadia Newcomer").count() == 0

    # Nadia, now a member, adds a solution with a licence expression and proposes it.
    nadia.home()
    nadia.click(nadia.page.get_by_role("link", name="Add a solution"))
    nadia.page.get_by_label("Title", exact=True).first.fill(title)
    nadia.page.locator("#form-widgets-licence_expression").fill("EUPL-1.2 OR GPL-3.0-or-later")
    nadia.click(nadia.page.locator("#form-buttons-save"))
    assert "only you and the facilitators see it" in nadia.page.locator(".osor-next-step").inner_text()
    assert "EUPL-1.2" in nadia.page.locator("#content").inner_text()
    nadia.click(nadia.page.locator(".osor-next-step").get_by_role("link", name="Propose for review"))
    assert "the facilitators of the collection review it" in nadia.page.locator(".osor-next-step").inner_text()

    # Fiona approves it from the review list.
    fiona.home()
    fiona.click(fiona.page.locator(".osor-work-links").get_by_role("link", name=re.compile(r"^Waiting for review")))
    item = fiona.page.locator(".osor-review-item", has_text=title)
    fiona.click(item.get_by_role("button", name="Approve"))
    assert fiona.page.locator(".osor-review-item", has_text=title).count() == 0

    # A visitor sees it on the collection homepage and finds it in the faceted search.
    visitor = Journey(new_page(viewport=size), site_url)
    solutions = visitor.page.locator("section.osor-section[data-portal-type='software_solution']")
    assert solutions.get_by_role("link", name=title).is_visible()
    visitor.click(solutions.locator("a.osor-see-all"))
    visitor.page.locator("#osor-search-text").fill("Parish budget planner")
    visitor.click(visitor.page.locator(".osor-search-form").get_by_role("button", name="Search"))
    visitor.click(visitor.page.locator("#content").get_by_role("link", name=title))
    assert visitor.page.locator("h1").inner_text() == title


def published_solution(portal, owner: str, **fields):
    """A solution ``owner`` added to the demo collection, then published."""
    setSite(portal)
    with api.env.adopt_user(username=owner):
        solution = api.content.create(container=portal.en.osor, type="software_solution", **fields)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(solution, transition="publish")
    transaction.commit()
    return solution


@pytest.fixture
def marias_published_solution(demo_portal):
    """A solution Maria (a member) added and a facilitator published."""
    return published_solution(
        demo_portal,
        MEMBER,
        id="school-timetables",
        title="School timetables",
        description="Plans the lessons of a school.",
    )


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_member_edits_her_published_solution_and_a_facilitator_approves_the_change(
    new_page, site_url, marias_published_solution, viewport
):
    size = VIEWPORTS[viewport]
    title = marias_published_solution.title
    new_text = "Plans the lessons, rooms and teachers of a school."

    # Maria opens her solution from the homepage and edits it: the change waits.
    maria = Journey(new_page(viewport=size), site_url, MEMBER)
    maria.click(maria.page.locator("#content").get_by_role("link", name=title))
    maria.click(maria.page.locator("#contentview-edit a"))
    maria.page.locator("#form-widgets-IDublinCore-description").fill(new_text)
    maria.click(maria.page.locator("#form-buttons-save"))
    notice = maria.page.locator(".osor-pending-edit-notice")
    assert "waits for a facilitator's approval" in notice.inner_text(), maria.page.locator("#content").inner_text()

    # Visitors still read the published text.
    visitor = Journey(new_page(viewport=size), site_url)
    visitor.click(visitor.page.locator("#content").get_by_role("link", name=title))
    assert "Plans the lessons of a school." in visitor.page.locator("#content").inner_text()

    # Fiona approves the change from the review list.
    fiona = Journey(new_page(viewport=size), site_url, FACILITATOR)
    fiona.click(fiona.page.locator(".osor-work-links").get_by_role("link", name=re.compile(r"^Waiting for review")))
    fiona.click(fiona.page.locator(".osor-pending-changes").get_by_role("link", name=title))
    fiona.click(fiona.page.locator("#osor-review-pending-edit").get_by_role("button", name="Approve"))
    assert "approved" in fiona.status()

    # The visitor sees the new text.
    visitor.home()
    visitor.click(visitor.page.locator("#content").get_by_role("link", name=title))
    assert new_text in visitor.page.locator("#content").inner_text()


@pytest.fixture
def arthurs_solution(demo_portal):
    """A published solution of Arthur (an author of the demo collection)."""
    return published_solution(demo_portal, AUTHOR, id="road-works-register", title="Road works register")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_an_author_adds_a_release_and_a_download_to_her_solution(new_page, site_url, arthurs_solution, viewport):
    size = VIEWPORTS[viewport]
    arthur = Journey(new_page(viewport=size), site_url, AUTHOR)
    arthur.click(arthur.page.locator("#content").get_by_role("link", name=arthurs_solution.title))

    add_release = arthur.page.get_by_role("link", name="Add a release")
    assert "A release is a version of this solution" in arthur.page.locator("#content").inner_text()
    arthur.click(add_release)
    arthur.page.get_by_label("Title", exact=True).first.fill("Road works register 2.0")
    arthur.page.get_by_label("Version", exact=True).first.fill("2.0.0")
    arthur.click(arthur.page.locator("#form-buttons-save"))
    assert arthur.page.locator("h1").inner_text() == "Road works register 2.0"

    add_download = arthur.page.get_by_role("link", name="Add a download")
    assert "A download is a file or an address of this release" in arthur.page.locator("#content").inner_text()
    arthur.click(add_download)
    arthur.page.get_by_label("Title", exact=True).first.fill("Source code")
    arthur.page.get_by_label("Access URL", exact=True).first.fill("https://example.org/road-works-2.0.0.tar.gz")
    arthur.click(arthur.page.locator("#form-buttons-save"))
    assert arthur.page.locator("h1").inner_text() == "Source code"

    # Back up by the breadcrumbs: the solution lists its release, the release its download.
    arthur.click(arthur.page.locator("#portal-breadcrumbs").get_by_role("link", name="Road works register 2.0"))
    assert arthur.page.locator("#content").get_by_role("link", name="Source code", exact=True).is_visible()
    arthur.click(arthur.page.locator("#portal-breadcrumbs").get_by_role("link", name=arthurs_solution.title))
    releases = arthur.page.locator(".osor-releases")
    assert releases.get_by_role("link", name="2.0.0", exact=True).is_visible()
    assert releases.get_by_role("link", name="Source code", exact=True).is_visible()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_member_asks_a_legal_question_and_an_expert_answers_and_publishes_it_as_faq(new_page, site_url, viewport):
    size = VIEWPORTS[viewport]
    subject = "May our town reuse a MIT library in an EUPL portal?"

    # Maria asks from the Contribute card of the collection.
    maria = Journey(new_page(viewport=size), site_url, MEMBER)
    maria.click(maria.page.locator(".osor-add-links").get_by_role("link", name="Ask a legal question"))
    maria.page.get_by_label("Subject", exact=True).first.fill(subject)
    maria.page.locator("iframe.tox-edit-area__iframe").first.wait_for()
    question = maria.page.frame_locator("iframe.tox-edit-area__iframe").first.locator("body")
    question.fill("Our portal is licensed under the EUPL-1.2. May it include a MIT library?")
    maria.page.get_by_label("Category", exact=True).first.select_option(index=1)
    maria.page.locator("#form-widgets-consent-0").check()
    maria.click(maria.page.locator("#form-buttons-save"))
    assert maria.page.locator("h1").inner_text() == subject

    # Lena, a legal expert, takes it from the open requests and answers.
    lena = Journey(new_page(viewport=size), site_url, LEGAL_EXPERT)
    lena.click(lena.page.locator(".osor-work-links").get_by_role("link", name=re.compile(r"^Open legal requests")))
    lena.click(lena.page.locator("#content").get_by_role("link", name=subject))
    lena.click(lena.page.get_by_role("button", name="Take the request"))
    steps = lena.page.locator(".legal-request-steps form", has=lena.page.get_by_role("button", name="Answer"))
    steps.locator("textarea").fill("Yes: the MIT licence is compatible with the EUPL-1.2.")
    lena.click(steps.get_by_role("button", name="Answer"))
    assert "Yes: the MIT licence is compatible" in lena.page.locator("#content").inner_text()

    # She publishes it in the Legal FAQ from the toolbar.
    lena.click(lena.page.locator("#edit-zone").get_by_role("link", name="Publish as FAQ"))
    lena.click(lena.page.locator("#content").get_by_role("button", name="Publish"))
    assert "Published in the Legal FAQ" in lena.status()


@pytest.fixture
def site_administrator(demo_portal):
    """A site administrator of the demo site."""
    setSite(demo_portal)
    api.user.create(
        email="sam@example.org", username="sam", password=DEMO_PASSWORD, properties={"fullname": "Sam Admin"}
    )
    api.user.grant_roles(username="sam", roles=["Site Administrator"])
    transaction.commit()
    return "sam"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_an_admin_adds_a_collection_and_sets_its_participation(
    new_page, site_url, demo_portal, site_administrator, viewport
):
    size = VIEWPORTS[viewport]
    sam = Journey(new_page(viewport=size), site_url, site_administrator)
    # The collection is the default page of the site root: the menu adds in it,
    # and its last item opens the add forms of the root itself.
    sam.page.locator("#plone-contentmenu-factories > a").click()  # opens the menu in place
    sam.click(sam.page.locator("#plone-contentmenu-factories #osor-contentmenu-add-to-folder"))
    sam.page.get_by_label("Community collection").check()
    sam.click(sam.page.locator("#content").get_by_role("button", name="Add"))
    sam.page.get_by_label("Title", exact=True).first.fill("Open source in schools")
    sam.click(sam.page.locator("#form-buttons-save"))
    assert sam.page.locator("h1").inner_text() == "Open source in schools"

    sam.click(sam.page.locator(".osor-work-links").get_by_role("link", name="Participation settings"))
    sam.page.get_by_label("Closed collection").check()
    sam.page.get_by_label("Content creation").select_option("only_members")
    sam.page.get_by_label("Moderated").check()
    sam.click(sam.page.locator("#form-buttons-save"))
    assert "Changes saved" in sam.status()

    transaction.begin()  # see what the server committed
    collection = next(
        brain._unrestrictedGetObject()
        for brain in demo_portal.portal_catalog.unrestrictedSearchResults(
            portal_type="community_collection", Title="Open source in schools"
        )
    )
    assert (collection.closed, collection.content_creation, collection.moderated) == (True, "only_members", True)
