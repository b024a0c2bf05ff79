"""A site made by an earlier release upgrades with nothing lost.

Each ``fixtures/databases/<version>/data.tar.gz`` is a FileStorage made by
that release (see the README there). A copy is opened with the current code
in a Zope process of its own (``zconsole run``, as an administrator's
instance would), upgraded as Site Setup -> Add-ons -> Upgrade does, and
described before, after, and after every upgrade step ran a second time
(``fixtures/databases/upgrade_site.py``).
"""

from pathlib import Path
from paths import FIXTURES
from paths import ROOT

import json
import os
import pytest
import re
import subprocess
import sys
import tarfile


DATABASES = FIXTURES / "databases"
UPGRADE_SCRIPT = DATABASES / "upgrade_site.py"
VERIFY_SCRIPT = ROOT / "scripts" / "verify_database.py"
METADATA = ROOT / "src" / "osor" / "collection" / "profiles" / "default" / "metadata.xml"
RELEASES = sorted(path.parent.name for path in DATABASES.glob("*/data.tar.gz"))

ZOPE_CONF = """\
%define INSTANCE {instance}
instancehome $INSTANCE
clienthome $INSTANCE
debug-mode off
security-policy-implementation C
verbose-security off
default-zpublisher-encoding utf-8
<environment>
  CHAMELEON_CACHE $INSTANCE/cache
  zope_i18n_compile_mo_files true
</environment>
<zodb_db main>
  <filestorage>
    path $INSTANCE/filestorage/Data.fs
    blob-dir $INSTANCE/blobstorage
  </filestorage>
  mount-point /
</zodb_db>
"""

# What the upgrade adds to a type on purpose (federation, profile 1002; FAQ
# entries named after their title, 1006).
ADDED_BEHAVIORS = {"software_solution": {"osor.provenance"}, "legal_faq_entry": {"plone.namefromtitle"}}
CONTENT_CREATION_WIDEST_FIRST = ("any_user", "only_members", "facilitators_and_authors")

PARTICIPATION_SETTINGS = {
    f"osor.collection.content.community_collection.ICommunityCollection.{name}"
    for name in ("closed", "content_creation", "moderated")
}

# Fields new since an old release, that a step fills from older ones
# (1001 -> 1002: the licence expression from the licences).
FILLED_BY_THE_UPGRADE = {
    "osor.collection.content.software_solution.ISoftwareSolution.licence_expression",
    # 1004: what translations share with their original (upgrades/shared_translation_data.py).
    "osor.collection.content.community_event.ICommunityEvent.organiser",
    "plone.app.event.dx.behaviors.IEventContact.contact_name",
    "plone.app.event.dx.behaviors.IEventContact.contact_email",
    "plone.app.event.dx.behaviors.IEventContact.contact_phone",
    "plone.app.event.dx.behaviors.IEventContact.event_url",
    "plone.app.event.dx.behaviors.IEventLocation.location",
    "plone.app.event.dx.behaviors.IEventRecurrence.recurrence",
    "osor.collection.content.competence_centre.ICompetenceCentre.region",
    "osor.collection.content.competence_centre.ICompetenceCentre.postal_address",
}

# What each database's README says was prepared: translations of one
# collection with different settings, merged into the strictest of each.
STRICTEST = {"closed": True, "content_creation": "facilitators_and_authors", "moderated": True}
MERGED_SETTINGS = {"1.0.0a1": {f"/Plone/{language}/osor": STRICTEST for language in ("en", "fr", "de")}}
MERGES_LOGGED = {
    "1.0.0a1": {
        ("/Plone/en/osor", "closed", "False", "True"),
        ("/Plone/fr/osor", "closed", "False", "True"),
        ("/Plone/en/osor", "content_creation", "'only_members'", "'facilitators_and_authors'"),
        ("/Plone/de/osor", "content_creation", "'only_members'", "'facilitators_and_authors'"),
    }
}
SETTING_CHANGED = re.compile(r"(/\S+): (\w+) changed from (.+?) to (.+?), the strictest setting")


def current_version() -> str:
    text = METADATA.read_text()
    return text.split("<version>")[1].split("</version>")[0].strip()


@pytest.fixture(scope="module", params=RELEASES)
def report(request, tmp_path_factory) -> dict:
    """The report of upgrading a copy of the database of one release."""
    instance = tmp_path_factory.mktemp(f"site-{request.param}")
    with tarfile.open(DATABASES / request.param / "data.tar.gz") as archive:
        archive.extractall(instance, filter="data")
    (instance / "blobstorage").mkdir(exist_ok=True)
    (instance / "blobstorage").chmod(0o700)
    (instance / "cache").mkdir()
    conf = instance / "zope.conf"
    conf.write_text(ZOPE_CONF.format(instance=instance))
    output = instance / "report.json"
    zconsole = Path(sys.executable).parent / "zconsole"
    done = subprocess.run(
        [str(zconsole), "run", str(conf), str(UPGRADE_SCRIPT), str(output)],
        capture_output=True,
        text=True,
        timeout=1200,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert done.returncode == 0, done.stderr[-5000:]
    return {**json.loads(output.read_text()), "release": request.param, "conf": str(conf)}


def test_there_is_a_database_of_the_first_release():
    assert "1.0.0a1" in RELEASES


def test_the_site_reaches_the_current_profile(report):
    assert report["before"]["version"] != [current_version()]
    assert report["after"]["version"] == [current_version()]


def test_every_item_is_kept_with_its_uid_state_and_modification_date(report):
    before, after = report["before"]["items"], report["after"]["items"]
    assert len(before) > 30
    kept = ("uid", "portal_type", "state", "modified", "catalog_modified", "translation_group")
    for path, item in before.items():
        assert path in after, path
        assert {key: after[path][key] for key in kept} == {key: item[key] for key in kept}, path


def test_every_field_keeps_its_value(report):
    """The participation settings aside (a merge may make them stricter:
    ``test_no_policy_is_loosened``), and the fields a step fills where the
    old release had none."""
    before, after = report["before"]["items"], report["after"]["items"]
    for path, item in before.items():
        kept = {name: value for name, value in item["fields"].items() if name not in PARTICIPATION_SETTINGS}
        for name in FILLED_BY_THE_UPGRADE & set(kept):
            if kept[name] is None:
                del kept[name]
        assert {name: after[path]["fields"].get(name) for name in kept} == kept, path


def test_translations_are_kept_and_still_readable(report):
    before, after = report["before"]["items"], report["after"]["items"]
    translated = {path: item["translations"] for path, item in before.items() if item["translations"]}
    assert len([path for path, languages in translated.items() if len(languages) > 1]) >= 3
    for path, languages in translated.items():
        assert after[path]["translations"] == languages, path


def test_memberships_and_pending_requests_are_kept(report):
    before, after = report["before"]["collections"], report["after"]["collections"]
    assert before
    for path, collection in before.items():
        assert set(map(tuple, collection["members"])) <= set(map(tuple, after[path]["members"])), path
        assert set(collection["pending"]) <= set(after[path]["pending"]), path
    assert any(collection["pending"] for collection in after.values())


def test_no_policy_is_loosened(report):
    before, after = report["before"]["collections"], report["after"]["collections"]
    for path, collection in before.items():
        old, new = collection["settings"], after[path]["settings"]
        assert new["closed"] >= old["closed"], path
        assert new["moderated"] >= old["moderated"], path
        assert CONTENT_CREATION_WIDEST_FIRST.index(new["content_creation"]) >= CONTENT_CREATION_WIDEST_FIRST.index(
            old["content_creation"]
        ), path
        # The settings are in force: the collection's permissions are theirs.
        assert after[path]["permissions"] == after[path]["permissions_of_settings"], path


def test_translations_of_a_collection_take_the_strictest_settings(report):
    collections = report["after"]["collections"]
    for path, settings in MERGED_SETTINGS.get(report["release"], {}).items():
        assert collections[path]["settings"] == settings, path


def test_the_log_says_which_collection_changed_from_what_to_what(report):
    logged = {match.groups() for line in report["log"] if (match := SETTING_CHANGED.search(line))}
    assert logged == MERGES_LOGGED.get(report["release"], set())
    # The page after Site Setup -> Add-ons -> Upgrade names those collections.
    named = {path for path, _setting, _old, _new in logged}
    shown = " ".join(report["messages"])
    assert all(path in shown for path in named)
    assert bool(shown) == bool(named)
    assert not any(SETTING_CHANGED.search(line) for line in report["log_again"])


def test_behaviors_are_unchanged_except_those_the_upgrade_adds(report):
    before, after = report["before"]["behaviors"], report["after"]["behaviors"]
    for type_id, behaviors in before.items():
        assert not set(behaviors) - set(after[type_id]), f"{type_id} lost behaviors"
        assert set(after[type_id]) - set(behaviors) <= ADDED_BEHAVIORS.get(type_id, set()), type_id


def test_front_pages_are_unchanged(report):
    assert report["after"]["site_default_page"] == report["before"]["site_default_page"]
    before, after = report["before"]["items"], report["after"]["items"]
    assert {path: after[path]["default_page"] for path in before} == {
        path: item["default_page"] for path, item in before.items()
    }


def test_old_content_answers_translations_publiccode_and_catalogue(report):
    answers = report["services"]
    asked = {path.rsplit("/", 1)[1] for path in answers}
    assert asked == {"@translations", "@publiccode", "@catalogue"}
    assert {path: status for path, status in answers.items() if status != 200} == {}


def test_running_the_upgrade_again_changes_nothing(report):
    for part in ("items", "collections", "behaviors", "site_default_page", "version"):
        assert report["again"][part] == report["after"][part], part


def test_the_translations_of_an_event_get_its_organiser_and_contact(report):
    after = report["after"]["items"]
    fields = ("ICommunityEvent.organiser", "IEventContact.contact_email")
    webinar = "/osor/cross-administration-collaboration-webinar"

    def values(path):
        found = after[path]["fields"]
        return [value for name, value in found.items() if name.endswith(fields)]

    original = values("/Plone/en" + webinar)
    assert all(original), original
    assert values("/Plone/fr" + webinar) == values("/Plone/de" + webinar) == original


def test_zodbverify_finds_nothing_in_the_upgraded_database(report, tmp_path):
    """Every record of the upgraded database loads (scripts/verify_database.py)."""
    output = tmp_path / "verify.json"
    zconsole = Path(sys.executable).parent / "zconsole"
    verified = subprocess.run(
        [str(zconsole), "run", report["conf"], str(VERIFY_SCRIPT), str(output)],
        capture_output=True,
        text=True,
        timeout=1200,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert verified.returncode == 0, verified.stdout[-5000:] + verified.stderr[-5000:]
    assert json.loads(output.read_text())["unloadable"] == {}
