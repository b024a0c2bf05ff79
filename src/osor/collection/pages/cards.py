"""Cards of listings, from catalog brains and their metadata only.

A card has an image, a title, a short description and the key facts of its
type; it never wakes the object. An item shown in another language than
the visitor's (a fallback) carries that language so that the page marks it.
"""

from . import formatting
from DateTime import DateTime
from osor.collection import _
from osor.collection.pages.shapes import Card
from osor.collection.pages.shapes import Image
from osor.collection.vocabularies.taxonomies import field_vocabulary
from osor.collection.vocabularies.taxonomies import SPATIAL_COVERAGE
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate


CARD_IMAGE_FIELDS = ("logo", "image")
DEVELOPMENT_STATUS = "osor.collection.vocabularies.DevelopmentStatus"
PUBLICATION_TYPE = "osor.collection.vocabularies.PublicationType"
CARD_SCALE = "preview"

# Type -> (singular, plural) headings of the homepage sections.
TYPE_TITLES = {
    "software_solution": _("heading_solutions", default="Solutions"),
    "case_study": _("heading_case_studies", default="Case studies"),
    "community_event": _("heading_events", default="Events"),
    "community_news": _("heading_news", default="News"),
    "publication": _("heading_publications", default="Publications"),
    "competence_centre": _("heading_competence_centres", default="Competence centres"),
}


def image_scale(brain, field: str, scale: str) -> Image | None:
    """``{"src", "width", "height"}`` of an image scale, from the ``image_scales`` metadata."""
    scales = getattr(brain, "image_scales", None) or {}
    try:
        data = scales[field][0]["scales"][scale]
    except (KeyError, IndexError, TypeError):
        return None
    src = data["download"]
    if not src.startswith("http"):
        src = f"{brain.getURL()}/{src}"
    return {"src": src, "width": data.get("width"), "height": data.get("height")}


def card_image(brain) -> Image | None:
    for field in CARD_IMAGE_FIELDS:
        found = image_scale(brain, field, CARD_SCALE)
        if found:
            return found
    return None


def is_set(value) -> bool:
    """Dublin Core dates that were never set read as 1970 (CMF's FLOOR_DATE) or year 1000."""
    return bool(value) and not (isinstance(value, DateTime) and value.year() <= 1970)


def _date(value) -> str:
    return api.portal.get_localized_time(datetime=value) if is_set(value) else ""


def _countries(brain) -> list[str]:
    return [
        formatting.term_title(field_vocabulary(SPATIAL_COVERAGE), code)
        for code in getattr(brain, "osor_countries", None) or []
    ]


def key_facts(brain) -> list[str]:
    """The few facts of a card, as short texts, by type; empty ones left out."""
    kind = brain.portal_type
    facts = []
    if kind == "software_solution":
        facts.append(formatting.term_title(DEVELOPMENT_STATUS, brain.osor_status))
        facts.extend(brain.osor_licences or [])
    elif kind == "case_study":
        year = getattr(brain, "osor_year", None)
        facts.append(str(year) if year else "")
        facts.extend(_countries(brain))
    elif kind == "community_event":
        facts.append(_date(brain.start))
        if getattr(brain, "osor_online", False):
            facts.append(translate(_("badge_online", default="Online"), context=getRequest()))
        facts.append(brain.location or "")
    elif kind == "community_news":
        facts.append(_date(brain.effective) or _date(brain.created))
    elif kind == "publication":
        facts.append(formatting.term_title(PUBLICATION_TYPE, getattr(brain, "osor_publication_type", None)))
    elif kind == "competence_centre":
        facts.extend(_countries(brain))
    return [fact for fact in facts if fact]


def card(entry: dict) -> Card:
    """A card from an entry of ``translations.prefer_language``."""
    brain = entry["brain"]
    return {
        "url": brain.getURL(),
        "title": brain.Title,
        "description": brain.Description or "",
        "image": card_image(brain),
        "facts": key_facts(brain),
        "featured": bool(getattr(brain, "osor_featured", False)),
        "language": entry["language"],
        "fallback": entry["fallback"],
        "fallback_language": formatting.language_name(entry["language"]) if entry["fallback"] else "",
    }
