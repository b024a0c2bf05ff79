"""``make import-rdf``: a site administrator imports a file from the shell.

``scripts/import_rdf.py`` (run by ``zconsole``) calls ``import_file``; it
prints what happened, as the import report records it, and says by its
exit status whether the file was imported.
"""

from osor.collection.interop.federation.importer import import_rdf
from osor.collection.interop.imported_fields import summary_line
from pathlib import Path


def import_file(collection, path, *, source_catalogue=None, dry_run=False, out=print) -> int:
    """Import the RDF file at ``path`` into ``collection``; 0 when it was
    imported (or is valid, in a dry run), 1 when it was not."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        out(f"{path}: cannot be read: {error.strerror}")
        return 1
    result = import_rdf(collection, data, filename=path.name, source_catalogue=source_catalogue, dry_run=dry_run)
    for item in result.items:
        what = "created" if item["created"] else "updated"
        out(f"{path.name}: {what} {item['title']} ({item.get('url') or item['original_uri']})")
        out(f"{path.name}:     {summary_line(item['fields'])}")
    for kind, problems in (("warning", result.warnings), ("error", result.errors)):
        for problem in problems:
            out(_line(path.name, kind, problem))
    out(f"{path.name}: {result.outcome}")
    return 1 if result.errors else 0


def _line(filename, kind, problem) -> str:
    where = filename + (f":{problem.line}" if problem.line else "")
    text = f"{where}: {kind}: {problem.path or ''} {problem.message}".replace("  ", " ")
    if problem.hint:
        text += f" ({problem.hint})"
    return text
