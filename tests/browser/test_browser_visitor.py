"""Journeys of an anonymous visitor of the demo observatory, in Chromium."""

from browser_fixtures import PHONE
from browser_fixtures import screenshot
from browser_fixtures import VIEWPORTS
from browser_pages import PAGES

import feedparser
import icalendar
import pytest
import transaction
import uuid


COLLECTION = "/en/osor"
SOLUTION = "/en/osor/decidim"
DISTRIBUTION = "/en/osor/decidim/v0-28/source"

# The pages shown in the README (docs/screenshots/<page>-<viewport>.png).
SCREENSHOT_PAGES = (
    "landing",
    "collection",
    "collection-fr",
    "solution",
    "release",
    "case-study",
    "competence-centre",
    "event",
    "news",
    "publication",
    "search",
    "about",
    "members",
)


def test_visitor_lands_on_the_observatory(page, site_url, external_requests):
    page.goto(site_url)
    assert page.url.rstrip("/") == f"{site_url}/en"
    assert page.locator("h1").first.inner_text().startswith("Open Source Observatory")
    assert external_requests == []


def test_visitor_lands_on_the_french_observatory(page, site_url):
    page.goto(f"{site_url}/fr")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "Observatoire" in page.locator("h1").first.inner_text()


def test_skip_link_is_the_first_tab_stop_and_leads_to_the_content(page, site_url):
    page.goto(site_url + COLLECTION)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#content"
    page.keyboard.press("Enter")
    assert page.url.endswith("#content")


def test_visitor_clicks_download_on_the_solution_page_and_the_counter_increments(
    page, site_url, demo_portal, external_requests
):
    distribution = demo_portal.unrestrictedTraverse(DISTRIBUTION.strip("/"))
    before = distribution.download_count
    # Headless Chromium says "HeadlessChrome", a known crawler that is not counted; a
    # visitor's browser, once per day: a user agent of its own keeps this one new.
    visitor = f"Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 osor-visitor/{uuid.uuid4()}"
    page.set_extra_http_headers({"User-Agent": visitor})
    page.goto(site_url + SOLUTION)
    row = page.locator(".osor-distributions li", has_text=distribution.title)
    assert row.locator(".osor-download-count").inner_text() == f"Downloads: {before}"
    with page.expect_response(lambda response: "/@@download" in response.url) as download:
        row.get_by_role("link", name=f"Download {distribution.title}").click()
    assert download.value.status == 302
    # The file itself is on GitHub: the browser follows the redirect (aborted here, offline).
    assert download.value.headers["location"].startswith("https://github.com/decidim/")
    transaction.begin()  # see what the server committed
    assert distribution.download_count == before + 1
    page.goto(site_url + SOLUTION)
    assert row.locator(".osor-download-count").inner_text() == f"Downloads: {before + 1}"


def test_visitor_switches_to_french_and_sees_english_items_marked_as_such(page, site_url):
    page.goto(site_url + COLLECTION)
    with page.expect_navigation():
        page.locator("#portal-languageselector .language-fr a").click()
    assert page.url.startswith(f"{site_url}/fr/osor")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", name="Événements à venir").count() == 1
    # X-Road has no French translation: its English card is shown, in English, and says so.
    card = page.locator("#osor-section-software_solution article", has_text="X-Road")
    link = card.get_by_role("link", name="X-Road")
    assert link.get_attribute("lang") == "en"
    assert link.get_attribute("hreflang") == "en"
    assert card.locator(".osor-fallback-note").inner_text().startswith("Disponible en")
    # Decidim is translated: its French card, without a note.
    decidim = page.locator("#osor-section-software_solution article", has_text="Decidim")
    assert decidim.get_by_role("link", name="Decidim").get_attribute("href").startswith(f"{site_url}/fr/")
    assert decidim.locator(".osor-fallback-note").count() == 0


def test_visitor_subscribes_to_the_collection_rss_feed(page, site_url):
    page.goto(site_url + COLLECTION)
    rss = page.locator(".osor-feeds a[type='application/rss+xml']").first
    response = page.request.get(rss.get_attribute("href"))
    feed = feedparser.parse(response.text())
    assert feed.version == "rss20"
    assert "Decidim" in {entry.title for entry in feed.entries}


def test_collection_page_announces_its_feeds_in_its_head(page, site_url):
    page.goto(site_url + COLLECTION)
    types = page.locator("head link[rel='alternate']").evaluate_all("links => links.map(l => l.type)")
    assert {"application/rss+xml", "application/atom+xml", "text/calendar"} <= set(types)


def test_visitor_adds_the_collection_events_to_a_calendar(page, site_url):
    page.goto(site_url + COLLECTION)
    href = page.locator(".osor-feeds a[type='text/calendar']").get_attribute("href")
    calendar = icalendar.Calendar.from_ical(page.request.get(href).body())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert any(summary.startswith("OSOR webinar") for summary in summaries)


def test_search_page_feed_link_answers(page, site_url):
    page.goto(site_url + PAGES["search"])
    href = page.locator("a[href*='search_rss']").first.get_attribute("href")
    response = page.request.get(href)
    assert response.ok
    assert not feedparser.parse(response.text()).bozo


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", SCREENSHOT_PAGES)
def test_screenshots_of_the_main_pages(new_page, site_url, name, viewport, tmp_path):
    page = new_page(viewport=VIEWPORTS[viewport])
    page.goto(site_url + PAGES[name])
    page.wait_for_load_state("networkidle")
    path = screenshot(page, f"{name}-{viewport}", tmp_path)
    assert path.stat().st_size > 0
    if viewport == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
