"""`make backup` and `make restore` bring back exactly what was backed up (#28 §3).

Real repozo on the real FileStorage of the site `make instance` creates,
with its blobs: a full backup, changes, an incremental backup, more
changes; then restoring the latest backup and the first one gives, each
time, exactly the site as it was backed up: the same content objects with
their UIDs, review states, field values, blob bytes and local roles, the
same catalog records, collection groups and users. While a server has
the database open, restoring is refused and changes nothing.

The same for `make cluster`: a real pg_dump of the RelStorage database
and its shared blobs, taken while both instances serve, restored with
pg_restore once they are stopped.
"""

import pytest
import zc.lockfile


SECTIONS = ("content", "catalog", "groups", "users")


def assert_same_site(restored: dict, backed_up: dict) -> None:
    for section in SECTIONS:
        missing = sorted(set(backed_up[section]) - set(restored[section]))
        extra = sorted(set(restored[section]) - set(backed_up[section])) if isinstance(restored[section], dict) else []
        assert not missing and not extra, f"{section}: missing {missing[:10]}, not in the backup {extra[:10]}"
        if isinstance(backed_up[section], dict):
            changed = [key for key in backed_up[section] if restored[section][key] != backed_up[section][key]]
            assert not changed, f"{section} differ from the backup: {changed[:10]}"
        else:
            assert restored[section] == backed_up[section]


def assert_changed(after: dict, before: dict) -> None:
    """The changes between two backups touch every kind of data a restore must bring back."""
    content_after, content_before = after["content"], before["content"]
    assert set(content_after) - set(content_before), "an object was added"
    assert set(content_before) - set(content_after), "an object was deleted"
    common = set(content_after) & set(content_before)
    for aspect in ("fields", "review_state", "local_roles"):
        assert any(content_after[path][aspect] != content_before[path][aspect] for path in common), aspect
    blobs = [
        path
        for path in common
        if content_after[path]["type"] == "solution_distribution"
        and content_after[path]["fields"] != content_before[path]["fields"]
    ]
    assert blobs, "a distribution's file was replaced"
    assert after["groups"] != before["groups"]
    assert after["users"] != before["users"]


def assert_refused_while_the_database_is_open(var, make) -> None:
    data_fs = var / "filestorage" / "Data.fs"
    before = data_fs.stat()
    # What a running Zope holds (ZODB's FileStorage takes this lock).
    lock = zc.lockfile.LockFile(f"{data_fs}.lock")
    try:
        refused = make("restore", f"VAR={var}", check=False)
    finally:
        lock.close()
    assert refused.returncode != 0
    assert "is in use" in refused.stderr
    after = data_fs.stat()
    assert (after.st_ino, after.st_size, after.st_mtime) == (before.st_ino, before.st_size, before.st_mtime)


@pytest.fixture
def site(var, make):
    make("instance", f"VAR={var}")
    return var / "etc" / "zope.conf"


def test_restoring_gives_back_exactly_the_site_of_the_backup(var, site, make, site_state, tmp_path):
    first = site_state(site, "change,snapshot", tmp_path / "first.json", label="first")
    make("backup", f"VAR={var}")
    second = site_state(site, "change,snapshot", tmp_path / "second.json", label="second")
    assert_changed(second, first)
    make("backup", f"VAR={var}")
    changed = site_state(site, "change,snapshot", tmp_path / "changed.json", label="third")
    assert_changed(changed, second)

    full, incremental = sorted((var / "backups").iterdir())
    # The second backup is incremental: the full one's file, linked, plus a delta.
    (full_fs,) = (full / "filestorage").glob("*.fs")
    assert (incremental / "filestorage" / full_fs.name).stat().st_ino == full_fs.stat().st_ino
    assert len(list((incremental / "filestorage").glob("*.deltafs"))) == 1

    assert_refused_while_the_database_is_open(var, make)
    make("restore", f"VAR={var}")
    assert_same_site(site_state(site, "snapshot", tmp_path / "restored.json"), second)

    make("restore", f"VAR={var}", f"DATE={full.name}")
    assert_same_site(site_state(site, "snapshot", tmp_path / "restored-first.json"), first)


def test_backing_up_a_var_without_a_database_says_so(var, make):
    done = make("backup", f"VAR={var}", check=False)
    assert done.returncode != 0
    assert f"Nothing to back up in {var}" in done.stderr
    assert not (var / "backups").exists() or not list((var / "backups").iterdir())


def test_restoring_without_a_backup_or_an_unknown_date_says_so(var, make):
    done = make("restore", f"VAR={var}", check=False)
    assert done.returncode != 0
    assert "No backup in" in done.stderr
    (var / "backups" / "2026-01-01-00-00-00").mkdir(parents=True)
    done = make("restore", f"VAR={var}", "DATE=2025-01-01-00-00-00", check=False)
    assert done.returncode != 0
    assert "No backup '2025-01-01-00-00-00'" in done.stderr
    assert "there are: 2026-01-01-00-00-00" in done.stderr
    done = make("restore", f"VAR={var}", check=False)
    assert done.returncode != 0
    assert "holds no database" in done.stderr


@pytest.fixture
def cluster_settings(var, make, free_port):
    """`make cluster` on ``var``, on free ports; stopped afterwards."""
    ports = [free_port() for _ in range(4)]
    settings = [f"VAR={var}", f"PORT={ports[0]}", f"INSTANCE_PORTS={ports[1]} {ports[2]}", f"PG_PORT={ports[3]}"]
    make("cluster", *settings)
    try:
        yield settings
    finally:
        make("cluster-stop", *settings, check=False)


def test_the_cluster_restores_exactly_from_its_dump(var, cluster_settings, make, site_state, tmp_path):
    # Any instance's configuration opens the shared database (RelStorage).
    zope_conf = var / "cluster" / "instance1" / "etc" / "zope.conf"
    backed_up = site_state(zope_conf, "change,snapshot", tmp_path / "backed-up.json", label="first")
    make("backup", *cluster_settings)
    (backup,) = (var / "backups").iterdir()
    assert (backup / "cluster" / "osor.dump").stat().st_size > 0
    assert not (backup / "filestorage").exists()
    changed = site_state(zope_conf, "change,snapshot", tmp_path / "changed.json", label="second")
    assert_changed(changed, backed_up)

    refused = make("restore", *cluster_settings, check=False)
    assert refused.returncode != 0
    assert "stop it first with `make cluster-stop`" in refused.stderr
    assert_same_site(site_state(zope_conf, "snapshot", tmp_path / "still.json"), changed)

    make("cluster-stop", *cluster_settings)
    make("restore", *cluster_settings)
    make("cluster", *cluster_settings)
    assert_same_site(site_state(zope_conf, "snapshot", tmp_path / "restored.json"), backed_up)
