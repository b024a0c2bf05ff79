"""plone.restapi serializes every type with its field values."""

from content_fixtures import content_tree

import pytest
import transaction


def term(token: str, title: str) -> dict:
    return {"token": token, "title": title}


EUPL = term("EUPL-1.2", "European Union Public License 1.2 (EUPL-1.2)")


EXPECTED = {
    "osor": {
        "owner_type": term("SupraNationalAuthority", "Supra-national authority"),
        "contact_points": [{"name": "OSOR team", "email": "osor@example.org", "url": None}],
        "spatial_coverage": [term("EU", "European Union"), term("BE", "Belgium")],
        "content_creation": term("only_members", "Only members"),
        "moderated": True,
    },
    "osor/app": {
        "licences": [EUPL],
        "development_status": term("Completed", "Completed"),
        "topics": [term("TECH-cloud", "Science and technology » Cloud and infrastructure")],
    },
    "osor/app/v1": {"version": "1.0.0", "release_date": "2024-04-15"},
    "osor/app/v1/zip": {
        "access_url": "https://example.org/app.zip",
        "licence": EUPL,
        "file_format": "ZIP",
        "file": None,
        "file_size": None,
        "download_count": 0,
    },
    "osor/os2": {"year": 2021, "administration_level": term("local", "Local")},
    "osor/webinar": {
        "online": True,
        "registration_url": "https://example.org/register",
        "speakers": [{"name": "Rasmus Frey", "affiliation": "OS2", "bio": None}],
    },
    "osor/zendis": {
        "country": term("DE", "Germany"),
        "latitude": 52.52,
        "longitude": 13.405,
        "languages_served": [term("de", "German")],
    },
    "osor/eupl-gpl": {
        "category": term("licence_compatibility", "Licence compatibility"),
        "licences": [EUPL],
    },
    "osor/news": {"source_url": "https://example.org/news"},
    "osor/handbook": {
        "publication_type": term("handbook", "Handbook or guide"),
        "external_url": "https://example.org/h.pdf",
    },
}


@pytest.mark.parametrize("path", EXPECTED)
def test_get_returns_the_field_values(content, manager_request, path):
    response = manager_request.get(f"/{path}")
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["@type"] == content_tree()[path][0]
    assert {name: data[name] for name in EXPECTED[path]} == EXPECTED[path]


def test_an_uploaded_distribution_reports_its_size_and_downloads(content, manager_request, blob_file):
    distribution = content.unrestrictedTraverse("osor/app/v1/zip")
    distribution.access_url = None
    distribution.file = blob_file(size=2048, filename="app.zip")
    distribution.record_download()
    transaction.commit()
    data = manager_request.get("/osor/app/v1/zip").json()
    assert data["file_size"] == 2048
    assert data["download_count"] == 1
    assert data["file"]["filename"] == "app.zip"
    assert data["file"]["size"] == 2048


def test_downloading_through_the_site_counts(content, request_factory):
    browser = request_factory(role="Manager", api=False)
    # A browser's download counts (python-requests is a known crawler: tests/pages/test_download_counting.py).
    browser.headers["User-Agent"] = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
    response = browser.get("/osor/app/v1/zip/@@download", allow_redirects=False)
    assert response.status_code == 302
    assert response.headers["Location"] == "https://example.org/app.zip"
    data = request_factory(role="Manager").get("/osor/app/v1/zip").json()
    assert data["download_count"] == 1
