"""The fields of the bench's items, from the values drawn for each: one
definition for both fills (``bench.py`` through ``plone.api``,
``fast_fill.py`` without its events), so that they store the same."""


def solution(values) -> dict:
    return {
        **_named("solution", values),
        "spatial_coverage": values["countries"],
        "topics": values["topics"],
        "licences": [values["licence"]],
        "development_status": values["status"],
        "owner_type": values["owner_type"],
    }


def release(values) -> dict:
    return {"id": "release", "title": "1.0", "version": "1.0"}


def distribution(values) -> dict:
    return {
        "id": "distribution",
        "title": "Download",
        "access_url": "https://example.org/download",
        "licence": values["licence"],
    }


def document(values) -> dict:
    """A Document with the solution's facet values as Subject keywords."""
    return {
        **_named("document", values),
        "subject": values["countries"] + values["topics"],
    }


def _named(kind, values) -> dict:
    number, words = values["number"], values["words"]
    return {
        "id": f"{kind}-{number}",
        "title": f"{kind.capitalize()} {number} {words}",
        "description": f"A {kind} about {words}.",
    }
