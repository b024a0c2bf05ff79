"""Fill the demo collection with the real publiccode.yml files of ``publiccode/``.

The files (listed, with their source repository and commit, in
``publiccode/MANIFEST.yaml``) go through the importer every publisher uses
(``interop.publiccode.importer.import_publiccode``), so the demo observatory
holds a realistic number of solutions and an import report for each file.
A file the importer refuses is skipped and the log says why, as a publisher
would read it in the report.
"""

from DateTime import DateTime
from osor.collection import logger
from osor.collection.demo.items import transition_to
from osor.collection.interop.publiccode.importer import find_solution
from osor.collection.interop.publiccode.importer import import_publiccode
from osor.collection.interop.publiccode.storage import stored_publiccode
from pathlib import Path

import yaml


FIXTURES = Path(__file__).parent / "publiccode"
MANIFEST = FIXTURES / "MANIFEST.yaml"


def demo_publiccode_files() -> list[dict]:
    """The entries of the manifest: ``file``, ``repository``, ``commit``, ``country``…"""
    with MANIFEST.open(encoding="utf-8") as manifest:
        return yaml.safe_load(manifest)["files"]


def import_demo_publiccode_files(collection, state: str = "published") -> list:
    """Import every demo file into ``collection``; answer the solutions it
    created or updated, each (and its translations) put in ``state``."""
    solutions = []
    for entry in demo_publiccode_files():
        text = (FIXTURES / entry["file"]).read_text(encoding="utf-8")
        example = _hand_written_example(collection, text)
        if example is not None:
            # The example content's own description of it stays as written
            # (with its releases' downloads): the file would replace it.
            logger.info("Demo: %s not imported: the example %s describes it", entry["file"], example.getId())
            continue
        result = import_publiccode(collection, text, filename=entry["file"])
        if result.errors:
            logger.info(
                "Demo: %s (%s) not imported: %s",
                entry["file"],
                entry["repository"],
                "; ".join(_located(problem) for problem in result.errors),
            )
            continue
        solutions.append(result.obj)
        for item in _with_translations(result.obj):
            transition_to(item, state)
            _date_before_the_examples(item, minutes=len(solutions))
    logger.info("Demo: imported %d of %d publiccode.yml files", len(solutions), len(demo_publiccode_files()))
    return solutions


def _date_before_the_examples(item, minutes: int) -> None:
    """Date an imported solution a day (and ``minutes``) before now.

    The homepage and the feeds show the newest items first: the example
    content, written by hand with translations, screenshots and downloads,
    keeps the front of the demo instead of the last files imported.
    """
    when = DateTime() - 1 - minutes / 1440.0
    item.setModificationDate(when)
    item.setEffectiveDate(when)
    # Explicit indexes: a plain reindexObject() would date it now again.
    item.reindexObject(idxs=["modified", "effective"])


def _hand_written_example(collection, text: str):
    """The solution of the example content with the file's repository, if any."""
    try:
        url = yaml.safe_load(text).get("url")
    except (yaml.YAMLError, AttributeError):
        return None
    solution = find_solution(collection, url)
    if solution is None or stored_publiccode(solution) is not None:
        return None
    return solution


def _located(problem) -> str:
    line = f" (line {problem.line})" if getattr(problem, "line", None) else ""
    return f"{problem.path or 'file'}{line}: {problem.message}"


def _with_translations(solution) -> list:
    try:
        from plone.app.multilingual.interfaces import ITranslatable
        from plone.app.multilingual.interfaces import ITranslationManager
    except ImportError:  # pragma: no cover
        return [solution]
    if not ITranslatable.providedBy(solution):
        return [solution]
    translations = ITranslationManager(solution).get_translations().values()
    return [solution, *(item for item in translations if item is not solution)]


def imported_solutions(collection) -> list:
    """The solutions of ``collection`` that came from a publiccode.yml."""
    return [
        obj
        for obj in collection.objectValues()
        if getattr(obj, "portal_type", None) == "software_solution" and stored_publiccode(obj) is not None
    ]
