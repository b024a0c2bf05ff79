"""Import an ADMS-AP / DCAT-AP file into a collection: all or nothing.

``import_rdf`` parses (``parsing``), validates and maps (``reading``),
then creates or updates the collection's solutions, matched on the URI
they have in the other catalogue (``original_uri``, the provenance
behavior): a re-import updates, it never duplicates. Every import leaves
an import report on the collection (``interop/reports.py``).

On any error nothing is written: validation happens before the first
write, and the writes run inside a savepoint that is rolled back when
one of them fails. The report is recorded after the rollback, so that it
survives it.

A re-import never overwrites what an editor wrote: every field of the
solutions, releases and distributions follows ``interop.imported_fields``
(updated, kept, unchanged), and a property the file does not state leaves
its field alone. What each field gets is planned before anything is
written; a dry run stops there and answers the same plan.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from osor.collection import _
from osor.collection.interop import imported_fields
from osor.collection.interop.federation import parsing
from osor.collection.interop.federation.reading import CONTROL_CHARACTERS
from osor.collection.interop.federation.reading import MAX_LENGTH
from osor.collection.interop.federation.reading import read_catalogue
from osor.collection.interop.reports import record_import_report
from osor.collection.interop.results import ImportResult
from osor.collection.interop.results import Problem
from osor.collection.interop.results import rdf_problem
from osor.collection.permissions import MODIFY_PORTAL_CONTENT
from plone import api
from plone.app.textfield.value import RichTextValue
from ZODB.POSException import ConflictError

import logging
import transaction


logger = logging.getLogger(__name__)

SOURCE_FORMAT = "DCAT-AP"

# Why an import failed before reading the file, for the HTTP status.
TOO_LARGE = "too_large"
UNSUPPORTED_FORMAT = "unsupported_format"
INVALID = "invalid"


@dataclass
class RdfImportResult(ImportResult):
    """What an RDF import did (or, in a dry run, would do).

    ``items``: one dict per solution (``original_uri``, ``title``,
    ``created``, ``fields``: the FieldPlans of the solution, its releases and
    distributions, and its ``uid`` and ``url`` unless it was a dry run).
    """

    items: list = field(default_factory=list)
    failure: str | None = None
    source_catalogue: str | None = None

    @property
    def created(self) -> list:
        return [item for item in self.items if item["created"]]

    @property
    def updated(self) -> list:
        return [item for item in self.items if not item["created"]]

    @property
    def fields(self) -> list:
        return [plan for item in self.items for plan in item["fields"]]


def import_rdf(
    collection,
    data,
    *,
    content_type: str | None = None,
    format: str | None = None,
    filename: str | None = None,
    source_catalogue: str | None = None,
    dry_run: bool = False,
) -> RdfImportResult:
    """Import the RDF ``data`` (bytes or text) into ``collection``.

    The format is ``format`` (turtle, xml, json-ld, nt), else the one of
    ``content_type``, else of ``filename``'s extension. ``source_catalogue``
    (a URI or title) is recorded as the provenance of the solutions; by
    default it is the dcat:Catalog of the file. Records an import report.
    """
    result = RdfImportResult(dry_run=dry_run)
    if isinstance(data, str):
        data = data.encode("utf-8")
    _import(collection, data, content_type, format, filename, source_catalogue, result)
    _record(collection, result, filename)
    return result


def refuse(collection, failure: str, *, filename=None, dry_run=False) -> RdfImportResult:
    """The failed import of a body that is not even read (``TOO_LARGE`` by
    its declared size, ``UNSUPPORTED_FORMAT``), with its report."""
    result = RdfImportResult(dry_run=dry_run)
    _fail(result, failure, FAILURE_ERRORS[failure]())
    _record(collection, result, filename)
    return result


def _record(collection, result, filename) -> None:
    uids = [item["uid"] for item in result.items if item.get("uid")]
    record_import_report(
        collection,
        source_format=SOURCE_FORMAT,
        filename=filename,
        outcome=result.outcome,
        item_uid=uids[0] if len(uids) == 1 else None,
        warnings=result.warnings,
        errors=result.errors,
        fields=[{**plan.to_dict(), "item": item["original_uri"]} for item in result.items for plan in item["fields"]],
    )


def _import(collection, data, content_type, format, filename, source_catalogue, result) -> None:
    harvest = _validated(collection, data, content_type, format, filename, source_catalogue, result)
    if harvest is not None:
        _write(collection, harvest, result)


def _validated(collection, data, content_type, format, filename, source_catalogue, result):
    """The harvest of ``data`` when it may be written, else None (``result``
    then holds the errors). Writes nothing."""
    if len(data) > parsing.MAX_BODY_BYTES:
        return _fail(result, TOO_LARGE, too_large_error())
    rdf_format = parsing.rdf_format(content_type=content_type, format=format, filename=filename)
    if rdf_format is None:
        return _fail(result, UNSUPPORTED_FORMAT, unsupported_format_error())
    try:
        graph = parsing.parse(data, rdf_format)
    except parsing.SyntaxProblem as problem:
        return _fail(result, INVALID, problem.as_error())
    if source_catalogue is not None and not acceptable_source(source_catalogue):
        message = _(
            "error_rdf_source",
            default="The source catalogue must be a URI or a title of at most ${max} characters.",
            mapping={"max": MAX_LENGTH["name"]},
        )
        return _fail(result, INVALID, rdf_problem(message, path="source"))
    harvest = read_catalogue(graph, language=_language_of(collection))
    result.warnings = harvest.warnings
    result.source_catalogue = (source_catalogue or "").strip() or harvest.catalogue
    harvest.existing = solutions_by_original_uri(collection)
    for record in harvest.solutions:
        solution = harvest.existing.get(record.uri)
        if solution is not None and not api.user.has_permission(MODIFY_PORTAL_CONTENT, obj=solution):
            harvest.errors.append(_not_modifiable_error(record.uri))
    if harvest.errors:
        result.failure = INVALID
        result.errors = harvest.errors
        return None
    return harvest


def _write(collection, harvest, result) -> None:
    """Create or update the solutions of ``harvest``: all of them, or (when
    a write fails) none. A dry run only plans."""
    plans = [_plan_solution(harvest.existing.get(record.uri), record) for record in harvest.solutions]
    if result.dry_run:
        result.items = [_item(plan) for plan in plans]
        _warn_about_first_import(plans, result)
        return None
    savepoint = transaction.savepoint()
    harvested = datetime.now(UTC)
    try:
        for plan in plans:
            result.items.append(_write_solution(collection, plan, result.source_catalogue, harvested))
    except ConflictError:
        raise  # the publisher retries the whole request
    except Exception:
        # A write we did not foresee failed: undo them all, tell the publisher.
        logger.exception("Federation import into %s failed", collection.absolute_url())
        savepoint.rollback()
        result.items = []
        message = _(
            "error_rdf_import_failed",
            default="The file could not be imported; nothing was changed. "
            "The site's administrators can find the cause in its log.",
        )
        return _fail(result, INVALID, rdf_problem(message))
    _warn_about_first_import(plans, result)
    return None


def acceptable_source(text: str) -> bool:
    """A source catalogue named by the importer: one line of bounded text."""
    return len(text) <= MAX_LENGTH["name"] and not CONTROL_CHARACTERS.search(text)


def _fail(result, failure, error) -> None:
    """Record ``error`` as the reason the import failed (returns None)."""
    result.failure = failure
    result.errors = [*result.errors, error]


def too_large_error() -> Problem:
    return rdf_problem(
        _(
            "error_rdf_too_large",
            default="The file is larger than ${max} MB: split the catalogue into several files.",
            mapping={"max": parsing.MAX_BODY_BYTES // (1024 * 1024)},
        )
    )


def unsupported_format_error() -> Problem:
    return rdf_problem(
        _(
            "error_rdf_format",
            default="Send Turtle (text/turtle), RDF/XML (application/rdf+xml), "
            "JSON-LD (application/ld+json) or N-Triples (application/n-triples).",
        )
    )


FAILURE_ERRORS = {TOO_LARGE: too_large_error, UNSUPPORTED_FORMAT: unsupported_format_error}


def _not_modifiable_error(uri: str) -> Problem:
    return rdf_problem(
        _("error_rdf_not_modifiable", default="This solution was imported before and you may not change it."),
        path=f"<{uri}>",
    )


def _language_of(collection) -> str:
    language = getattr(collection, "Language", lambda: "")() or api.portal.get_default_language() or "en"
    return language.split("-")[0].lower()


def solutions_by_original_uri(collection) -> dict:
    """The solutions of ``collection`` that were harvested, by original URI
    (whoever may see them: a re-import must find drafts too)."""
    catalog = api.portal.get_tool("portal_catalog")
    found = {}
    brains = catalog.unrestrictedSearchResults(
        portal_type="software_solution",
        path={"query": "/".join(collection.getPhysicalPath()), "depth": 1},
    )
    for brain in brains:
        solution = brain._unrestrictedGetObject()
        uri = getattr(solution, "original_uri", None)
        if uri:
            found.setdefault(uri, solution)
    return found


# Planning: read only ---------------------------------------------------------


@dataclass
class _ItemPlan:
    """What the import does to one item (``obj`` None: it is created)."""

    record: object
    obj: object
    fields: list
    children: list = field(default_factory=list)


def _stated(values: dict, *always) -> dict:
    """The values the file states: an absent property leaves its field alone."""
    fingerprint = imported_fields.fingerprint
    return {name: value for name, value in values.items() if name in always or fingerprint(value) is not None}


def _solution_values(record) -> dict:
    fields = dict(record.fields)
    licences = fields.pop("licences")
    values = {
        "title": fields.pop("title"),
        "description": fields.pop("description") or "",
        "subject": tuple(fields.pop("keywords")),
        "licences": licences,
        # The shared contract of the importers: both the expression and its ids.
        "licence_expression": " OR ".join(licences) or None,
        **fields,
    }
    return _stated(values, "title")


def _release_values(record) -> dict:
    fields = dict(record.fields)
    notes = fields.pop("release_notes")
    fields["release_notes"] = RichTextValue(notes, "text/plain", "text/x-html-safe") if notes else None
    return _stated(fields, "title", "version")


def _distribution_values(record) -> dict:
    fields = dict(record.fields)
    fields.pop("licences")
    return _stated(fields, "title", "access_url")


# An item modified this long after its harvest was edited by someone (the
# import itself reindexes it a moment after taking the harvest time).
EDITED_AFTER = timedelta(minutes=1)


def _planned(obj, values: dict, part=None, harvested=None) -> list:
    plans = imported_fields.plan_fields(
        obj, values, created=obj is None, fallback=_untouched_since_harvest(obj, values, harvested)
    )
    for plan in plans:
        plan.part = part
    return plans


def _untouched_since_harvest(obj, values: dict, harvested) -> dict | None:
    """For an item harvested before fingerprints were kept and not modified
    since: its values are what the file said then."""
    if obj is None or harvested is None or imported_fields.was_imported(obj):
        return None
    modified = obj.modified()
    modified = modified.asdatetime() if hasattr(modified, "asdatetime") else modified
    if harvested.tzinfo is None or modified - harvested > EDITED_AFTER:
        return None
    return imported_fields.fingerprints_of({name: imported_fields.read_field(obj, name) for name in values})


def _plan_solution(solution, record) -> _ItemPlan:
    harvested = getattr(solution, "harvested", None) if solution is not None else None
    plan = _ItemPlan(record, solution, _planned(solution, _solution_values(record), harvested=harvested))
    for release_record in record.releases:
        version = release_record.fields["version"]
        release = _child(solution, "solution_release", release_record.uri, version=version) if solution else None
        release_values = _release_values(release_record)
        release_plan = _ItemPlan(release_record, release, _planned(release, release_values, "release", harvested))
        for distribution_record in release_record.distributions:
            access_url = distribution_record.fields["access_url"]
            distribution = (
                _child(release, "solution_distribution", distribution_record.uri, access_url=access_url)
                if release
                else None
            )
            release_plan.children.append(
                _ItemPlan(
                    distribution_record,
                    distribution,
                    _planned(distribution, _distribution_values(distribution_record), "distribution", harvested),
                )
            )
        plan.children.append(release_plan)
    return plan


def _every_field(plan: _ItemPlan) -> list:
    found = list(plan.fields)
    for child in plan.children:
        found.extend(_every_field(child))
    return found


def _item(plan: _ItemPlan, solution=None) -> dict:
    """The answer's entry for one solution (with ``uid`` and ``url`` once written)."""
    title = solution.title if solution is not None else _planned_title(plan)
    item = {
        "original_uri": plan.record.uri,
        "title": title,
        "created": plan.obj is None,
        "fields": _every_field(plan),
    }
    if solution is not None:
        item["uid"] = api.content.get_uuid(solution)
        item["url"] = solution.absolute_url()
    return item


def _planned_title(plan: _ItemPlan) -> str:
    [title] = [field_plan for field_plan in plan.fields if field_plan.name == "title"]
    return title.value if title.outcome == imported_fields.UPDATED or plan.obj is None else plan.obj.title


def _warn_about_first_import(plans, result) -> None:
    """Solutions never harvested before (matched on their URI though): their
    differing fields were kept."""
    for plan in plans:
        if plan.obj is not None and any(p.first_import and p.conflict for p in plan.fields):
            result.warnings.append(
                rdf_problem(
                    _(
                        "warning_rdf_first_import_over_local_content",
                        default="This solution has no record of an earlier import: its fields that differ "
                        "from the file keep their values (listed as kept); only its empty fields were "
                        "filled in.",
                    ),
                    path=f"<{plan.record.uri}>",
                )
            )


# Writing -----------------------------------------------------------------------


def _write_solution(collection, plan: _ItemPlan, source_catalogue, harvested) -> dict:
    solution = plan.obj
    if solution is None:
        solution = api.content.create(
            container=collection, type="software_solution", title=plan.record.fields["title"], safe_id=True
        )
    imported_fields.apply_fields(solution, plan.fields)
    solution.source_catalogue = source_catalogue
    solution.original_uri = plan.record.uri
    solution.harvested = harvested
    for release_plan in plan.children:
        _write_release(solution, release_plan)
    solution.reindexObject()
    return _item(plan, solution)


def _child(container, portal_type, uri, **match):
    """The child of ``container`` imported from ``uri`` (or, for a blank
    node, with the ``match`` values), else None."""
    for child in container.objectValues():
        if child.portal_type != portal_type:
            continue
        if uri and getattr(child, "original_uri", None) == uri:
            return child
        if not uri and match and all(getattr(child, key, None) == value for key, value in match.items()):
            return child
    return None


def _write_release(solution, plan: _ItemPlan) -> None:
    release = plan.obj
    if release is None:
        release = api.content.create(
            container=solution, type="solution_release", title=plan.record.fields["title"], safe_id=True
        )
    _write_item(release, plan)
    for distribution_plan in plan.children:
        distribution = distribution_plan.obj
        if distribution is None:
            distribution = api.content.create(
                container=release,
                type="solution_distribution",
                title=distribution_plan.record.fields["title"],
                safe_id=True,
            )
        _write_item(distribution, distribution_plan)
    release.reindexObject()


def _write_item(obj, plan: _ItemPlan) -> None:
    imported_fields.apply_fields(obj, plan.fields)
    obj.original_uri = plan.record.uri
    obj.reindexObject()
