"""Our content types, as the default profile declares them."""

from functools import cache
from lxml import etree
from pathlib import Path
from plone.dexterity.content import Container
from zope.dottedname.resolve import resolve


TYPES_DIRECTORY = Path(__file__).parent.parent / "profiles" / "default" / "types"


@cache
def our_type_classes() -> dict[str, str]:
    """Type id -> dotted name of its content class, from the profile's FTIs."""
    root = etree.parse(str(TYPES_DIRECTORY.parent / "types.xml")).getroot()
    classes = {}
    for fti in root.iterfind("object"):
        type_id = fti.get("name")
        definition = etree.parse(str(TYPES_DIRECTORY / f"{type_id}.xml")).getroot()
        classes[type_id] = definition.findtext("property[@name='klass']").strip()
    return classes


def our_types() -> tuple[str, ...]:
    return tuple(our_type_classes())


def is_folderish(type_id: str) -> bool:
    return issubclass(resolve(our_type_classes()[type_id]), Container)


def folderish_types() -> tuple[str, ...]:
    return tuple(type_id for type_id in our_types() if is_folderish(type_id))
