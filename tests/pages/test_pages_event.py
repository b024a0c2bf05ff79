"""An event's page: date and time first, in the event's time zone; registration and calendar."""

from datetime import datetime
from datetime import timedelta
from pages_content import anonymous_browser
from pages_content import commit
from pages_content import json_ld
from pages_content import make_osor_collection
from pages_content import of_type
from pages_content import published
from plone import api

import lxml.html
import pytest
import pytz


BRUSSELS = pytz.timezone("Europe/Brussels")


def make_event(collection, id="webinar", start=None, **fields):
    start = start or BRUSSELS.localize(datetime(2030, 4, 15, 10, 0))
    values = {
        "title": "Open source in public procurement",
        "start": start,
        "end": start + timedelta(hours=1, minutes=30),
        "timezone": "Europe/Brussels",
        "online": True,
        "virtual_location": "https://meet.example.org/osor",
        "registration_url": "https://example.org/register",
        "speakers": [{"name": "Ana Pérez", "affiliation": "OSOR", "bio": "Policy officer."}],
        "organiser": "European Commission",
        **fields,
    }
    return published(api.content.create(container=collection, type="community_event", id=id, **values))


@pytest.fixture
def event(functional_portal):
    event = make_event(make_osor_collection(functional_portal))
    commit()
    return event


@pytest.fixture
def page(event, functional_app):
    browser = anonymous_browser(functional_app)
    browser.open(event.absolute_url())
    return browser


def test_date_and_time_come_first_in_the_events_time_zone(page):
    tree = lxml.html.fromstring(page.contents)
    when = tree.xpath('//p[contains(@class, "osor-event-when")]')[0].text_content()
    assert "Monday, April 15, 2030" in when
    assert "10:00" in when and "11:30" in when
    body = page.contents
    assert body.index("osor-event-when") < body.index('class="osor-speakers"')


def test_online_event_has_a_badge_a_register_button_and_add_to_calendar(event, page):
    assert "Online (webinar)" in page.contents
    assert page.getLink("Register").url == "https://example.org/register"
    assert page.getLink("Add to calendar").url == f"{event.absolute_url()}/ics_view"


def test_speakers_with_affiliation_and_bio(page):
    tree = lxml.html.fromstring(page.contents)
    speakers = tree.xpath('//section[@class="osor-speakers"]')[0].text_content()
    assert "Ana Pérez" in speakers and "OSOR" in speakers and "Policy officer." in speakers


def test_empty_location_and_contact_are_not_shown(page):
    tree = lxml.html.fromstring(page.contents)
    labels = [text.strip() for text in tree.xpath("//dl[contains(@class, 'osor-facts')]/dt/text()")]
    assert "Location" not in labels
    assert "Contact" not in labels
    assert "Virtual location" in labels


def test_a_past_event_says_so_and_offers_no_registration(functional_portal, functional_app):
    collection = make_osor_collection(functional_portal)
    past = make_event(collection, id="past", start=BRUSSELS.localize(datetime(2020, 1, 10, 9, 0)))
    commit()
    browser = anonymous_browser(functional_app)
    browser.open(past.absolute_url())
    assert "Past event" in browser.contents
    with pytest.raises(LookupError):
        browser.getLink("Register")


def test_structured_data_is_an_event_with_offsets_and_a_virtual_location(page):
    event = of_type(json_ld(page.contents), "Event")
    assert event["startDate"] == "2030-04-15T10:00:00+02:00"
    assert event["endDate"] == "2030-04-15T11:30:00+02:00"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/osor"}
    assert event["organizer"]["name"] == "European Commission"
    assert event["performer"][0]["name"] == "Ana Pérez"
