"""GET <solution>/@publiccode: the solution as a publiccode.yml file.

The same answer for a REST client (``Accept: application/json`` or
``application/yaml``: the plone.restapi service) and for a browser or a
harvester following the link on the solution page (any other ``Accept``:
the view of the same name). The file is built by
``interop/publiccode/export.py``.
"""

from osor.collection.interop.publiccode.export import solution_to_publiccode_yaml
from plone.restapi.services import Service
from Products.Five.browser import BrowserView


CONTENT_TYPE = "application/yaml; charset=utf-8"


def publiccode_response(solution, request) -> str:
    """The YAML text, with the headers of a downloadable publiccode.yml."""
    text = solution_to_publiccode_yaml(solution)
    response = request.response
    response.setHeader("Content-Type", CONTENT_TYPE)
    # Shown in the browser, saved under the standard's file name.
    response.setHeader("Content-Disposition", 'inline; filename="publiccode.yml"')
    return text


class PubliccodeGet(Service):
    """The plone.restapi service (``Accept: application/json`` or YAML)."""

    def render(self):
        self.check_permission()
        return publiccode_response(self.context, self.request)


class PubliccodeFile(BrowserView):
    """The link on the solution page (a browser's ``Accept``)."""

    def __call__(self):
        return publiccode_response(self.context, self.request)
