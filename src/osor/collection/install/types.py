"""Our content types, as the default profile declares them, and the
changes upgrades make to a site's types one at a time."""

from functools import cache
from lxml import etree
from pathlib import Path
from plone import api
from plone.dexterity.content import Container
from plone.dexterity.fti import DexterityFTI
from Products.GenericSetup.context import DirectoryImportContext
from Products.GenericSetup.interfaces import IBody
from zope.component import getMultiAdapter
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


def add_behavior(type_id: str, behavior: str) -> bool:
    """Add ``behavior`` to the type ``type_id`` unless it has it; return
    whether it was added. The type's other behaviors, ours or a site
    administrator's, are kept (re-importing the ``typeinfo`` step would
    reset them to the profile's list)."""
    fti = api.portal.get_tool("portal_types").getTypeInfo(type_id)
    if fti is None or behavior in fti.behaviors:
        return False
    fti.manage_changeProperties(behaviors=(*fti.behaviors, behavior))
    return True


def add_type_from_profile(type_id: str) -> bool:
    """Create the type ``type_id`` as ``profiles/default/types`` declares it,
    unless the site has it; return whether it was created. Other types are
    left as they are."""
    portal_types = api.portal.get_tool("portal_types")
    if portal_types.getTypeInfo(type_id) is not None:
        return False
    portal_types._setObject(type_id, DexterityFTI(type_id))
    environment = DirectoryImportContext(api.portal.get_tool("portal_setup"), str(TYPES_DIRECTORY.parent))
    importer = getMultiAdapter((portal_types[type_id], environment), IBody)
    importer.body = (TYPES_DIRECTORY / f"{type_id}.xml").read_bytes()
    return True


def retitle_type(type_id: str, old_title: str, new_title: str) -> bool:
    """Give the type ``type_id`` the title ``new_title`` if it still has
    ``old_title`` (a title a site administrator chose is kept)."""
    fti = api.portal.get_tool("portal_types").getTypeInfo(type_id)
    if fti is None or fti.title != old_title:
        return False
    fti.manage_changeProperties(title=new_title)
    return True
