"""``@@import-publiccode``: import a publiccode.yml into a collection.

A plain CSRF-protected form (upload a file or paste its text, optionally
only check it) over ``interop.publiccode.importer``, as the REST endpoint
``@publiccode-import`` is. The page shows the outcome: the solution created
or updated, or every error and warning with its place in the file.
"""

from osor.collection import _
from osor.collection.browser.import_fields import FieldOutcomes
from osor.collection.interop.publiccode.importer import import_publiccode_file
from osor.collection.interop.publiccode.text import MAX_BODY_BYTES
from osor.collection.interop.reports import problem_as_dict
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class ImportPubliccodeView(FieldOutcomes, BrowserView):
    index = ViewPageTemplateFile("templates/import_publiccode.pt")

    result = None  # {"outcome", "url", "title", "created", "errors", "warnings", "fields"}
    text = ""
    max_megabytes = MAX_BODY_BYTES // (1024 * 1024)

    def __call__(self):
        if self.request.method == "POST":
            PostOnly(self.request)
            CheckAuthenticator(self.request)
            self.result = self.handle()
        return self.index()

    def handle(self) -> dict:
        form = self.request.form
        upload = form.get("file")
        filename = getattr(upload, "filename", None) or ""
        data = upload.read(MAX_BODY_BYTES + 1) if filename else form.get("text", "")
        if not isinstance(data, (str, bytes)):
            data = ""
        self.text = data if isinstance(data, str) else ""
        if not data.strip():
            return self._refused(
                _("publiccode_error_nothing_sent", default="Choose a publiccode.yml file or paste its text.")
            )
        result = import_publiccode_file(
            self.context,
            data,
            filename=filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1] or "publiccode.yml",
            dry_run=bool(form.get("dry_run")),
        )
        return {
            "outcome": result.outcome,
            "created": result.created,
            "url": result.obj.absolute_url() if result.obj is not None else None,
            "title": result.obj.Title() if result.obj is not None else None,
            "errors": [problem_as_dict(problem) for problem in result.errors],
            "warnings": [problem_as_dict(problem) for problem in result.warnings],
            "fields": self.field_rows(result.fields) if result.ok else [],
        }

    def _refused(self, message) -> dict:
        return {
            "outcome": "failed",
            "errors": [{"path": "", "line": None, "message": message, "hint": None}],
            "warnings": [],
            "fields": [],
        }
