from contextlib import suppress
from osor.collection.interfaces import IOsorCollectionLayer
from osor.collection.testing import FUNCTIONAL_TESTING
from osor.collection.testing import INTEGRATION_TESTING
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.file import NamedBlobFile
from pytest_plone import fixtures_factory
from zope.i18nmessageid import Message
from zope.interface import alsoProvides
from zope.interface import Invalid
from zope.schema import getFieldsInOrder

import os
import pytest


pytest_plugins = [
    "pytest_plone",
    "browser_fixtures",
    "subscription_fixtures",
    "community_fixtures",
    "member_fixtures",
    "content_fixtures",
    "legal_fixtures",
    "multilingual_fixtures",
]

# Zope compiles the add-on's .po files to .mo when it loads the ZCML (the
# layers' set-up) if they are missing or older, as `make install` does
# (scripts/compile_mo.py): translated tests pass from a clean clone too.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

# Show the compared values when a test of the shared content contract fails.
pytest.register_assert_rewrite("content_contract")


globals().update(
    fixtures_factory((
        (FUNCTIONAL_TESTING, "functional"),
        (INTEGRATION_TESTING, "integration"),
    ))
)


def pytest_generate_tests(metafunc):
    """Run the invariant test of a content contract once per case."""
    if "invariant_case" in metafunc.fixturenames:
        cases = metafunc.cls.invariant_cases
        metafunc.parametrize("invariant_case", list(cases.values()), ids=list(cases))


@pytest.fixture(scope="session")
def package_name() -> str:
    return "osor.collection"


@pytest.fixture(scope="session")
def distribution_name() -> str:
    """The distribution pytest-plone's ``create_site`` builds: the demo's."""
    return "osor"


# Content -----------------------------------------------------------------


@pytest.fixture
def manager(portal):
    """The layer's portal, with the test user as a Manager."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal


@pytest.fixture
def collection(manager):
    return api.content.create(
        container=manager,
        type="community_collection",
        id="collection",
        title="A collection",
    )


@pytest.fixture
def solution(collection):
    return api.content.create(
        container=collection,
        type="software_solution",
        id="solution",
        title="A solution",
    )


@pytest.fixture
def release(solution):
    return api.content.create(
        container=solution,
        type="solution_release",
        id="release",
        title="A release",
        version="1.0.0",
    )


@pytest.fixture(scope="session")
def blob_file():
    """A factory of uploaded files: ``blob_file(size, filename)``."""

    def make(size: int = 1234, filename: str = "app-1.0.0.zip") -> NamedBlobFile:
        return NamedBlobFile(data=b"x" * size, filename=filename, contentType="application/zip")

    return make


@pytest.fixture
def layer_request(http_request):
    """The test request, as if osor.collection's browser layer were applied."""
    alsoProvides(http_request, IOsorCollectionLayer)
    return http_request


# Schemata ----------------------------------------------------------------


def _own_fields(portal_type: str):
    """(name, field) of the fields osor.collection defines for ``portal_type``,
    including the columns of its data-grid rows."""
    for schema in iterSchemataForType(portal_type):
        if not schema.__module__.startswith("osor.collection."):
            continue
        for name, field in getFieldsInOrder(schema):
            yield name, field
            row_schema = getattr(getattr(field, "value_type", None), "schema", None)
            if row_schema is not None:
                yield f"{name}.<row>", field.value_type
                yield from ((f"{name}.{sub}", f) for sub, f in getFieldsInOrder(row_schema))


@pytest.fixture
def field_names(portal):
    """Sorted names of every field (schema and behaviors) of a type."""

    def names(portal_type: str) -> list[str]:
        return sorted(name for schema in iterSchemataForType(portal_type) for name, _field in getFieldsInOrder(schema))

    return names


@pytest.fixture
def untranslatable_titles(portal):
    """Our own fields of a type whose title is not a message of our domain."""

    def untranslatable(portal_type: str) -> list[str]:
        own_fields = list(_own_fields(portal_type))
        assert own_fields, f"{portal_type} has no field of osor.collection"
        return [
            name
            for name, field in own_fields
            if not (isinstance(field.title, Message) and field.title.domain == "osor.collection")
        ]

    return untranslatable


@pytest.fixture(scope="session")
def invariant_errors():
    """The message ids of the invariants of ``schema`` that ``data`` breaks."""

    def errors_of(schema, data) -> list[str]:
        errors = []
        with suppress(Invalid):
            schema.validateInvariants(data, errors)
        return [str(error) for error in errors]

    return errors_of


@pytest.fixture(scope="session")
def addable_types():
    """The types the current user can add in the container ``obj``."""

    def addable(obj) -> list[str]:
        return sorted(fti.getId() for fti in obj.allowedContentTypes())

    return addable


# Catalog -----------------------------------------------------------------


@pytest.fixture(scope="session")
def found():
    """The UIDs a catalog query finds."""

    def uids(**query) -> set[str]:
        return {brain.UID for brain in api.content.find(**query)}

    return uids
