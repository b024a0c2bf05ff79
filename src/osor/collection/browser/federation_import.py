"""``@@import-rdf``: upload an ADMS-AP / DCAT-AP file into a collection.

Thin over ``osor.collection.interop.federation.importer``: the page shows
what was created or updated, or every located error (nothing is written
then), and links to the collection's import reports.
"""

from osor.collection import _
from osor.collection.browser.import_fields import FieldOutcomes
from osor.collection.interop.federation import importer
from osor.collection.interop.federation import parsing
from osor.collection.parameters import form_value
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView


class ImportRdfView(FieldOutcomes, BrowserView):
    result = None

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and form.get("form.submitted"):
            CheckAuthenticator(self.request)
            self.result = self._import(form)
        return self.index()

    def _import(self, form):
        upload = form_value(self.request, "file", default=None)
        filename = getattr(upload, "filename", None) or None
        data = upload.read(parsing.MAX_BODY_BYTES + 1) if upload else b""
        content_type = None
        headers = getattr(upload, "headers", None)
        if headers is not None:
            content_type = headers.get("Content-Type")
        return importer.import_rdf(
            self.context,
            data,
            # The extension says more than a browser's guess of the type.
            format=form_value(self.request, "format") or parsing.rdf_format(filename=filename),
            content_type=content_type,
            filename=filename,
            source_catalogue=form_value(self.request, "source") or None,
            dry_run=bool(form_value(self.request, "dry_run")),
        )

    def problems(self, kind: str) -> list[dict]:
        """The result's ``errors`` or ``warnings``, translated for the page."""
        return [problem.to_dict(self.request) for problem in getattr(self.result, kind)]

    def formats(self) -> list[dict]:
        return [
            {"value": "", "title": _("format_from_file_name", default="From the file name")},
            {"value": "turtle", "title": "Turtle"},
            {"value": "xml", "title": "RDF/XML"},
            {"value": "json-ld", "title": "JSON-LD"},
            {"value": "nt", "title": "N-Triples"},
        ]

    def max_megabytes(self) -> int:
        return parsing.MAX_BODY_BYTES // (1024 * 1024)
