"""The PostgreSQL server of `make cluster`: its data in var/pg, loopback only.

PostgreSQL refuses to run as root. Where `make` runs as root (this machine,
CI, a container) the server runs as an unprivileged user (``postgres``,
which Debian's package creates), through ``runuser``, and owns var/pg;
otherwise it runs as the user who runs `make`. The server's superuser
(the OS user, by peer authentication on the socket in var/pg/run) creates
the role ``zope`` and its database ``osor``; Zope connects as ``zope``
over TCP on 127.0.0.1 with a password that is generated on the first run
and kept in a passfile (libpq's format, mode 600), never in zope.conf.

Used by scripts/cluster.py and scripts/backup.py.
"""

from dataclasses import dataclass
from pathlib import Path

import glob
import os
import pwd
import re
import secrets
import shlex
import shutil
import subprocess


DATABASE = "osor"
ROLE = "zope"
# util-linux and passwd: where Debian has them.
RUNUSER = shutil.which("runuser") or "/usr/sbin/runuser"
USERADD = shutil.which("useradd") or "/usr/sbin/useradd"


class PostgresError(Exception):
    """A step failed; the message says which and what to do."""


def bin_directory() -> Path:
    """Debian keeps the server's commands in /usr/lib/postgresql/<version>/bin."""
    configured = os.environ.get("PG_BINDIR")
    if configured:
        return Path(configured)
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(re.sub(r"\D", "", path) or 0))
    if versions:
        return Path(versions[-1])
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        return Path(pg_ctl).parent
    raise PostgresError("PostgreSQL is not installed: run `make system-packages` (Debian package postgresql).")


@dataclass(frozen=True)
class PostgresServer:
    data: Path  # var/pg
    port: int
    user: str  # the OS user running the server
    passfile: Path  # Zope's password, libpq's passfile format

    @property
    def socket_directory(self) -> Path:
        return self.data / "run"

    @property
    def log(self) -> Path:
        return self.data / "server.log"

    def dsn(self) -> str:
        """How Zope (and pg_dump) reach the database, password excluded."""
        return f"dbname='{DATABASE}' user='{ROLE}' host='127.0.0.1' port='{self.port}' passfile='{self.passfile}'"

    def client_environment(self) -> dict:
        return dict(os.environ, PGPASSFILE=str(self.passfile))

    # Commands ---------------------------------------------------------------

    def command(self, name: str, *args: str) -> list[str]:
        """``name`` from PostgreSQL's bin directory, run as the server's user."""
        command = [str(bin_directory() / name), *args]
        if os.geteuid() == 0 and self.user != "root":
            return [RUNUSER, "-u", self.user, "--", *command]
        return command

    def run(self, name: str, *args: str, stdin: str | None = None) -> str:
        done = subprocess.run(
            self.command(name, *args), input=stdin, capture_output=True, text=True, check=False, cwd="/"
        )
        if done.returncode != 0:
            raise PostgresError(f"{name} {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    def sql(self, statement: str) -> str:
        """Run SQL as the superuser, through the socket (peer authentication)."""
        return self.run(
            "psql",
            "-X",
            "-q",
            "-t",
            "-A",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            str(self.socket_directory),
            "-p",
            str(self.port),
            "-d",
            "postgres",
            "-f",
            "-",
            stdin=statement,
        ).strip()

    # The server ---------------------------------------------------------------

    def initialized(self) -> bool:
        return (self.data / "PG_VERSION").exists()

    def initialize(self) -> None:
        """``initdb`` into an empty var/pg owned by the server's user."""
        self._ensure_user()
        self.data.mkdir(parents=True, exist_ok=True)
        self._give_to_user(self.data)
        self.data.chmod(0o700)
        if not self._user_may_write(self.data):
            raise PostgresError(
                f"The user {self.user!r} cannot write {self.data}: every folder above it must be "
                "searchable by that user (chmod o+x), or choose another VAR."
            )
        self.run(
            "initdb",
            "-D",
            str(self.data),
            "--encoding=UTF8",
            "--locale=C",
            "--auth-local=peer",
            "--auth-host=scram-sha-256",
        )
        self.socket_directory.mkdir()
        self._give_to_user(self.socket_directory)

    def _give_to_user(self, folder: Path) -> None:
        if os.geteuid() == 0:
            account = pwd.getpwnam(self.user)
            os.chown(folder, account.pw_uid, account.pw_gid)

    def running(self) -> bool:
        if not self.initialized():
            return False
        status = subprocess.run(
            self.command("pg_ctl", "status", "-D", str(self.data)), capture_output=True, cwd="/", check=False
        )
        return status.returncode == 0

    def start(self) -> None:
        """Listen on 127.0.0.1:port and on the socket in var/pg/run only."""
        options = f"-h 127.0.0.1 -p {self.port} -k {shlex.quote(str(self.socket_directory))}"
        self.run("pg_ctl", "start", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "120", "-o", options)

    def stop(self) -> None:
        if self.running():
            self.run("pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w", "-t", "120")

    # The database ---------------------------------------------------------------

    def ensure_database(self) -> None:
        """The role ``zope`` with its password, and its database ``osor``."""
        password = self._password()
        # SQL from this module's constants, never from input.
        if not self.sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}'"):  # noqa: S608
            self.sql(f"CREATE ROLE {ROLE} LOGIN PASSWORD {_literal(password)}")
        if not self.database_exists():
            self.create_database()

    def database_exists(self) -> bool:
        return bool(self.sql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"))  # noqa: S608

    def create_database(self) -> None:
        self.sql(f"CREATE DATABASE {DATABASE} OWNER {ROLE} ENCODING 'UTF8' TEMPLATE template0")

    def drop_database(self) -> None:
        self.sql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")

    def _password(self) -> str:
        """Zope's password: generated once, kept in the passfile."""
        if self.passfile.exists():
            return self.passfile.read_text().strip().rsplit(":", 1)[1]
        password = secrets.token_urlsafe(24)
        self.passfile.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.passfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as stream:
            stream.write(f"127.0.0.1:*:{DATABASE}:{ROLE}:{password}\n")
        return password

    def _ensure_user(self) -> None:
        """Debian's package creates ``postgres``; another PG_USER is created here."""
        if os.geteuid() != 0:
            return
        if self.user == "root":
            raise PostgresError("PostgreSQL does not run as root: choose another PG_USER.")
        try:
            pwd.getpwnam(self.user)
        except KeyError:
            subprocess.run(
                [USERADD, "--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", self.user],
                check=True,
            )

    def _user_may_write(self, folder: Path) -> bool:
        if os.geteuid() != 0:
            return os.access(folder, os.W_OK | os.X_OK)
        probe = subprocess.run([RUNUSER, "-u", self.user, "--", "test", "-w", str(folder)], cwd="/", check=False)
        return probe.returncode == 0


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
