"""publiccode.yml export (#19 §2): import -> export -> import leaves every
mapped field unchanged, over every real file of the demo, and a solution
typed in by hand exports a file the validator accepts."""

from datetime import date
from osor.collection.demo.publiccode_import import demo_publiccode_files
from osor.collection.demo.publiccode_import import FIXTURES
from osor.collection.interop.publiccode.export import publiccode_yaml
from osor.collection.interop.publiccode.export import solution_to_publiccode
from osor.collection.interop.publiccode.export import solution_to_publiccode_yaml
from osor.collection.interop.publiccode.importer import import_publiccode
from osor.collection.interop.publiccode.validation import validate
from plone import api
from plone.app.textfield.value import RichTextValue

import pytest
import yaml


# The fields the importer maps (importer.SOURCE_PATHS), read back from the solution.
MAPPED_FIELDS = (
    "repository_url",
    "landing_page",
    "development_status",
    "solution_type",
    "topics",
    "owner_name",
    "contact_points",
    "used_by",
    "interface_languages",
    "spatial_coverage",
    "licences",
    "licence_expression",
    "documentation_url",
)

FILES = demo_publiccode_files()


def fixture_text(entry) -> str:
    return (FIXTURES / entry["file"]).read_text(encoding="utf-8")


def mapped_fields(solution) -> dict:
    """What the import wrote: every mapped field of the solution and of its releases."""
    values = {name: getattr(solution, name, None) for name in MAPPED_FIELDS}
    values["title"] = solution.title
    values["description"] = solution.description
    values["body"] = solution.body.raw if solution.body else None
    values["subject"] = tuple(solution.Subject())
    values["releases"] = sorted(
        (release.version, release.release_date, release.development_status)
        for release in solution.objectValues()
        if release.portal_type == "solution_release"
    )
    return values


def solutions_in(collection) -> list:
    return [obj for obj in collection.objectValues() if obj.portal_type == "software_solution"]


@pytest.mark.parametrize("entry", FILES, ids=[entry["file"] for entry in FILES])
def test_a_real_file_survives_import_export_and_import_again(collection, entry):
    text = fixture_text(entry)
    first = import_publiccode(collection, text, filename=entry["file"])
    if not first.ok:
        # A file its publisher still has to fix: refused with located errors,
        # and nothing to export.
        assert validate(text).errors
        assert solutions_in(collection) == []
        return
    solution = first.obj
    before = mapped_fields(solution)

    exported = solution_to_publiccode_yaml(solution)
    validation = validate(exported)
    assert [(problem.path, problem.message) for problem in validation.errors] == []

    again = import_publiccode(collection, exported, filename="publiccode.yml")
    assert again.ok, again.errors
    assert again.created is False
    assert [item.UID() for item in solutions_in(collection)] == [solution.UID()]
    assert mapped_fields(solution) == before


@pytest.mark.parametrize("entry", FILES, ids=[entry["file"] for entry in FILES])
def test_the_export_of_an_imported_file_keeps_what_the_publisher_wrote(collection, entry):
    text = fixture_text(entry)
    original = validate(text)
    if original.errors:
        return
    solution = import_publiccode(collection, text).obj
    exported = validate(solution_to_publiccode_yaml(solution))
    assert _as_text(exported.data) == _as_text(original.data)


def _as_text(data):
    """Dates as the text they are in a publiccode.yml."""
    return yaml.safe_load(publiccode_yaml(data))


def test_every_country_of_the_manifest_has_a_file_that_round_trips(collection):
    imported = {entry["country"] for entry in FILES if import_publiccode(collection, fixture_text(entry)).ok}
    assert {"IT", "DE", "FR", "NL", "SE", "ES"} <= imported


def test_the_export_follows_the_order_of_the_standard(collection):
    entry = next(entry for entry in FILES if entry["file"] == "wai-portal.yml")
    solution = import_publiccode(collection, fixture_text(entry)).obj
    keys = list(solution_to_publiccode(solution))
    # wai-portal.yml lists its keys alphabetically; the export in the standard's order.
    assert keys[:4] == ["publiccodeYmlVersion", "name", "applicationSuite", "url"]
    assert keys.index("description") < keys.index("legal") < keys.index("maintenance")
    assert solution_to_publiccode(solution)["publiccodeYmlVersion"] == "0.7"


def test_a_change_made_on_the_site_is_exported(collection):
    entry = next(entry for entry in FILES if entry["file"] == "htrflow.yml")
    solution = import_publiccode(collection, fixture_text(entry)).obj
    solution.development_status = "Deprecated"
    solution.used_by = ["Swedish National Archives", "Riksarkivet lab"]
    data = solution_to_publiccode(solution)
    assert data["developmentStatus"] == "obsolete"
    assert data["usedBy"] == ["Swedish National Archives", "Riksarkivet lab"]
    # What did not change stays as the publisher wrote it.
    assert data["softwareType"] == "standalone/backend"


def test_an_unchanged_status_keeps_the_publishers_word(collection):
    entry = next(entry for entry in FILES if entry["file"] == "htrflow.yml")
    solution = import_publiccode(collection, fixture_text(entry)).obj
    # beta and development are both "under development" here; the file said beta.
    assert solution.development_status == "UnderDevelopment"
    assert solution_to_publiccode(solution)["developmentStatus"] == "beta"


# A solution typed in by hand ----------------------------------------------------

LONG_DESCRIPTION = (
    "<p>OpenCity is the platform the municipalities of the region use to publish "
    "their services, forms and news.</p><p>It is built on Plone and maintained by "
    "a community of public administrations that share its development costs.</p>"
)


@pytest.fixture
def typed_solution(collection):
    solution = api.content.create(
        container=collection,
        type="software_solution",
        id="opencity",
        title="OpenCity",
        description="A web platform for the services of municipalities.",
        body=RichTextValue(LONG_DESCRIPTION, "text/html", "text/x-html-safe"),
        repository_url="https://github.com/example/opencity",
        landing_page="https://opencity.example.org",
        development_status="Completed",
        solution_type=["platform"],
        licences=["EUPL-1.2"],
        topics=["GOVE-digital-government"],
        owner_name="Region of Example",
        contact_points=[{"name": "OpenCity team", "email": "opencity@example.org", "url": None}],
        used_by=["City of Example"],
        interface_languages=["en", "it"],
        spatial_coverage=["IT", "EU"],
        documentation_url="https://docs.opencity.example.org",
    )
    api.content.create(
        container=solution,
        type="solution_release",
        id="v2",
        title="2.1.0",
        version="2.1.0",
        release_date=date(2025, 3, 1),
    )
    return solution


def test_a_solution_typed_in_by_hand_exports_a_valid_file(typed_solution):
    validation = validate(solution_to_publiccode_yaml(typed_solution))
    assert [(problem.path, problem.message) for problem in validation.errors] == []


def test_a_solution_typed_in_by_hand_exports_its_fields(typed_solution):
    data = solution_to_publiccode(typed_solution)
    assert data["name"] == "OpenCity"
    assert data["url"] == "https://github.com/example/opencity"
    assert data["landingURL"] == "https://opencity.example.org"
    assert data["softwareVersion"] == "2.1.0"
    assert data["releaseDate"] == "2025-03-01"
    assert data["developmentStatus"] == "stable"
    assert data["softwareType"] == "standalone/backend"
    assert data["categories"] == ["digital-citizenship"]
    assert data["intendedAudience"] == {"countries": ["IT"]}
    assert data["legal"] == {"license": "EUPL-1.2", "mainCopyrightOwner": "Region of Example"}
    assert data["maintenance"] == {
        "type": "internal",
        "contacts": [{"name": "OpenCity team", "email": "opencity@example.org"}],
    }
    assert data["localisation"] == {"localisationReady": True, "availableLanguages": ["en", "it"]}
    english = data["description"]["en"]
    assert english["shortDescription"] == "A web platform for the services of municipalities."
    assert "share its development costs" in english["longDescription"]
    assert english["documentation"] == "https://docs.opencity.example.org"


def test_the_licence_expression_is_exported_as_written(typed_solution):
    typed_solution.licence_expression = "EUPL-1.2 OR MIT"
    assert solution_to_publiccode(typed_solution)["legal"]["license"] == "EUPL-1.2 OR MIT"


def test_without_an_expression_the_licences_are_alternatives(typed_solution):
    typed_solution.licence_expression = None
    typed_solution.licences = ["EUPL-1.2", "MIT"]
    assert solution_to_publiccode(typed_solution)["legal"]["license"] == "EUPL-1.2 OR MIT"


def test_a_solution_typed_in_by_hand_imports_into_another_collection(typed_solution, manager):
    other = api.content.create(container=manager, type="community_collection", id="other", title="Other")
    result = import_publiccode(other, solution_to_publiccode_yaml(typed_solution))
    assert result.ok, result.errors
    copy = result.obj
    for name in (
        "repository_url",
        "landing_page",
        "development_status",
        "solution_type",
        "licences",
        "owner_name",
        "contact_points",
        "used_by",
        "interface_languages",
        "documentation_url",
    ):
        assert getattr(copy, name) == getattr(typed_solution, name), name
    assert copy.title == "OpenCity"
    assert copy.description == typed_solution.description
    assert copy.spatial_coverage == ["IT"]


@pytest.mark.parametrize(
    "title",
    ['Ça: "quoted" # not a comment', "- not a list item", "yes", "0.7", "{braces}, [brackets] & *stars*"],
)
def test_text_that_looks_like_yaml_is_exported_as_text(typed_solution, title):
    typed_solution.title = title
    exported = solution_to_publiccode_yaml(typed_solution)
    assert yaml.safe_load(exported)["name"] == title
    assert validate(exported).errors == []
