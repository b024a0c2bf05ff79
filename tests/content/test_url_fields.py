"""Every URL field of every type and behavior takes only http(s) addresses
(stored XSS, issue #15 defect 5), and stored URLs are rendered safely."""

from member_fixtures import make_nordic_collection
from osor.collection.content.validation import value_errors
from osor.collection.fields import WebAddress
from plone import api
from plone.dexterity.utils import iterSchemataForType
from z3c.form.interfaces import IValidator
from zope.component import getMultiAdapter
from zope.interface import Invalid
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IURI

import pytest
import transaction


HOSTILE_URLS = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
]
SAFE_URLS = ["https://example.org/a?b=c", "http://example.org"]


def our_types():
    return sorted(
        fti.getId()
        for fti in api.portal.get_tool("portal_types").objectValues()
        if (getattr(fti, "klass", "") or "").startswith("osor.collection.")
    )


def is_ours(schema) -> bool:
    return schema.__module__.startswith("osor.collection.")


def url_fields(portal_type):
    """(name, field, ours) of every URI field of the type: schema, behaviors
    and data-grid rows; ``ours`` when osor.collection defines the field."""
    for schema in iterSchemataForType(portal_type):
        for name, field in getFieldsInOrder(schema):
            if IURI.providedBy(field):
                yield name, field, is_ours(schema)
            row_schema = getattr(getattr(field, "value_type", None), "schema", None)
            for sub, subfield in getFieldsInOrder(row_schema) if row_schema is not None else ():
                if IURI.providedBy(subfield):
                    yield f"{name}.{sub}", subfield, is_ours(row_schema)


def every_url_field(ours_only=False):
    return [
        (portal_type, name, field)
        for portal_type in our_types()
        for name, field, ours in url_fields(portal_type)
        if ours or not ours_only
    ]


def test_the_guard_rail_sees_the_url_fields(portal):
    found = {(portal_type, name) for portal_type, name, _field in every_url_field()}
    assert ("software_solution", "repository_url") in found
    assert ("community_collection", "contact_points.url") in found
    assert ("community_event", "event_url") in found  # plone.app.event's
    assert len(our_types()) == 11


def test_our_url_fields_are_web_addresses(portal):
    ours = every_url_field(ours_only=True)
    assert len(ours) >= 12
    assert [(portal_type, name) for portal_type, name, field in ours if not isinstance(field, WebAddress)] == []
    assert {scheme for _type, _name, field in ours for scheme in field.schemes} <= {"http", "https", "mailto"}


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_every_url_field_refuses_unsafe_schemes(collection, layer_request, url):
    accepted = []
    for portal_type, name, field in every_url_field():
        if isinstance(field, WebAddress):
            with pytest.raises(Invalid):
                field.validate(url)
        # Forms (of our types, for any field, ours or a behavior's).
        validator = getMultiAdapter((collection, layer_request, None, field, None), IValidator)
        try:
            validator.validate(url)
        except Invalid:
            pass
        else:
            accepted.append((portal_type, name, "form"))
        # REST.
        if not list(value_errors(name, field, url)):
            accepted.append((portal_type, name, "rest"))
    assert accepted == []


def test_every_url_field_accepts_web_addresses(collection, layer_request):
    for _portal_type, name, field in every_url_field():
        for url in SAFE_URLS:
            field.validate(url)
            getMultiAdapter((collection, layer_request, None, field, None), IValidator).validate(url)
            assert list(value_errors(name, field, url)) == []


# End to end ------------------------------------------------------------------


def test_a_facilitator_cannot_store_a_javascript_contact_url(functional_portal, request_factory):
    collection = make_nordic_collection(functional_portal)
    session = request_factory(basic_auth=("fred", "a-long-test-password"))
    response = session.patch(
        f"/{collection.getId()}",
        json={"contact_points": [{"name": "Team", "url": "javascript:alert(document.cookie)"}]},
    )
    assert response.status_code == 400, response.text
    assert "contact_points" in response.text
    transaction.begin()
    assert not collection.contact_points


def test_an_event_url_is_checked_through_rest(functional_portal, request_factory):
    collection = make_nordic_collection(functional_portal)
    session = request_factory(basic_auth=("olga", "a-long-test-password"))
    response = session.post(
        f"/{collection.getId()}",
        json={
            "@type": "community_event",
            "title": "Webinar",
            "start": "2030-01-01T10:00:00",
            "end": "2030-01-01T11:00:00",
            "event_url": "javascript:alert(1)",
        },
    )
    assert response.status_code == 400, response.text
    assert "event_url" in response.text


def test_the_about_page_renders_no_unsafe_link(functional_portal, browser_for):
    collection = make_nordic_collection(functional_portal)
    # A value stored before the rule existed.
    collection.contact_points = [
        {"name": "Evil", "email": None, "url": "javascript:alert(document.cookie)"},
        {"name": "Good", "email": None, "url": "https://example.org/contact"},
    ]
    transaction.commit()
    browser = browser_for()
    browser.open(f"{collection.absolute_url()}/@@about")
    assert "javascript:" not in browser.contents
    assert 'href="https://example.org/contact"' in browser.contents
