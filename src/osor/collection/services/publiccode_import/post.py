"""``POST <collection>/@publiccode-import``: import one publiccode.yml.

Thin over ``interop.publiccode.importer``. The body is the YAML text
(``Content-Type: application/yaml`` or ``text/yaml``; a cross-site HTML form
cannot send those without a CORS preflight, which is the CSRF protection of
this endpoint), at most ``MAX_BODY_BYTES``. ``?dry_run=true`` validates
without writing.

Answers ``201 {"@id", "created", "warnings", "fields", "conflicts"}`` when
the solution was created or updated (``created`` false), ``200 {"@id",
"created", "dry_run": true, "warnings", "fields", "conflicts"}`` for a dry
run (``@id`` of the solution it would update, or null), ``400 {"errors",
"warnings"}`` when the file cannot be imported, ``413`` and ``415`` for a
body too large or of another type. ``fields`` lists what the import did (or
would do) to each field: ``{"field", "part", "language", "outcome"}`` with
outcome ``updated``, ``kept`` (an editor's value, kept) or ``unchanged``;
``conflicts`` are the kept ones.
"""

from osor.collection import _
from osor.collection.interop.publiccode.importer import import_publiccode_file
from osor.collection.interop.publiccode.importer import refuse_too_large
from osor.collection.interop.publiccode.text import MAX_BODY_BYTES
from osor.collection.interop.reports import problem_as_dict
from osor.collection.parameters import check_single
from osor.collection.parameters import ParameterError
from osor.collection.services.errors import bad_request
from osor.collection.services.errors import error_answer
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


YAML_TYPES = ("application/yaml", "text/yaml", "application/x-yaml", "text/x-yaml")
TRUE = ("1", "true", "yes", "on")


class PubliccodeImportPost(Service):
    def reply(self):
        try:
            check_single(self.request.form, ("dry_run", "filename"))
        except ParameterError as error:
            return bad_request(self.request, error)
        content_type = (self.request.getHeader("Content-Type") or "").split(";")[0].strip().lower()
        if content_type not in YAML_TYPES:
            return self._refused(
                415,
                _(
                    "publiccode_error_content_type",
                    default="Send the publiccode.yml as the request body with "
                    "Content-Type: application/yaml (or text/yaml).",
                ),
            )
        alsoProvides(self.request, IDisableCSRFProtection)
        dry_run = str(self.request.form.get("dry_run", "")).lower() in TRUE
        if self._declared_size() > MAX_BODY_BYTES:
            result = refuse_too_large(self.context, filename=self._filename())
        else:
            body = self.request.get("BODY") or b""
            result = import_publiccode_file(self.context, body, filename=self._filename(), dry_run=dry_run)
        if result.too_large:
            return self._answer(413, self._errors_of(result))
        warnings = [problem_as_dict(problem) for problem in result.warnings]
        if not result.ok:
            return self._answer(400, self._errors_of(result))
        url = result.obj.absolute_url() if result.obj is not None else None
        answer = {
            "@id": url,
            "created": result.created,
            "warnings": warnings,
            "fields": [plan.to_dict() for plan in result.fields],
            "conflicts": [plan.to_dict() for plan in result.conflicts],
        }
        if dry_run:
            return self._answer(200, {**answer, "dry_run": True})
        self.request.response.setHeader("Location", url)
        return self._answer(201, answer)

    def _filename(self) -> str:
        """The name the client gives (``?filename=``), else publiccode.yml."""
        name = self.request.form.get("filename")
        return name[:200] if isinstance(name, str) and name.strip() else "publiccode.yml"

    def _declared_size(self) -> int:
        try:
            return int(self.request.getHeader("Content-Length") or 0)
        except ValueError:
            return 0

    def _errors_of(self, result) -> dict:
        """The import's problems, headed by the first as the one error shape
        (the status is set by ``_answer``)."""
        errors = [problem_as_dict(problem) for problem in result.errors]
        head = error_answer(self.request, errors[0]["message"] if errors else "")
        return {**head, "errors": errors, "warnings": [problem_as_dict(problem) for problem in result.warnings]}

    def _refused(self, status, message):
        answer = error_answer(self.request, message, status=status)
        problem = {"path": "", "line": None, "message": answer["error"]["message"], "hint": None}
        return {**answer, "errors": [problem]}

    def _answer(self, status, data):
        self.request.response.setStatus(status)
        return data
