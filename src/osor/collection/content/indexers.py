"""Catalog indexers of the content model.

Indexers, not ``indexed_attr``: the catalog would otherwise acquire a
value from a parent (a file inside a case study would get its year).
"""

from Acquisition import aq_base
from osor.collection.content.case_study import ICaseStudy
from osor.collection.content.community_collection import containing_collection
from osor.collection.content.community_event import ICommunityEvent
from osor.collection.content.competence_centre import ICompetenceCentre
from osor.collection.content.distribution import IDistribution
from osor.collection.content.legal_faq_entry import ILegalFaqEntry
from osor.collection.content.legal_request import ILegalRequest
from osor.collection.content.legal_request import licences_of as licences_of_request
from osor.collection.content.publication import IPublication
from osor.collection.content.release import IRelease
from osor.collection.content.software_solution import ISoftwareSolution
from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer
from plone.uuid.interfaces import IUUID


def own_attribute(interface, name):
    """An indexer for ``interface`` returning the object's own ``name`` value."""

    @indexer(interface)
    def index_attribute(obj):
        return getattr(aq_base(obj), name, None)

    return index_attribute


def licences_of(interface):
    """An indexer of the SPDX ids of a many-licence (``licences``) or
    one-licence (``licence``) item."""

    @indexer(interface)
    def index_licences(obj):
        many = getattr(aq_base(obj), "licences", None)
        if many is not None:
            return list(many)
        one = getattr(aq_base(obj), "licence", None)
        return [one] if one else []

    return index_licences


@indexer(IDexterityContent)
def collection_uid(obj):
    collection = containing_collection(obj)
    return IUUID(collection) if collection is not None else None


@indexer(ICompetenceCentre)
def competence_centre_country(obj):
    return [obj.country] if obj.country else []


solution_status = own_attribute(ISoftwareSolution, "development_status")
release_status = own_attribute(IRelease, "development_status")
release_date = own_attribute(IRelease, "release_date")
solution_type = own_attribute(ISoftwareSolution, "solution_type")
case_study_year = own_attribute(ICaseStudy, "year")
administration_level = own_attribute(ICaseStudy, "administration_level")
event_scope = own_attribute(ICommunityEvent, "scope")
event_online = own_attribute(ICommunityEvent, "online")
legal_category = own_attribute(ILegalRequest, "category")
legal_faq_category = own_attribute(ILegalFaqEntry, "category")
competence_centre_focus = own_attribute(ICompetenceCentre, "focus")
publication_type = own_attribute(IPublication, "publication_type")
solution_licences = licences_of(ISoftwareSolution)
distribution_licence = licences_of(IDistribution)
legal_faq_licences = licences_of(ILegalFaqEntry)
publication_licence = licences_of(IPublication)


@indexer(ILegalRequest)
def legal_request_licences(obj):
    """The licences chosen and those of the request's expression."""
    return licences_of_request(obj)
