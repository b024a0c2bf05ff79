"""Import a folder of publiccode.yml files into a collection (site admins).

``make import-publiccode DIR=… COLLECTION=/Plone/en/osor`` runs
``scripts/import_publiccode.py`` in a Zope console, which calls
``import_directory``: every ``*.yml`` / ``*.yaml`` file of the folder, in
name order, is imported as the form and the REST endpoint import one file
(with its report), committed one by one so that a failure leaves the files
before it imported. One line per file is printed, then what happened to its
fields (updated, kept because edited on the site, unchanged), then its
problems.
"""

from osor.collection.interop.imported_fields import summary_line as fields_line
from osor.collection.interop.publiccode.importer import import_publiccode_file
from osor.collection.interop.publiccode.text import MAX_BODY_BYTES
from osor.collection.interop.reports import problem_as_dict
from pathlib import Path

import transaction


SUFFIXES = (".yml", ".yaml")


def publiccode_files(directory) -> list[Path]:
    return sorted(path for path in Path(directory).iterdir() if path.is_file() and path.suffix.lower() in SUFFIXES)


def import_directory(collection, directory, *, importer_id=None, out=print, commit=True) -> int:
    """Import every publiccode.yml of ``directory``; return how many failed."""
    failed = 0
    for path in publiccode_files(directory):
        with path.open("rb") as stream:
            data = stream.read(MAX_BODY_BYTES + 1)
        result = import_publiccode_file(collection, data, filename=path.name, importer_id=importer_id)
        if commit:
            transaction.commit()
        failed += not result.ok
        out(summary_line(path.name, result))
        if result.ok:
            out(f"    {fields_line(result.fields)}")
        for kind, problems in (("error", result.errors), ("warning", result.warnings)):
            for problem in problems:
                out(problem_line(kind, problem_as_dict(problem)))
    return failed


def summary_line(filename: str, result) -> str:
    where = "/".join(result.obj.getPhysicalPath()) if result.obj is not None and result.ok else ""
    return f"{result.outcome:<8} {filename} {where}".rstrip()


def problem_line(kind: str, problem: dict) -> str:
    place = problem["path"] or "(file)"
    if problem["line"]:
        place = f"{place} (line {problem['line']})"
    hint = f" ({problem['hint']})" if problem.get("hint") else ""
    return f"    {kind}: {place}: {problem['message']}{hint}"
