"""Import reports (#19 §1): every import into a collection leaves a report
that its facilitators, and the importer, can read."""

from member_fixtures import make_nordic_collection
from osor.collection.interop import reports
from osor.collection.interop.reports import import_reports
from osor.collection.interop.reports import record_import_report
from osor.collection.membership import members
from plone import api
from plone.app.testing import TEST_USER_ID

import pytest
import transaction


class Problem:
    """The shape of the validators' problems (publiccode validation)."""

    def __init__(self, path, line, message, hint=None):
        self.path, self.line, self.message, self.hint = path, line, message, hint

    def to_dict(self, request=None):
        return {"path": self.path, "line": self.line, "message": self.message, "hint": self.hint}


def test_a_report_records_when_who_which_file_and_the_outcome(collection):
    record_import_report(
        collection,
        source_format="publiccode.yml",
        filename="publiccode.yml",
        outcome="created",
        item_uid="abc",
    )
    [report] = import_reports(collection)
    assert report["importer"] == TEST_USER_ID
    assert report["filename"] == "publiccode.yml"
    assert report["outcome"] == "created"
    assert report["item_uid"] == "abc"
    assert report["source_format"] == "publiccode.yml"
    assert report["when"].endswith("+00:00")


def test_problems_are_stored_as_plain_located_dicts(collection):
    record_import_report(
        collection,
        source_format="publiccode.yml",
        filename="bad.yml",
        outcome="failed",
        errors=[Problem("legal.license", 12, "Not an SPDX expression", "use EUPL-1.2")],
        warnings=[{"path": "it.conforme", "line": 30, "message": "Deprecated"}],
    )
    [report] = import_reports(collection)
    assert report["errors"] == [
        {"path": "legal.license", "line": 12, "message": "Not an SPDX expression", "hint": "use EUPL-1.2"}
    ]
    assert report["warnings"] == [{"path": "it.conforme", "line": 30, "message": "Deprecated", "hint": None}]


def test_reports_are_listed_newest_first(collection):
    for name in ("first.yml", "second.yml", "third.yml"):
        record_import_report(collection, source_format="DCAT-AP", filename=name, outcome="validated")
    assert [report["filename"] for report in import_reports(collection)] == [
        "third.yml",
        "second.yml",
        "first.yml",
    ]


def test_only_the_newest_reports_are_kept(collection, monkeypatch):
    monkeypatch.setattr(reports, "MAX_REPORTS", 3)
    for number in range(5):
        record_import_report(collection, source_format="DCAT-AP", filename=f"{number}.rdf", outcome="failed")
    assert [report["filename"] for report in import_reports(collection)] == ["4.rdf", "3.rdf", "2.rdf"]


def test_the_importer_can_be_named(collection):
    record_import_report(
        collection, source_format="publiccode.yml", filename="a.yml", outcome="updated", importer_id="admin"
    )
    assert import_reports(collection)[0]["importer"] == "admin"
    assert import_reports(collection, importer_id="admin")
    assert import_reports(collection, importer_id="someone else") == []


def test_unknown_outcomes_and_formats_are_refused(collection):
    with pytest.raises(ValueError):
        record_import_report(collection, source_format="publiccode.yml", filename="a", outcome="imported")
    with pytest.raises(ValueError):
        record_import_report(collection, source_format="sill.json", filename="a", outcome="created")


def test_a_collection_without_imports_has_no_reports(collection):
    assert import_reports(collection) == []


# The page ------------------------------------------------------------------


@pytest.fixture
def reported_collection(functional_portal):
    """A collection (owner olga, facilitator fred) where alice, a member,
    and bob, another member, each imported a file."""
    collection = make_nordic_collection(functional_portal)
    members.join(collection, "alice", "")
    members.join(collection, "bob", "")
    record_import_report(
        collection,
        source_format="publiccode.yml",
        filename="alice.yml",
        outcome="failed",
        errors=[Problem("legal.license", 12, "Not an SPDX expression", "use EUPL-1.2")],
        importer_id="alice",
    )
    record_import_report(
        collection, source_format="publiccode.yml", filename="bob.yml", outcome="created", importer_id="bob"
    )
    transaction.commit()
    return collection


def test_facilitators_read_every_report_with_located_problems(reported_collection, browser_for):
    browser = browser_for("fred")
    browser.open(f"{reported_collection.absolute_url()}/@@import-reports")
    assert "alice.yml" in browser.contents
    assert "bob.yml" in browser.contents
    assert "legal.license" in browser.contents
    assert "Not an SPDX expression" in browser.contents
    assert "use EUPL-1.2" in browser.contents
    assert "Alice Andersen" in browser.contents


def test_an_importer_reads_her_own_reports_only(reported_collection, browser_for):
    browser = browser_for("alice")
    browser.open(f"{reported_collection.absolute_url()}/@@import-reports")
    assert "alice.yml" in browser.contents
    assert "bob.yml" not in browser.contents


def test_visitors_are_sent_to_log_in(reported_collection, browser_for):
    browser = browser_for(None)
    browser.open(f"{reported_collection.absolute_url()}/@@import-reports")
    assert "login" in browser.url
    assert "alice.yml" not in browser.contents


def test_non_members_cannot_read_the_reports(reported_collection, browser_for):
    api.user.create(email="someone@example.org", username="someone", password="a-long-test-password")
    transaction.commit()
    browser = browser_for("someone")
    browser.open(f"{reported_collection.absolute_url()}/@@import-reports")
    assert browser.url.startswith(f"{api.portal.get().absolute_url()}/insufficient-privileges")
    assert "alice.yml" not in browser.contents
