"""One item of every type, committed: the content the REST tests read.

A pytest plugin (``conftest.py``): the ``content`` fixture is there for every
test; ``content_tree`` (what it creates) is imported by name.
"""

from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.textfield.value import RichTextValue

import pytest
import transaction


def content_tree() -> dict:
    """path -> (portal_type, field values to create it with).

    Fresh values each time: a value stored in one test's database cannot
    be stored in the next one's.
    """
    return {
        "osor": (
            "community_collection",
            {
                "owner_type": "SupraNationalAuthority",
                "contact_points": [{"name": "OSOR team", "email": "osor@example.org", "url": None}],
                "spatial_coverage": ["EU", "BE"],
            },
        ),
        "osor/app": (
            "software_solution",
            {"licences": ["EUPL-1.2"], "development_status": "Completed", "topics": ["TECH-cloud"]},
        ),
        "osor/app/v1": ("solution_release", {"version": "1.0.0", "release_date": date(2024, 4, 15)}),
        "osor/app/v1/zip": (
            "solution_distribution",
            {"access_url": "https://example.org/app.zip", "licence": "EUPL-1.2", "file_format": "ZIP"},
        ),
        "osor/os2": ("case_study", {"year": 2021, "administration_level": "local"}),
        "osor/webinar": (
            "community_event",
            {
                "online": True,
                "registration_url": "https://example.org/register",
                "speakers": [{"name": "Rasmus Frey", "affiliation": "OS2", "bio": None}],
            },
        ),
        "osor/zendis": (
            "competence_centre",
            {"country": "DE", "latitude": 52.52, "longitude": 13.405, "languages_served": ["de"]},
        ),
        "osor/eupl-gpl": (
            "legal_request",
            {
                "question": RichTextValue("<p>EUPL and GPL?</p>", "text/html"),
                "category": "licence_compatibility",
                "licences": ["EUPL-1.2"],
            },
        ),
        "osor/news": ("community_news", {"source_url": "https://example.org/news"}),
        "osor/handbook": (
            "publication",
            {"publication_type": "handbook", "external_url": "https://example.org/h.pdf"},
        ),
    }


@pytest.fixture
def content(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    for path, (portal_type, values) in content_tree().items():
        parent, _, item_id = path.rpartition("/")
        api.content.create(
            container=functional_portal.unrestrictedTraverse(parent) if parent else functional_portal,
            type=portal_type,
            id=item_id,
            title=item_id,
            **values,
        )
    transaction.commit()
    return functional_portal
