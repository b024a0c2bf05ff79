"""zodbverify finds nothing in the database of the demo site.

The site of `make start` is built in a Zope process of its own
(``scripts/create_site.py`` with the rendered ``etc/zope.conf.in``), then
every record of its FileStorage is loaded in another
(``scripts/verify_database.py``), as an administrator would check it. The
upgraded database of an earlier release gets the same check in
tests/upgrades/test_upgrade_old_database.py.
"""

from pathlib import Path
from paths import ROOT

import json
import os
import pytest
import subprocess
import sys


ZCONSOLE = Path(sys.executable).parent / "zconsole"


def zconsole_run(conf: Path, script: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ZCONSOLE), "run", str(conf), str(script), *args],
        capture_output=True,
        text=True,
        timeout=1200,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


@pytest.fixture(scope="module")
def demo_conf(tmp_path_factory) -> Path:
    instance = tmp_path_factory.mktemp("demo-instance")
    for folder in ("filestorage", "log", "cache", "blobstorage"):
        (instance / folder).mkdir()
    (instance / "blobstorage").chmod(0o700)
    conf = instance / "zope.conf"
    conf.write_text((ROOT / "etc" / "zope.conf.in").read_text().replace("@INSTANCE@", str(instance)))
    created = zconsole_run(conf, ROOT / "scripts" / "create_site.py")
    assert created.returncode == 0, created.stderr[-5000:]
    return conf


def test_every_record_of_the_demo_database_loads(demo_conf, tmp_path):
    report = tmp_path / "verify.json"
    verified = zconsole_run(demo_conf, ROOT / "scripts" / "verify_database.py", str(report))
    assert verified.returncode == 0, verified.stdout[-5000:] + verified.stderr[-5000:]
    result = json.loads(report.read_text())
    assert result["unloadable"] == {}
    assert result["records"] > 1000
