#!/usr/bin/env python3
"""Turn a pip constraints file (a ``pip freeze``) into a buildout ``[versions]`` file.

Usage: constraints_to_versions.py [constraints.txt] [versions.cfg]

Only exact pins (``name==version``) are kept; comments, options (``-c``,
``--index-url``...) and environment markers are dropped.  The package being
developed (osor.collection) is never pinned, so ``develop = .`` wins.
"""

from pathlib import Path

import re
import sys


PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*==\s*([^\s;#]+)")
SKIP = {"osor.collection"}


def convert(source: Path) -> str:
    pins = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match is None:
            continue
        name, version = match.groups()
        if name.lower() in SKIP:
            continue
        pins[name] = version
    lines = [
        f"# Generated from {source.name} by scripts/constraints_to_versions.py.",
        "# Do not edit: edit constraints.txt and run `make buildout` again.",
        "[versions]",
    ]
    lines += [f"{name} = {pins[name]}" for name in sorted(pins, key=str.lower)]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    source = Path(argv[1] if len(argv) > 1 else "constraints.txt")
    target = Path(argv[2] if len(argv) > 2 else "versions.cfg")
    text = convert(source)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    print(f"{target}: {text.count(chr(10)) - 3} pins from {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
