"""Moderated edits: published content stays online while a change waits.

In a moderated collection, a member's edit of published content, and any
change under it (releases, distributions, Files, Images), waits for a
facilitator; visitors and search keep the published version meanwhile.
Facilitators and authors (who may publish directly) are not moderated.
"""

from AccessControl import Unauthorized
from community_fixtures import acting_as
from community_fixtures import community_collection
from community_fixtures import community_site
from community_fixtures import create
from community_fixtures import mails
from community_fixtures import search
from html.parser import HTMLParser
from member_fixtures import rest_path
from osor.collection.review import pending_edits
from osor.collection.upgrades.moderated_edits import remember_published_versions
from osor.collection.upgrades.moderated_edits import upgrade
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from zope.annotation.interfaces import IAnnotations
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest
import transaction


def edit(obj, userid, **fields):
    """Change fields as ``userid`` and notify, as the edit form and PATCH do."""
    with acting_as(userid):
        for name, value in fields.items():
            setattr(obj, name, value)
        notify(ObjectModifiedEvent(obj))


def visible(obj, userid=None) -> bool:
    with acting_as(userid):
        return bool(api.user.has_permission("View", obj=obj))


def html(text):
    return RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe")


def published_news(collection, userid="alice", text="Original text"):
    news = create(collection, userid, "community_news", title="Open data day", text=html(text))
    api.content.transition(news, transition="publish")
    return news


@pytest.fixture
def alices_solution(moderated):
    """alice's solution, with a release, a distribution and a document, approved."""
    solution = create(moderated, "alice", "software_solution", id="solution", title="Solution")
    release = create(
        solution, "alice", "solution_release", id="release", title="1.0", version="1.0", release_notes=html("First")
    )
    create(
        release, "alice", "solution_distribution", id="tarball", title="Tarball", access_url="https://example.org/a.tgz"
    )
    create(
        solution,
        "alice",
        "File",
        id="manual",
        title="Manual",
        file=NamedBlobFile(data=b"approved manual", filename="manual.pdf"),
    )
    api.content.transition(solution, transition="publish")
    return solution


# The item itself ----------------------------------------------------------------


def test_member_edit_of_published_item_waits_and_visitors_keep_the_published_version(site, moderated):
    news = published_news(moderated)
    edit(news, "alice", title="Rewritten day", text=html("Sneaky text"))
    assert api.content.get_state(news) == "published"
    assert visible(news)
    assert news.title == "Open data day"
    assert news.text.raw == "<p>Original text</p>"
    assert search(SearchableText="Original") == {news.UID()}
    assert search(SearchableText="Sneaky") == set()
    record = pending_edits.pending(news)
    assert record["kind"] == "edit" and record["status"] == "pending" and record["author"] == "alice"
    assert record["values"]["title"] == "Rewritten day"
    assert record["values"]["text"].raw == "<p>Sneaky text</p>"


def test_facilitator_approves_a_pending_edit(site, moderated):
    news = published_news(moderated)
    edit(news, "alice", title="Rewritten day", text=html("Sneaky text"))
    with acting_as("fay"):
        pending_edits.approve(news)
    assert pending_edits.pending(news) is None
    assert news.title == "Open data day".replace("Open data", "Rewritten")
    assert search(SearchableText="Sneaky") == {news.UID()}
    assert pending_edits.last_review(news)["action"] == "approved"
    # The approved version is the new published version.
    edit(news, "alice", title="Third")
    assert news.title == "Rewritten day"


def test_member_cannot_approve_her_own_edit(site, moderated):
    news = published_news(moderated)
    edit(news, "alice", title="Rewritten day")
    with acting_as("alice"), pytest.raises(Unauthorized):
        pending_edits.approve(news)
    assert news.title == "Open data day"


def test_send_back_needs_a_motivation_and_discards_the_edit(site, moderated):
    news = published_news(moderated)
    edit(news, "alice", title="Rewritten day")
    with acting_as("fay"), pytest.raises(pending_edits.PendingEditError):
        pending_edits.send_back(news, "  ")
    assert pending_edits.pending(news)["status"] == "pending"
    already_queued = len(mails(site))
    with acting_as("fay"):
        pending_edits.send_back(news, "Keep the title of the event.")
    assert pending_edits.pending(news) is None
    assert news.title == "Open data day"
    assert pending_edits.last_review(news)["motivation"] == "Keep the title of the event."
    assert "alice@example.org" in [to for to, _subject, _body in mails(site)[already_queued:]]


def test_author_withdraws_her_pending_edit(site, moderated):
    news = published_news(moderated)
    edit(news, "alice", title="Rewritten day")
    # Facilitators send back, with a motivation; they do not withdraw.
    with acting_as("fay"), pytest.raises(Unauthorized):
        pending_edits.withdraw(news)
    with acting_as("alice"):
        pending_edits.withdraw(news)
    assert pending_edits.pending(news) is None
    assert news.title == "Open data day"


def test_facilitators_are_mailed_about_a_pending_edit(site, moderated):
    news = published_news(moderated)
    already_queued = len(mails(site))
    edit(news, "alice", title="Rewritten day")
    recipients = [to for to, _subject, _body in mails(site)[already_queued:]]
    assert recipients.count("fay@example.org") == 1


def test_publishers_are_not_moderated(site, moderated):
    news = published_news(moderated)
    edit(news, "fay", title="By the facilitator")
    edit(news, "ann", text=html("By the author"))
    assert news.title == "By the facilitator"
    assert news.text.raw == "<p>By the author</p>"
    assert pending_edits.pending(news) is None


def test_a_publisher_making_the_same_change_resolves_the_pending_edit(site, moderated):
    # As when plone.app.multilingual copies an approved change into a translation.
    news = published_news(moderated)
    edit(news, "alice", title="Rewritten day", text=html("Sneaky text"))
    edit(news, "fay", title="Rewritten day")
    assert pending_edits.pending(news)["values"].keys() == {"text"}
    edit(news, "fay", text=html("Sneaky text"))
    assert pending_edits.pending(news) is None
    with acting_as("fay"):
        assert pending_edits.waiting_for_review(moderated) == []


def test_member_edit_in_unmoderated_collection_applies_at_once(site, unmoderated):
    news = published_news(unmoderated)
    edit(news, "alice", title="Rewritten day")
    assert news.title == "Rewritten day"
    assert pending_edits.pending(news) is None


def test_member_edit_of_a_draft_applies_at_once(site, moderated):
    news = create(moderated, "alice", "community_news", title="Draft")
    edit(news, "alice", title="Better draft")
    assert news.title == "Better draft"
    assert pending_edits.pending(news) is None


# Children of approved content (defect 3) ---------------------------------------------


def test_member_distribution_under_approved_solution_waits_for_approval(site, alices_solution):
    release = alices_solution["release"]
    exe = create(release, "alice", "solution_distribution", title="Installer", access_url="https://example.org/x.exe")
    assert not visible(exe)
    assert search(UID=exe.UID()) == set()
    assert visible(exe, "alice") and visible(exe, "fay")
    assert not visible(exe, "bob")
    assert pending_edits.pending(exe)["kind"] == "addition"
    with acting_as("fay"):
        pending_edits.approve(exe)
    assert visible(exe)
    assert search(UID=exe.UID()) == {exe.UID()}


def test_member_edit_of_release_notes_waits_for_approval(site, alices_solution):
    release = alices_solution["release"]
    edit(release, "alice", release_notes=html("Rewritten notes"))
    assert release.release_notes.raw == "<p>First</p>"
    assert search(SearchableText="Rewritten") == set()
    assert pending_edits.pending(release)["values"]["release_notes"].raw == "<p>Rewritten notes</p>"
    with acting_as("fay"):
        pending_edits.approve(release)
    assert release.release_notes.raw == "<p>Rewritten notes</p>"


def test_member_replacing_a_document_file_waits_for_approval(site, alices_solution):
    manual = alices_solution["manual"]
    edit(manual, "alice", file=NamedBlobFile(data=b"malware", filename="manual.exe"))
    assert manual.file.data == b"approved manual"
    assert visible(manual)
    assert pending_edits.pending(manual)["values"]["file"].filename == "manual.exe"


def test_member_image_under_approved_solution_waits_for_approval(site, alices_solution):
    image = create(alices_solution, "alice", "Image", title="Screenshot")
    assert not visible(image)


def test_sent_back_addition_stays_hidden_until_its_author_changes_it(site, alices_solution):
    exe = create(
        alices_solution["release"],
        "alice",
        "solution_distribution",
        title="Installer",
        access_url="https://example.org/x.exe",
    )
    with acting_as("fay"):
        pending_edits.send_back(exe, "No installers, please.")
    assert not visible(exe)
    assert pending_edits.pending(exe)["status"] == "sent_back"
    edit(exe, "alice", access_url="https://example.org/x.tar.gz")
    assert pending_edits.pending(exe)["status"] == "pending"
    assert exe.access_url == "https://example.org/x.tar.gz"
    assert not visible(exe)


def test_author_reads_why_her_addition_was_sent_back(site, alices_solution, layer_request):
    exe = create(
        alices_solution["release"],
        "alice",
        "solution_distribution",
        title="Installer",
        access_url="https://example.org/x.exe",
    )
    with acting_as("fay"):
        pending_edits.send_back(exe, "No installers, please.")
    with acting_as("alice"):
        page = api.content.get_view("pending-edit", exe, layer_request)()
    assert "No installers, please." in page
    assert "form.buttons.approve" not in page


def test_children_of_a_pending_addition_are_approved_with_it(site, alices_solution):
    release = create(alices_solution, "alice", "solution_release", title="2.0", version="2.0")
    tarball = create(release, "alice", "solution_distribution", title="Tarball", access_url="https://example.org/b")
    assert pending_edits.pending(tarball) is None
    assert not visible(tarball)
    with acting_as("fay"):
        pending_edits.approve(release)
    assert visible(tarball)
    # Now public: a later edit of the distribution waits.
    edit(tarball, "alice", access_url="https://example.org/c")
    assert tarball.access_url == "https://example.org/b"


def test_author_adds_and_edits_children_directly(site, moderated):
    solution = create(moderated, "ann", "software_solution", title="Ann's")
    api.content.transition(solution, transition="publish")
    release = create(solution, "ann", "solution_release", title="1.0", version="1.0")
    assert visible(release)
    edit(release, "ann", release_notes=html("Notes"))
    assert release.release_notes.raw == "<p>Notes</p>"


def test_facilitators_list_the_changes_waiting_in_their_collection(site, moderated, alices_solution):
    news = published_news(moderated)
    edit(news, "alice", title="Rewritten day")
    exe = create(
        alices_solution["release"],
        "alice",
        "solution_distribution",
        title="Installer",
        access_url="https://example.org/x.exe",
    )
    with acting_as("fay"):
        waiting = pending_edits.waiting_for_review(moderated)
    assert [(each["title"], each["kind"]) for each in waiting] == [
        ("Open data day", "edit"),
        ("Installer", "addition"),
    ]
    with acting_as("fay"):
        pending_edits.approve(news)
        pending_edits.send_back(exe, "No installers.")
        assert pending_edits.waiting_for_review(moderated) == []


def test_adding_a_child_does_not_hold_the_item(site, alices_solution):
    create(alices_solution, "alice", "Image", title="Screenshot")
    assert pending_edits.pending(alices_solution) is None
    assert api.content.get_state(alices_solution) == "published"


# Existing sites -------------------------------------------------------------------------


def forget_published_values(*objs):
    """As for content published before pending edits existed."""
    for obj in objs:
        del IAnnotations(obj)[pending_edits.PUBLISHED_VALUES_KEY]


def test_upgrade_remembers_the_published_version_of_existing_content(site, alices_solution):
    release, manual = alices_solution["release"], alices_solution["manual"]
    forget_published_values(alices_solution, release, manual)
    assert remember_published_versions() == 3
    edit(release, "alice", release_notes=html("Rewritten notes"))
    assert release.release_notes.raw == "<p>First</p>"
    # Run again: nothing to do, the pending edit is kept.
    assert remember_published_versions() == 0
    assert pending_edits.pending(release)["values"]["release_notes"].raw == "<p>Rewritten notes</p>"


def test_upgrade_adds_the_index_of_pending_changes_once(site, moderated):
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex(pending_edits.PENDING_INDEX)
    upgrade()
    upgrade()
    assert catalog.Indexes[pending_edits.PENDING_INDEX].meta_type == "FieldIndex"


def test_without_published_version_an_edit_is_never_let_through(site, alices_solution):
    release = alices_solution["release"]
    forget_published_values(alices_solution, release)
    edit(alices_solution, "alice", title="Rewritten")
    assert api.content.get_state(alices_solution) == "proposed"
    api.content.transition(alices_solution, transition="approve")
    forget_published_values(release)
    edit(release, "alice", release_notes=html("Rewritten notes"))
    assert not visible(release)


# REST and Classic UI ----------------------------------------------------------------


@pytest.fixture
def rest_news(functional_portal):
    site = community_site(functional_portal)
    news = published_news(community_collection(site))
    transaction.commit()
    return news


def test_rest_patch_waits_and_facilitator_approves_over_rest(rest_news, session_for):
    answer = session_for("alice").patch(rest_path(rest_news), json={"title": "Rewritten day"})
    assert answer.status_code == 204
    assert session_for().get(rest_path(rest_news)).json()["title"] == "Open data day"
    found = session_for().get("@search", params={"SearchableText": "Rewritten"}).json()
    assert found["items_total"] == 0
    mine = session_for("alice").get(rest_path(rest_news, "/@pending-edit")).json()
    assert mine["pending"] is True and mine["may_review"] is False
    assert mine["fields"] == [
        {"name": "title", "title": "Title", "published": "Open data day", "pending": "Rewritten day"}
    ]
    assert session_for("bob").get(rest_path(rest_news, "/@pending-edit")).status_code == 401
    refused = session_for("alice").post(rest_path(rest_news, "/@pending-edit"), json={"action": "approve"})
    assert refused.status_code == 401
    missing = session_for("fay").post(rest_path(rest_news, "/@pending-edit"), json={"action": "send_back"})
    assert missing.status_code == 400 and missing.json()["error"]["field"] == "motivation"
    approved = session_for("fay").post(rest_path(rest_news, "/@pending-edit"), json={"action": "approve"})
    assert approved.status_code == 200 and approved.json()["pending"] is False
    assert session_for().get(rest_path(rest_news)).json()["title"] == "Rewritten day"


def test_rest_lists_the_changes_waiting_in_a_collection(rest_news, session_for):
    session_for("alice").patch(rest_path(rest_news), json={"title": "Rewritten day"})
    collection = rest_path(rest_news.__parent__)
    assert session_for("alice").get(f"{collection}/@pending-edits").status_code == 401
    items = session_for("fay").get(f"{collection}/@pending-edits").json()["items"]
    assert [(item["title"], item["kind"]) for item in items] == [("Open data day", "edit")]
    page = session_for("fay", api=False).get(f"{collection}/@@pending-changes").text
    assert f"{rest_news.absolute_url()}/@@pending-edit" in page


def test_rest_member_distribution_waits_for_approval(functional_portal, session_for):
    site = community_site(functional_portal)
    solution = create(community_collection(site), "alice", "software_solution", id="solution", title="Solution")
    create(solution, "alice", "solution_release", id="release", title="1.0", version="1.0")
    api.content.transition(solution, transition="publish")
    transaction.commit()
    body = {
        "@type": "solution_distribution",
        "id": "installer",
        "title": "Installer",
        "access_url": "https://example.org/x.exe",
    }
    assert session_for("alice").post(rest_path(solution, "/release"), json=body).status_code == 201
    assert session_for().get(rest_path(solution, "/release/installer")).status_code == 401
    assert session_for("fay").get(rest_path(solution, "/release/installer/@pending-edit")).json()["kind"] == "addition"
    session_for("fay").post(rest_path(solution, "/release/installer/@pending-edit"), json={"action": "approve"})
    assert session_for().get(rest_path(solution, "/release/installer")).status_code == 200


class FormFields(HTMLParser):
    """The values a browser would submit for the form ``form_id`` of a page."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.values, self.textarea = form_id, False, {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif self.inside and tag == "input" and attrs.get("name") and attrs.get("type") not in ("submit", "file"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.values[attrs["name"]] = attrs.get("value") or ""
        elif self.inside and tag == "textarea":
            self.textarea = attrs.get("name")
            self.values[self.textarea] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.values[self.textarea] += data


def test_classic_ui_edit_form_waits_too(rest_news, session_for):
    browser = session_for("alice", api=False)
    form = FormFields("form")
    form.feed(browser.get(rest_path(rest_news, "/@@edit")).text)
    title = next(name for name in form.values if name.endswith(".title"))
    saved = browser.post(
        rest_path(rest_news, "/@@edit"), data=dict(form.values, **{title: "Rewritten day", "form.buttons.save": "Save"})
    )
    assert saved.status_code == 200
    assert session_for().get(rest_path(rest_news)).json()["title"] == "Open data day"
    pending = session_for("alice").get(rest_path(rest_news, "/@pending-edit")).json()["fields"]
    assert [(field["name"], field["pending"]) for field in pending] == [("title", "Rewritten day")]


def test_rest_unknown_action_is_a_400_naming_the_field(rest_news, session_for):
    answer = session_for("fay").post(rest_path(rest_news, "/@pending-edit"), json={"action": "publish"})
    assert answer.status_code == 400
    assert answer.json()["error"]["field"] == "action"


def test_author_sees_a_notice_and_facilitator_reviews_in_classic_ui(rest_news, session_for):
    session_for("alice").patch(rest_path(rest_news), json={"title": "Rewritten day"})
    page = session_for("alice", api=False).get(rest_path(rest_news)).text
    assert "osor-pending-edit-notice" in page
    assert "osor-pending-edit-notice" not in session_for(api=False).get(rest_path(rest_news)).text
    review = session_for("fay", api=False).get(rest_path(rest_news, "/@@pending-edit")).text
    assert "Rewritten day" in review and "form.buttons.approve" in review
    # Without the CSRF token, nothing happens.
    forged = session_for("fay", api=False).post(
        rest_path(rest_news, "/@@pending-edit"), data={"form.buttons.approve": "1"}
    )
    assert forged.status_code == 403
    assert session_for().get(rest_path(rest_news)).json()["title"] == "Open data day"
    token = review.split('name="_authenticator" value="')[1].split('"')[0]
    approved = session_for("fay", api=False).post(
        rest_path(rest_news, "/@@pending-edit"), data={"form.buttons.approve": "1", "_authenticator": token}
    )
    assert approved.status_code == 200
    assert session_for().get(rest_path(rest_news)).json()["title"] == "Rewritten day"
