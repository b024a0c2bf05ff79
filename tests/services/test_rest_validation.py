"""REST bodies of the wrong shape answer 400 naming the field; nothing is written."""

import pytest
import transaction


WRONG_SHAPES = [
    ("osor/app/v1/zip", "licence", ["MIT"]),
    ("osor/app", "interface_languages", {"en": "English"}),
    ("osor", "contact_points", "text"),
    ("osor", "contact_points", ["text"]),
    ("osor", "contact_points", [{"name": {"first": "Ada"}}]),
    ("osor/app", "licences", {"id": "MIT"}),
    ("osor/app", "related_solutions", [{"title": "no @id"}]),
    ("osor/os2", "year", "2021"),
    ("osor/webinar", "online", "yes"),
    ("osor/zendis", "latitude", [52.5]),
    ("osor/app/v1", "release_notes", {"content-type": "text/html"}),
    ("osor/app/v1/zip", "file", {"data": "eA==", "encoding": "no-such-codec"}),
    ("osor/news", "title", {"en": "News"}),
]


def serial(portal, path):
    transaction.begin()
    return portal.unrestrictedTraverse(path)._p_serial


@pytest.mark.parametrize("path, field, value", WRONG_SHAPES, ids=lambda v: str(v)[:20])
def test_a_value_of_the_wrong_shape_is_a_400_naming_the_field(content, manager_request, path, field, value):
    before = serial(content, path)
    response = manager_request.patch(f"/{path}", json={"description": "changed", field: value})
    assert response.status_code == 400, response.text
    assert field in response.json()["message"]
    assert serial(content, path) == before


def test_a_body_that_is_not_an_object_is_a_400(content, manager_request):
    response = manager_request.patch("/osor/app", json=["licences"])
    assert response.status_code == 400, response.text


def test_a_post_of_the_wrong_shape_creates_nothing(content, manager_request):
    response = manager_request.post(
        "/osor",
        json={"@type": "software_solution", "title": "Bad", "interface_languages": {"en": 1}},
    )
    assert response.status_code == 400, response.text
    assert "interface_languages" in response.json()["message"]
    transaction.begin()
    assert "bad" not in content.osor.objectIds()


def test_values_of_the_right_shape_are_still_accepted(content, manager_request):
    response = manager_request.patch(
        "/osor/app",
        json={
            "licences": [{"token": "MIT"}, "EUPL-1.2"],
            "interface_languages": "fr",
            "landing_page": "https://example.org",
        },
    )
    assert response.status_code == 204, response.text
    data = manager_request.get("/osor/app").json()
    assert [term["token"] for term in data["licences"]] == ["MIT", "EUPL-1.2"]
    assert [term["token"] for term in data["interface_languages"]] == ["fr"]
