"""What every content type of osor.collection promises.

Each ``tests/content/test_content_<type>.py`` subclasses ``ContentTypeContract``
with the facts of its type; the tests here check them against the
installed FTI, schema and containment rules.
"""

from copy import deepcopy
from plone import api
from plone.api.exc import InvalidParameterError
from types import SimpleNamespace

import pytest


# The fields of the plone.dublincore behavior.
DUBLIN_CORE_FIELDS = [
    "title",
    "description",
    "subjects",
    "language",
    "effective",
    "expires",
    "creators",
    "contributors",
    "rights",
]


class ContentTypeContract:
    portal_type: str
    # Every field of the type (its schema and its behaviors).
    fields: list[str]
    # The fixture providing the container the type is created in.
    container: str = "collection"
    # Fixtures providing containers the type may NOT be created in.
    forbidden_in: tuple[str, ...] = ("manager",)
    # The types that may be created inside it, as in types/<type>.xml.
    allowed_types: tuple[str, ...] = ()
    globally_addable: bool = False
    # Field values the item is created with.
    values: dict = {}
    # Form data checked against the schema's invariants, by case name:
    # (data, message ids of the invariants the data breaks).
    invariant_cases: dict[str, tuple[dict, list[str]]] = {"no-invariant": ({}, [])}

    @pytest.fixture
    def item(self, request):
        return api.content.create(
            container=request.getfixturevalue(self.container),
            type=self.portal_type,
            id="item",
            title="An item",
            **deepcopy(self.values),
        )

    def test_a_manager_creates_it_in_its_container(self, item, request):
        container = request.getfixturevalue(self.container)
        assert container["item"].portal_type == self.portal_type
        for name, value in self.values.items():
            assert getattr(item, name) == value

    def test_schema_holds_exactly_the_expected_fields(self, field_names):
        assert field_names(self.portal_type) == sorted(self.fields)

    def test_own_field_titles_are_translatable_messages(self, untranslatable_titles):
        assert untranslatable_titles(self.portal_type) == []

    def test_cannot_be_created_outside_its_containers(self, request):
        for fixture_name in self.forbidden_in:
            container = request.getfixturevalue(fixture_name)
            with pytest.raises(InvalidParameterError):
                api.content.create(container=container, type=self.portal_type, title="Misplaced")

    def test_allows_exactly_its_content_types(self, get_fti):
        fti = get_fti(self.portal_type)
        assert fti.filter_content_types
        assert sorted(fti.allowed_content_types) == sorted(self.allowed_types)

    def test_global_allow(self, get_fti):
        assert get_fti(self.portal_type).global_allow is self.globally_addable

    def test_invariants(self, invariant_case, invariant_errors, get_fti):
        data, errors = invariant_case
        schema = get_fti(self.portal_type).lookupSchema()
        assert invariant_errors(schema, SimpleNamespace(**data)) == errors
