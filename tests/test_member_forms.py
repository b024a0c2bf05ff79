"""The add and edit forms of our types, as a member fills them in."""

from plone.app.z3cform.interfaces import IPloneFormLayer
from zope.interface import alsoProvides

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
