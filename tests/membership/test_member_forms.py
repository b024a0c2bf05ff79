"""The add and edit forms of our types, as a member fills them in."""

from lxml import html as lxml_html
from osor.collection.licences.spdx import suggest_licence_expression
from osor.collection.membership.members import add_member
from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.z3cform.interfaces import IPloneFormLayer
from plone.dexterity.utils import iterSchemataForType
from plone.testing.zope import Browser
from zope.interface import alsoProvides
from zope.schema import getFieldsInOrder

import json
import pytest
import re
import transaction


def fieldset_ids(html: str) -> list[str]:
    return re.findall(r'<fieldset id="fieldset-([\w-]+)"', html)


def add_form(container, request, portal_type: str) -> str:
    alsoProvides(request, IPloneFormLayer)
    return container.restrictedTraverse(f"++add++{portal_type}")()


def test_our_tabs_come_before_plones_generic_ones(collection, layer_request):
    tabs = fieldset_ids(add_form(collection, layer_request, "software_solution"))
    assert tabs[0] == "default"
    assert tabs.index("owner") < tabs.index("categorization")
    assert tabs.index("details") < tabs.index("settings")


def test_dublin_core_ownership_is_not_in_our_owner_tab(collection, layer_request):
    html = add_form(collection, layer_request, "software_solution")
    owner_tab = html.split('<fieldset id="fieldset-owner"')[1].split("</fieldset>")[0]
    assert "IOwnerOrganisation.owner_name" in owner_tab
    assert "IDublinCore.creators" not in owner_tab
    assert "IDublinCore.rights" not in owner_tab


def test_topics_are_one_searchable_select(collection, layer_request):
    html = add_form(collection, layer_request, "case_study")
    select = re.search(r'<select[^>]*name="form.widgets.ITopics.topics[^"]*"[^>]*>', html)
    assert select and "pat-select2" in select.group(0)
    assert 'type="checkbox" name="form.widgets.ITopics.topics' not in html


def test_rich_texts_have_no_format_selector(collection, layer_request):
    html = add_form(collection, layer_request, "software_solution")
    assert "mimeType" not in html


# What a contributor must fill in: a required marker on anything else would
# send her looking for a value that nothing needs.
REQUIRED_FIELDS = {
    "community_collection": {"title", "content_creation"},
    "software_solution": {"title"},
    "solution_release": {"title", "version"},
    "solution_distribution": {"title"},
    "case_study": {"title"},
    "community_event": {"title", "start", "end"},
    "competence_centre": {"title", "country"},
    "community_news": {"title"},
    "publication": {"title", "publication_type"},
    "legal_request": {"title", "question", "category"},
    "legal_faq_entry": {"title", "question", "answer", "category"},
}


def test_required_markers_only_where_a_value_is_required(portal):
    required = {
        portal_type: {
            name
            for schema in iterSchemataForType(portal_type)
            for name, field in getFieldsInOrder(schema)
            if field.required and not field.readonly
        }
        for portal_type in REQUIRED_FIELDS
    }
    assert required == REQUIRED_FIELDS


# What Plone keeps for site admins: metadata a member has no use for.
PLONE_INTERNALS = (
    "IDublinCore.subjects",
    "IDublinCore.language",
    "IDublinCore.effective",
    "IDublinCore.expires",
    "IDublinCore.creators",
    "IDublinCore.contributors",
    "IDublinCore.rights",
    "IShortName.id",
    "IAllowDiscussion.allow_discussion",
    "IExcludeFromNavigation.exclude_from_nav",
)
PLONE_TABS = {"categorization", "dates", "ownership", "settings"}
MEMBER_ADDED_IN_COLLECTION = [
    "software_solution",
    "case_study",
    "community_event",
    "competence_centre",
    "community_news",
    "publication",
]
MEMBER = "maria"
PASSWORD = "a-long-secret-password"


def widget_names(html: str) -> list[str]:
    """The fields of a rendered form, in the order shown."""
    return [name.replace("-", ".") for name in re.findall(r'id="formfield-form-widgets-([\w-]+)"', html)]


def shown(html: str, field: str) -> bool:
    return f'name="form.widgets.{field}' in html


@pytest.fixture
def open_collection(collection, portal):
    """A validated collection where ``maria`` is a member (the test user
    stays its Manager until a test logs in as someone else)."""
    api.content.transition(collection, to_state="validated")
    api.user.create(email="maria@example.org", username=MEMBER, password=PASSWORD)
    add_member(collection, MEMBER)
    return collection


@pytest.fixture
def as_member(open_collection, portal):
    login(portal, MEMBER)
    return open_collection


@pytest.fixture
def as_site_admin(open_collection, portal):
    setRoles(portal, TEST_USER_ID, ["Site Administrator"])
    return open_collection


@pytest.mark.parametrize("portal_type", MEMBER_ADDED_IN_COLLECTION)
def test_a_member_does_not_see_plones_internals(as_member, layer_request, portal_type):
    html = add_form(as_member, layer_request, portal_type)
    assert shown(html, "IDublinCore.title")
    assert [field for field in PLONE_INTERNALS if shown(html, field)] == []
    assert PLONE_TABS.isdisjoint(fieldset_ids(html))


@pytest.mark.parametrize("portal_type", MEMBER_ADDED_IN_COLLECTION)
def test_a_site_admin_still_sees_plones_internals(as_site_admin, layer_request, portal_type):
    html = add_form(as_site_admin, layer_request, portal_type)
    assert [field for field in PLONE_INTERNALS if not shown(html, field)] == []
    assert set(fieldset_ids(html)) >= PLONE_TABS


def test_a_member_edits_without_plones_internals(as_member, layer_request, portal):
    solution = api.content.create(container=as_member, type="software_solution", id="mine", title="Mine")
    alsoProvides(layer_request, IPloneFormLayer)
    html = solution.restrictedTraverse("@@edit")()
    assert shown(html, "IDublinCore.title")
    assert [field for field in PLONE_INTERNALS if shown(html, field)] == []


def test_a_release_and_a_distribution_form_have_no_plone_internals_for_a_member(as_member, layer_request):
    solution = api.content.create(container=as_member, type="software_solution", id="mine", title="Mine")
    release = api.content.create(container=solution, type="solution_release", id="r1", title="1.0", version="1.0")
    for container, portal_type in ((solution, "solution_release"), (release, "solution_distribution")):
        html = add_form(container, layer_request, portal_type)
        assert shown(html, "IBasic.title"), portal_type
        assert [field for field in PLONE_INTERNALS if shown(html, field)] == [], portal_type


def test_the_solution_form_starts_with_what_a_member_knows(as_member, layer_request):
    names = widget_names(add_form(as_member, layer_request, "software_solution"))
    assert names[:5] == [
        "IDublinCore.title",
        "IDublinCore.description",
        "licence_expression",
        "repository_url",
        "used_by",
    ]


def test_the_solution_form_has_three_tabs_for_a_member(as_member, layer_request):
    assert fieldset_ids(add_form(as_member, layer_request, "software_solution")) == ["default", "details", "owner"]


def required_markers(html: str) -> set[str]:
    """The fields of a rendered form that show a required marker."""
    tree = lxml_html.fromstring(html)
    return {
        element.get("id").removeprefix("formfield-form-widgets-").replace("-", ".")
        for element in tree.xpath('//*[starts-with(@id, "formfield-form-widgets-")][.//span[@class="required"]]')
    }


@pytest.mark.parametrize("portal_type", MEMBER_ADDED_IN_COLLECTION)
def test_only_required_fields_show_a_required_marker(as_member, layer_request, portal_type):
    """Contact points (a data grid whose rows need a name) used to look required."""
    html = add_form(as_member, layer_request, portal_type)
    marked = {name.rsplit(".", 1)[-1] for name in required_markers(html)}
    assert marked == REQUIRED_FIELDS[portal_type]


@pytest.mark.parametrize(
    ("schema", "name"),
    [
        ("behaviors.contact_point.IContactPoint", "contact_points"),
        ("content.community_event.ICommunityEvent", "speakers"),
    ],
)
def test_a_grid_row_needs_a_name_but_the_list_may_be_empty(portal, schema, name):
    from osor.collection.fields import IncompleteRow
    from zope.dottedname.resolve import resolve

    field = resolve(f"osor.collection.{schema}")[name]
    field.validate([])
    field.validate([{"name": "Ada", **{key: None for key in field.value_type.schema if key != "name"}}])
    with pytest.raises(IncompleteRow):
        field.validate([dict.fromkeys(field.value_type.schema)])


# Near misses and what they meant.
SUGGESTIONS = {
    "EUPL v1.2": "EUPL-1.2",
    "eupl 1.2": "EUPL-1.2",
    "European Union Public Licence 1.2": "EUPL-1.2",
    "Apache 2": "Apache-2.0",
    "Apache2": "Apache-2.0",
    "MIT License": "MIT",
    "BSD 3 clause": "BSD-3-Clause",
    "MIT or Apache 2": "MIT OR Apache-2.0",
    "(MIT OR Apache 2) AND EUPL v1.2": "(MIT OR Apache-2.0) AND EUPL-1.2",
    "GPL-2.0-or-later with classpath exception 2.0": "GPL-2.0-or-later WITH Classpath-exception-2.0",
}


@pytest.mark.parametrize(("text", "meant"), list(SUGGESTIONS.items()))
def test_a_near_miss_suggests_the_expression_meant(text, meant):
    assert suggest_licence_expression(text) == meant


@pytest.mark.parametrize("text", ["EUPL-1.2", "Nonsense licence of my own", "", "xyz"])
def test_no_suggestion_for_a_valid_or_faraway_text(text):
    assert suggest_licence_expression(text) is None


def submit_add_form(container, request, portal_type: str, **widgets) -> str:
    request.form.update({f"form.widgets.{name}": value for name, value in widgets.items()})
    request.form["form.buttons.save"] = "Save"
    return add_form(container, request, portal_type)


def error_messages(html: str) -> list[str]:
    tree = lxml_html.fromstring(html)
    return [" ".join(div.text_content().split()) for div in tree.xpath('//div[contains(@class, "invalid-feedback")]')]


def test_the_form_suggests_the_licence_meant(as_member, layer_request):
    html = submit_add_form(
        as_member, layer_request, "software_solution", **{"IDublinCore.title": "X", "licence_expression": "EUPL v1.2"}
    )
    (message,) = error_messages(html)
    assert message.startswith("Licences: Not a valid SPDX licence expression")
    assert message.endswith("Did you mean “EUPL-1.2”?")


def test_every_error_names_its_field_and_says_how_to_fix_it(as_member, layer_request):
    html = submit_add_form(
        as_member,
        layer_request,
        "software_solution",
        **{"IDublinCore.title": "", "licence_expression": "Nonsense-9", "repository_url": "ftp://example.org"},
    )
    assert sorted(error_messages(html)) == [
        "Licences: Not a valid SPDX licence expression (unknown licence identifier: “Nonsense-9”). "
        "Write SPDX identifiers joined by AND, OR or WITH, for example “EUPL-1.2 OR MIT”.",
        "Source-code repository: enter a web address that begins with https:// or http://, "
        "for example https://example.org.",
        "Title is required: please fill it in.",
    ]


def test_errors_are_in_french_for_a_french_member(functional_portal, functional_app):
    api.portal.set_registry_record("plone.available_languages", ["en", "fr"])
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    collection = api.content.create(container=functional_portal, type="community_collection", id="c", title="C")
    api.content.transition(collection, to_state="validated")
    api.user.create(email="maria@example.org", username=MEMBER, password=PASSWORD)
    add_member(collection, MEMBER)
    transaction.commit()

    browser = Browser(functional_app)
    browser.addHeader("Accept-Language", "fr")
    browser.addHeader("Authorization", f"Basic {MEMBER}:{PASSWORD}")
    browser.open(f"{collection.absolute_url()}/++add++software_solution")
    browser.getControl(name="form.widgets.licence_expression").value = "EUPL v1.2"
    browser.getControl(name="form.widgets.repository_url").value = "ftp://example.org"
    browser.getControl(name="form.buttons.save").click()
    messages = error_messages(browser.contents)
    assert len(messages) == 3, messages
    assert any(message.startswith("Titre est obligatoire") for message in messages), messages
    assert any("Vouliez-vous dire « EUPL-1.2 » ?" in message for message in messages), messages
    assert any(message.startswith("Dépôt du code source : saisissez une adresse web") for message in messages), messages


def test_the_licence_field_is_a_plain_text_input_until_the_script_runs(as_member, layer_request, portal):
    tree = lxml_html.fromstring(add_form(as_member, layer_request, "software_solution"))
    (field,) = tree.xpath('//input[@name="form.widgets.licence_expression"]')
    assert field.get("type") == "text"
    assert field.get("role") is None  # the script makes it a combobox
    assert field.get("data-osor-licence-choices") == f"{portal.absolute_url()}/@@licence-choices"
    assert tree.xpath('//script[contains(@src, "++resource++osor.collection.licences/licence-combobox.js")]')


def test_the_licence_choices_are_the_spdx_ids_and_names(portal, layer_request):
    from osor.collection.browser.licence_widget import LicenceChoices

    choices = json.loads(LicenceChoices(portal, layer_request)())
    assert ["EUPL-1.2", "European Union Public License 1.2"] in choices["licences"]
    assert ["Classpath-exception-2.0", "Classpath exception 2.0"] in choices["exceptions"]
    assert "GPL-3.0" not in {licence_id for licence_id, _name in choices["licences"]}  # deprecated
    assert layer_request.response.getHeader("Content-Type").startswith("application/json")
