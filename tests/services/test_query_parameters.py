"""A query parameter given twice, empty or unknown answers 400 naming it,
in every REST service and browser view of ours that reads one (#26 §3.4).

Zope makes a list of a repeated parameter; code expecting a string
answered 500 (``'list' object has no attribute 'strip'``). They all go
through ``osor.collection.parameters``.
"""

from community_fixtures import acting_as
from member_fixtures import PASSWORD
from osor.collection.parameters import ParameterError
from osor.collection.parameters import single
from plone import api
from plone.protect.authenticator import createToken
from zExceptions import BadRequest

import pytest
import transaction


def test_single_takes_one_value_and_names_what_it_refuses():
    assert single({"a": " x "}, "a") == "x"
    assert single({}, "a", default="d") == "d"
    for form, required in (({"a": ["x", "y"]}, False), ({"a": ""}, True), ({}, True)):
        with pytest.raises(ParameterError) as error:
            single(form, "a", required=required)
        assert error.value.parameter == "a"


def assert_json_400(response, parameter):
    assert response.status_code == 400, response.text[:300]
    error = response.json()["error"]
    assert error["parameter"] == parameter
    assert parameter in error["message"]


# REST services (GET) -------------------------------------------------------


@pytest.mark.parametrize(
    "path, params, parameter",
    [
        ("/@licence-compatibility", [("inbound", "MIT"), ("inbound", "GPL-2.0-only"), ("outbound", "MIT")], "inbound"),
        ("/@licence-compatibility", [("inbound", "MIT"), ("outbound", "")], "outbound"),
        ("/@licence-compatibility", [("inbound", "MIT"), ("outbound", "Not-A-Licence")], "outbound"),
        ("/@licences", [("osi_approved", "true"), ("osi_approved", "true")], "osi_approved"),
        ("/@dcat", [("format", "turtle"), ("format", "xml")], "format"),
        ("/@catalogue", [("limit", "1"), ("limit", "2")], "limit"),
        ("/@faceted-search", [("sort_on", "title"), ("sort_on", "modified")], "sort_on"),
    ],
)
def test_rest_services_refuse_naming_the_parameter(functional_portal, request_factory, path, params, parameter):
    assert_json_400(request_factory().get(path, params=params), parameter)


def test_the_licences_service_still_takes_several_copyleft_values(functional_portal, request_factory):
    response = request_factory().get("/@licences", params=[("copyleft", "strong"), ("copyleft", "network")])
    assert response.status_code == 200
    assert {item["copyleft"] for item in response.json()["items"]} == {"strong", "network"}


# REST services (POST imports) ----------------------------------------------


@pytest.mark.parametrize(
    "service, content_type, parameter",
    [
        ("@publiccode-import", "application/yaml", "dry_run"),
        ("@publiccode-import", "application/yaml", "filename"),
        ("@federation-import", "text/turtle", "dry_run"),
        ("@federation-import", "text/turtle", "source"),
    ],
)
def test_imports_refuse_a_repeated_parameter_and_write_nothing(
    collection_with_alice,
    request_factory,
    service,
    content_type,
    parameter,
):
    alice = request_factory(basic_auth=("alice", PASSWORD))
    before = len(collection_with_alice.objectIds())
    response = alice.post(
        f"{collection_with_alice.getId()}/{service}",
        data=b"x",
        params=[(parameter, "1"), (parameter, "1")],
        headers={"Content-Type": content_type},
    )
    assert_json_400(response, parameter)
    transaction.begin()
    assert len(collection_with_alice.objectIds()) == before


# Browser views -------------------------------------------------------------


@pytest.mark.parametrize(
    "path, params, parameter",
    [
        ("/@@licence-compatibility", [("inbound", "MIT"), ("inbound", "MIT"), ("outbound", "MIT")], "inbound"),
        ("/@@licences", [("patent_grant", "true"), ("patent_grant", "false")], "patent_grant"),
        ("/@@licence", [("id", "MIT"), ("id", "GPL-2.0-only")], "id"),
        ("/@dcat", [("format", "turtle"), ("format", "xml")], "format"),
        ("/@@faceted-search", [("sort_on", "title"), ("sort_on", "modified")], "sort_on"),
    ],
)
def test_browser_views_refuse_naming_the_parameter(functional_portal, request_factory, path, params, parameter):
    response = request_factory(api=False).get(path, params=params)
    assert response.status_code == 400, response.text[:300]
    assert parameter in response.text


# Browser forms (POST, with their CSRF token) -------------------------------


def post_twice(layer_request, name, **form):
    layer_request.method = layer_request.environ["REQUEST_METHOD"] = "POST"
    layer_request.form.update({"_authenticator": createToken(), **form, name: ["one", "two"]})


@pytest.mark.parametrize("parameter", ["uid", "decision", "motivation"])
def test_the_review_form_refuses_a_repeated_field(moderated, proposed, layer_request, parameter):
    with acting_as("fay"):
        post_twice(layer_request, parameter, uid=proposed.UID(), decision="approve", motivation="")
        with pytest.raises(BadRequest, match=parameter):
            api.content.get_view("review", moderated, layer_request)()
    assert api.content.get_state(proposed) == "proposed"


def test_the_feature_form_refuses_a_repeated_field(moderated, proposed, layer_request):
    from osor.collection.pages import featured

    with acting_as("fay"):
        post_twice(layer_request, "featured")
        with pytest.raises(BadRequest, match="featured"):
            api.content.get_view("feature", proposed, layer_request)()
    assert not featured.is_featured(proposed)


def test_the_pending_edit_form_refuses_a_repeated_motivation(moderated, proposed, layer_request):
    with acting_as("fay"):
        post_twice(layer_request, "motivation", **{"form.buttons.send_back": "1"})
        with pytest.raises(BadRequest, match="motivation"):
            api.content.get_view("pending-edit", proposed, layer_request)()


@pytest.mark.parametrize("parameter", ["title", "question", "answer"])
def test_the_publish_as_faq_form_refuses_a_repeated_field(consented, layer_request, parameter):
    from osor.collection.legal.faq import draft_of

    with acting_as("lex"):
        post_twice(layer_request, parameter, **{"form.submitted": "1", **draft_of(consented)})
        with pytest.raises(BadRequest, match=parameter):
            api.content.get_view("publish-as-faq", consented, layer_request)()
    assert not api.content.find(portal_type="legal_faq_entry")


@pytest.mark.parametrize("parameter", ["file", "format", "source", "dry_run"])
def test_the_rdf_import_form_refuses_a_repeated_field(moderated, layer_request, parameter):
    before = len(moderated.objectIds())
    post_twice(layer_request, parameter, **{"form.submitted": "1"})
    with pytest.raises(BadRequest, match=parameter):
        api.content.get_view("import-rdf", moderated, layer_request)()
    assert len(moderated.objectIds()) == before
