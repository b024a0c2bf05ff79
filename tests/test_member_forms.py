"""The add and edit forms of our types, as a member fills them in."""

from plone.app.z3cform.interfaces import IPloneFormLayer
from plone.dexterity.utils import iterSchemataForType
from zope.interface import alsoProvides
from zope.schema import getFieldsInOrder

import re


def fieldset_ids(html: str) -> list[str]:
    return re.findall(r'<fieldset id="fieldset-([\w-]+)"', html)


def add_form(container, request, portal_type: str) -> str:
    alsoProvides(request, IPloneFormLayer)
    return container.restrictedTraverse(f"++add++{portal_type}")()


def test_our_tabs_come_before_plones_generic_ones(collection, layer_request):
    tabs = fieldset_ids(add_form(collection, layer_request, "software_solution"))
    assert tabs[0] == "default"
    assert tabs.index("owner") < tabs.index("categorization")
    assert tabs.index("links") < tabs.index("settings")


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
