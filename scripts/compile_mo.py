#!/usr/bin/env python3
"""Compile gettext catalogues (.po) into .mo files with python-gettext.

Usage: compile_mo.py DIR_OR_PO_FILE...

Directories are searched recursively for ``*.po``; a .mo is written next to
each .po only when it is missing or older than the .po. No .po files is not
an error (prints a note and exits 0).
"""

from pathlib import Path
from pythongettext.msgfmt import Msgfmt

import sys


def po_files(args):
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            yield from sorted(path.rglob("*.po"))
        elif path.suffix == ".po" and path.exists():
            yield path


def main(argv):
    count = 0
    for po in po_files(argv[1:]):
        mo = po.with_suffix(".mo")
        count += 1
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as stream:
            data = Msgfmt(stream, name=str(po)).get()
        mo.write_bytes(data)
        print(f"compiled {po} -> {mo.name}")
    if not count:
        print("compile_mo: no .po files found, nothing to compile")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
