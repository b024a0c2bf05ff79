"""Add and edit forms that feel finished for members.

Our rich-text fields are edited as HTML in the visual editor only: Plone
offers a "Text format" selector (text/html, textile...) under each rich
text when the site allows several formats, which means nothing to a
member and can turn their text into markup soup.
"""

from plone.app.z3cform.widgets.richtext import RichTextWidget
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
