"""The community event: an event or webinar with speakers."""

from content_contract import ContentTypeContract
from content_contract import DUBLIN_CORE_FIELDS
from datetime import datetime
from osor.collection.content.community_event import ICommunityEvent
from osor.collection.fields import IncompleteRow
from zoneinfo import ZoneInfo

import pytest


BRUSSELS = ZoneInfo("Europe/Brussels")
SPEAKERS = [
    {"name": "Jacco Brouwer", "affiliation": "VNG", "bio": None},
    {"name": "Rasmus Frey", "affiliation": "OS2", "bio": "Head of Secretariat."},
]


class TestCommunityEvent(ContentTypeContract):
    portal_type = "community_event"
    forbidden_in = ("manager", "solution")
    invariant_cases = {
        "online-without-link": ({"online": True}, ["error_online_without_link"]),
        "virtual-location": ({"online": True, "virtual_location": "https://example.org/live"}, []),
        "registration": ({"online": True, "registration_url": "https://example.org/reg"}, []),
        "on-site": ({"online": False}, []),
    }
    values = {
        "start": datetime(2030, 5, 6, 10, 0, tzinfo=BRUSSELS),
        "end": datetime(2030, 5, 6, 12, 0, tzinfo=BRUSSELS),
        "online": True,
        "virtual_location": "https://example.org/webinar",
        "speakers": SPEAKERS,
        "scope": "european",
        "organiser_type": "european_institution",
    }
    fields = [
        # ICommunityEvent
        "online",
        "virtual_location",
        "registration_url",
        "speakers",
        "organiser",
        "organiser_type",
        "scope",
        "recording_notice",
        # plone.eventbasic, plone.eventrecurrence, plone.eventlocation, plone.eventcontact
        "start",
        "end",
        "whole_day",
        "open_end",
        "sync_uid",
        "recurrence",
        "location",
        "contact_name",
        "contact_email",
        "contact_phone",
        "event_url",
        *DUBLIN_CORE_FIELDS,
        # plone.shortname, plone.richtext, plone.leadimage, discussion, navigation
        "id",
        "text",
        "image",
        "image_caption",
        "allow_discussion",
        "exclude_from_nav",
        # osor.topics, osor.spatial_coverage, osor.stakeholders
        "topics",
        "spatial_coverage",
        "stakeholders",
    ]

    def test_keeps_its_speakers_in_order(self, item):
        assert [speaker["name"] for speaker in item.speakers] == ["Jacco Brouwer", "Rasmus Frey"]

    def test_is_found_as_online_event_of_its_scope(self, item, found):
        assert item.UID() in found(osor_online=True)
        assert item.UID() not in found(osor_online=False)
        assert item.UID() in found(osor_event_scope="european")

    def test_is_found_by_its_start(self, item, found):
        assert item.UID() in found(start={"query": datetime(2030, 1, 1), "range": "min"})


def test_a_speaker_needs_a_name():
    """Checked on the list, not as a required column: the optional field
    would otherwise show a required marker (tests/membership/test_member_forms.py)."""
    speakers = ICommunityEvent["speakers"]
    speakers.validate([{"name": "Ada", "affiliation": None, "bio": None}])
    with pytest.raises(IncompleteRow):
        speakers.validate([{"name": None, "affiliation": "OSOR", "bio": None}])
