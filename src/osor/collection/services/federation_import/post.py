from osor.collection.interop.federation import importer
from osor.collection.interop.federation import parsing
from osor.collection.parameters import check_single
from osor.collection.parameters import ParameterError
from osor.collection.services.errors import bad_request
from osor.collection.services.errors import error_answer
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


STATUS = {
    importer.TOO_LARGE: 413,
    importer.UNSUPPORTED_FORMAT: 415,
    importer.INVALID: 400,
}
TRUE = ("1", "true", "yes", "on")


class FederationImportPost(Service):
    """POST the RDF file itself, with its Content-Type (text/turtle,
    application/rdf+xml, application/ld+json, application/n-triples);
    ``?source=<catalogue URI or title>``, ``?dry_run=true``, ``?filename=``.

    201 when a solution was created, 200 when all were updated (or on a dry
    run); each item lists what the import did (or would do) to each field
    (``fields``: updated, kept, unchanged) and its ``conflicts`` (kept);
    400 with located ``errors``, 413 too large, 415 not RDF. Only
    these RDF media types are taken: another site's HTML form cannot send
    them without a CORS preflight (the CSRF protection of this endpoint).
    """

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        form = self.request.form
        try:
            check_single(form, ("dry_run", "filename", "source"))
        except ParameterError as error:
            return bad_request(self.request, error)
        content_type = self.request.getHeader("Content-Type") or ""
        filename = form.get("filename") or None
        dry_run = str(form.get("dry_run", "")).lower() in TRUE
        if parsing.rdf_format(content_type=content_type) is None:
            result = importer.refuse(self.context, importer.UNSUPPORTED_FORMAT, filename=filename, dry_run=dry_run)
        elif _declared_size(self.request) > parsing.MAX_BODY_BYTES:
            result = importer.refuse(self.context, importer.TOO_LARGE, filename=filename, dry_run=dry_run)
        else:
            result = importer.import_rdf(
                self.context,
                _body(self.request),
                content_type=content_type,
                filename=filename,
                source_catalogue=form.get("source") or None,
                dry_run=dry_run,
            )
        return self._answer(result)

    def _answer(self, result):
        if result.errors:
            errors = [error.to_dict(self.request) for error in result.errors]
            head = error_answer(self.request, errors[0]["message"], status=STATUS.get(result.failure, 400))
            return {**head, "errors": errors}
        self.request.response.setStatus(201 if result.created and not result.dry_run else 200)
        return {
            "items": [
                {
                    "@id": item.get("url"),
                    "UID": item.get("uid"),
                    "original_uri": item["original_uri"],
                    "title": item["title"],
                    "created": item["created"],
                    "fields": [plan.to_dict() for plan in item["fields"]],
                    "conflicts": [plan.to_dict() for plan in item["fields"] if plan.conflict],
                }
                for item in result.items
            ],
            "created": len(result.created),
            "updated": len(result.updated),
            "source_catalogue": result.source_catalogue,
            "dry_run": result.dry_run,
            "warnings": [warning.to_dict(self.request) for warning in result.warnings],
        }


def _body(request) -> bytes:
    """The body, at most one byte over the cap (then refused as too large),
    read from the body file without loading more than that."""
    body = request.get("BODYFILE")
    if body is None:
        return request.get("BODY") or b""
    body.seek(0)
    return body.read(parsing.MAX_BODY_BYTES + 1)


def _declared_size(request) -> int:
    try:
        return int(request.getHeader("Content-Length") or 0)
    except ValueError:
        return 0
