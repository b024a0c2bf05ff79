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
instead of adding another one. A file whose ``url`` is one of the *other*
repositories of a solution (its front end…) describes a part of that
solution: it is refused with a link to the solution, never a duplicate.

An update never overwrites what an editor wrote: each field follows the
rule of ``interop.imported_fields`` (updated, kept, unchanged), for the
solution, its translations and the release of the file's version; the
result lists the outcome of every field, and a dry run plans exactly the
same without writing.
"""

from AccessControl import Unauthorized as AccessControlUnauthorized
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from osor.collection import _
from osor.collection import logger
from osor.collection.content.software_solution import MAIN_REPOSITORY
from osor.collection.content.software_solution import repositories_of
from osor.collection.content.software_solution import repository_part
from osor.collection.interop import imported_fields
from osor.collection.interop.imported_fields import fields_of
from osor.collection.interop.publiccode import values as plan_values
from osor.collection.interop.publiccode.locate import line_of
from osor.collection.interop.publiccode.storage import ANNOTATION_KEY
from osor.collection.interop.publiccode.storage import publiccode_record
from osor.collection.interop.publiccode.storage import store_publiccode
from osor.collection.interop.publiccode.storage import stored_publiccode
from osor.collection.interop.publiccode.text import decoded
from osor.collection.interop.publiccode.text import MAX_BODY_BYTES
from osor.collection.interop.publiccode.text import UndecodableText
from osor.collection.interop.publiccode.validation import validate
from osor.collection.interop.reports import record_import_report
from osor.collection.interop.results import ImportResult
from osor.collection.interop.results import problem
from osor.collection.permissions import ADD_SOFTWARE_SOLUTION
from osor.collection.permissions import MODIFY_PORTAL_CONTENT
from osor.collection.review import pending_edits
from plone import api
from urllib.parse import urlsplit
from zExceptions import Unauthorized
from ZODB.POSException import ConflictError
from zope.globalrequest import getRequest
from zope.lifecycleevent import modified
from zope.schema.interfaces import ValidationError

import transaction


SOURCE_FORMAT = "publiccode.yml"
SOLUTION_TYPE = "software_solution"
RELEASE_TYPE = "solution_release"

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
class PubliccodeImportResult(ImportResult):
    """What a publiccode.yml import did: ``obj`` the solution (created, updated,
    or the one a dry run would update)."""

    obj: object = None
    created: bool = False
    too_large: bool = False  # refused for its size, unread
    fields: list = dataclass_field(default_factory=list)  # FieldPlan, what was (or would be) done


@dataclass
class _Translation:
    """The solution's translation that receives a description: ``item`` None
    when it is to be added to ``container``."""

    container: object
    item: object
    fields: list


@dataclass
class _Plan:
    existing: object
    main_language: str
    common: dict
    texts: dict  # language -> field values
    release: dict | None
    fields: list = dataclass_field(default_factory=list)  # FieldPlan of the solution
    translations: dict = dataclass_field(default_factory=dict)  # language -> _Translation
    existing_release: object = None
    release_fields: list = dataclass_field(default_factory=list)

    def every_field(self) -> list:
        planned = [*self.fields, *self.release_fields]
        for translation in self.translations.values():
            planned.extend(translation.fields)
        return planned


def import_publiccode(
    collection, text: str, *, filename=None, dry_run=False, importer_id=None
) -> PubliccodeImportResult:
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
        fields=[plan.to_dict() for plan in result.fields] if result.ok else (),
    )
    return result


def import_publiccode_file(
    collection, data, *, filename=None, dry_run=False, importer_id=None
) -> PubliccodeImportResult:
    """``import_publiccode`` for the bytes of an uploaded file: a file over
    ``MAX_BODY_BYTES`` or not in UTF-8 fails (and is reported) too."""
    if len(data) > MAX_BODY_BYTES:
        return refuse_too_large(collection, filename=filename, importer_id=importer_id)
    try:
        text = decoded(data)
    except UndecodableText as error:
        return _refused(collection, error.problem, filename=filename, importer_id=importer_id)
    return import_publiccode(collection, text, filename=filename, dry_run=dry_run, importer_id=importer_id)


def refuse_too_large(collection, *, filename=None, importer_id=None) -> PubliccodeImportResult:
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


def _refused(collection, refusal, *, filename, importer_id) -> PubliccodeImportResult:
    record_import_report(
        collection,
        source_format=SOURCE_FORMAT,
        filename=filename,
        outcome="failed",
        errors=[refusal],
        importer_id=importer_id,
    )
    return PubliccodeImportResult(errors=[refusal])


def _import(collection, text, *, filename, dry_run) -> PubliccodeImportResult:
    validation = validate(text)
    result = PubliccodeImportResult(warnings=list(validation.warnings), errors=list(validation.errors), dry_run=dry_run)
    if result.errors or validation.data is None:
        if not result.errors:
            result.errors.append(problem("", None, _("publiccode_error_empty", default="The file is empty."), None))
        return result
    data = validation.data
    plan = _plan(collection, data, text, result)
    if result.errors:
        return result
    result.obj, result.created = plan.existing, plan.existing is None
    result.fields = plan.every_field()
    _warn_about_first_import(plan, result)
    if dry_run:
        return result
    savepoint = transaction.savepoint()
    try:
        result.obj = _write(collection, plan, text, data, filename)
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
    return result


# Planning: everything is checked before anything is written -------------------


def _plan(collection, data: dict, text: str, result: PubliccodeImportResult) -> _Plan:
    common, notes = plan_values.solution_values(data)
    for path, msgid, default, mapping in notes:
        result.warnings.append(problem(path, line_of(text, path), _(msgid, default=default, mapping=mapping), None))
    languages = plan_values.description_languages(data)
    main_language = _main_language(collection, languages, text, result)
    texts = {language: plan_values.texts_in(data, language) for language in languages}
    if main_language in texts and "documentation_url" in texts[main_language]:
        common["documentation_url"] = texts[main_language].pop("documentation_url")
    for language_texts in texts.values():
        language_texts.pop("documentation_url", None)
    existing, role = find_repository(collection, data.get("url"))
    if existing is not None and role != MAIN_REPOSITORY:
        _refuse_a_part_of_another_solution(existing, role, text, result)
        existing = None
    _check_permission(collection, existing, text, result)
    release = plan_values.release_values(data)
    context = existing if existing is not None else collection
    _check_fields(SOLUTION_TYPE, context, common, text, result)
    for language, language_texts in texts.items():
        _check_fields(SOLUTION_TYPE, context, language_texts, text, result, language=language)
    if release is not None:
        _check_fields(RELEASE_TYPE, context, release, text, result)
    plan = _Plan(existing, main_language, common, texts, release)
    _plan_fields(collection, plan, text, result)
    return plan


def _plan_fields(collection, plan: _Plan, text: str, result: PubliccodeImportResult) -> None:
    """What the import does to each field (read only: the dry run stops here)."""
    solution = plan.existing
    earlier = stored_publiccode(solution) if solution is not None else None
    earlier = earlier["data"] if earlier is not None else None
    plan.fields = imported_fields.plan_fields(
        solution,
        _solution_values(plan),
        created=solution is None,
        fallback=_earlier_fingerprints(earlier, plan.main_language, main=True),
    )
    shared = _language_independent(SOLUTION_TYPE)
    for language, texts in plan.texts.items():
        if language == plan.main_language:
            continue
        container = _translation_of(collection, language)
        if container is None:
            _keep_in_file(
                language,
                _(
                    "publiccode_warning_translation_kept",
                    default="The ${language} description is kept in the stored file: this "
                    "collection has no ${language} translation to put it in.",
                    mapping={"language": language},
                ),
                text,
                result,
            )
            continue
        item = _existing_translation(solution, language)
        if item is not None and not api.user.has_permission(MODIFY_PORTAL_CONTENT, obj=item):
            # The translation may be another team's: the right to edit the
            # solution is not the right to edit it.
            _keep_in_file(
                language,
                _(
                    "publiccode_warning_translation_not_editable",
                    default="The ${language} description is kept in the stored file: you may not "
                    "edit the ${language} translation of this solution.",
                    mapping={"language": language},
                ),
                text,
                result,
            )
            continue
        # Language-independent fields are decided once, on the solution, and
        # copied to its translations as plone.app.multilingual does.
        values = {name: value for name, value in {**plan.common, **texts}.items() if name not in shared}
        fields = imported_fields.plan_fields(
            item,
            values,
            created=item is None,
            language=language,
            fallback=_earlier_fingerprints(earlier, language, main=False),
        )
        plan.translations[language] = _Translation(container, item, fields)
    if plan.release is not None:
        plan.existing_release = _release_of(solution, plan.release["version"])
        earlier_release = plan_values.release_values(earlier) if earlier else None
        plan.release_fields = imported_fields.plan_fields(
            plan.existing_release,
            plan.release,
            created=plan.existing_release is None,
            fallback=imported_fields.fingerprints_of(earlier_release)
            if earlier_release and earlier_release["version"] == plan.release["version"]
            else None,
        )
        for field_plan in plan.release_fields:
            field_plan.part = "release"


def _keep_in_file(language: str, message, text: str, result: PubliccodeImportResult) -> None:
    """Warn that the ``language`` description goes into no translation."""
    path = f"description.{language}"
    result.warnings.append(problem(path, line_of(text, path), message, None))


def _solution_values(plan: _Plan) -> dict:
    # The solution's title is the software's name; translations may use
    # its localised name.
    return {**plan.common, **plan.texts.get(plan.main_language, {}), "title": plan.common["title"]}


def _earlier_fingerprints(earlier: dict | None, language: str, *, main: bool) -> dict | None:
    """For content imported before fingerprints were kept: what the stored
    file of that import said (``earlier``, its data), as if nobody had
    edited the fields since. Only used by items without fingerprints."""
    if not earlier:
        return None
    values, _notes = plan_values.solution_values(earlier)
    texts = plan_values.texts_in(earlier, language) if language in plan_values.description_languages(earlier) else {}
    documentation = texts.pop("documentation_url", None)
    if main and documentation is not None:
        values["documentation_url"] = documentation
    merged = {**values, **texts}
    if main:
        merged["title"] = values["title"]
    return imported_fields.fingerprints_of(merged)


def _warn_about_first_import(plan: _Plan, result: PubliccodeImportResult) -> None:
    """Content written on the site and never imported: say that its fields
    that differ from the file were kept."""
    if plan.existing is None or not any(p.first_import and p.conflict for p in result.fields):
        return
    result.warnings.append(
        problem(
            "url",
            None,
            _(
                "publiccode_warning_first_import_over_local_content",
                default='"${title}" was written on this site and never imported from this file: '
                "its fields that differ from the file keep their values (listed as kept); "
                "only its empty fields were filled in.",
                mapping={"title": plan.existing.Title()},
            ),
            _(
                "publiccode_hint_first_import",
                default="Edit the solution to take the file's value of a kept field.",
            ),
        )
    )


def _main_language(collection, languages: list, text: str, result: PubliccodeImportResult) -> str:
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


def _refuse_a_part_of_another_solution(solution, role: str, text: str, result: PubliccodeImportResult) -> None:
    """The file's repository is a further repository of ``solution``: it
    describes a part of that solution, not another one (no duplicate)."""
    part = repository_part(role, getRequest()) or role
    if api.user.has_permission("View", obj=solution):
        message = _(
            "publiccode_error_repository_is_a_part",
            default="This repository is already the ${part} repository of “${title}” (${url}): "
            "the file describes a part of that solution. Import the file of its main repository, "
            "or edit the solution.",
            mapping={"part": part, "title": solution.Title(), "url": solution.absolute_url()},
        )
    else:
        message = _(
            "publiccode_error_repository_taken",
            default="This repository is already described in this collection by content you may not change.",
        )
    result.errors.append(problem("url", line_of(text, "url"), message, None))


def _check_permission(collection, existing, text: str, result: PubliccodeImportResult) -> None:
    if existing is None and not api.user.has_permission(ADD_SOFTWARE_SOLUTION, obj=collection):
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
    elif existing is not None and not api.user.has_permission(MODIFY_PORTAL_CONTENT, obj=existing):
        result.errors.append(
            problem(
                "url",
                line_of(text, "url"),
                # Nothing of the solution itself: the importer may not see it
                # (another member's draft).
                _(
                    "publiccode_error_repository_taken",
                    default="This repository is already described in this collection by content you may not change.",
                ),
                _(
                    "publiccode_hint_ask_facilitator",
                    default="Ask a facilitator of the collection to import the file.",
                ),
            )
        )


def _check_fields(portal_type, context, values: dict, text, result, language=None) -> None:
    fields = fields_of(portal_type)
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
    """The solution of ``collection`` (not its translations) whose main
    repository is ``url``, whether or not the importer may see it."""
    solution, role = find_repository(collection, url)
    return solution if role == MAIN_REPOSITORY else None


def find_repository(collection, url) -> tuple:
    """(solution, role) of the repository ``url`` in ``collection``: the
    solution's main repository first, else one of its other repositories;
    (None, None) when no solution describes it."""
    key = normalised_repository(url)
    if key is None:
        return None, None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=SOLUTION_TYPE, path={"query": "/".join(collection.getPhysicalPath()), "depth": 1}
    )
    further = (None, None)
    for brain in brains:
        solution = brain._unrestrictedGetObject()
        for repository in repositories_of(solution):
            if normalised_repository(repository["url"]) != key:
                continue
            if repository["role"] == MAIN_REPOSITORY:
                return solution, MAIN_REPOSITORY
            further = further if further[0] is not None else (solution, repository["role"])
    return further


# Writing -------------------------------------------------------------------------


def _write(collection, plan: _Plan, text: str, data: dict, filename):
    solution = plan.existing
    if solution is None:
        solution = api.content.create(
            container=collection, type=SOLUTION_TYPE, title=plan.common["title"], safe_id=True
        )
        if collection.Language() and not solution.Language():
            # plone.app.multilingual tags new content only on requests
            # marked with its layer (not the command's).
            solution.setLanguage(collection.Language())
    imported_fields.write_fields(solution, plan.fields)
    if plan.release is not None:
        _write_release(solution, plan)
    if plan.existing is None or imported_fields.updated(plan.fields):
        modified(solution)
    # After the modified event, which holds a member's change of published
    # content in a moderated collection: the file (read by the export)
    # then waits in the same pending edit.
    earlier = stored_publiccode(solution)
    if earlier is not None and earlier["text"] == text:
        pass  # the same file: nothing visitors read changes
    elif pending_edits.must_wait(solution):
        pending_edits.hold_annotation(
            solution, ANNOTATION_KEY, publiccode_record(text=text, data=data, filename=filename)
        )
    else:
        store_publiccode(solution, text=text, data=data, filename=filename)
    imported_fields.remember_fields(solution, plan.fields)
    shared = _language_independent(SOLUTION_TYPE)
    for language, translation in plan.translations.items():
        _write_translation(solution, language, translation, shared, plan.fields)
    return solution


def _release_of(solution, version: str):
    if solution is None:
        return None
    for child in solution.objectValues():
        if getattr(child, "portal_type", None) == RELEASE_TYPE and child.version == version:
            return child
    return None


def _write_release(solution, plan: _Plan) -> None:
    target = plan.existing_release
    if target is None:
        target = api.content.create(container=solution, type=RELEASE_TYPE, title=plan.release["version"], safe_id=True)
    imported_fields.write_fields(target, plan.release_fields)
    if plan.existing_release is None or imported_fields.updated(plan.release_fields):
        modified(target)
    imported_fields.remember_fields(target, plan.release_fields)


def _existing_translation(solution, language: str):
    if solution is None:
        return None
    from plone.app.multilingual.interfaces import ITranslationManager

    manager = ITranslationManager(solution)
    return manager.get_translation(language) if manager.has_translation(language) else None


def _write_translation(solution, language, translation: _Translation, shared: set, solution_fields) -> None:
    """Put the ``language`` description into the solution's translation (added
    if need be), with the language-independent fields of the solution."""
    from plone.app.multilingual.interfaces import ITranslationManager

    item = translation.item
    if item is None:
        item = ITranslationManager(solution).add_translation(language)
    imported_fields.write_fields(item, translation.fields)
    # The solution's language-independent fields (as plone.app.multilingual
    # copies them) with their fingerprints.
    names = [plan.name for plan in solution_fields if plan.name in shared]
    copied = imported_fields.copy_fields(solution, item, names)
    if translation.item is None or imported_fields.updated(translation.fields) or copied:
        modified(item)
    imported_fields.remember_fields(item, translation.fields)


def _language_independent(portal_type: str) -> set:
    """The fields plone.app.multilingual keeps the same in every translation."""
    try:
        from plone.app.multilingual.dx.interfaces import ILanguageIndependentField
    except ImportError:  # pragma: no cover
        return set()
    fields = fields_of(portal_type)
    return {name for name, (_schema, field) in fields.items() if ILanguageIndependentField.providedBy(field)}


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
