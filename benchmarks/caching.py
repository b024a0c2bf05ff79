"""make bench: anonymous requests per second with and without HTTP caching.

The demo site of `make start` is built in a temporary instance
(``scripts/create_site.py``) and served by ``runwsgi`` in a process of its
own, as `make start` serves it. A client (one connection, as one visitor)
then asks for the homepage and a solution page for BENCH_SECONDS (10) each:

- caching off (Site Setup → Caching disabled, set through ``@registry``);
- caching on, plain GETs (no validators: what a new visitor sends);
- caching on, revalidation (``If-None-Match`` with the ETag of the first
  answer: what a returning browser, or a proxy, sends; 304 answers).

Without a caching proxy in front, "on" saves Zope's work only through the
RAM cache and 304s; a proxy (docs/caching.md) serves the rest without Zope.
"""

from pathlib import Path

import os
import platform
import requests
import socket
import subprocess
import sys
import tempfile
import time


ROOT = Path(__file__).parent.parent
BIN = Path(sys.executable).parent
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
ADMIN = ("admin", "admin")
PAGES = {"homepage": "Plone/en", "solution page": "Plone/en/osor/decidim"}
ENABLED = "plone.caching.interfaces.ICacheSettings.enabled"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def render(template: str, instance: Path, port: int) -> str:
    text = (ROOT / "etc" / template).read_text()
    return text.replace("@INSTANCE@", str(instance)).replace("@HOST@", "127.0.0.1").replace("@PORT@", str(port))


def build_instance(instance: Path, port: int) -> Path:
    for folder in ("etc", "filestorage", "log", "cache", "blobstorage"):
        (instance / folder).mkdir(parents=True, exist_ok=True)
    (instance / "blobstorage").chmod(0o700)
    (instance / "etc" / "zope.conf").write_text(render("zope.conf.in", instance, port))
    (instance / "etc" / "zope.ini").write_text(render("zope.ini.in", instance, port))
    env = {**os.environ, "ADMIN_USER": ADMIN[0], "ADMIN_PASSWORD": ADMIN[1], "PYTHONWARNINGS": "ignore"}
    subprocess.run(  # noqa: S603 (our own scripts)
        [str(BIN / "zconsole"), "run", str(instance / "etc" / "zope.conf"), str(ROOT / "scripts" / "create_site.py")],
        check=True,
        env=env,
        capture_output=True,
    )
    return instance / "etc" / "zope.ini"


def wait_until_served(url: str, server: subprocess.Popen) -> None:
    while server.poll() is None:
        try:
            requests.get(url, timeout=300)
            return
        except requests.ConnectionError:
            time.sleep(0.5)
    raise SystemExit(f"the server stopped: exit code {server.returncode}")


def set_caching(site: str, enabled: bool) -> None:
    response = requests.patch(
        f"{site}/@registry", json={ENABLED: enabled}, headers={"Accept": "application/json"}, auth=ADMIN, timeout=60
    )
    response.raise_for_status()


def rate(url: str, revalidate: bool = False) -> tuple[float, dict]:
    """Requests per second on ``url`` for SECONDS, and the statuses seen."""
    with requests.Session() as session:
        first = session.get(url, timeout=60)
        headers = {"If-None-Match": first.headers["ETag"]} if revalidate and "ETag" in first.headers else {}
        for _ in range(3):  # warm up
            session.get(url, headers=headers, timeout=60)
        statuses: dict[int, int] = {}
        count = 0
        began = time.perf_counter()
        while (elapsed := time.perf_counter() - began) < SECONDS:
            status = session.get(url, headers=headers, timeout=60).status_code
            statuses[status] = statuses.get(status, 0) + 1
            count += 1
        return count / elapsed, statuses


def main():
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="osor-bench-caching-") as folder:
        began = time.perf_counter()
        ini = build_instance(Path(folder), port)
        built = time.perf_counter() - began
        server = subprocess.Popen(  # noqa: S603 (our own server)
            [str(BIN / "runwsgi"), str(ini)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            site = f"http://127.0.0.1:{port}/Plone"
            wait_until_served(site, server)
            print(
                f"\n# HTTP caching — {platform.node()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
                f"demo site built in {built:.0f} s, served by runwsgi (waitress, 4 threads); one client "
                f"connection, {SECONDS:.0f} s per measure\n"
            )
            print(
                "| page (anonymous) | caching off req/s | caching on req/s | on, revalidated req/s "
                "| statuses on / revalidated |"
            )
            print("| --- | --- | --- | --- | --- |")
            for name, path in PAGES.items():
                url = f"http://127.0.0.1:{port}/{path}"
                set_caching(site, False)
                off, _ = rate(url)
                set_caching(site, True)
                on, on_statuses = rate(url)
                revalidated, revalidated_statuses = rate(url, revalidate=True)
                print(f"| {name} | {off:.1f} | {on:.1f} | {revalidated:.1f} | {on_statuses} / {revalidated_statuses} |")
                sys.stdout.flush()
        finally:
            server.terminate()
            server.wait(timeout=60)


if __name__ == "__main__":
    main()
