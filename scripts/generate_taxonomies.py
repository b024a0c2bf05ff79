#!/usr/bin/env python3
"""Write the collective.taxonomy files of osor.collection's default profile.

Usage: .venv/bin/python scripts/generate_taxonomies.py [--check]

Reads src/osor/collection/vocabularies/data/taxonomies.yaml and pycountry's
country names and translations, and writes one ``<name>.cfg`` and one VDEX
``<name>.xml`` per taxonomy to src/osor/collection/profiles/default/taxonomies/.
With --check, writes nothing and exits 1 when a file is missing or differs
(tests/content/test_taxonomies.py makes the same check).
"""

from osor.collection.vocabularies.taxonomies import generate
from osor.collection.vocabularies.taxonomies import PROFILE_DIRECTORY

import sys


def main(argv) -> int:
    check = "--check" in argv[1:]
    files = generate()
    stale = sorted(
        name
        for name, text in files.items()
        if not (PROFILE_DIRECTORY / name).exists() or (PROFILE_DIRECTORY / name).read_text(encoding="utf-8") != text
    )
    extra = (
        sorted(path.name for path in PROFILE_DIRECTORY.glob("*") if path.name not in files)
        if PROFILE_DIRECTORY.exists()
        else []
    )
    if check:
        for name in stale:
            print(f"out of date: {name}")
        for name in extra:
            print(f"not generated: {name}")
        return 1 if stale or extra else 0
    PROFILE_DIRECTORY.mkdir(exist_ok=True)
    for name in stale:
        (PROFILE_DIRECTORY / name).write_text(files[name], encoding="utf-8")
        print(f"wrote {PROFILE_DIRECTORY / name}")
    for name in extra:
        (PROFILE_DIRECTORY / name).unlink()
        print(f"removed {PROFILE_DIRECTORY / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
