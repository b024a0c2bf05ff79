"""A re-import never overwrites what editors wrote (#24 §3).

Each imported field remembers what the file last said
(``interop.imported_fields``): on a re-import a field the file changed and
nobody edited follows the file, a field an editor changed keeps her value
(listed as kept), a field the file leaves out is left alone. The dry run
plans exactly what the import does and writes nothing. The same rule holds
for publiccode.yml and for the RDF federation import.
"""

from osor.collection.demo.example_content import load_example_data
from osor.collection.demo.items import field_values
from osor.collection.demo.publiccode_import import FIXTURES as DEMO_FILES
from osor.collection.interop import imported_fields
from osor.collection.interop.federation.importer import import_rdf
from osor.collection.interop.publiccode.export import solution_to_publiccode_yaml
from osor.collection.interop.publiccode.importer import import_publiccode
from osor.collection.interop.publiccode.validation import validate
from osor.collection.interop.reports import import_reports
from paths import FIXTURES
from plone import api

import pytest
import transaction
import yaml


COMPLETE = (FIXTURES / "publiccode" / "import" / "complete.yml").read_text(encoding="utf-8")
DECIDIM_FILE = (DEMO_FILES / "decidim.yml").read_text(encoding="utf-8")
TURTLE = (FIXTURES / "federation" / "joinup-adms.ttl").read_text(encoding="utf-8")
EUSURVEY = "http://data.europa.eu/w21/1a9a6a8e-eusurvey"


def changed(text: str, change) -> str:
    data = yaml.safe_load(text)
    change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def outcomes(plans, language=None, part=None) -> dict:
    """field name -> outcome, for the item itself (or a translation / part)."""
    return {
        plan.name: plan.outcome for plan in plans if plan.language == language and getattr(plan, "part", None) == part
    }


def demo_node(node_id: str) -> dict:
    """The node of the demo's example content (example_content.yaml)."""

    def walk(nodes):
        for node in nodes:
            if node.get("id") == node_id:
                return node
            found = walk(node.get("children", ()))
            if found:
                return found
        return None

    return walk(load_example_data()["content"])


def written_by_hand(collection, node_id: str):
    """The demo's hand-written solution, created as the demo creates it."""
    node = {key: value for key, value in demo_node(node_id).items() if key != "children"}
    values, _relations = field_values(node)
    return api.content.create(container=collection, type="software_solution", id=node_id, **values)


# Content written on the site, then a first import over it ---------------------------


@pytest.fixture
def hand_written_decidim(collection):
    return written_by_hand(collection, "decidim")


def test_a_first_import_over_hand_written_content_keeps_every_differing_field(collection, hand_written_decidim):
    before = {
        name: imported_fields.read_field(hand_written_decidim, name)
        for name in ("description", "owner_name", "licences", "solution_type", "topics", "spatial_coverage")
    }
    result = import_publiccode(collection, DECIDIM_FILE, filename="decidim.yml")
    assert result.ok, result.errors
    assert result.obj == hand_written_decidim
    assert result.created is False
    for name, value in before.items():
        assert imported_fields.read_field(hand_written_decidim, name) == value, name
    fields = outcomes(result.fields)
    for name in ("description", "owner_name", "licences", "solution_type", "topics", "body"):
        assert fields[name] == imported_fields.KEPT, name
    # decidim.yml names no countries: the countries are not even planned.
    assert "spatial_coverage" not in fields
    assert fields["title"] == imported_fields.UNCHANGED
    assert {plan.name for plan in result.conflicts} >= {"description", "owner_name", "licences"}
    [warning] = [w for w in result.warnings if "never imported" in str(w.message)]
    assert warning.path == "url"


def test_a_first_import_fills_the_empty_fields_of_hand_written_content(collection, hand_written_decidim):
    hand_written_decidim.licence_expression = None
    hand_written_decidim.subject = ()
    result = import_publiccode(collection, DECIDIM_FILE)
    fields = outcomes(result.fields)
    assert fields["licence_expression"] == fields["subject"] == imported_fields.UPDATED
    assert hand_written_decidim.licence_expression == "AGPL-3.0-or-later"
    assert "survey" in hand_written_decidim.Subject()


def test_the_report_lists_each_field_and_says_it_was_written_by_hand(collection, hand_written_decidim):
    import_publiccode(collection, DECIDIM_FILE, filename="decidim.yml")
    [report] = import_reports(collection)
    assert report["outcome"] == "updated"
    by_field = {entry["field"]: entry["outcome"] for entry in report["fields"] if entry["language"] is None}
    assert by_field["owner_name"] == "kept"
    assert by_field["title"] == "unchanged"
    assert any("never imported" in warning["message"] for warning in report["warnings"])


def test_a_second_import_of_the_same_file_changes_nothing(collection, hand_written_decidim):
    import_publiccode(collection, DECIDIM_FILE)
    transaction.savepoint()
    modified = hand_written_decidim.modified()
    again = import_publiccode(collection, DECIDIM_FILE)
    assert imported_fields.UPDATED not in outcomes(again.fields).values()
    assert hand_written_decidim.modified() == modified
    assert hand_written_decidim.owner_name == "Barcelona City Council"


# Import, edit, re-import -------------------------------------------------------------


@pytest.fixture
def imported(collection):
    result = import_publiccode(collection, COMPLETE, filename="publiccode.yml")
    assert result.ok and result.created
    return result.obj


def test_a_field_the_file_changed_and_nobody_edited_follows_the_file(collection, imported):
    text = changed(COMPLETE, lambda data: data.update(usedBy=["Comune di Medusa", "Città di Andromeda"]))
    result = import_publiccode(collection, text)
    assert outcomes(result.fields)["used_by"] == imported_fields.UPDATED
    assert outcomes(result.fields)["owner_name"] == imported_fields.UNCHANGED
    assert imported.used_by == ["Comune di Medusa", "Città di Andromeda"]
    assert result.conflicts == []


def test_a_field_an_editor_changed_keeps_her_value_and_is_a_conflict(collection, imported):
    imported.description = "Written by our editor."
    text = changed(COMPLETE, lambda data: data["description"]["en"].update(shortDescription="New from the file."))
    result = import_publiccode(collection, text)
    assert imported.description == "Written by our editor."
    assert outcomes(result.fields)["description"] == imported_fields.KEPT
    assert [plan.name for plan in result.conflicts] == ["description"]
    # ... and stays hers on every later import.
    later = changed(COMPLETE, lambda data: data["description"]["en"].update(shortDescription="Newer still."))
    assert outcomes(import_publiccode(collection, later).fields)["description"] == imported_fields.KEPT
    assert imported.description == "Written by our editor."


def test_a_field_the_file_leaves_out_is_left_alone(collection, imported):
    def drop(data):
        del data["usedBy"]
        del data["intendedAudience"]["countries"]

    result = import_publiccode(collection, changed(COMPLETE, drop))
    assert imported.used_by == ["Comune di Medusa", "Città di Perseo"]
    assert imported.spatial_coverage == ["IT", "FR"]
    assert "used_by" not in outcomes(result.fields)
    assert "spatial_coverage" not in outcomes(result.fields)


def test_an_edited_release_date_is_kept(collection, imported):
    [release] = imported.objectValues()
    release.release_date = release.release_date.replace(day=1)
    text = changed(COMPLETE, lambda data: data.update(releaseDate="2025-03-20"))
    result = import_publiccode(collection, text)
    assert outcomes(result.fields, part="release")["release_date"] == imported_fields.KEPT
    assert release.release_date.day == 1


def forget_fingerprints(*items) -> None:
    """As content imported before fingerprints were kept."""
    from zope.annotation.interfaces import IAnnotations

    for item in items:
        IAnnotations(item).pop(imported_fields.ANNOTATION_KEY, None)


def test_content_imported_before_fingerprints_were_kept_reads_its_stored_file(collection, imported):
    forget_fingerprints(imported, *imported.objectValues())
    imported.owner_name = "Edited on the site"

    def change(data):
        data.update(usedBy=["Città di Andromeda"], releaseDate="2025-03-20")
        data["organisation"]["name"] = "Someone else"

    result = import_publiccode(collection, changed(COMPLETE, change))
    fields = outcomes(result.fields)
    assert fields["used_by"] == imported_fields.UPDATED
    assert fields["owner_name"] == imported_fields.KEPT
    assert fields["licences"] == imported_fields.UNCHANGED
    assert outcomes(result.fields, part="release")["release_date"] == imported_fields.UPDATED
    assert imported.used_by == ["Città di Andromeda"]
    assert imported.owner_name == "Edited on the site"


# The dry run --------------------------------------------------------------------------


def persistent_parts(obj) -> list:
    """``obj``, its annotations and what they hold (the stored file, the
    fingerprints): what a write would mark ``_p_changed``."""
    annotations = getattr(obj, "__annotations__", None)
    parts = [obj]
    if annotations is not None:
        parts.append(annotations)
        parts.extend(value for value in annotations.values() if hasattr(value, "_p_changed"))
    return parts


def catalog_state(collection) -> tuple:
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(path="/".join(collection.getPhysicalPath()))
    return len(catalog), sorted((brain.getPath(), brain.modified) for brain in brains)


def test_the_dry_run_answers_what_the_import_does_and_writes_nothing(collection, imported):
    imported.owner_name = "Edited on the site"
    transaction.savepoint()  # what is written from now on is _p_changed
    text = changed(COMPLETE, lambda data: data.update(usedBy=["Città di Andromeda"], name="Medusa Next"))
    state = catalog_state(collection)
    modified = imported.modified()

    dry = import_publiccode(collection, text, dry_run=True)
    assert dry.outcome == "validated"
    written = [part for obj in (imported, *imported.objectValues()) for part in persistent_parts(obj)]
    assert len(written) > 4
    assert [part for part in written if part._p_changed] == []  # None: a ghost, unchanged
    assert imported.modified() == modified
    assert catalog_state(collection) == state
    assert imported.used_by == ["Comune di Medusa", "Città di Perseo"]

    done = import_publiccode(collection, text)
    assert [plan.to_dict() for plan in dry.fields] == [plan.to_dict() for plan in done.fields]
    assert outcomes(done.fields)["owner_name"] == imported_fields.KEPT
    assert outcomes(done.fields)["used_by"] == outcomes(done.fields)["title"] == imported_fields.UPDATED


def test_a_dry_run_of_a_new_solution_lists_every_field_as_updated(collection):
    dry = import_publiccode(collection, COMPLETE, dry_run=True)
    assert dry.created is True
    assert set(outcomes(dry.fields).values()) == {imported_fields.UPDATED}
    assert collection.objectIds() == []


# Translations --------------------------------------------------------------------------


def test_translations_keep_their_countries_when_the_file_names_none(bilingual):
    from plone.app.multilingual.interfaces import ITranslationManager

    solution = import_publiccode(bilingual, COMPLETE).obj
    french = ITranslationManager(solution).get_translation("fr")
    assert french.spatial_coverage == ["IT", "FR"]
    result = import_publiccode(bilingual, changed(COMPLETE, lambda data: data.pop("intendedAudience")))
    assert result.ok
    assert solution.spatial_coverage == ["IT", "FR"]
    assert french.spatial_coverage == ["IT", "FR"]
    assert french.topics == solution.topics


def test_an_edited_translation_keeps_its_text(bilingual):
    from plone.app.multilingual.interfaces import ITranslationManager

    solution = import_publiccode(bilingual, COMPLETE).obj
    french = ITranslationManager(solution).get_translation("fr")
    french.description = "Écrit par notre rédactrice."

    def change(data):
        data["description"]["fr"]["shortDescription"] = "Nouveau texte du fichier."
        data["description"]["fr"]["localisedName"] = "Méduse Plans"

    result = import_publiccode(bilingual, changed(COMPLETE, change))
    french_fields = outcomes(result.fields, language="fr")
    assert french_fields["description"] == imported_fields.KEPT
    assert french_fields["title"] == imported_fields.UPDATED
    assert french.description == "Écrit par notre rédactrice."
    assert french.title == "Méduse Plans"
    # Language-independent fields are planned once, on the solution.
    assert "topics" not in french_fields


def test_countries_edited_on_a_translation_are_kept(bilingual):
    from plone.app.multilingual.interfaces import ITranslationManager
    from zope.lifecycleevent import modified

    solution = import_publiccode(bilingual, COMPLETE).obj
    french = ITranslationManager(solution).get_translation("fr")
    french.spatial_coverage = ["BE"]
    modified(french)  # plone.app.multilingual copies it to the solution
    assert solution.spatial_coverage == ["BE"]
    text = changed(COMPLETE, lambda data: data["intendedAudience"].update(countries=["it", "de"]))
    result = import_publiccode(bilingual, text)
    assert outcomes(result.fields)["spatial_coverage"] == imported_fields.KEPT
    assert solution.spatial_coverage == french.spatial_coverage == ["BE"]


# Export of hand-written content --------------------------------------------------------


@pytest.mark.parametrize("node_id", ["decidim", "x-road", "eusurvey", "lutece"])
def test_the_export_of_hand_written_content_passes_our_validator(collection, node_id):
    solution = written_by_hand(collection, node_id)
    validation = validate(solution_to_publiccode_yaml(solution))
    assert [(problem.path, str(problem.message)) for problem in validation.errors] == []


def test_export_then_reimport_keeps_the_topics_of_hand_written_content(collection):
    x_road = written_by_hand(collection, "x-road")
    topics = list(x_road.topics)
    assert "GOVE-interoperability" in topics
    for _round in range(2):  # the second export starts from the file kept by the first import
        result = import_publiccode(collection, solution_to_publiccode_yaml(x_road))
        assert result.ok, result.errors
        assert result.obj == x_road
        assert x_road.topics == topics
        assert outcomes(result.fields)["topics"] == imported_fields.KEPT


# The RDF federation import ---------------------------------------------------------------


def solution_of(collection, uri):
    [solution] = [obj for obj in collection.objectValues() if obj.original_uri == uri]
    return solution


def test_rdf_reimport_keeps_an_editors_value_and_follows_the_file_elsewhere(collection):
    import_rdf(collection, TURTLE, format="turtle")
    eusurvey = solution_of(collection, EUSURVEY)
    eusurvey.description = "Written by our editor."
    text = TURTLE.replace('"EUSurvey"@en', '"EUSurvey Next"@en')
    assert text != TURTLE
    text = text.replace("survey management tool", "survey service")
    result = import_rdf(collection, text, format="turtle")
    [item] = [item for item in result.items if item["original_uri"] == EUSURVEY]
    fields = outcomes(item["fields"])
    assert fields["title"] == imported_fields.UPDATED
    assert fields["description"] == imported_fields.KEPT
    assert fields["topics"] == imported_fields.UNCHANGED
    assert eusurvey.title == "EUSurvey Next"
    assert eusurvey.description == "Written by our editor."
    [report] = import_reports(collection)[:1]
    assert {"field": "title", "part": None, "language": None, "outcome": "updated", "item": EUSURVEY} in report[
        "fields"
    ]


def test_rdf_dry_run_answers_what_the_import_does_and_writes_nothing(collection):
    import_rdf(collection, TURTLE, format="turtle")
    eusurvey = solution_of(collection, EUSURVEY)
    eusurvey.description = "Written by our editor."
    transaction.savepoint()  # what is written from now on is _p_changed
    text = TURTLE.replace('"EUSurvey"@en', '"EUSurvey Next"@en')
    state = catalog_state(collection)
    dry = import_rdf(collection, text, format="turtle", dry_run=True)
    assert dry.ok
    written = [part for obj in (eusurvey, *eusurvey.objectValues()) for part in persistent_parts(obj)]
    assert [part for part in written if part._p_changed] == []  # None: a ghost, unchanged
    assert catalog_state(collection) == state
    assert eusurvey.title == "EUSurvey"
    done = import_rdf(collection, text, format="turtle")
    assert [[plan.to_dict() for plan in item["fields"]] for item in dry.items] == [
        [plan.to_dict() for plan in item["fields"]] for item in done.items
    ]
    assert [item["title"] for item in dry.items] == [item["title"] for item in done.items]


def test_rdf_a_property_the_file_leaves_out_is_left_alone(collection):
    import_rdf(collection, TURTLE, format="turtle")
    eusurvey = solution_of(collection, EUSURVEY)
    keywords = eusurvey.Subject()
    assert keywords
    without_keywords = "\n".join(line for line in TURTLE.splitlines() if "dcat:keyword" not in line)
    result = import_rdf(collection, without_keywords, format="turtle")
    assert result.ok, result.errors
    assert eusurvey.Subject() == keywords


# The command, REST and the forms: the paths users take -------------------------------


def test_the_command_over_hand_written_decidim_lists_what_it_kept(collection, hand_written_decidim, tmp_path):
    from osor.collection.interop.publiccode.command import import_directory

    (tmp_path / "decidim.yml").write_text(DECIDIM_FILE, encoding="utf-8")
    lines = []
    assert import_directory(collection, tmp_path, importer_id="admin", out=lines.append, commit=False) == 0
    assert lines[0] == "updated  decidim.yml /plone/collection/decidim"
    assert lines[1].startswith("    fields: ")
    assert "(kept, edited on the site: " in lines[1]
    assert "owner_name" in lines[1] and "licences" in lines[1]
    assert hand_written_decidim.owner_name == "Barcelona City Council"


@pytest.fixture
def rest(functional_portal, request_factory):
    """A validated collection (member_fixtures.make_nordic_collection) where
    alice is a member, and a session per user."""
    from member_fixtures import make_nordic_collection
    from member_fixtures import PASSWORD
    from osor.collection.membership import members

    collection = make_nordic_collection(functional_portal)
    members.join(collection, "alice", "")
    transaction.commit()
    return collection, lambda userid: request_factory(basic_auth=(userid, PASSWORD))


def post_publiccode(session, collection, text, query=""):
    return session.post(
        f"{collection.getId()}/@publiccode-import{query}",
        data=text.encode("utf-8"),
        headers={"Content-Type": "application/yaml", "Accept": "application/json"},
    )


def test_rest_import_editor_patch_then_reimport_keeps_the_patch(rest):
    collection, session = rest
    alice = session("alice")
    created = post_publiccode(alice, collection, COMPLETE)
    assert created.status_code == 201, created.text
    assert {entry["outcome"] for entry in created.json()["fields"]} == {"updated"}
    solution_url = created.json()["@id"]

    patched = alice.patch(
        solution_url[len(collection.aq_parent.absolute_url()) + 1 :],
        json={"owner_name": "Città metropolitana di Medusa"},
        headers={"Accept": "application/json"},
    )
    assert patched.status_code == 204, patched.text

    text = changed(COMPLETE, lambda data: data.update(usedBy=["Città di Andromeda"]))
    text = changed(text, lambda data: data["legal"].update(mainCopyrightOwner="Someone else"))
    text = changed(text, lambda data: data["organisation"].update(name="Someone else"))
    dry = post_publiccode(alice, collection, text, query="?dry_run=true")
    assert dry.status_code == 200
    done = post_publiccode(alice, collection, text)
    assert done.status_code == 201, done.text
    answer = done.json()
    assert answer["created"] is False
    assert dry.json()["fields"] == answer["fields"]
    assert dry.json()["conflicts"] == answer["conflicts"]
    by_field = {entry["field"]: entry["outcome"] for entry in answer["fields"] if entry["language"] is None}
    assert by_field["owner_name"] == "kept"
    assert by_field["used_by"] == "updated"
    assert by_field["licences"] == "unchanged"
    assert answer["conflicts"] == [{"field": "owner_name", "part": None, "language": None, "outcome": "kept"}]

    transaction.begin()
    [solution] = [obj for obj in collection.objectValues() if obj.portal_type == "software_solution"]
    assert solution.owner_name == "Città metropolitana di Medusa"
    assert solution.used_by == ["Città di Andromeda"]


def test_the_import_form_and_the_reports_show_the_kept_fields(rest, functional_app):
    from member_fixtures import PASSWORD
    from plone.testing.zope import Browser

    collection, session = rest
    assert post_publiccode(session("alice"), collection, COMPLETE).status_code == 201
    transaction.begin()
    [solution] = [obj for obj in collection.objectValues() if obj.portal_type == "software_solution"]
    solution.description = "Written by our editor."
    transaction.commit()

    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic alice:{PASSWORD}")
    browser.open(f"{collection.absolute_url()}/@@import-publiccode")
    browser.getControl(name="text").value = changed(
        COMPLETE, lambda data: data["description"]["en"].update(shortDescription="New from the file.")
    )
    browser.getControl("Import").click()
    assert "was updated" in browser.contents
    assert 'data-outcome="kept"' in browser.contents
    assert "Kept: edited on this site" in browser.contents
    browser.open(f"{collection.absolute_url()}/@@import-reports")
    assert "Kept: edited on this site" in browser.contents
    transaction.begin()
    assert solution.description == "Written by our editor."


def test_rdf_rest_answer_lists_the_fields_of_each_solution(rest):
    collection, session = rest
    alice = session("alice")
    response = alice.post(
        f"{collection.getId()}/@federation-import",
        data=TURTLE.encode("utf-8"),
        headers={"Content-Type": "text/turtle"},
    )
    assert response.status_code == 201, response.text
    [item] = [item for item in response.json()["items"] if item["original_uri"] == EUSURVEY]
    assert {"field": "title", "part": None, "language": None, "outcome": "updated"} in item["fields"]
    assert item["conflicts"] == []


def test_rdf_content_harvested_before_fingerprints_follows_the_file_unless_edited_since(collection):
    from DateTime import DateTime

    import_rdf(collection, TURTLE, format="turtle")
    eusurvey = solution_of(collection, EUSURVEY)
    forget_fingerprints(eusurvey)
    text = TURTLE.replace('"EUSurvey"@en', '"EUSurvey Next"@en')
    result = import_rdf(collection, text, format="turtle")
    [item] = [item for item in result.items if item["original_uri"] == EUSURVEY]
    assert outcomes(item["fields"])["title"] == imported_fields.UPDATED
    assert eusurvey.title == "EUSurvey Next"

    forget_fingerprints(eusurvey)
    eusurvey.description = "Written by our editor."
    eusurvey.setModificationDate(DateTime() + 1)  # edited after the harvest
    result = import_rdf(collection, TURTLE.replace("survey management tool", "survey service"), format="turtle")
    [item] = [item for item in result.items if item["original_uri"] == EUSURVEY]
    fields = outcomes(item["fields"])
    assert fields["description"] == imported_fields.KEPT
    assert eusurvey.description == "Written by our editor."


# The rule itself (interop.imported_fields) ------------------------------------------------


def test_the_rule_for_each_case(solution):
    plan = imported_fields.plan_fields
    imported_fields.apply_fields(solution, plan(solution, {"used_by": ["A"], "owner_name": "O"}, created=True))
    assert solution.used_by == ["A"]
    solution.owner_name = "Edited"
    cases = {"used_by": ["A", "B"], "owner_name": "O2", "landing_page": "https://example.org"}
    assert {p.name: p.outcome for p in plan(solution, cases)} == {
        "used_by": imported_fields.UPDATED,  # the file changed, nobody edited
        "owner_name": imported_fields.KEPT,  # an editor changed it
        "landing_page": imported_fields.UPDATED,  # empty, never imported: filled in
    }
    assert {p.name: p.outcome for p in plan(solution, {"owner_name": "Edited"})} == {
        "owner_name": imported_fields.UNCHANGED  # the file now says what she wrote
    }
    solution.description = "Written here"
    [first] = plan(solution, {"description": "From the file"})
    assert (first.outcome, first.first_import) == (imported_fields.KEPT, True)


def test_a_field_that_stores_the_files_value_its_own_way_is_unchanged_while_the_file_is(solution):
    def sorted_write(obj, name, value):
        imported_fields.write_field(obj, name, sorted(value))

    planned = imported_fields.plan_fields(solution, {"used_by": ["B", "A"]}, created=True)
    imported_fields.apply_fields(solution, planned, write=sorted_write)
    assert solution.used_by == ["A", "B"]
    [again] = imported_fields.plan_fields(solution, {"used_by": ["B", "A"]})
    assert again.outcome == imported_fields.UNCHANGED


def test_fingerprints_ignore_containers_and_spaces_but_not_order():
    fingerprint = imported_fields.fingerprint
    assert fingerprint(("a", "b")) == fingerprint(["a", "b"]) != fingerprint(["b", "a"])
    assert fingerprint(" text ") == fingerprint("text")
    assert fingerprint(None) is fingerprint("") is fingerprint([]) is None
    assert fingerprint({"name": "n", "url": None}) == fingerprint({"name": "n"})


# A moderated collection: a member's re-import waits as a pending edit -----------------


def test_a_members_reimport_of_published_content_waits_and_is_no_conflict_later(collection):
    from community_fixtures import acting_as
    from osor.collection.membership import members
    from osor.collection.review import pending_edits

    collection.moderated = True
    api.content.transition(collection, transition="validate")
    api.user.create(email="alice@example.org", username="alice", password="secret-password")
    members.add_member(collection, "alice", "member")
    with acting_as("alice"):
        solution = import_publiccode(collection, COMPLETE).obj
    api.content.transition(solution, transition="publish")

    text = changed(COMPLETE, lambda data: data.update(usedBy=["Città di Andromeda"]))
    with acting_as("alice"):
        first = import_publiccode(collection, text)
    assert outcomes(first.fields)["used_by"] == imported_fields.UPDATED
    assert pending_edits.pending(solution) is not None
    assert solution.used_by == ["Comune di Medusa", "Città di Perseo"]  # the published version stays online
    with acting_as("alice"):
        again = import_publiccode(collection, text)
    # The live field holds the published value nobody edited: no conflict.
    assert outcomes(again.fields)["used_by"] == imported_fields.UNCHANGED
    assert again.conflicts == []
