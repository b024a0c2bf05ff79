"""Add and edit forms that feel finished for members.

The tabs of a form come in the order a contributor fills them in: the
essentials, then our own tabs (owner and contact, links, technical
details...), and Plone's generic ones (categorization, dates, ownership,
settings) last; Plone would put them in the order of the type's behaviors.

Our rich-text fields are edited as HTML in the visual editor only: Plone
offers a "Text format" selector (text/html, textile...) under each rich
text when the site allows several formats, which means nothing to a
member and can turn their text into markup soup.
"""

from plone.app.z3cform.widgets.richtext import RichTextWidget
from plone.z3cform.fieldsets.extensible import FormExtender
from z3c.form.widget import FieldWidget


HTML = "text/html"


class HtmlOnlyRichTextWidget(RichTextWidget):
    """Plone's rich-text widget (TinyMCE), without the format selector on our fields."""

    def allowedMimeTypes(self):
        if _is_ours(self.field):
            return [HTML]
        return super().allowedMimeTypes()


def _is_ours(field) -> bool:
    interface = getattr(field, "interface", None)
    return bool(interface) and interface.__module__.startswith("osor.collection.")


def HtmlOnlyRichTextFieldWidget(field, request):
    return FieldWidget(field, HtmlOnlyRichTextWidget(request))


class OurTabsFirst(FormExtender):
    """Put the tabs holding fields of osor.collection before Plone's own."""

    order = 1000  # after the extenders that add fields

    def update(self):
        groups = list(self.form.groups)
        self.form.groups = sorted(groups, key=lambda group: not _has_our_fields(group))


def _has_our_fields(group) -> bool:
    return any(_is_ours(field.field) for field in group.fields.values())
