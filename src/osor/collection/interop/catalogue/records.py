"""A software solution as a record of the catalogue (plain JSON data).

Identifiers are UUIDs (stable across renames and moves); vocabulary values
are tokens (a harvester maps them itself; the titles are in the taxonomies
and at ``@vocabularies``); dates are ISO 8601. Releases and distributions
are part of their solution's record, listed when visitors may see them (a
pending addition is not). ``url_for`` turns a physical path into a URL, so
the same code serves a request and the streamed dump, which has none.
"""

from Acquisition import aq_base
from datetime import datetime
from datetime import UTC
from osor.collection.content.community_collection import containing_collection
from osor.collection.content.distribution import IDistribution
from osor.collection.content.release import IRelease
from osor.collection.interop.catalogue.changes import changed_time
from osor.collection.interop.catalogue.visibility import visible_to_anonymous
from plone.app.multilingual.interfaces import ITG
from plone.uuid.interfaces import IUUID
from Products.CMFCore.utils import getToolByName


SOLUTION_URLS = ("landing_page", "repository_url", "issue_tracker_url", "documentation_url")


def solution_record(solution, url_for) -> dict:
    """The catalogue record of ``solution``, with its releases."""
    collection = containing_collection(solution)
    return {
        "@type": "software_solution",
        "@id": url_for(solution.getPhysicalPath()),
        "uid": IUUID(solution),
        "title": solution.title or "",
        "description": solution.description or "",
        "solution_type": _tokens(solution, "solution_type"),
        "topics": _tokens(solution, "topics"),
        "countries": _tokens(solution, "spatial_coverage"),
        "licences": _tokens(solution, "licences"),
        "licence_expression": _licence_expression(solution),
        "development_status": _value(solution, "development_status"),
        "review_state": getToolByName(solution, "portal_workflow").getInfoFor(solution, "review_state", None),
        **{name: _value(solution, name) for name in SOLUTION_URLS},
        "programming_languages": _tokens(solution, "programming_languages"),
        "interface_languages": _tokens(solution, "interface_languages"),
        "owner": {
            "name": _value(solution, "owner_name"),
            "type": _value(solution, "owner_type"),
        },
        "used_by": _tokens(solution, "used_by"),
        "language": _value(solution, "language") or None,
        "translation_group": ITG(solution, None),
        "collection": IUUID(collection) if collection is not None else None,
        "created": _iso(solution.created()),
        "modified": _iso(solution.modified()),
        "catalogue_modified": _iso_seconds(changed_time(solution)),
        "releases": [release_record(release, url_for) for release in _visible_children(solution, IRelease)],
    }


def release_record(release, url_for) -> dict:
    return {
        "@id": url_for(release.getPhysicalPath()),
        "uid": IUUID(release),
        "title": release.title or "",
        "version": _value(release, "version"),
        "release_date": _iso_date(_value(release, "release_date")),
        "development_status": _value(release, "development_status"),
        "created": _iso(release.created()),
        "modified": _iso(release.modified()),
        "distributions": [
            distribution_record(distribution, url_for) for distribution in _visible_children(release, IDistribution)
        ],
    }


def distribution_record(distribution, url_for) -> dict:
    file = _value(distribution, "file")
    if file:
        filename = file.filename or "file"
        download = url_for(distribution.getPhysicalPath()) + f"/@@download/file/{filename}"
    else:
        download = _value(distribution, "access_url")
    return {
        "@id": url_for(distribution.getPhysicalPath()),
        "uid": IUUID(distribution),
        "title": distribution.title or "",
        "download_url": download,
        "licence": _value(distribution, "licence"),
        "format": _value(distribution, "file_format"),
        "byte_size": file.getSize() if file else None,
        "created": _iso(distribution.created()),
        "modified": _iso(distribution.modified()),
    }


def _visible_children(container, interface):
    children = [child for child in container.objectValues() if interface.providedBy(child)]
    return [child for child in children if visible_to_anonymous(child)]


def _value(obj, name):
    # The object's own value: never one acquired from a container.
    return getattr(aq_base(obj), name, None)


def _tokens(obj, name) -> list:
    return list(_value(obj, name) or [])


def _licence_expression(solution):
    licences = _tokens(solution, "licences")
    return _value(solution, "licence_expression") or " OR ".join(licences) or None


def _iso(moment) -> str | None:
    return moment.ISO8601() if moment is not None else None


def _iso_date(day) -> str | None:
    return day.isoformat() if day is not None else None


def _iso_seconds(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
