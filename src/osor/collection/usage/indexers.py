"""What the faceted search knows of a solution's users (catalog.xml)."""

from osor.collection.content.software_solution import ISoftwareSolution
from osor.collection.usage import declarations
from osor.collection.usage.vitality import RANK
from osor.collection.usage.vitality import stored_vitality
from plone.indexer import indexer


USED_IN_COUNTRY_INDEX = "osor_used_in_country"
HAS_REFERENTS_INDEX = "osor_has_referents"
VITALITY_INDEX = "osor_vitality"
VITALITY_RANK_INDEX = "osor_vitality_rank"
# The one token of the "has referents" facet (vocabularies.yaml: usage_referents).
HAS_REFERENTS = "yes"


@indexer(ISoftwareSolution)
def used_in_country(solution):
    return declarations.used_in_countries(solution)


@indexer(ISoftwareSolution)
def has_referents_token(solution):
    # None leaves the solution out of the index: the facet counts only "yes".
    return HAS_REFERENTS if declarations.has_referents(solution) else None


@indexer(ISoftwareSolution)
def vitality(solution):
    stored = stored_vitality(solution)
    return stored["state"] if stored else None


@indexer(ISoftwareSolution)
def vitality_rank(solution):
    stored = stored_vitality(solution)
    return RANK[stored["state"]] if stored else None
