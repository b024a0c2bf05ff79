"""A publiccode.yml checked or imported here gets the reference parser's
verdict (#26 §2): a key the standard does not know refuses the file, at its
path and line, with a hint; and a file stored before that rule exports
without such keys, so that what we publish passes the reference parser.

Over real HTTP in the functional layer: the import endpoint's dry run is
the check a publisher runs before submitting to a national catalogue.
"""

from osor.collection.interop.publiccode.export import solution_to_publiccode_yaml
from osor.collection.interop.publiccode.importer import import_publiccode
from osor.collection.interop.publiccode.storage import store_publiccode
from osor.collection.interop.publiccode.storage import stored_publiccode
from osor.collection.interop.publiccode.validation import validate
from pages_content import commit
from pages_content import make_osor_collection
from paths import FIXTURES

import pytest
import yaml


MINIMAL = (FIXTURES / "publiccode" / "valid" / "minimal.yml").read_text(encoding="utf-8")
WITH_UNKNOWN_KEY = MINIMAL.replace("name: Medusa\n", "name: Medusa\nfoobar: 123\n", 1)
WITH_WRONG_CASE_SECTION = MINIMAL + "It:\n  countryExtensionVersion: '1.0'\n"


def line_of(text, fragment):
    return text[: text.index(fragment)].count("\n") + 1


@pytest.fixture
def collection(functional_portal):
    collection = make_osor_collection(functional_portal)
    commit()
    return collection


def check(request_factory, collection, text):
    """The publisher's check: a dry run of the import endpoint, as the site owner."""
    session = request_factory(role="Manager")
    return session.post(
        f"{collection.getId()}/@publiccode-import?dry_run=true",
        data=text.encode("utf-8"),
        headers={"Content-Type": "application/yaml", "Accept": "application/json"},
    )


@pytest.mark.parametrize(
    "text, path, fragment, hint",
    [
        (WITH_UNKNOWN_KEY, "foobar", "foobar", "check its spelling and where it is indented"),
        (WITH_WRONG_CASE_SECTION, "It", "It:", "keys are case-sensitive: write 'IT'"),
    ],
    ids=["unknown_key", "wrong_case_section"],
)
def test_checking_a_file_with_a_key_the_standard_does_not_know_refuses_it_at_that_key(
    request_factory, collection, text, path, fragment, hint
):
    answer = check(request_factory, collection, text)
    assert answer.status_code == 400, answer.text
    errors = answer.json()["errors"]
    assert [(error["path"], error["line"]) for error in errors] == [(path, line_of(text, fragment))]
    assert errors[0]["hint"] == hint
    assert "not part of publiccode.yml" in errors[0]["message"]


def test_the_same_file_without_the_unknown_key_passes_the_check(request_factory, collection):
    answer = check(request_factory, collection, MINIMAL)
    assert answer.status_code == 200, answer.text
    assert answer.json()["dry_run"] is True
    assert answer.json().get("errors", []) == []


def test_importing_a_file_with_an_unknown_key_writes_nothing(collection):
    result = import_publiccode(collection, WITH_UNKNOWN_KEY, filename="publiccode.yml")
    assert [error.path for error in result.errors] == ["foobar"]
    assert [obj.portal_type for obj in collection.objectValues()].count("software_solution") == 0


def test_a_file_stored_before_unknown_keys_were_refused_is_exported_without_them(collection):
    solution = import_publiccode(collection, MINIMAL, filename="publiccode.yml").obj
    # As a file imported with a warning by an earlier version was kept.
    stored = stored_publiccode(solution)
    data = dict(stored["data"], foobar=123, IT={"riuso": {"codiceIPA": "c_h501"}, "ecosistemi": ["sanita"]})
    data["maintenance"] = dict(data["maintenance"], contact=[{"name": "Old"}])
    store_publiccode(solution, text=stored["text"], data=data, filename=stored["filename"])

    exported = solution_to_publiccode_yaml(solution)
    result = validate(exported)
    assert result.errors == [], [error.to_dict() for error in result.errors]
    written = yaml.safe_load(exported)
    assert "foobar" not in written and "contact" not in written["maintenance"]
    # What the standard knows is kept.
    assert written["IT"] == {"riuso": {"codiceIPA": "c_h501"}}
