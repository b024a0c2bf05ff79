"""Every REST service of ours answers an error in one shape (#31 §3).

``{"error": {"type", "message", ...}}`` with the HTTP status as ``type``,
and an error about one input naming it as ``parameter`` and ``field``;
the importers add their list of ``errors``.
"""

from member_fixtures import make_nordic_collection
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import transaction


@pytest.fixture
def collection(functional_portal):
    collection = make_nordic_collection(functional_portal)
    transaction.commit()
    return collection


def assert_one_shape(response, status: int, error_type: str, parameter: str | None = None) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["type"] == error_type
    assert isinstance(error["message"], str) and error["message"]
    if parameter:
        assert error["parameter"] == error["field"] == parameter
    return error


@pytest.mark.parametrize(
    "method, path, body, status, error_type, parameter",
    [
        ("get", "/nordic/@faceted-search?colour=blue", None, 400, "BadRequest", "colour"),
        ("get", "/@catalogue?modified_since=yesterday", None, 400, "BadRequest", "modified_since"),
        ("get", "/@licences/NOT-A-LICENCE", None, 404, "NotFound", None),
        ("get", "/@licence-compatibility?inbound=MIT", None, 400, "BadRequest", "outbound"),
        ("post", "/nordic/@membership", {"action": "dance"}, 400, "BadRequest", None),
        ("post", "/nordic/@subscriptions", "not json", 400, "BadRequest", None),
        ("post", "/@digest", {"frequency": "hourly"}, 400, "BadRequest", "frequency"),
    ],
)
def test_the_one_error_shape(collection, request_factory, method, path, body, status, error_type, parameter):
    session = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    url = path.lstrip("/")
    if body is None:
        response = getattr(session, method)(url)
    elif isinstance(body, str):
        response = session.post(url, data=body, headers={"Content-Type": "application/json"})
    else:
        response = session.post(url, json=body)
    assert_one_shape(response, status, error_type, parameter)


def test_anonymous_subscriptions_are_unauthorized(collection, request_factory):
    response = request_factory().post("nordic/@subscriptions", json={"frequency": "daily"})
    assert_one_shape(response, 401, "Unauthorized")


def test_an_importer_heads_its_problems_with_the_one_shape(collection, request_factory):
    session = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    response = session.post(
        "nordic/@publiccode-import", data=b"publiccodeYmlVersion: [", headers={"Content-Type": "application/yaml"}
    )
    error = assert_one_shape(response, 400, "BadRequest")
    problems = response.json()["errors"]
    assert problems and error["message"] == problems[0]["message"]
