"""Subscriptions and digests (issue #29 §1): what a digest reports, to whom, once.

The site is committed ("nordic", subscription_fixtures.py); digests are
built by ``run_digests`` as ``@digest`` and ``make digest`` build them,
and their mails go through the after-commit mail queue to the recording
MailHost (sent when the test reads them, as the queue's worker would).
"""

from interface_texts import as_words
from interface_texts import english_interface_texts
from osor.collection.review import pending_edits
from osor.collection.subscriptions import storage
from osor.collection.subscriptions.digest import run_digests
from osor.collection.subscriptions.immediate import deliver
from osor.collection.subscriptions.immediate import start_dispatcher
from osor.collection.subscriptions.immediate import stop_dispatcher
from plone import api
from plone.app.textfield.value import RichTextValue
from subscription_fixtures import acting_as
from subscription_fixtures import add_comment
from subscription_fixtures import publish
from zope.component.hooks import setSite
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import time
import transaction


SECRET = "Zanzibar"


def subscribe(userid, target, frequency="daily", query=""):
    subscription, _created = storage.subscribe(userid, target, frequency, query)
    transaction.commit()
    return subscription


def digest_of(digests, userid) -> list[dict]:
    for digest in digests:
        if digest["userid"] == userid:
            return digest["items"]
    return []


def run(frequency="daily", dry_run=False) -> list[dict]:
    digests = [digest.as_json() for digest in run_digests(frequency, dry_run=dry_run)]
    transaction.commit()
    return digests


def test_a_daily_digest_reports_what_was_published_in_the_collection_since_the_last(nordic, mails):
    subscribe("bob", nordic)
    publish(nordic, "OpenProject", id="openproject")
    publish(nordic, "Nextcloud news", portal_type="community_news", id="nextcloud-news")
    transaction.commit()

    items = digest_of(run(), "bob")

    assert [item["title"] for item in items] == ["OpenProject", "Nextcloud news"]
    assert items[0]["@id"] == nordic["openproject"].absolute_url()
    assert items[0]["why"] == "New in “Nordic open source”"
    [(recipients, text)] = mails()
    assert recipients == ["bob@example.org"]
    assert "OpenProject" in text and "Nextcloud news" in text
    assert "because you subscribed to" in text
    assert f"{api.portal.get().absolute_url()}/@@unsubscribe?token=" in text


def test_a_new_subscription_does_not_report_the_past(nordic, mails):
    publish(nordic, "OpenProject")
    transaction.commit()
    subscribe("bob", nordic)
    assert run() == []
    assert mails() == []


def test_running_the_digest_twice_in_a_row_sends_nothing_new(nordic, mails):
    subscribe("bob", nordic)
    publish(nordic, "OpenProject")
    transaction.commit()
    assert digest_of(run(), "bob")
    assert run() == []
    assert len(mails()) == 1


def test_a_dry_run_sends_nothing_and_the_next_run_still_reports(nordic, mails):
    subscribe("bob", nordic, "weekly")
    publish(nordic, "OpenProject")
    transaction.commit()
    assert [item["title"] for item in digest_of(run("weekly", dry_run=True), "bob")] == ["OpenProject"]
    assert mails() == []
    assert [item["title"] for item in digest_of(run("weekly"), "bob")] == ["OpenProject"]
    assert len(mails()) == 1


def test_each_frequency_has_its_own_digest(nordic, mails):
    subscribe("bob", nordic, "weekly")
    publish(nordic, "OpenProject")
    transaction.commit()
    assert run("daily") == []
    assert digest_of(run("weekly"), "bob")


def test_a_draft_a_retracted_item_and_a_private_legal_request_never_appear_not_even_their_title(nordic, mails):
    for userid in ("bob", "fred", "olga", "lex"):
        subscribe(userid, nordic, "daily")
    with acting_as("bob"):
        api.content.create(container=nordic, type="software_solution", title=f"{SECRET} draft")
        api.content.create(
            container=nordic,
            type="legal_request",
            title=f"{SECRET} legal question",
            question=RichTextValue(f"<p>{SECRET}</p>", "text/html", "text/html"),
            category="licence_compatibility",
        )
    retracted = publish(nordic, f"{SECRET} retracted", userid="fred")
    with acting_as("fred"):
        api.content.transition(retracted, transition="request_changes", comment="Not yet")
    publish(nordic, "OpenProject")
    transaction.commit()

    digests = run()

    assert SECRET not in repr(digests)
    assert digest_of(digests, "bob") == [
        {"@id": nordic["openproject"].absolute_url(), "title": "OpenProject", "why": "New in “Nordic open source”"}
    ]
    sent = mails()
    assert len(sent) == 4
    assert all(SECRET not in text for _recipients, text in sent)


def test_an_item_of_a_collection_only_its_members_see_is_not_mailed_to_others(nordic, mails):
    subscribe("bob", nordic)
    subscribe("kenji", nordic)  # not a member
    item = publish(nordic, f"{SECRET} members only")
    with acting_as("fred"):
        item.manage_permission("View", roles=["Manager", "Collection Member"], acquire=False)
        item.manage_permission("Access contents information", roles=["Manager", "Collection Member"], acquire=False)
        item.reindexObjectSecurity()
    transaction.commit()
    digests = run()
    assert digest_of(digests, "kenji") == []
    assert SECRET not in repr(digest_of(digests, "kenji"))


def test_a_solution_subscription_reports_releases_published_edits_and_comments(nordic, mails):
    decidim = nordic["decidim"]
    subscribe("bob", decidim, "immediate")
    with acting_as("fred"):
        api.content.create(container=decidim, type="solution_release", id="v1", title="Decidim 1.0", version="1.0")
        decidim.description = "Participatory democracy"
        notify(ObjectModifiedEvent(decidim))
        add_comment(decidim, "fred", "Version 1.0 is out")
    transaction.commit()

    items = digest_of(run("immediate"), "bob")

    assert [(item["title"], item["why"]) for item in items] == [
        ("Decidim 1.0", "New release of “Decidim”"),
        ("Decidim", "“Decidim” was updated"),
        ("Decidim", "New comment on “Decidim”"),
    ]
    assert items[2]["@id"].startswith(decidim.absolute_url() + "#")


def test_a_saved_search_reports_only_new_solutions_that_match_it(nordic, mails):
    subscribe("bob", nordic, "daily", query="portal_type=software_solution&osor_countries=FI")
    publish(nordic, "Finnish solution", spatial_coverage=["FI"])
    publish(nordic, "Danish solution", spatial_coverage=["DK"])
    publish(nordic, "Finnish news", portal_type="community_news")
    transaction.commit()

    items = digest_of(run(), "bob")

    assert [item["title"] for item in items] == ["Finnish solution"]
    assert items[0]["why"].startswith("New, and matches your search “")
    assert "Finland" in items[0]["why"]


def test_the_digest_is_in_the_members_language_else_in_english_marked(nordic, mails):
    subscribe("maria", nordic)
    subscribe("kenji", nordic)
    publish(nordic, "OpenProject")
    transaction.commit()

    digests = run()

    assert digest_of(digests, "maria")[0]["why"] == "Nouveau dans « Nordic open source »"
    assert digest_of(digests, "kenji")[0]["why"] == "New in “Nordic open source”"
    texts = {recipients[0]: text for recipients, text in mails()}
    assert "This e-mail is in English" in texts["kenji@example.org"]
    assert "This e-mail is in English" not in texts["maria@example.org"]


def test_the_digest_speaks_every_eu_language(nordic, mails):
    """A member reading Maltese gets a Maltese digest: none of the English of
    the catalogue's messages that Maltese says otherwise."""
    api.user.get(userid="bob").setMemberProperties({"language": "mt"})
    subscribe("bob", nordic)
    publish(nordic, "OpenProject")
    transaction.commit()

    digest_of(run(), "bob")

    [(_recipients, text)] = mails()
    assert "OpenProject" in text
    english = [fragment for fragment in english_interface_texts("mt") if as_words(fragment).search(text)]
    assert english == []
    assert "because you subscribed to" not in text


# Immediate subscriptions: after the commit, outside the request ---------------------


def test_an_immediate_subscription_is_mailed_after_the_commit_by_the_dispatcher_not_the_request(
    nordic, mails, functional
):
    subscribe("bob", nordic, "immediate")
    dispatcher = start_dispatcher(functional["zodbDB"])
    try:
        publish(nordic, "OpenProject")
        # The change is recorded; nothing is mailed by the transaction that made it.
        assert [change["kind"] for _number, change in storage.changes_after(0)][-1] == "new"
        transaction.commit()
        deadline = time.monotonic() + 60
        while not mails() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop_dispatcher(timeout=10)
    setSite(nordic.aq_parent)
    [(recipients, text)] = mails()
    assert recipients == ["bob@example.org"]
    assert "OpenProject" in text
    assert dispatcher.is_alive() is False


def test_immediate_changes_left_by_a_script_are_sent_by_the_next_run(nordic, mails, functional):
    subscribe("bob", nordic, "immediate")
    publish(nordic, "OpenProject")
    transaction.commit()  # no dispatcher runs here (a zconsole script)
    assert mails() == []
    assert deliver(functional["zodbDB"], "/".join(nordic.aq_parent.getPhysicalPath())) == 1
    setSite(nordic.aq_parent)
    assert len(mails()) == 1
    assert deliver(functional["zodbDB"], "/".join(nordic.aq_parent.getPhysicalPath())) == 0


def test_a_members_edit_held_for_moderation_is_reported_once_a_facilitator_approves_it(nordic, mails):
    nordic.moderated = True
    with acting_as("bob"):
        news = api.content.create(container=nordic, type="community_news", title="Open data day")
    with acting_as("fred"):
        api.content.transition(news, transition="publish")
    transaction.commit()
    subscribe("maria", nordic)
    with acting_as("bob"):
        news.title = f"{SECRET} day"
        notify(ObjectModifiedEvent(news))
    transaction.commit()
    assert pending_edits.pending(news) is not None
    assert run() == []  # held: visitors still see the published version

    with acting_as("fred"):
        pending_edits.approve(news)
    transaction.commit()
    [item] = digest_of(run(), "maria")
    assert item["title"] == f"{SECRET} day"
    assert item["why"] == "Mis à jour dans « Nordic open source »"
