"""Subscriptions in Classic UI (issue #29 §1): the box of collections and
solutions, "Alert me about new solutions like these" on the faceted search,
and *My subscriptions*, with a real browser session over HTTP (zope.testbrowser)."""

from osor.collection.subscriptions import storage
from plone.testing.zope import Browser
from subscription_fixtures import PASSWORD

import pytest
import transaction


@pytest.fixture
def browser(functional_app, nordic):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic bob:{PASSWORD}")
    return browser


def subscriptions_of(userid) -> list[tuple[str, str]]:
    transaction.begin()
    return [(subscription.kind, subscription.frequency) for subscription in storage.subscriptions_of(userid)]


def test_a_member_follows_a_solution_from_its_page_and_changes_the_frequency(browser, nordic):
    browser.open(nordic["decidim"].absolute_url())
    assert "Follow this solution" in browser.contents
    browser.getControl("E-mail me about changes").value = ["weekly"]
    browser.getControl("Subscribe").click()
    assert "You will get e-mails about it (weekly)." in browser.contents
    assert browser.url == nordic["decidim"].absolute_url()
    assert subscriptions_of("bob") == [("solution", "weekly")]

    browser.getControl("E-mail me about changes").value = ["immediate"]
    browser.getControl("Change").click()
    assert subscriptions_of("bob") == [("solution", "immediate")]


def test_the_collection_box_is_part_of_follow_this_collection(browser, nordic):
    browser.open(nordic.absolute_url())
    follow = browser.contents.split("Follow this collection")[1]
    assert "E-mail me about changes" in follow.split("</section>")[0]
    browser.getControl("Subscribe").click()
    assert subscriptions_of("bob") == [("collection", "daily")]


def test_anonymous_visitors_are_invited_to_log_in(functional_app, nordic):
    anonymous = Browser(functional_app)
    anonymous.open(nordic["decidim"].absolute_url())
    assert "Log in to get e-mail updates" in anonymous.contents


def test_a_search_is_saved_as_an_alert_from_the_results(browser, nordic):
    browser.open(f"{nordic.absolute_url()}/@@faceted-search?portal_type=software_solution&osor_countries=ES")
    browser.getControl("How often").value = ["weekly"]
    browser.getControl("Alert me about new solutions like these").click()
    assert "You will get e-mails about it (weekly)." in browser.contents
    transaction.begin()
    [search] = storage.subscriptions_of("bob")
    assert (search.kind, search.query) == ("search", "portal_type=software_solution&osor_countries=ES")
    # The page now says so, and offers to leave it.
    assert "You get e-mails about this" in browser.contents
    browser.getControl("Unsubscribe").click()
    assert subscriptions_of("bob") == []


def test_a_search_without_choices_offers_no_alert(browser, nordic):
    browser.open(f"{nordic.absolute_url()}/@@faceted-search")
    assert "Alert me about new solutions like these" not in browser.contents


def test_my_subscriptions_lists_changes_and_leaves_each_with_one_click(browser, nordic):
    storage.subscribe("bob", nordic, "daily")
    storage.subscribe("bob", nordic["decidim"], "weekly")
    transaction.commit()
    browser.open(f"{nordic.absolute_url().rsplit('/', 1)[0]}/@@my-subscriptions")
    assert "Nordic open source" in browser.contents and "Decidim" in browser.contents

    browser.getControl(name="frequency", index=0).value = ["immediate"]
    browser.getControl("Change", index=0).click()
    assert subscriptions_of("bob") == [("collection", "immediate"), ("solution", "weekly")]

    browser.getControl("Unsubscribe", index=1).click()
    assert "You will no longer get e-mails about it." in browser.contents
    assert subscriptions_of("bob") == [("collection", "immediate")]


def test_the_user_menu_links_to_my_subscriptions(browser, nordic):
    browser.open(nordic.absolute_url())
    assert "@@my-subscriptions" in browser.contents
