"""The interface in any of the 24 EU languages, whatever the content languages.

Plone binds one language to a request: the content language, chosen among
the site's content languages (``plone.available_languages``: the language
folders of plone.app.multilingual, the language switcher, the catalog's
language filter all follow it). A site admin picks a few of them; its
visitors speak any of the 24 official EU languages. A visitor whose browser
asks for Maltese on a site with English, French and German content reads
the English content, and the interface (every message of Plone and ours)
in Maltese.

The interface language is, in this order:
1. ``?set_language=<code>`` (kept in the ``osor_interface_language``
   cookie, so the next pages follow);
2. that cookie;
3. the browser's first EU language (``Accept-Language``), where the site
   follows the browser's language (Plone's language settings).
It only differs from the content language when it names an EU language the
site has no content in: a content language stays Plone's business (its
switcher, cookie and negotiation), so nothing changes for sites whose
visitors' languages are all content languages.

The page then says so: ``<html lang>`` is the interface language and the
content area is marked with the content language (WCAG 3.1.1 and 3.1.2).
"""

from lxml import etree
from lxml import html
from osor.collection.interfaces import IOsorCollectionLayer
from osor.collection.vocabularies.language import base_language
from osor.collection.vocabularies.language import CHOSEN_INTERFACE_LANGUAGE
from osor.collection.vocabularies.language import interface_language
from plone.i18n.negotiate.ptsnegotiator import PTSLanguages
from plone.transformchain.interfaces import ITransform
from repoze.xmliter.serializer import XMLSerializer
from repoze.xmliter.utils import getHTMLSerializer
from zope.component import adapter
from zope.i18n.interfaces import IUserPreferredLanguages
from zope.interface import implementer
from zope.interface import Interface


# The content's own texts on a page: Plone's fields and the body of our
# pages; the heading and description when they are the item's title and
# description (a view's own heading is interface text).
CONTENT_TEXT_XPATH = (
    "//*[starts-with(@id, 'parent-fieldname-')] | //*[contains(concat(' ', @class, ' '), ' osor-body ')]"
)
TITLE_XPATH = (
    "//h1[contains(concat(' ', @class, ' '), ' documentFirstHeading ')]"
    " | //*[contains(concat(' ', @class, ' '), ' documentDescription ')]"
)


@implementer(IUserPreferredLanguages)
@adapter(IOsorCollectionLayer)
class InterfaceLanguages:
    """The interface language first, then Plone's (content) languages."""

    def __init__(self, request):
        self.request = request

    def getPreferredLanguages(self):
        bound = list(PTSLanguages(self.request).getPreferredLanguages())
        chosen = interface_language(self.request)
        return [chosen, *bound] if chosen else bound


@implementer(ITransform)
@adapter(Interface, IOsorCollectionLayer)
class MarkInterfaceLanguage:
    """``<html lang>`` names the interface language, the content's own texts
    keep the content language (after plone.app.theming, 8850, on the tree it
    parsed; plone.protect parses it at 9000 otherwise)."""

    order = 8900

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def transformBytes(self, result, encoding):
        return self.transformIterable([result], encoding)

    def transformString(self, result, encoding):
        return self.transformIterable([result], encoding)

    def transformIterable(self, result, encoding):
        chosen = self.request.other.get(CHOSEN_INTERFACE_LANGUAGE)
        if not chosen or not self._is_html():
            return None
        if not isinstance(result, XMLSerializer):
            try:
                result = getHTMLSerializer(result, pretty_print=False, encoding=encoding)
            except (AttributeError, TypeError, etree.ParseError):
                return None
            result.serializer = html.tostring
        root = result.tree.getroot()
        content_language = root.get("lang")
        if content_language and base_language(content_language) != chosen:
            for text in self._content_texts(root):
                text.set("lang", text.get("lang") or content_language)
        root.set("lang", chosen)
        return result

    def _content_texts(self, root) -> list:
        context = getattr(self.published, "context", None)
        own = {" ".join(str(getattr(context, name, lambda: "")() or "").split()) for name in ("Title", "Description")}
        titles = [element for element in root.xpath(TITLE_XPATH) if " ".join(element.text_content().split()) in own]
        return [*root.xpath(CONTENT_TEXT_XPATH), *titles]

    def _is_html(self) -> bool:
        response = self.request.response
        return response.status == 200 and (response.getHeader("Content-Type") or "").startswith("text/html")
