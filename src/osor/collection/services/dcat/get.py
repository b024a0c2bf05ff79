"""GET <site | language root | collection | solution>/@dcat (interop/dcat/)."""

from osor.collection import _
from osor.collection.content.software_solution import ISoftwareSolution
from osor.collection.interop.dcat import formats
from osor.collection.interop.dcat import selection
from osor.collection.interop.dcat.graph import catalog_graph
from osor.collection.interop.dcat.graph import solution_graph
from osor.collection.parameters import ParameterError
from osor.collection.parameters import single
from osor.collection.services.errors import bad_request
from osor.collection.services.errors import error_answer
from plone.base.interfaces.siteroot import IPloneSiteRoot
from plone.restapi.services import _no_content_marker
from plone.restapi.services import Service
from Products.Five.browser import BrowserView

import json


def answer(context, request) -> bytes:
    """The export of ``context`` in the serialisation the request asks for,
    or a JSON error (400 unknown format, 406 unacceptable, 404 not public)."""
    response = request.response
    try:
        serialisation = formats.choose(single(request.form, "format") or None, request.getHeader("Accept"))
    except ParameterError as error:
        request.response.setHeader("Content-Type", "application/json")
        return json.dumps(bad_request(request, error)).encode("utf-8")
    except formats.UnknownFormat as error:
        return _error(
            request,
            400,
            _(
                "error_dcat_unknown_format",
                default="Unknown format '${format}': use one of ${formats}.",
                mapping={"format": str(error), "formats": ", ".join(formats.BY_NAME)},
            ),
            valid_formats=list(formats.BY_NAME),
        )
    except formats.NotAcceptable:
        return _error(
            request,
            406,
            _(
                "error_dcat_not_acceptable",
                default="None of the accepted media types can be served: use one of ${types}.",
                mapping={"types": ", ".join(formats.media_types_answered())},
            ),
            valid_media_types=formats.media_types_answered(),
        )
    if not (IPloneSiteRoot.providedBy(context) or selection.is_public(context)):
        return _error(
            request,
            404,
            _("error_dcat_not_public", default="Only published content is exported."),
        )
    graph = solution_graph(context) if ISoftwareSolution.providedBy(context) else catalog_graph(context)
    response.setHeader("Content-Type", f"{serialisation.media_type}; charset=utf-8")
    response.setHeader("Vary", "Accept")
    return formats.serialise(graph, serialisation)


def _error(request, status: int, message, **details) -> bytes:
    """The one error shape, written out: this service answers RDF bytes."""
    answer = error_answer(request, message, status=status, **details)
    request.response.setHeader("Content-Type", "application/json")
    return json.dumps(answer).encode("utf-8")


class DcatService(Service):
    """For JSON clients (Accept: application/json, ++api++): JSON-LD."""

    def render(self):
        self.check_permission()
        return answer(self.context, self.request)

    def reply(self):  # render() answers; kept for plone.restapi's contract
        return _no_content_marker


class DcatView(BrowserView):
    """For every other Accept header (see configure.zcml)."""

    def __call__(self):
        return answer(self.context, self.request)
