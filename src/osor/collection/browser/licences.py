"""The licence compatibility checker page (the work is in licences/)."""

from osor.collection import _
from osor.collection.licences.compatibility import check_compatibility
from osor.collection.licences.compatibility import UnknownLicence
from Products.Five.browser import BrowserView
from zope.i18n import translate


class LicenceCompatibilityView(BrowserView):
    """Asks for an inbound and an outbound licence; shows the sourced answer."""

    result = None
    error = None

    def __call__(self):
        self.inbound = (self.request.form.get("inbound") or "").strip()
        self.outbound = (self.request.form.get("outbound") or "").strip()
        if self.inbound and self.outbound:
            try:
                self.result = check_compatibility(self.inbound, self.outbound)
            except UnknownLicence as error:
                self.error = translate(
                    _(
                        "error_unknown_spdx_id",
                        default="“${value}” is not an SPDX licence identifier.",
                        mapping={"value": error.value},
                    ),
                    context=self.request,
                )
        return self.index()

    def verdict_title(self):
        titles = {
            "compatible": _("verdict_compatible", default="Compatible"),
            "not_compatible": _("verdict_not_compatible", default="Not compatible"),
            "depends": _("verdict_depends", default="It depends"),
        }
        return translate(titles[self.result["verdict"]], context=self.request)
