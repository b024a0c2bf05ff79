"""The competence centre: where administrations get help with open source."""

from content_contract import ContentTypeContract
from content_contract import DUBLIN_CORE_FIELDS
from osor.collection.content.competence_centre import ICompetenceCentre
from zope.schema.interfaces import TooBig
from zope.schema.interfaces import TooSmall

import pytest


PAIR = "error_coordinates_pair"


class TestCompetenceCentre(ContentTypeContract):
    portal_type = "competence_centre"
    forbidden_in = ("manager", "solution")
    invariant_cases = {
        "latitude-only": ({"latitude": 48.85, "longitude": None}, [PAIR]),
        "longitude-only": ({"latitude": None, "longitude": 2.35}, [PAIR]),
        "both": ({"latitude": 0.0, "longitude": 0.0}, []),
        "neither": ({"latitude": None, "longitude": None}, []),
    }
    values = {
        "country": "FR",
        "region": "Paris",
        "latitude": 48.8566,
        "longitude": 2.3522,
        "focus": "both",
        "kind": "public_body",
        "languages_served": ["fr"],
    }
    fields = [
        # ICompetenceCentre
        "country",
        "region",
        "postal_address",
        "latitude",
        "longitude",
        "website",
        "email",
        "focus",
        "kind",
        "languages_served",
        "services_offered",
        *DUBLIN_CORE_FIELDS,
        # plone.shortname, plone.allowdiscussion, plone.excludefromnavigation
        "id",
        "allow_discussion",
        "exclude_from_nav",
        # osor.topics
        "topics",
    ]

    def test_is_found_by_its_country_and_focus(self, item, found):
        assert item.UID() in found(osor_countries="FR")
        assert item.UID() not in found(osor_countries="DE")
        assert item.UID() in found(osor_focus="both")

    def test_its_coordinates_are_valid(self, item, invariant_errors):
        assert invariant_errors(ICompetenceCentre, item) == []


@pytest.mark.parametrize(
    "name,value,error",
    [
        ("latitude", 90.5, TooBig),
        ("latitude", -90.5, TooSmall),
        ("longitude", 180.5, TooBig),
        ("longitude", -180.5, TooSmall),
    ],
)
def test_coordinates_stay_on_the_globe(name, value, error):
    with pytest.raises(error):
        ICompetenceCentre[name].validate(value)
