"""Translatable types and language-independent fields (plone.app.multilingual)."""

from plone import api
from plone.app.multilingual import api as pam_api
from plone.app.multilingual.dx.interfaces import ILanguageIndependentField
from plone.app.multilingual.interfaces import ITranslatable
from plone.dexterity.utils import iterSchemataForType
from zope.lifecycleevent import modified
from zope.schema import getFieldsInOrder

import pytest


# Our language-independent fields, by type (behaviors included).
LANGUAGE_INDEPENDENT = {
    "community_collection": [
        "access_url", "banner", "contact_points", "logo", "owner_type", "spatial_coverage", "topics",
    ],
    "software_solution": [
        "contact_points", "development_status", "documentation_url", "harvested", "interface_languages",
        "issue_tracker_url", "landing_page", "licence_expression", "licences", "logo",
        "original_uri", "other_repositories", "owner_type", "programming_languages", "repository_url",
        "solution_type", "source_catalogue", "spatial_coverage", "stakeholders", "topics",
    ],
    "solution_release": ["development_status", "release_date", "swhid", "version"],
    "solution_distribution": ["access_url", "file", "file_format", "licence"],
    "case_study": ["administration_level", "spatial_coverage", "stakeholders", "topics", "year"],
    "community_event": [
        "online", "organiser", "organiser_type", "registration_url", "scope", "spatial_coverage",
        "stakeholders", "topics", "virtual_location",
    ],
    "competence_centre": [
        "country", "email", "focus", "kind", "languages_served", "latitude", "longitude",
        "postal_address", "region", "topics", "website",
    ],
    "legal_request": ["answered_on", "category", "licences"],
    "community_news": ["source_url", "spatial_coverage", "stakeholders", "topics"],
    "publication": [
        "external_url", "file", "licence", "publication_date", "publication_type",
        "spatial_coverage", "topics",
    ],
}  # fmt: skip


def language_independent(portal_type: str) -> list[str]:
    return sorted(
        name
        for schema in iterSchemataForType(portal_type)
        if schema.__module__.startswith("osor.collection.")
        for name, field in getFieldsInOrder(schema)
        if ILanguageIndependentField.providedBy(field)
    )


@pytest.mark.parametrize("portal_type", LANGUAGE_INDEPENDENT)
def test_language_independent_fields(portal, portal_type):
    assert language_independent(portal_type) == LANGUAGE_INDEPENDENT[portal_type]


def test_community_content_is_translatable_without_multilingual_installed(portal, solution, installer):
    assert not installer.is_product_installed("plone.app.multilingual")
    assert ITranslatable.providedBy(solution)


def test_translations_share_language_independent_fields(multilingual):
    collection = api.content.create(container=multilingual["en"], type="community_collection", id="osor", title="OSOR")
    solution = api.content.create(
        container=collection,
        type="software_solution",
        id="app",
        title="App",
        licences=["EUPL-1.2"],
        topics=["GOVE-interoperability"],
        body=None,
    )
    pam_api.translate(collection, "fr")
    translation = pam_api.translate(solution, "fr")
    assert translation.absolute_url_path() == "/plone/fr/osor/app"
    assert translation.Language() == "fr"
    assert translation.licences == ["EUPL-1.2"]

    solution.licences = ["EUPL-1.2", "MIT"]
    solution.topics = ["TECH-open-standards"]
    modified(solution)
    assert translation.licences == ["EUPL-1.2", "MIT"]
    assert translation.topics == ["TECH-open-standards"]
