"""Back up and restore the databases of var/: `make backup`, `make restore`.

    python scripts/backup.py --var var backup [--full]
    python scripts/backup.py --var var restore [DATE]

Each backup is a folder ``var/backups/<DATE>`` (UTC, ``YYYY-MM-DD-HH-MM-SS``,
repozo's own format) that restores on its own and may be copied elsewhere
or deleted alone:

- ``filestorage/``: repozo's repository for ``var/filestorage/Data.fs``
  (`make start`'s database). The first backup is a full one; each next one
  is incremental: hard links to the files of the backup before it (no
  space taken twice) plus repozo's new ``.deltafs``. ``--full`` (make's
  ``FULL=1``) starts a new full backup; repozo also does when the database
  was packed meanwhile.
- ``blobstorage/``: the blob files of var/blobstorage. ZODB never changes a
  blob file (a new revision is a new file), so a file already in the
  backup before is hard-linked, not copied again.
- ``cluster/osor.dump`` (``pg_dump``, custom format) and
  ``cluster/blobstorage/``: the database and the shared blob directory of
  `make cluster`, when it exists. PostgreSQL is started for the dump when
  it is not running, and stopped again.

A backup may run while the site is served: repozo copies committed
transactions only, pg_dump reads one consistent snapshot. The database is
saved before the blobs, so a blob written meanwhile is one file too many
and none is missing, unless the database is packed during the backup
(do not run both at once).

Restoring replaces the database and the blobs with the backup's. The Zope
servers must be stopped (`make restore` checks it and refuses otherwise):
`make start`'s server holds Data.fs.lock; `make cluster-stop` stops the
cluster's instances (PostgreSQL is started for the restore if needed).
"""

from cluster import Process
from pathlib import Path
from postgres import bin_directory
from postgres import DATABASE
from postgres import PostgresError
from postgres import PostgresServer
from postgres import ROLE

import argparse
import os
import shutil
import subprocess
import sys
import time
import zc.lockfile


ROOT = Path(__file__).resolve().parent.parent
DATE_FORMAT = "%Y-%m-%d-%H-%M-%S"


class BackupError(Exception):
    """Nothing was changed; the message says why."""


class Site:
    """The places of var/ that a backup saves."""

    def __init__(self, var: Path, pg_port: int, pg_user: str):
        self.var = var
        self.backups = var / "backups"
        self.data_fs = var / "filestorage" / "Data.fs"
        self.blobs = var / "blobstorage"
        self.cluster = var / "cluster"
        self.cluster_blobs = self.cluster / "blobstorage"
        self.postgres = PostgresServer(var / "pg", pg_port, pg_user, self.cluster / "pgpass")

    def has_filestorage(self) -> bool:
        return self.data_fs.exists()

    def has_cluster(self) -> bool:
        return self.postgres.initialized()

    def dated_backups(self) -> list[Path]:
        if not self.backups.is_dir():
            return []
        return sorted(path for path in self.backups.iterdir() if path.is_dir() and not path.name.startswith("."))


# Files ------------------------------------------------------------------------


def copy_tree(source: Path, target: Path, previous: Path | None = None) -> int:
    """Copy ``source`` to ``target``; a file equal in ``previous`` is hard-linked
    from there. The number of files copied (not linked)."""
    copied = 0
    for folder, _folders, files in os.walk(source):
        relative = Path(folder).relative_to(source)
        (target / relative).mkdir(parents=True, exist_ok=True)
        shutil.copymode(folder, target / relative)
        for name in files:
            original = Path(folder, name)
            earlier = previous / relative / name if previous else None
            if earlier is not None and _same_file(original, earlier):
                os.link(earlier, target / relative / name)
            else:
                shutil.copy2(original, target / relative / name)
                copied += 1
    return copied


def _same_file(one: Path, other: Path) -> bool:
    try:
        first, second = one.stat(), other.stat()
    except FileNotFoundError:
        return False
    return first.st_size == second.st_size and int(first.st_mtime) == int(second.st_mtime)


def replace_tree(backup: Path, target: Path) -> None:
    """Make ``target`` a copy of ``backup``; the old one goes only once the copy is complete."""
    incoming = target.with_name(f".{target.name}.restoring")
    outgoing = target.with_name(f".{target.name}.replaced")
    for leftover in (incoming, outgoing):
        shutil.rmtree(leftover, ignore_errors=True)
    copy_tree(backup, incoming)
    if target.exists():
        os.rename(target, outgoing)
    os.rename(incoming, target)
    shutil.rmtree(outgoing, ignore_errors=True)


def repozo(*args: str) -> None:
    command = [str(Path(sys.executable).parent / "repozo"), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"repozo {' '.join(args)} failed:\n{done.stdout}{done.stderr}")


# Backup -------------------------------------------------------------------------


def backup(site: Site, full: bool = False) -> Path:
    if not (site.has_filestorage() or site.has_cluster()):
        raise BackupError(f"Nothing to back up in {site.var}: no filestorage/Data.fs, no cluster (pg/).")
    earlier = site.dated_backups()
    previous = None if full or not earlier else earlier[-1]
    target = _new_backup_folder(site)
    incoming = target.with_name(f".{target.name}.incoming")
    try:
        if site.has_filestorage():
            _backup_filestorage(site, incoming, previous, full)
        if site.has_cluster():
            _backup_cluster(site, incoming, previous)
    except BaseException:
        shutil.rmtree(incoming, ignore_errors=True)
        raise
    # Complete or absent: a half-written backup is never the latest one.
    os.rename(incoming, target)
    return target


def _new_backup_folder(site: Site) -> Path:
    site.backups.mkdir(parents=True, exist_ok=True)
    while True:
        target = site.backups / time.strftime(DATE_FORMAT, time.gmtime())
        if not target.exists():
            return target
        time.sleep(0.5)


def _backup_filestorage(site: Site, incoming: Path, previous: Path | None, full: bool) -> None:
    repository = incoming / "filestorage"
    earlier = previous / "filestorage" if previous else None
    if earlier is not None and earlier.is_dir():
        repository.mkdir(parents=True)
        for path in earlier.iterdir():
            # repozo appends to the .dat of the chain: each backup its own copy.
            if path.suffix == ".dat":
                shutil.copy2(path, repository / path.name)
            else:
                os.link(path, repository / path.name)
    else:
        repository.mkdir(parents=True)
    _wait_for_a_new_second(repository)
    full_option = ["--full"] if full else []
    repozo("--backup", "--quick", "--repository", str(repository), "--file", str(site.data_fs), *full_option)
    if site.blobs.is_dir():
        copy_tree(site.blobs, incoming / "blobstorage", previous / "blobstorage" if previous else None)


def _wait_for_a_new_second(repository: Path) -> None:
    """repozo names its files by the second: a new file must not take the
    name of a linked one (it would write into the earlier backup)."""
    newest = max((path.stem for path in repository.iterdir()), default="")
    while time.strftime(DATE_FORMAT, time.gmtime()) <= newest:
        time.sleep(0.2)


def _backup_cluster(site: Site, incoming: Path, previous: Path | None) -> None:
    folder = incoming / "cluster"
    folder.mkdir(parents=True)
    with _postgres_running(site.postgres):
        _client(
            site.postgres,
            "pg_dump",
            "--format=custom",
            "--file",
            str(folder / f"{DATABASE}.dump"),
            "--dbname",
            DATABASE,
        )
    if site.cluster_blobs.is_dir():
        earlier = previous / "cluster" / "blobstorage" if previous else None
        copy_tree(site.cluster_blobs, folder / "blobstorage", earlier)


def _client(postgres: PostgresServer, name: str, *args: str) -> None:
    """A PostgreSQL client as Zope connects: the role ``zope`` over TCP."""
    command = [str(bin_directory() / name), "--host", "127.0.0.1", "--port", str(postgres.port), "--username", ROLE]
    done = subprocess.run(
        [*command, "--no-password", *args], env=postgres.client_environment(), capture_output=True, text=True
    )
    if done.returncode != 0:
        raise BackupError(f"{name} failed:\n{done.stdout}{done.stderr}")


class _postgres_running:
    """PostgreSQL runs inside the block; stopped after it if it was stopped before."""

    def __init__(self, postgres: PostgresServer):
        self.postgres = postgres
        self.started = False

    def __enter__(self):
        if not self.postgres.running():
            self.postgres.start()
            self.started = True
        return self.postgres

    def __exit__(self, *exc):
        if self.started:
            self.postgres.stop()


# Restore ------------------------------------------------------------------------


def restore(site: Site, date: str | None = None) -> Path:
    backups = site.dated_backups()
    if not backups:
        raise BackupError(f"No backup in {site.backups}: make one with `make backup`.")
    chosen = backups[-1] if not date else site.backups / date
    if chosen not in backups:
        names = ", ".join(path.name for path in backups)
        raise BackupError(f"No backup {date!r} in {site.backups}; there are: {names}")
    has_filestorage = (chosen / "filestorage").is_dir()
    has_cluster = (chosen / "cluster").is_dir()
    if not (has_filestorage or has_cluster):
        raise BackupError(f"{chosen} holds no database (no filestorage/, no cluster/): nothing restored.")
    # Check everything first: a refusal changes nothing.
    if has_filestorage:
        _refuse_while_serving_filestorage(site)
    if has_cluster:
        _refuse_while_serving_cluster(site)
    if has_filestorage:
        _restore_filestorage(site, chosen)
    if has_cluster:
        _restore_cluster(site, chosen)
    return chosen


def _refuse_while_serving_filestorage(site: Site) -> None:
    if not site.data_fs.exists():
        return
    try:
        lock = zc.lockfile.LockFile(f"{site.data_fs}.lock")
    except zc.lockfile.LockError:
        raise BackupError(
            f"{site.data_fs} is in use (a Zope server or script has it open): stop it first (Ctrl-C on `make start`)."
        ) from None
    lock.close()


def _refuse_while_serving_cluster(site: Site) -> None:
    for pidfile in sorted(site.cluster.glob("instance*/instance.pid")):
        zope_ini = pidfile.parent / "etc" / "zope.ini"
        process = Process(pidfile.parent.name, pidfile, pidfile.parent / "log" / "console.log", str(zope_ini))
        if process.pid() is not None:
            raise BackupError(f"The cluster's Zope {pidfile.parent.name} runs: stop it first with `make cluster-stop`.")


def _restore_filestorage(site: Site, chosen: Path) -> None:
    site.data_fs.parent.mkdir(parents=True, exist_ok=True)
    for stale in ("index", "tmp", "lock"):
        Path(f"{site.data_fs}.{stale}").unlink(missing_ok=True)
    repozo("--recover", "--with-verify", "--repository", str(chosen / "filestorage"), "--output", str(site.data_fs))
    if (chosen / "blobstorage").is_dir():
        replace_tree(chosen / "blobstorage", site.blobs)
    else:
        shutil.rmtree(site.blobs, ignore_errors=True)


def _restore_cluster(site: Site, chosen: Path) -> None:
    folder = chosen / "cluster"
    if not site.postgres.initialized():
        site.postgres.initialize()
    with _postgres_running(site.postgres) as postgres:
        postgres.ensure_database()
        postgres.drop_database()
        postgres.create_database()
        dump = str(folder / f"{DATABASE}.dump")
        _client(postgres, "pg_restore", "--exit-on-error", "--no-owner", "--dbname", DATABASE, dump)
    if (folder / "blobstorage").is_dir():
        replace_tree(folder / "blobstorage", site.cluster_blobs)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("backup", "restore"))
    parser.add_argument("date", nargs="?", help="restore: the folder name in var/backups (default: the latest)")
    parser.add_argument("--var", default=str(ROOT / "var"))
    parser.add_argument("--full", action="store_true", help="backup: a full repozo backup, not an incremental one")
    parser.add_argument("--pg-port", type=int, default=5433)
    parser.add_argument("--pg-user", default="postgres" if os.geteuid() == 0 else os.environ.get("USER", ""))
    options = parser.parse_args(argv)
    site = Site(Path(options.var).resolve(), options.pg_port, options.pg_user)
    try:
        if options.action == "backup":
            print(f"Backed up into {backup(site, options.full)}")
        else:
            print(f"Restored {restore(site, options.date)}")
    except (BackupError, PostgresError) as error:
        print(f"make {options.action}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
