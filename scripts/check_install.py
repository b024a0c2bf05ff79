"""`make check-install`: the path of a site that pip-installs the add-on.

Run with the project's virtualenv (``make check-install`` does):

    .venv/bin/python scripts/check_install.py

1. builds the sdist and, from it, the wheel (``python -m build``, isolated,
   build requirements pinned by constraints.txt) into build/check-install/dist;
2. checks that both hold a compiled ``.mo`` next to every ``.po`` and that
   the French catalogue translates;
3. for each of the two, in parallel: a fresh virtualenv,
   ``pip install -c constraints.txt <artefact>`` with NO extras (the pinned
   pip of .venv, ``--python`` the new virtualenv), an import of
   every module of the package (testing.py aside), then a Zope instance on a
   FileStorage where scripts/check_install_site.py creates a plain Classic UI
   site, activates the add-on and sees a French page of ours translated.

Zope is not told to compile catalogues (``zope_i18n_compile_mo_files``):
it reads what the package ships, as on a production site. Each step's output
goes to build/check-install/<name>.log; the tail is printed when it fails and
the exit status is then 1.

``python scripts/check_install.py import-all`` is step 3's import, run by
the fresh virtualenv's interpreter.
"""

from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path

import gettext
import importlib
import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile


ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "check-install"
CONSTRAINTS = ROOT / "constraints.txt"
SITE_SCRIPT = ROOT / "scripts" / "check_install_site.py"
LOCALES = "osor/collection/locales/"
# One message of the French catalogue, as a shipped .mo must translate it.
FRENCH_MSGID = "heading_follow_collection"
FRENCH_MSGSTR = "Suivre cette collection"

ZOPE_CONF = """\
%define INSTANCE {instance}
instancehome $INSTANCE
clienthome $INSTANCE
debug-mode off
security-policy-implementation C
<environment>
  CHAMELEON_CACHE $INSTANCE/cache
</environment>
<zodb_db main>
  <filestorage>
    path $INSTANCE/Data.fs
    blob-dir $INSTANCE/blobstorage
  </filestorage>
  mount-point /
</zodb_db>
"""


class CheckFailed(Exception):
    pass


def environment() -> dict:
    env = dict(os.environ)
    # A site does not compile catalogues at start-up: see what is shipped.
    env.pop("zope_i18n_compile_mo_files", None)
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    # The isolated build environments get the pinned setuptools and python-gettext.
    env["PIP_CONSTRAINT"] = str(CONSTRAINTS)
    return env


def run(step: str, command: list, log: Path, cwd: Path = WORK) -> None:
    started = time.monotonic()
    with log.open("a") as stream:
        stream.write(f"\n$ {' '.join(map(str, command))}\n")
        stream.flush()
        done = subprocess.run(command, cwd=cwd, env=environment(), stdout=stream, stderr=subprocess.STDOUT, check=False)
    if done.returncode:
        tail = "".join(log.read_text(errors="replace").splitlines(keepends=True)[-25:])
        raise CheckFailed(f"{step} failed (exit status {done.returncode}); end of {log}:\n{tail}")
    print(f"check-install: {step} ({time.monotonic() - started:.0f} s)", flush=True)


def build() -> tuple[Path, Path]:
    dist = WORK / "dist"
    # Without --sdist/--wheel, build makes the wheel from the sdist: what pip does with an sdist.
    run("sdist and wheel built", [sys.executable, "-m", "build", "--outdir", dist, ROOT], WORK / "build.log")
    (sdist,) = dist.glob("*.tar.gz")
    (wheel,) = dist.glob("*.whl")
    return sdist, wheel


def catalogues(names: list[str], read) -> dict[str, bytes]:
    """{path: bytes} of the .mo files of an artefact, after checking every .po has one."""
    po = {name.removesuffix(".po") for name in names if LOCALES in name and name.endswith(".po")}
    mo = {name.removesuffix(".mo") for name in names if LOCALES in name and name.endswith(".mo")}
    if not po:
        raise CheckFailed("no .po file under " + LOCALES)
    if po - mo:
        raise CheckFailed("catalogues not compiled: " + ", ".join(sorted(name + ".po" for name in po - mo)))
    return {name + ".mo": read(name + ".mo") for name in mo}


def check_catalogues(artefact: Path) -> None:
    if artefact.suffix == ".whl":
        with zipfile.ZipFile(artefact) as archive:
            compiled = catalogues(archive.namelist(), archive.read)
    else:
        with tarfile.open(artefact) as archive:
            compiled = catalogues(archive.getnames(), lambda name: archive.extractfile(name).read())
    french = next(
        (data for name, data in compiled.items() if name.endswith("/fr/LC_MESSAGES/osor.collection.mo")), None
    )
    if french is None:
        raise CheckFailed(f"{artefact.name}: no fr/LC_MESSAGES/osor.collection.mo")
    translated = gettext.GNUTranslations(BytesIO(french)).gettext(FRENCH_MSGID)
    if translated != FRENCH_MSGSTR:
        raise CheckFailed(f"{artefact.name}: the French .mo translates {FRENCH_MSGID} as {translated!r}")
    print(f"check-install: {artefact.name} holds {len(compiled)} compiled catalogues", flush=True)


def install_and_run_a_site(artefact: Path, name: str) -> None:
    venv = WORK / name
    log = WORK / f"{name}.log"
    python = venv / "bin" / "python"
    # The project's pinned pip installs into the bare virtualenv (no pip of
    # its own to bootstrap), without byte-compiling: that is not on trial.
    run(f"{name}: virtualenv created", [sys.executable, "-m", "venv", "--without-pip", venv], log)
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-compile", "-c", CONSTRAINTS]
    run(f"{name}: {artefact.name} installed, no extras", [*pip, artefact], log)
    run(f"{name}: every module imported", [python, Path(__file__).resolve(), "import-all"], log)
    instance = venv / "instance"
    (instance / "cache").mkdir(parents=True)
    zope_conf = instance / "zope.conf"
    zope_conf.write_text(ZOPE_CONF.format(instance=instance))
    run(
        f"{name}: site created, add-on activated, French page translated",
        [venv / "bin" / "zconsole", "run", zope_conf, SITE_SCRIPT],
        log,
    )


def import_all() -> int:
    """Import each module of the installed package (the fresh virtualenv's, not src/)."""
    import osor.collection

    package = Path(osor.collection.__file__).parent
    if not package.is_relative_to(sys.prefix):
        sys.exit(f"check-install: osor.collection comes from {package}, not from {sys.prefix}")
    modules = [
        ".".join(("osor", "collection", *path.relative_to(package).with_suffix("").parts)).removesuffix(".__init__")
        for path in sorted(package.rglob("*.py"))
        if path.name != "testing.py"
    ]
    for module in modules:
        importlib.import_module(module)
    print(f"check-install: {len(modules)} modules of {package} imported")
    return 0


def main() -> int:
    started = time.monotonic()
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    try:
        sdist, wheel = build()
        for artefact in (sdist, wheel):
            check_catalogues(artefact)
        with ThreadPoolExecutor(max_workers=2) as pool:
            runs = [
                pool.submit(install_and_run_a_site, sdist, "sdist"),
                pool.submit(install_and_run_a_site, wheel, "wheel"),
            ]
            failures = [str(future.exception()) for future in runs if future.exception()]
        if failures:
            raise CheckFailed("\n".join(failures))
    except CheckFailed as failure:
        print(f"check-install: FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"check-install: OK in {time.monotonic() - started:.0f} s (sdist and wheel, no extras)")
    return 0


if __name__ == "__main__":
    sys.exit(import_all() if sys.argv[1:] == ["import-all"] else main())
