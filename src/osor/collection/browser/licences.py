"""The licence pages, list, comparison and compatibility checker (the work is in licences/)."""

from osor.collection import _
from osor.collection.browser.licence_widget import combobox_messages
from osor.collection.browser.licence_widget import RESOURCES
from osor.collection.licences.compatibility import check_compatibility
from osor.collection.licences.compatibility import UnknownLicence as UnknownLicenceExpression
from osor.collection.licences.knowledge import compare
from osor.collection.licences.knowledge import FACT_GROUPS
from osor.collection.licences.knowledge import find_licences
from osor.collection.licences.knowledge import licence_data
from osor.collection.licences.knowledge import licence_facts
from osor.collection.licences.knowledge import parse_filters
from osor.collection.licences.knowledge import UnknownLicence
from osor.collection.licences.labels import COPYLEFT_TITLES
from osor.collection.licences.labels import FACT_GROUP_TITLES
from osor.collection.licences.labels import FACT_TITLES
from osor.collection.licences.labels import VERDICT_TITLES
from osor.collection.licences.pages import licence_page_url
from osor.collection.parameters import ParameterError
from osor.collection.parameters import raise_bad_request
from osor.collection.parameters import REPEATED
from osor.collection.parameters import single
from plone import api
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.i18n import translate


FIELD_MISSING = {
    "inbound": _(
        "error_inbound_licence_missing",
        default="Enter the licence of the code you reuse (an SPDX id such as GPL-2.0-only, or an expression).",
    ),
    "outbound": _(
        "error_outbound_licence_missing",
        default="Enter the licence of your work (an SPDX id such as EUPL-1.2, or an expression).",
    ),
}
FIELD_UNKNOWN = _(
    "error_licence_not_spdx",
    default="“${value}” is not a known SPDX licence id or a complete expression: "
    "choose a licence from the list offered as you type.",
)
FIELD_REPEATED = _("error_licence_repeated", default="Give one licence expression only.")


class LicenceCompatibilityView(BrowserView):
    """Asks for an inbound and an outbound licence; shows the sourced answer.

    A *Check* with a field empty or not understood shows the form again
    (400) with, under each field concerned, what is missing: the message
    is tied to its field (``aria-describedby``, ``aria-invalid``)."""

    FIELDS = ("inbound", "outbound")

    result = None

    def __call__(self):
        form = self.request.form
        self.errors = {}
        values = {}
        # The blank form asks; once either is given, both are needed.
        asked = any(name in form for name in self.FIELDS)
        for name in self.FIELDS:
            try:
                values[name] = single(form, name, required=asked)
            except ParameterError as error:
                values[name] = ""
                self.errors[name] = FIELD_REPEATED if error.message is REPEATED else FIELD_MISSING[name]
        self.inbound, self.outbound = values["inbound"], values["outbound"]
        if asked and not self.errors:
            try:
                self.result = check_compatibility(self.inbound, self.outbound)
            except UnknownLicenceExpression as error:
                self.errors[error.field] = _(
                    "error_licence_not_spdx", default=FIELD_UNKNOWN.default, mapping={"value": error.value}
                )
        if self.errors:
            self.request.response.setStatus(400)
        return self.index()

    @property
    def error(self) -> str:
        """All the field errors, in the order of the fields (the summary)."""
        return " ".join(self.field_error(name) for name in self.FIELDS if name in self.errors)

    def field_error(self, name: str) -> str:
        message = self.errors.get(name)
        return translate(message, context=self.request) if message else ""

    def licence_choices_url(self) -> str:
        return f"{api.portal.get().absolute_url()}/@@licence-choices"

    def combobox_messages(self) -> str:
        return combobox_messages(self.request)

    def resources_url(self) -> str:
        return f"{api.portal.get().absolute_url()}/{RESOURCES}"

    def verdict_title(self):
        return translate(VERDICT_TITLES[self.result["verdict"]], context=self.request)


class LicenceFactsMixin:
    def fact_title(self, fact):
        return translate(FACT_TITLES.get(fact, fact), context=self.request)

    def copyleft_title(self, value):
        return translate(COPYLEFT_TITLES.get(value, value), context=self.request)

    def licence_url(self, spdx_id):
        return licence_page_url(spdx_id, self.context)


class LicenceListView(LicenceFactsMixin, BrowserView):
    """The public licence list, filterable by facts (``?copyleft=strong&patent_grant=true``)."""

    def __call__(self):
        try:
            self.filters = parse_filters(self.request.form)
        except ParameterError as error:
            raise_bad_request(self.request, error)
        except ValueError:
            self.filters = {}
        self.licences = find_licences(self.filters)
        return self.index()

    def boolean_facts(self):
        facts = licence_data()["facts"]
        return ["osi_approved", "fsf_libre"] + [fact for group in FACT_GROUPS for fact in facts[group]]

    def copyleft_values(self):
        return list(COPYLEFT_TITLES)

    def checked(self, fact):
        return self.filters.get(fact) is True


class LicenceView(LicenceFactsMixin, BrowserView):
    """One licence: its facts, sources and the solutions under it."""

    def __call__(self):
        try:
            spdx_id = single(self.request.form, "id")
        except ParameterError as error:
            raise_bad_request(self.request, error)
        try:
            self.licence = licence_facts(spdx_id)
        except UnknownLicence:
            raise NotFound(self.context, "licence", self.request) from None
        return self.index()

    def group_title(self, group):
        return translate(FACT_GROUP_TITLES[group], context=self.request)

    def fact_groups(self):
        return [(group, self.licence[group]) for group in FACT_GROUPS]

    def solutions(self):
        return api.content.find(
            portal_type="software_solution", osor_licences=self.licence["id"], sort_on="sortable_title"
        )


class LicenceComparisonView(LicenceFactsMixin, BrowserView):
    """Two to five licences side by side (``?ids=MIT,GPL-3.0-only,EUPL-1.2``)."""

    def __call__(self):
        ids = self.request.form.get("ids") or ""
        ids = ids if isinstance(ids, list) else ids.split(",")
        ids = [spdx_id.strip() for spdx_id in ids if spdx_id.strip()]
        self.error = None
        try:
            self.licences = compare(ids)
        except (ValueError, UnknownLicence):
            self.licences = []
            self.error = translate(
                _("error_compare_licences", default="Choose two to five known licences."), context=self.request
            )
        return self.index()

    def rows(self):
        facts = licence_data()["facts"]
        rows = [
            ("osi_approved", [lic["osi_approved"] for lic in self.licences]),
            ("fsf_libre", [lic["fsf_libre"] for lic in self.licences]),
        ]
        for group in FACT_GROUPS:
            for fact in facts[group]:
                rows.append((fact, [fact in lic[group] for lic in self.licences]))
        return rows
