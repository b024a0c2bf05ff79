"""Importing a publiccode.yml into a collection (#19 §1): the mapping, update
instead of duplicate, translations, releases, nothing written on failure,
import reports, the REST endpoint, the form and the command."""

from hypothesis import given
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st
from osor.collection.interop.publiccode import importer
from osor.collection.interop.publiccode.importer import import_publiccode
from osor.collection.interop.publiccode.importer import import_publiccode_file
from osor.collection.interop.publiccode.importer import normalised_repository
from osor.collection.interop.publiccode.storage import stored_publiccode
from osor.collection.interop.reports import import_reports
from plone import api

import datetime
import paths
import pytest
import yaml


FIXTURES = paths.FIXTURES / "publiccode"
COMPLETE = (FIXTURES / "import" / "complete.yml").read_text(encoding="utf-8")
MINIMAL = (FIXTURES / "valid" / "minimal.yml").read_text(encoding="utf-8")


def with_changes(text: str, **changes) -> str:
    """``text`` with top-level keys replaced (None removes the key)."""
    data = yaml.safe_load(text)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def with_licence(text: str, licence: str) -> str:
    data = yaml.safe_load(text)
    data["legal"]["license"] = licence
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def solutions_in(collection) -> list:
    return [obj for obj in collection.objectValues() if obj.portal_type == "software_solution"]


def snapshot(collection) -> tuple:
    """What an import could have written: the objects under the collection,
    the catalog, and the fields of every solution."""
    catalog = api.portal.get_tool("portal_catalog")
    paths = sorted(brain.getPath() for brain in catalog.unrestrictedSearchResults())
    contents = sorted("/".join(obj.getPhysicalPath()) for obj in _walk(collection))
    fields = [
        (obj.getId(), obj.Title(), obj.repository_url, tuple(obj.licences), obj.description)
        for obj in solutions_in(collection)
    ]
    return paths, contents, fields


def _walk(container):
    for obj in container.objectValues():
        yield obj
        if hasattr(obj, "objectValues"):
            yield from _walk(obj)


# The mapping ----------------------------------------------------------------------


@pytest.fixture
def imported(collection):
    result = import_publiccode(collection, COMPLETE, filename="publiccode.yml")
    assert result.errors == []
    return result


def test_a_valid_file_creates_a_solution(imported, collection):
    assert imported.created is True
    assert imported.outcome == "created"
    assert solutions_in(collection) == [imported.obj]


def test_name_urls_and_descriptions_are_mapped(imported):
    solution = imported.obj
    assert solution.Title() == "Medusa"
    assert solution.repository_url == "https://GitHub.com/example/medusa.git"
    assert solution.landing_page == "https://medusa.example.org"
    assert solution.Description() == "Maps of municipal assets for the public."
    assert "municipality's assets" in solution.body.output
    assert solution.documentation_url == "https://docs.medusa.example.org/en"


def test_status_and_software_type_are_mapped_through_the_mapping_file(imported):
    assert imported.obj.development_status == "Completed"
    assert imported.obj.solution_type == ["application"]


@pytest.mark.parametrize(
    "status, token",
    [("concept", "UnderDevelopment"), ("development", "UnderDevelopment"), ("beta", "UnderDevelopment"),
     ("stable", "Completed"), ("obsolete", "Deprecated")],
)  # fmt: skip
def test_every_development_status_has_its_adms_status(collection, status, token):
    result = import_publiccode(collection, with_changes(MINIMAL, developmentStatus=status))
    assert result.obj.development_status == token


def test_categories_and_scopes_become_topics_and_categories_are_kept_as_keywords(imported):
    assert imported.obj.topics == ["TECH-geospatial", "TECH-cybersecurity", "ENVI"]
    # time-tracking has no equivalent topic: kept verbatim, not an error
    assert imported.obj.Subject() == ("geographic-information-systems", "it-security", "time-tracking")


def test_the_licence_expression_and_its_licences_are_both_set(imported):
    assert imported.obj.licence_expression == "EUPL-1.2 OR MIT"
    assert imported.obj.licences == ["EUPL-1.2", "MIT"]


def test_owner_contacts_users_languages_and_countries_are_mapped(imported):
    solution = imported.obj
    assert solution.owner_name == "Comune di Medusa"
    assert solution.contact_points == [{"name": "Francesca Rossi", "email": "francesca.rossi@example.org", "url": None}]
    assert solution.used_by == ["Comune di Medusa", "Città di Perseo"]
    assert solution.interface_languages == ["en", "it", "pt"]
    assert solution.spatial_coverage == ["IT", "FR"]


def test_a_country_we_do_not_cover_is_a_located_warning(imported):
    [warning] = [w for w in imported.warnings if "spatial coverage" in w.message]
    assert warning.path == "intendedAudience.countries[2]"
    assert warning.line == 40


def test_the_software_version_is_a_release_of_the_solution(imported):
    [release] = imported.obj.objectValues()
    assert release.portal_type == "solution_release"
    assert release.version == "1.4.2"
    assert release.release_date == datetime.date(2025, 3, 14)
    assert release.development_status == "Completed"


def test_the_original_file_and_its_data_are_kept_on_the_solution(imported):
    stored = stored_publiccode(imported.obj)
    assert stored["text"] == COMPLETE
    assert stored["filename"] == "publiccode.yml"
    assert stored["data"]["platforms"] == ["web", "linux"]
    assert stored["data"]["fundedBy"][0]["name"] == "European Regional Development Fund"
    assert stored["data"]["logo"] == "img/logo.svg"


def test_the_solution_is_indexed(imported, collection):
    [brain] = api.content.find(context=collection, portal_type="software_solution")
    assert brain.Title == "Medusa"
    assert "EUPL-1.2" in brain.osor_licences


# Update, not duplicate ----------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["https://github.com/example/medusa", "http://www.github.com/example/medusa/", "https://GITHUB.COM/example/medusa.git/"],
)  # fmt: skip
def test_the_same_repository_updates_the_solution(imported, collection, url):
    result = import_publiccode(collection, with_changes(COMPLETE, url=url, name="Medusa 2"))
    assert result.errors == []
    assert result.created is False
    assert result.outcome == "updated"
    assert result.obj == imported.obj
    assert solutions_in(collection) == [imported.obj]
    assert imported.obj.Title() == "Medusa 2"
    assert len(imported.obj.objectValues()) == 1  # the same release, not another


def test_a_new_version_adds_a_release(imported, collection):
    import_publiccode(collection, with_changes(COMPLETE, softwareVersion="2.0.0", releaseDate="2026-01-02"))
    assert sorted(release.version for release in imported.obj.objectValues()) == ["1.4.2", "2.0.0"]


def test_another_repository_is_another_solution(imported, collection):
    import_publiccode(collection, with_changes(COMPLETE, url="https://github.com/example/perseus"))
    assert len(solutions_in(collection)) == 2


def test_repository_addresses_are_compared_without_their_decorations():
    assert normalised_repository("https://GitHub.com/a/b.git/") == normalised_repository("http://github.com/a/b")
    assert normalised_repository("https://github.com/a/B") != normalised_repository("https://github.com/a/b")


# Nothing written on failure ------------------------------------------------------


def test_an_invalid_file_writes_nothing_and_says_where(collection):
    before = snapshot(collection)
    result = import_publiccode(collection, with_licence(COMPLETE, "Not-A-Licence"), filename="bad.yml")
    assert result.outcome == "failed"
    assert result.obj is None
    assert any(error.path == "legal.license" and error.line for error in result.errors)
    assert snapshot(collection) == before


def test_a_failed_update_changes_nothing(imported, collection):
    before = snapshot(collection)
    result = import_publiccode(collection, with_licence(with_changes(COMPLETE, name="Changed"), "Nope"))
    assert result.outcome == "failed"
    assert snapshot(collection) == before
    assert imported.obj.Title() == "Medusa"


def test_an_error_while_writing_rolls_everything_back(collection, monkeypatch):
    def broken(*args):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(importer, "_write_release", broken)
    before = snapshot(collection)
    result = import_publiccode(collection, COMPLETE, filename="publiccode.yml")
    assert result.outcome == "failed"
    assert result.errors[0].message.startswith("The file could not be imported because of an error on our side")
    assert snapshot(collection) == before
    assert import_reports(collection)[0]["outcome"] == "failed"


def test_a_value_our_field_refuses_is_a_located_error(collection):
    data = yaml.safe_load(MINIMAL)
    data["maintenance"]["contacts"][0]["email"] = "francesca at example"
    before = snapshot(collection)
    result = import_publiccode(collection, yaml.safe_dump(data))
    assert result.outcome == "failed"
    assert [error.path for error in result.errors][:1] in (["maintenance.contacts[0].email"], ["maintenance.contacts"])
    assert snapshot(collection) == before


def test_unreadable_yaml_names_the_line(collection):
    result = import_publiccode(collection, "name: [unclosed\nurl: x\n")
    assert result.outcome == "failed"
    assert result.errors[0].line is not None


def test_a_file_over_one_megabyte_is_refused_unread(collection):
    result = import_publiccode_file(collection, b"#" * (1024 * 1024 + 1), filename="huge.yml")
    assert result.too_large
    assert "larger than 1 MB" in result.errors[0].message
    assert import_reports(collection)[0]["outcome"] == "failed"


def test_a_file_not_in_utf8_is_refused_with_its_line(collection):
    result = import_publiccode_file(collection, MINIMAL.encode() + b"\nname: \xff\n", filename="latin1.yml")
    assert result.outcome == "failed"
    assert result.errors[0].line == MINIMAL.count("\n") + 2


# Dry run and reports ----------------------------------------------------------------


def test_a_dry_run_validates_without_writing(collection):
    before = snapshot(collection)
    result = import_publiccode(collection, COMPLETE, filename="publiccode.yml", dry_run=True)
    assert result.outcome == "validated"
    assert result.errors == []
    assert result.created is True
    assert snapshot(collection) == before


def test_a_dry_run_names_the_solution_it_would_update(imported, collection):
    result = import_publiccode(collection, COMPLETE, dry_run=True)
    assert result.created is False
    assert result.obj == imported.obj


def test_every_import_records_a_report(collection):
    import_publiccode(collection, COMPLETE, filename="good.yml")
    import_publiccode(collection, with_licence(COMPLETE, "Nope"), filename="bad.yml")
    import_publiccode(collection, COMPLETE, filename="check.yml", dry_run=True)
    import_publiccode(collection, COMPLETE, filename="again.yml")
    reports = import_reports(collection)
    assert [(r["filename"], r["outcome"]) for r in reports] == [
        ("again.yml", "updated"),
        ("check.yml", "validated"),
        ("bad.yml", "failed"),
        ("good.yml", "created"),
    ]
    bad = reports[2]
    assert bad["errors"] and bad["errors"][0]["path"] == "legal.license"
    assert bad["errors"][0]["line"] is not None
    assert reports[3]["item_uid"] == api.content.get_uuid(solutions_in(collection)[0])
    assert reports[3]["warnings"]


# Permissions -------------------------------------------------------------------------


def test_who_may_not_add_a_solution_cannot_import(collection):
    api.user.create(email="nina@example.org", username="nina", password="a-long-test-password")
    before = snapshot(collection)
    with api.env.adopt_user(username="nina"):
        result = import_publiccode(collection, COMPLETE)
    assert result.outcome == "failed"
    assert snapshot(collection) == before
    assert import_reports(collection)[0]["importer"] == "nina"


def test_who_may_not_edit_the_matching_solution_cannot_update_it(imported, collection):
    api.user.create(email="nina@example.org", username="nina", password="a-long-test-password")
    collection.manage_setLocalRoles("nina", ["Contributor"])  # may add, may not edit others' work
    before = snapshot(collection)
    with api.env.adopt_user(username="nina"):
        result = import_publiccode(collection, with_changes(COMPLETE, name="Hijacked"))
    assert result.outcome == "failed"
    assert result.errors[0].path == "url"
    assert snapshot(collection) == before


# Translations ----------------------------------------------------------------------------


def test_other_languages_go_into_translations(bilingual):
    from plone.app.multilingual.interfaces import ITranslationManager

    english = bilingual
    french = ITranslationManager(english).get_translation("fr")
    result = import_publiccode(english, COMPLETE)
    assert result.errors == []
    solution = result.obj
    assert solution.Description() == "Maps of municipal assets for the public."
    translation = ITranslationManager(solution).get_translation("fr")
    assert translation.aq_parent == french
    assert translation.Title() == "Méduse Cartes"
    assert translation.Description() == "Les cartes du patrimoine municipal pour le public."
    assert "patrimoine d'une commune" in translation.body.output
    assert translation.licences == ["EUPL-1.2", "MIT"]
    assert translation.owner_name == "Comune di Medusa"


def test_a_reimport_updates_the_translation(bilingual):
    from plone.app.multilingual.interfaces import ITranslationManager

    english = bilingual
    french = ITranslationManager(english).get_translation("fr")
    import_publiccode(english, COMPLETE)
    data = yaml.safe_load(COMPLETE)
    data["description"]["fr"]["shortDescription"] = "Nouvelle description."
    result = import_publiccode(english, yaml.safe_dump(data, allow_unicode=True))
    assert result.created is False
    assert len(solutions_in(french)) == 1
    assert ITranslationManager(result.obj).get_translation("fr").Description() == "Nouvelle description."


def test_a_language_without_translated_collection_stays_in_the_file(imported):
    [warning] = [w for w in imported.warnings if w.path == "description.fr"]
    assert warning.line == 57


def test_a_file_without_the_collection_language_uses_its_first_description(collection):
    data = yaml.safe_load(COMPLETE)
    del data["description"]["en"]
    result = import_publiccode(collection, yaml.safe_dump(data, allow_unicode=True))
    assert result.errors == []
    assert result.obj.Description() == "Les cartes du patrimoine municipal pour le public."
    assert any(warning.path == "description" for warning in result.warnings)


# Arbitrary input ------------------------------------------------------------------------

KEYS = [
    "publiccodeYmlVersion", "name", "url", "landingURL", "softwareVersion", "releaseDate", "logo",
    "platforms", "categories", "usedBy", "developmentStatus", "softwareType", "description",
    "legal", "maintenance", "localisation", "intendedAudience", "dependsOn", "organisation",
    "fundedBy", "en", "license", "contacts", "email", "shortDescription", "longDescription",
]  # fmt: skip
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
    st.text(max_size=30), st.sampled_from(["0.7.0", "stable", "EUPL-1.2", "https://example.org/x", "it"]),
)  # fmt: skip
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.sampled_from(KEYS), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(changes=st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=4))
def test_arbitrary_yaml_gives_an_answer_and_never_partial_content(collection, changes):
    text = with_changes(MINIMAL, **{key: value for key, value in changes.items() if value is not None})
    before = snapshot(collection)
    solutions = solutions_in(collection)
    result = import_publiccode(collection, text, filename="arbitrary.yml")
    if result.ok:
        assert result.outcome in ("created", "updated")
        assert result.obj in solutions_in(collection)
        assert len(solutions_in(collection)) == len(solutions) + (1 if result.created else 0)
    else:
        assert result.outcome == "failed"
        assert snapshot(collection) == before
        assert all(error.message for error in result.errors)
    assert import_reports(collection)[0]["filename"] == "arbitrary.yml"


# The command ----------------------------------------------------------------------------


def test_the_command_imports_a_folder_and_counts_the_failures(collection, tmp_path):
    from osor.collection.interop.publiccode.command import import_directory

    (tmp_path / "a-medusa.yml").write_text(COMPLETE, encoding="utf-8")
    (tmp_path / "b-broken.yaml").write_text(with_licence(MINIMAL, "Nope"), encoding="utf-8")
    (tmp_path / "c-medusa-again.yml").write_text(COMPLETE, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a publiccode.yml", encoding="utf-8")
    lines = []
    failed = import_directory(collection, tmp_path, importer_id="admin", out=lines.append, commit=False)
    assert failed == 1
    summaries = [line for line in lines if not line.startswith(" ")]
    assert summaries == [
        "created  a-medusa.yml /plone/collection/medusa",
        "failed   b-broken.yaml",
        "updated  c-medusa-again.yml /plone/collection/medusa",
    ]
    assert any(line.startswith("    error: legal.license (line ") for line in lines)
    assert [r["filename"] for r in import_reports(collection)] == [
        "c-medusa-again.yml",
        "b-broken.yaml",
        "a-medusa.yml",
    ]
    assert import_reports(collection)[0]["importer"] == "admin"


# The REST endpoint ----------------------------------------------------------------------


@pytest.fixture
def rest(functional_portal, request_factory):
    """A validated collection (member_fixtures.make_nordic_collection: olga owns
    it, fred facilitates, alice and bob are users) where alice is a member."""
    from member_fixtures import make_nordic_collection
    from member_fixtures import PASSWORD
    from osor.collection.membership import members

    import transaction

    collection = make_nordic_collection(functional_portal)
    members.join(collection, "alice", "")
    transaction.commit()

    def session(userid=None):
        return request_factory(basic_auth=(userid, PASSWORD)) if userid else request_factory()

    return collection, session


def post(session, collection, body, content_type="application/yaml", query=""):
    return session.post(
        f"{collection.getId()}/@publiccode-import{query}",
        data=body.encode("utf-8") if isinstance(body, str) else body,
        headers={"Content-Type": content_type, "Accept": "application/json"},
    )


def test_rest_import_answers_every_status(rest):
    import transaction

    collection, session = rest
    alice = session("alice")

    created = post(alice, collection, COMPLETE)
    assert created.status_code == 201, created.text
    assert created.json()["created"] is True
    assert created.json()["@id"].endswith("/nordic/medusa")
    assert created.headers["Location"] == created.json()["@id"]
    assert any(w["path"] == "intendedAudience.countries[2]" for w in created.json()["warnings"])

    updated = post(alice, collection, with_changes(COMPLETE, name="Medusa 2"))
    assert updated.status_code == 201
    assert updated.json()["created"] is False

    checked = post(alice, collection, COMPLETE, query="?dry_run=true")
    assert checked.status_code == 200
    assert checked.json()["dry_run"] is True
    assert checked.json()["created"] is False

    refused = post(alice, collection, with_licence(COMPLETE, "Not-A-Licence"))
    assert refused.status_code == 400
    [error] = [e for e in refused.json()["errors"] if e["path"] == "legal.license"]
    assert error["line"] and error["message"]

    assert post(alice, collection, COMPLETE, content_type="application/json").status_code == 415
    assert "application/yaml" in post(alice, collection, COMPLETE, content_type="text/plain").json()["error"]["message"]

    huge = post(alice, collection, "#" * (1024 * 1024 + 10))
    assert huge.status_code == 413
    assert "1 MB" in huge.json()["errors"][0]["message"]

    assert post(alice, collection, b"name: \xff\xfe").status_code == 400

    transaction.begin()
    assert [r["outcome"] for r in import_reports(collection)][:5] == [
        "failed",
        "failed",
        "failed",
        "validated",
        "updated",
    ]
    assert len([o for o in collection.objectValues() if o.portal_type == "software_solution"]) == 1


def test_rest_import_needs_the_right_to_add_a_solution(rest):
    collection, session = rest
    assert post(session(), collection, COMPLETE).status_code == 401
    assert post(session("bob"), collection, COMPLETE).status_code in (401, 403)


# The form -------------------------------------------------------------------------------


@pytest.fixture
def form_browser(rest, functional_app):
    from member_fixtures import PASSWORD
    from plone.testing.zope import Browser

    collection, _session = rest
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic alice:{PASSWORD}")
    browser.open(f"{collection.absolute_url()}/@@import-publiccode")
    return browser


def test_the_form_imports_pasted_text_and_links_the_solution(rest, form_browser):
    collection, _session = rest
    form_browser.getControl(name="text").value = COMPLETE
    form_browser.getControl("Import").click()
    assert "was created" in form_browser.contents
    assert f'href="{collection.absolute_url()}/medusa"' in form_browser.contents
    assert "intendedAudience.countries[2]" in form_browser.contents


def test_the_form_imports_an_uploaded_file(rest, form_browser):
    import io

    form_browser.getControl(name="file").add_file(io.BytesIO(COMPLETE.encode()), "application/yaml", "publiccode.yml")
    form_browser.getControl("Import").click()
    assert "was created" in form_browser.contents


def test_the_form_shows_located_errors_and_writes_nothing(rest, form_browser):
    import transaction

    collection, _session = rest
    form_browser.getControl(name="text").value = with_licence(COMPLETE, "Not-A-Licence")
    form_browser.getControl("Import").click()
    assert "was not imported" in form_browser.contents
    assert "legal.license" in form_browser.contents
    assert "(line " in form_browser.contents
    transaction.begin()
    assert solutions_in(collection) == []
    assert import_reports(collection)[0]["outcome"] == "failed"


def test_the_collection_offers_the_import_to_whoever_may_add_a_solution(rest, form_browser, functional_app):
    from member_fixtures import PASSWORD
    from plone.testing.zope import Browser

    collection, _session = rest
    form_browser.open(collection.absolute_url())
    assert "@@import-publiccode" in form_browser.contents
    bob = Browser(functional_app)
    bob.addHeader("Authorization", f"Basic bob:{PASSWORD}")
    bob.open(collection.absolute_url())
    assert "@@import-publiccode" not in bob.contents
