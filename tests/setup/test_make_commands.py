"""The import commands of the Makefile work on the site as it is configured.

``make start HOST=… PORT=…`` renders var/etc/ once; a later command (an
import) must neither render that configuration again with the default
0.0.0.0:8080 nor create a site: it runs on the existing one or says there
is none.
"""

from paths import ROOT

import pytest
import shutil
import subprocess


MAKE = shutil.which("make") or "/usr/bin/make"
COMMANDS = {
    "import-rdf": ["FILE=solutions.ttl"],
    "import-publiccode": ["DIR=files", "COLLECTION=/Plone/en/osor"],
}


def make(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([MAKE, *args], cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.fixture
def site_var(tmp_path):
    """A var/ as `make start PORT=9080` leaves it."""
    etc = tmp_path / "etc"
    etc.mkdir()
    (etc / "zope.conf").write_text(f"%define INSTANCE {tmp_path}\n")
    (etc / "zope.ini").write_text("[server:main]\nhost = 127.0.0.1\nport = 9080\n")
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_runs_on_the_site_without_rendering_its_configuration(site_var, command):
    planned = make("--dry-run", command, f"VAR={site_var}", *COMMANDS[command])
    assert planned.returncode == 0, planned.stderr
    assert f"scripts/{command.replace('-', '_')}.py" in planned.stdout
    assert "zope.conf.in" not in planned.stdout
    assert "zope.ini" not in planned.stdout
    assert "create_site.py" not in planned.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_without_a_site_says_so(tmp_path, command):
    done = make(command, f"VAR={tmp_path}", *COMMANDS[command])
    assert done.returncode != 0
    assert f"No site in {tmp_path}: create it first with 'make instance'" in done.stdout
    assert not (tmp_path / "etc").exists()
