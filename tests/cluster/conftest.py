"""Fixtures of the tests that run real processes through `make`.

Each test gets a ``var`` of its own, outside the checkout, and runs the
Makefile's targets on it as a site administrator would (``make instance
VAR=…``, ``make cluster VAR=…``, ``make backup VAR=…``), on free ports
of 127.0.0.1. The folder is searchable by others: PostgreSQL runs as an
unprivileged user where the tests run as root, and must reach var/pg.
"""

from pathlib import Path

import json
import os
import pytest
import shutil
import socket
import subprocess
import tempfile


ROOT = Path(__file__).resolve().parents[2]
MAKE = shutil.which("make") or "/usr/bin/make"
ZCONSOLE = ROOT / ".venv" / "bin" / "zconsole"
SITE_STATE = Path(__file__).with_name("site_state.py")
ADMIN_PASSWORD = "cluster-admin-secret"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _make(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """A make target of the checkout, its output kept for the failure message."""
    done = subprocess.run(
        [MAKE, *args, f"ADMIN_PASSWORD={ADMIN_PASSWORD}"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if check and done.returncode != 0:
        pytest.fail(f"make {' '.join(args)} failed ({done.returncode}):\n{done.stdout[-6000:]}\n{done.stderr[-6000:]}")
    return done


def _site_state(zope_conf: Path, action: str, output: Path | None = None, label: str = "") -> dict | None:
    """Run tests/cluster/site_state.py on the database of ``zope_conf``."""
    environment = dict(os.environ, SITE_STATE_ACTION=action, SITE_STATE_LABEL=label)
    if output is not None:
        environment["SITE_STATE_OUTPUT"] = str(output)
    done = subprocess.run(
        [str(ZCONSOLE), "run", str(zope_conf), str(SITE_STATE)],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"site_state.py {action} failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
    return json.loads(output.read_text()) if output is not None else None


@pytest.fixture
def var():
    folder = Path(tempfile.mkdtemp(prefix="osor-var-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def free_port():
    """``free_port()``: a port of 127.0.0.1 nobody listens on."""
    return _free_port


@pytest.fixture(scope="session")
def make():
    """``make(target, VAR=…, check=True)``: run a target of the Makefile."""
    return _make


@pytest.fixture(scope="session")
def site_state():
    """``site_state(zope_conf, "snapshot"|"change", output, label)``."""
    return _site_state


# tests/conftest.py keeps the Plone test layers set up for the session
# (autouse): these tests run Zope in processes of their own and need none.
@pytest.fixture(scope="session")
def _keep_functional_session():
    return None


@pytest.fixture(scope="session")
def _keep_integration_session():
    return None
