"""Import a publiccode.yml into a collection: create or update a solution.

``import_publiccode`` is what the form, the REST endpoint and the command
call. It validates the file (``validation.validate``), plans the field values
(``values.py``) and checks them against our schemas and the importer's
permissions before anything is written; then it writes inside a transaction
savepoint, so that on any error nothing is created or changed. Every call
records an import report on the collection (``interop.reports``).

The match key is the repository: a file whose ``url`` is the
``repository_url`` of a solution of the collection (compared without scheme,
``www.``, trailing slash or ``.git``, host in any case) updates that solution
instead of adding another one.
"""

from AccessControl import Unauthorized as AccessControlUnauthorized
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from osor.collection import _
from osor.collection import logger
from osor.collection.interop.publiccode import values as plan_values
from osor.collection.interop.publiccode.locate import line_of
from osor.collection.interop.publiccode.storage import store_publiccode
from osor.collection.interop.publiccode.text import decoded
from osor.collection.interop.publiccode.text import MAX_BODY_BYTES
from osor.collection.interop.publiccode.text import UndecodableText
from osor.collection.interop.publiccode.validation import problem
from osor.collection.interop.publiccode.validation import validate
from osor.collection.interop.reports import record_import_report
from plone import api
from plone.dexterity.utils import iterSchemataForType
from urllib.parse import urlsplit
from zExceptions import Unauthorized
from ZODB.POSException import ConflictError
from zope.lifecycleevent import modified
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import ValidationError

import transaction


SOURCE_FORMAT = "publiccode.yml"
SOLUTION_TYPE = "software_solution"
RELEASE_TYPE = "solution_release"
ADD_SOLUTION = "osor.collection: Add Software Solution"
MODIFY = "Modify portal content"

# Where, in the file, the value of each of our fields comes from: a field
# that refuses its value names that place.
SOURCE_PATHS = {
    "title": "name",
    "repository_url": "url",
    "landing_page": "landingURL",
    "development_status": "developmentStatus",
    "solution_type": "softwareType",
    "topics": "categories",
    "subjects": "categories",
    "owner_name": "legal.mainCopyrightOwner",
    "contact_points": "maintenance.contacts",
    "used_by": "usedBy",
    "interface_languages": "localisation.availableLanguages",
    "spatial_coverage": "intendedAudience.countries",
    "licences": "legal.license",
    "licence_expression": "legal.license",
    "description": "description.{language}.shortDescription",
    "body": "description.{language}.longDescription",
    "documentation_url": "description.{language}.documentation",
    "version": "softwareVersion",
    "release_date": "releaseDate",
}


@dataclass
class ImportResult:
    """What an import did: ``obj`` the solution (created, updated, or the one a
    dry run would update), ``outcome`` as in the report."""

    obj: object = None
    created: bool = False
    warnings: list = dataclass_field(default_factory=list)
    errors: list = dataclass_field(default_factory=list)
    outcome: str = "failed"
    too_large: bool = False  # refused for its size, unread

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Plan:
    existing: object
    main_language: str
    common: dict
    texts: dict  # language -> field values
    release: dict | None


def import_publiccode(collection, text: str, *, filename=None, dry_run=False, importer_id=None) -> ImportResult:
    """Validate ``text`` and create or update a solution of ``collection``.

    ``dry_run`` only validates (outcome "validated"). On any error nothing
    is written (outcome "failed"). The report is recorded in every case.
    """
    result = _import(collection, text, filename=filename, dry_run=dry_run)
    record_import_report(
        collection,
        source_format=SOURCE_FORMAT,
        filename=filename,
        outcome=result.outcome,
        item_uid=api.content.get_uuid(result.obj) if result.obj is not None else None,
        warnings=result.warnings,
        errors=result.errors,
        importer_id=importer_id,
    )
    return result


def import_publiccode_file(collection, data, *, filename=None, dry_run=False, importer_id=None) -> ImportResult:
    """``import_publiccode`` for the bytes of an uploaded file: a file over
    ``MAX_BODY_BYTES`` or not in UTF-8 fails (and is reported) too."""
    if len(data) > MAX_BODY_BYTES:
        return refuse_too_large(collection, filename=filename, importer_id=importer_id)
    try:
        text = decoded(data)
    except UndecodableText as error:
        return _refused(collection, error.problem, filename=filename, importer_id=importer_id)
    return import_publiccode(collection, text, filename=filename, dry_run=dry_run, importer_id=importer_id)


def refuse_too_large(collection, *, filename=None, importer_id=None) -> ImportResult:
    """Refuse (and report) a file over ``MAX_BODY_BYTES`` without reading it."""
    refusal = problem(
        "",
        None,
        _(
            "publiccode_error_too_large",
            default="The file is larger than ${size} MB; a publiccode.yml is a few kilobytes.",
            mapping={"size": MAX_BODY_BYTES // (1024 * 1024)},
        ),
    )
    result = _refused(collection, refusal, filename=filename, importer_id=importer_id)
    result.too_large = True
    return result


def _refused(collection, refusal, *, filename, importer_id) -> ImportResult:
    record_import_report(
        collection,
        source_format=SOURCE_FORMAT,
        filename=filename,
        outcome="failed",
        errors=[refusal],
        importer_id=importer_id,
    )
    return ImportResult(errors=[refusal])


def _import(collection, text, *, filename, dry_run) -> ImportResult:
    validation = validate(text)
    result = ImportResult(warnings=list(validation.warnings), errors=list(validation.errors))
    if result.errors or validation.data is None:
        if not result.errors:
            result.errors.append(problem("", None, _("publiccode_error_empty", default="The file is empty."), None))
        return result
    data = validation.data
    plan = _plan(collection, data, text, result)
    if result.errors:
        return result
    result.obj, result.created = plan.existing, plan.existing is None
    if dry_run:
        result.outcome = "validated"
        return result
    savepoint = transaction.savepoint()
    try:
        result.obj = _write(collection, plan, text, data, filename, result)
    except ConflictError:
        raise
    except (Unauthorized, AccessControlUnauthorized):
        savepoint.rollback()
        result.obj = plan.existing
        result.errors.append(
            problem(
                "",
                None,
                _(
                    "publiccode_error_not_allowed",
                    default="You may not make every change this file asks for in this collection; "
                    "nothing was imported.",
                ),
                None,
            )
        )
    except Exception:
        savepoint.rollback()
        result.obj = plan.existing
        logger.exception("Import of publiccode.yml %r into %s failed", filename, collection.absolute_url())
        result.errors.append(
            problem(
                "",
                None,
                _(
                    "publiccode_error_unexpected",
                    default="The file could not be imported because of an error on our side; "
                    "nothing was imported. The site administrators can find the details in the log.",
                ),
                None,
            )
        )
    else:
        result.outcome = "created" if result.created else "updated"
    return result


# Planning: everything is checked before anything is written -------------------


def _plan(collection, data: dict, text: str, result: ImportResult) -> _Plan:
    common, notes = plan_values.solution_values(data)
    for path, msgid, default, mapping in notes:
        result.warnings.append(problem(path, line_of(text, path), _(msgid, default=default, mapping=mapping), None))
    languages = plan_values.description_languages(data)
    main_language = _main_language(collection, languages, text, result)
    texts = {language: plan_values.texts_in(data, language) for language in languages}
    if main_language in texts:
        common["documentation_url"] = texts[main_language].pop("documentation_url")
    for language_texts in texts.values():
        language_texts.pop("documentation_url", None)
    existing = find_solution(collection, data.get("url"))
    _check_permission(collection, existing, text, result)
    release = plan_values.release_values(data)
    context = existing if existing is not None else collection
    _check_fields(SOLUTION_TYPE, context, common, text, result)
    for language, language_texts in texts.items():
        _check_fields(SOLUTION_TYPE, context, language_texts, text, result, language=language)
    if release is not None:
        _check_fields(RELEASE_TYPE, context, release, text, result)
    return _Plan(existing, main_language, common, texts, release)


def _main_language(collection, languages: list, text: str, result: ImportResult) -> str:
    """The language of the collection (else the site's): its description
    goes into the solution, the others into translations."""
    language = collection.Language() or api.portal.get_default_language() or "en"
    if languages and language not in languages:
        chosen = languages[0]
        result.warnings.append(
            problem(
                "description",
                line_of(text, "description"),
                _(
                    "publiccode_warning_no_description_in_language",
                    default="The file has no description in ${language}, the language of this "
                    "collection: the ${chosen} description is used.",
                    mapping={"language": language, "chosen": chosen},
                ),
                _(
                    "publiccode_hint_add_description",
                    default="Add a description.${language} section.",
                    mapping={"language": language},
                ),
            )
        )
        return chosen
    return language


def _check_permission(collection, existing, text: str, result: ImportResult) -> None:
    if existing is None and not api.user.has_permission(ADD_SOLUTION, obj=collection):
        result.errors.append(
            problem(
                "",
                None,
                _(
                    "publiccode_error_may_not_add",
                    default="You may not add software solutions to this collection.",
                ),
                None,
            )
        )
    elif existing is not None and not api.user.has_permission(MODIFY, obj=existing):
        result.errors.append(
            problem(
                "url",
                line_of(text, "url"),
                _(
                    "publiccode_error_may_not_update",
                    default='The solution "${title}" of this collection has this repository, and you may not edit it.',
                    mapping={"title": existing.Title()},
                ),
                _(
                    "publiccode_hint_ask_facilitator",
                    default="Ask a facilitator of the collection to import the file.",
                ),
            )
        )


def _fields_of(portal_type: str) -> dict:
    return {
        name: (schema, field) for schema in iterSchemataForType(portal_type) for name, field in getFieldsInOrder(schema)
    }


def _check_fields(portal_type, context, values: dict, text, result, language=None) -> None:
    fields = _fields_of(portal_type)
    for name, value in values.items():
        if name not in fields or value is None:
            continue
        try:
            fields[name][1].bind(context).validate(value)
        except ValidationError as error:
            path = SOURCE_PATHS.get(name, name).format(language=language or "")
            result.errors.append(
                problem(
                    path,
                    line_of(text, path),
                    _(
                        "publiccode_error_field_refused",
                        default="This value cannot be stored as the solution's ${field}: ${reason}",
                        mapping={"field": fields[name][1].title, "reason": error.doc() or type(error).__name__},
                    ),
                    None,
                )
            )


# Matching ------------------------------------------------------------------------


def normalised_repository(url) -> str | None:
    """``url`` compared as a repository: no scheme, ``www.``, trailing slash
    or ``.git``; the host in lower case (paths keep their case)."""
    if not isinstance(url, str) or not url.strip():
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if parts.port:
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/")
    if path.endswith(".git"):
        path = path[:-4].rstrip("/")
    return f"{host}{path}" if host else path or None


def find_solution(collection, url):
    """The solution of ``collection`` (not its translations) whose repository
    is ``url``, whether or not the importer may see it."""
    key = normalised_repository(url)
    if key is None:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=SOLUTION_TYPE, path={"query": "/".join(collection.getPhysicalPath()), "depth": 1}
    )
    for brain in brains:
        solution = brain._unrestrictedGetObject()
        if normalised_repository(getattr(solution, "repository_url", None)) == key:
            return solution
    return None


# Writing -------------------------------------------------------------------------


def _write(collection, plan: _Plan, text: str, data: dict, filename, result: ImportResult):
    solution = plan.existing
    if solution is None:
        solution = api.content.create(
            container=collection, type=SOLUTION_TYPE, title=plan.common["title"], safe_id=True
        )
        if collection.Language() and not solution.Language():
            # plone.app.multilingual tags new content only on requests
            # marked with its layer (not the command's).
            solution.setLanguage(collection.Language())
    # The solution's title is the software's name; translations may use
    # its localised name.
    main_texts = {**plan.texts.get(plan.main_language, {}), "title": plan.common["title"]}
    _apply(solution, {**plan.common, **main_texts})
    store_publiccode(solution, text=text, data=data, filename=filename)
    if plan.release is not None:
        _write_release(solution, plan.release)
    modified(solution)
    for language, texts in plan.texts.items():
        if language != plan.main_language:
            _write_translation(collection, solution, language, {**plan.common, **texts}, text, result)
    return solution


def _apply(obj, values: dict) -> None:
    fields = _fields_of(obj.portal_type)
    for name, value in values.items():
        if name in fields:
            schema, field = fields[name]
            if value is None and field.missing_value is not None:
                value = field.missing_value
            field.set(schema(obj), value)
        else:
            # licence_expression, when the solution schema does not have it yet
            setattr(obj, name, value)


def _write_release(solution, release: dict) -> None:
    existing = [
        child
        for child in solution.objectValues()
        if getattr(child, "portal_type", None) == RELEASE_TYPE and child.version == release["version"]
    ]
    if existing:
        target = existing[0]
    else:
        target = api.content.create(container=solution, type=RELEASE_TYPE, title=release["version"], safe_id=True)
    _apply(target, release)
    modified(target)


def _write_translation(collection, solution, language, values, text, result) -> None:
    """Put the ``language`` description into the solution's translation in the
    collection's translation of that language, or say why it stays in the file."""
    path = f"description.{language}"
    target_collection = _translation_of(collection, language)
    if target_collection is None:
        result.warnings.append(
            problem(
                path,
                line_of(text, path),
                _(
                    "publiccode_warning_translation_kept",
                    default="The ${language} description is kept in the stored file: this "
                    "collection has no ${language} translation to put it in.",
                    mapping={"language": language},
                ),
                None,
            )
        )
        return
    from plone.app.multilingual.interfaces import ITranslationManager

    manager = ITranslationManager(solution)
    translation = manager.get_translation(language) if manager.has_translation(language) else None
    if translation is None:
        translation = manager.add_translation(language)
    _apply(translation, values)
    modified(translation)


def _translation_of(collection, language: str):
    if not _is_multilingual():
        return None
    from plone.app.multilingual.interfaces import ITranslationManager

    manager = ITranslationManager(collection)
    return manager.get_translation(language) if manager.has_translation(language) else None


def _is_multilingual() -> bool:
    try:
        from plone.base.utils import get_installer
    except ImportError:  # pragma: no cover
        return False
    return get_installer(api.portal.get()).is_product_installed("plone.app.multilingual")
