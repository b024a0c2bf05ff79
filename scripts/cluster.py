"""Start, stop and show the processes of `make cluster`.

    python scripts/cluster.py --var var start|stop|status [--port 8080 ...]

``start`` brings up, in the background and each only when it is not
running yet:

1. PostgreSQL (scripts/postgres.py): ``initdb`` into var/pg on the first
   run, the role ``zope`` and the database ``osor``;
2. the configuration of each Zope instance, rendered from
   etc/zope-relstorage.conf.in and etc/zope.ini.in into
   var/cluster/instance<N>/etc/ (RelStorage, history-free; one blob
   directory and one mail queue for all);
3. the Plone site with the demo content, created once in the database by
   scripts/create_site.py (as `make start` does on its FileStorage);
4. the Zope instances (``runwsgi``) on 127.0.0.1, each waited for until its
   site answers ``@@ok``;
5. HAProxy (etc/haproxy.cfg.in) on HOST:PORT, round robin over the
   instances with a health check.

``stop`` stops them in the reverse order. Each process started here has a
pid file next to its log in var/cluster/; a pid file whose process is gone,
or is another program now, is ignored.
"""

from dataclasses import dataclass
from pathlib import Path
from postgres import PostgresError
from postgres import PostgresServer

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request


ROOT = Path(__file__).resolve().parent.parent
ETC = ROOT / "etc"
START_TIMEOUT = 600.0
STOP_TIMEOUT = 60.0


# The processes this run started: {pid file: Popen}.
_started = {}


class ClusterError(Exception):
    """A process did not start; the message says where to look."""


def render(template: Path, target: Path, values: dict[str, str]) -> None:
    text = template.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
        print(f"Rendered {target}")


def answers(url: str, timeout: float = 5.0) -> bool:
    """``url`` answers 200."""
    try:
        # An http:// URL made by this script.
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@dataclass(frozen=True)
class Process:
    """A background process known by its pid file."""

    name: str
    pidfile: Path
    log: Path
    marker: str  # in its command line: tells it from a recycled pid

    def pid(self) -> int | None:
        try:
            pid = int(self.pidfile.read_text())
            command_line = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (FileNotFoundError, ValueError, ProcessLookupError):
            return None
        return pid if self.marker in command_line else None

    def start(self, command: list[str]) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
            )
        self.pidfile.write_text(f"{process.pid}\n")
        _started[self.pidfile] = process

    def stopped(self) -> bool:
        """Not running (a process just started may not show its command line yet)."""
        started = _started.get(self.pidfile)
        if started is not None:
            return started.poll() is not None
        return self.pid() is None

    def stop(self) -> bool:
        pid = self.pid()
        if pid is None:
            self.pidfile.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT
        while self.pid() is not None and time.monotonic() < deadline:
            _reap(pid)
            time.sleep(0.2)
        if self.pid() is not None:
            os.kill(pid, signal.SIGKILL)
        self.pidfile.unlink(missing_ok=True)
        return True

    def last_lines(self, count: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-count:])
        except FileNotFoundError:
            return "(no log)"


def _reap(pid: int) -> None:
    """A child of this process that ended is a zombie until waited for."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


@dataclass(frozen=True)
class Cluster:
    var: Path
    host: str
    port: int
    instance_ports: tuple[int, ...]
    postgres: PostgresServer
    site_id: str

    @property
    def folder(self) -> Path:
        return self.var / "cluster"

    @property
    def blobs(self) -> Path:
        return self.folder / "blobstorage"

    @property
    def mail_queue(self) -> Path:
        return self.folder / "mail-queue"

    def instance_folder(self, number: int) -> Path:
        return self.folder / f"instance{number}"

    def instance_numbers(self) -> range:
        return range(1, len(self.instance_ports) + 1)

    def zope_conf(self, number: int) -> Path:
        return self.instance_folder(number) / "etc" / "zope.conf"

    def instance(self, number: int) -> Process:
        folder = self.instance_folder(number)
        zope_ini = folder / "etc" / "zope.ini"
        log = folder / "log" / "console.log"
        return Process(f"Zope instance {number}", folder / "instance.pid", log, str(zope_ini))

    @property
    def haproxy(self) -> Process:
        config = self.folder / "haproxy.cfg"
        return Process("HAProxy", self.folder / "haproxy.pid", self.folder / "haproxy.log", str(config))

    def health_path(self) -> str:
        return f"/{self.site_id}/@@ok"

    # start ------------------------------------------------------------------

    def start(self) -> None:
        self.start_postgres()
        self.render_instances()
        if not any(self.instance(number).pid() for number in self.instance_numbers()):
            self.create_site()
        self.start_instances()
        self.start_haproxy()

    def start_postgres(self) -> None:
        if not self.postgres.initialized():
            print(f"Creating the PostgreSQL cluster in {self.postgres.data} (user {self.postgres.user})")
            self.postgres.initialize()
        if not self.postgres.running():
            self.postgres.start()
            print(f"PostgreSQL: 127.0.0.1:{self.postgres.port} (log {self.postgres.log})")
        self.postgres.ensure_database()

    def render_instances(self) -> None:
        self.blobs.mkdir(parents=True, exist_ok=True)
        self.blobs.chmod(0o700)
        self.mail_queue.mkdir(parents=True, exist_ok=True)
        for number, port in zip(self.instance_numbers(), self.instance_ports, strict=True):
            folder = self.instance_folder(number)
            for sub in ("log", "cache"):
                (folder / sub).mkdir(parents=True, exist_ok=True)
            values = {
                "INSTANCE": str(folder),
                "BLOBS": str(self.blobs),
                "MAIL_QUEUE": str(self.mail_queue),
                "DSN": self.postgres.dsn(),
                "HOST": "127.0.0.1",
                "PORT": str(port),
            }
            render(ETC / "zope-relstorage.conf.in", self.zope_conf(number), values)
            render(ETC / "zope.ini.in", folder / "etc" / "zope.ini", values)

    def create_site(self) -> None:
        """The admin user and the demo site, once (the script leaves existing ones)."""
        done = subprocess.run(
            [str(bin_path("zconsole")), "run", str(self.zope_conf(1)), str(ROOT / "scripts" / "create_site.py")],
            env=dict(os.environ, SITE_ID=self.site_id),
            check=False,
        )
        if done.returncode != 0:
            raise ClusterError("Creating the site in the database failed (see above).")

    def start_instances(self) -> None:
        for number in self.instance_numbers():
            process = self.instance(number)
            if process.pid() is None:
                zope_ini = self.instance_folder(number) / "etc" / "zope.ini"
                process.start([str(bin_path("runwsgi")), str(zope_ini)])
        for number, port in zip(self.instance_numbers(), self.instance_ports, strict=True):
            self.wait_for(self.instance(number), f"http://127.0.0.1:{port}{self.health_path()}")

    def start_haproxy(self) -> None:
        servers = "\n".join(
            f"    server instance{number} 127.0.0.1:{port} check"
            for number, port in zip(self.instance_numbers(), self.instance_ports, strict=True)
        )
        config = self.folder / "haproxy.cfg"
        values = {"HOST": self.host, "PORT": str(self.port), "SERVERS": servers, "HEALTH": self.health_path()}
        render(ETC / "haproxy.cfg.in", config, values)
        if self.haproxy.pid() is None:
            self.haproxy.start(["haproxy", "-db", "-f", str(config)])
        self.wait_for(self.haproxy, f"http://{self.host}:{self.port}{self.health_path()}")

    def wait_for(self, process: Process, url: str) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while not answers(url):
            if process.stopped():
                raise ClusterError(f"{process.name} stopped; the end of {process.log}:\n{process.last_lines()}")
            if time.monotonic() > deadline:
                raise ClusterError(
                    f"{process.name}: no answer from {url} after {START_TIMEOUT:.0f} s; see {process.log}"
                )
            time.sleep(1.0)
        print(f"{process.name}: {url} answers (pid {process.pid()}, log {process.log})")

    # stop, status -------------------------------------------------------------

    def stop(self) -> None:
        for process in (self.haproxy, *(self.instance(number) for number in self.instance_numbers())):
            print(f"{process.name}: {'stopped' if process.stop() else 'was not running'}")
        if self.postgres.running():
            self.postgres.stop()
            print("PostgreSQL: stopped")
        else:
            print("PostgreSQL: was not running")

    def status(self) -> int:
        """0 when everything runs."""
        running = self.postgres.running()
        print(f"PostgreSQL ({self.postgres.data}): {'running' if running else 'stopped'}")
        for process in (*(self.instance(number) for number in self.instance_numbers()), self.haproxy):
            pid = process.pid()
            running = running and pid is not None
            print(f"{process.name}: {f'running (pid {pid})' if pid else 'stopped'}")
        return 0 if running else 3


def bin_path(name: str) -> Path:
    """A command of the virtualenv that runs this script."""
    return Path(sys.executable).parent / name


def cluster_from(options) -> Cluster:
    var = Path(options.var).resolve()
    postgres = PostgresServer(var / "pg", options.pg_port, options.pg_user, var / "cluster" / "pgpass")
    ports = tuple(int(port) for port in options.instance_ports.split())
    return Cluster(var, options.host, options.port, ports, postgres, options.site_id)


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("start", "stop", "status"))
    parser.add_argument("--var", default=str(ROOT / "var"))
    parser.add_argument("--host", default="127.0.0.1", help="where HAProxy listens")
    parser.add_argument("--port", type=int, default=8080, help="where HAProxy listens")
    parser.add_argument("--instance-ports", default="8091 8092", help="one Zope instance per port, on 127.0.0.1")
    parser.add_argument("--pg-port", type=int, default=5433)
    parser.add_argument("--pg-user", default="postgres" if os.geteuid() == 0 else os.environ.get("USER", ""))
    parser.add_argument("--site-id", default=os.environ.get("SITE_ID", "Plone"))
    return parser.parse_args(argv)


def main(argv=None) -> int:
    options = arguments(argv)
    cluster = cluster_from(options)
    try:
        if options.action == "status":
            return cluster.status()
        if options.action == "stop":
            cluster.stop()
            return 0
        cluster.start()
    except (ClusterError, PostgresError) as error:
        print(f"make cluster: {error}", file=sys.stderr)
        return 1
    site = f"http://{options.host}:{options.port}/{options.site_id}"
    print("================================================================")
    print(f" Open Source Observatory, {len(cluster.instance_ports)} instances behind HAProxy: {site}")
    print(f" Instances: {', '.join(f'http://127.0.0.1:{port}' for port in cluster.instance_ports)}")
    print(f" Logs: {cluster.folder}/instance<N>/log/, {cluster.folder}/haproxy.log, {cluster.postgres.log}")
    print(" Stop with: make cluster-stop")
    print("================================================================")
    return 0


if __name__ == "__main__":
    sys.exit(main())
