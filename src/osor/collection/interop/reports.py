"""Import reports: what happened to each file a publisher sent us.

Publishers' most common complaint about software catalogues is an import
that fails silently. Every import into a collection (publiccode.yml, DCAT-AP,
from a form, REST or the command) records one report on the collection: when,
who, which file, the outcome and every warning and error with its location.
The collection's facilitators read all of them, an importer her own
(``@@import-reports``).

Reports are stored in an annotation of the collection: a BTree keyed by an
increasing number, capped at the newest ``MAX_REPORTS`` so that a busy
collection does not grow without bound. Problems are stored as plain dicts
(``path``, ``line``, ``message``, ``hint``), already translated: a report
says what the importer was told. A report also lists, per field, whether
the import updated it, kept an editor's value, or found it unchanged.
"""

from BTrees.Length import Length
from BTrees.LOBTree import LOBTree
from datetime import datetime
from datetime import UTC
from osor.collection.permissions import ADD_SOFTWARE_SOLUTION
from osor.collection.permissions import MANAGE_MEMBERS
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message


ANNOTATION_KEY = "osor.collection.interop.import_reports"
MAX_REPORTS = 500

SOURCE_FORMATS = ("publiccode.yml", "DCAT-AP")
OUTCOMES = ("created", "updated", "failed", "validated")

# Who reads the reports of a collection: facilitators every report, whoever
# may add a software solution there (an importer) her own.

PROBLEM_KEYS = ("path", "line", "message", "hint")


def record_import_report(
    collection,
    *,
    source_format: str,
    filename: str | None,
    outcome: str,
    item_uid: str | None = None,
    warnings=(),
    errors=(),
    importer_id: str | None = None,
    fields=(),
) -> dict:
    """Store the report of one import on ``collection`` and return it (a dict).

    ``warnings`` and ``errors`` are Problems (``interop.results``) or
    dicts; ``importer_id`` defaults to the current user. ``fields`` lists
    what the import did to each field (``interop.imported_fields``): dicts
    with ``field``, ``outcome`` (updated, kept, unchanged) and, when known,
    ``part``, ``language`` and ``item`` (the URI or title of the item).
    """
    if source_format not in SOURCE_FORMATS:
        raise ValueError(f"Unknown source format {source_format!r}")
    if outcome not in OUTCOMES:
        raise ValueError(f"Unknown import outcome {outcome!r}")
    storage = _storage(collection, create=True)
    tree, count = storage["reports"], storage["count"]
    key = _next_key(tree)
    report = {
        "id": key,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "importer": importer_id if importer_id is not None else _current_userid(),
        "source_format": source_format,
        "filename": str(filename or ""),
        "outcome": outcome,
        "item_uid": item_uid,
        "warnings": [problem_as_dict(problem) for problem in warnings],
        "errors": [problem_as_dict(problem) for problem in errors],
        "fields": [dict(entry) for entry in fields],
    }
    tree[key] = report
    count.change(1)
    while count() > MAX_REPORTS:
        del tree[tree.minKey()]
        count.change(-1)
    return dict(report)


def import_reports(collection, importer_id: str | None = None) -> list[dict]:
    """The reports of ``collection``, newest first; only ``importer_id``'s if given."""
    storage = _storage(collection, create=False)
    if storage is None:
        return []
    reports = ({"fields": [], **report} for report in reversed(storage["reports"].values()))
    if importer_id is None:
        return list(reports)
    return [report for report in reports if report["importer"] == importer_id]


def reports_for_current_user(collection) -> list[dict] | None:
    """The reports the current user may read on ``collection``: all of them for
    its facilitators, her own for an importer, None for anyone else."""
    if api.user.is_anonymous():
        return None
    if api.user.has_permission(MANAGE_MEMBERS, obj=collection):
        return import_reports(collection)
    if api.user.has_permission(ADD_SOFTWARE_SOLUTION, obj=collection):
        return import_reports(collection, importer_id=_current_userid())
    return None


def problem_as_dict(problem) -> dict:
    """A Problem (either importer's) or dict as plain, translated data:
    ``path``, ``line``, ``message``, ``hint``."""
    request = getRequest()
    data = problem.to_dict(request) if hasattr(problem, "to_dict") else dict(problem)
    result = {}
    for key in PROBLEM_KEYS:
        value = data.get(key)
        if key == "line":
            result[key] = value if isinstance(value, int) else None
        elif value is None:
            result[key] = "" if key in ("path", "message") else None
        elif isinstance(value, Message) and request is not None:
            result[key] = translate(value, context=request)
        else:
            result[key] = str(value)
    return result


def _storage(collection, create: bool):
    annotations = IAnnotations(collection)
    storage = annotations.get(ANNOTATION_KEY)
    if storage is None and create:
        storage = annotations[ANNOTATION_KEY] = PersistentMapping(reports=LOBTree(), count=Length())
    return storage


def _next_key(tree) -> int:
    """Microseconds since the epoch, so keys sort by time; bumped on a tie."""
    key = int(datetime.now(UTC).timestamp() * 1_000_000)
    newest = tree.maxKey() if tree else None
    return key if newest is None or key > newest else newest + 1


def _current_userid() -> str | None:
    user = api.user.get_current()
    return user.getId() if user is not None else None
