"""What a publiccode.yml says about a solution, as the values of our fields.

Pure functions over the validated data (normalised to v0.7.0 by the
validator): nothing here reads or writes content. ``solution_values`` gives
the values shared by every language, ``texts_in`` those of one
``description.<lang>``, ``release_values`` the release of ``softwareVersion``.
What a field cannot hold (phone numbers, screenshots, platforms, fundedBy…)
stays in the stored file (``storage.py``).

The README's mapping table documents this module (docs/publiccode.md).
"""

from datetime import date
from osor.collection.interop.publiccode.mapping import mapped
from osor.collection.licences.spdx import licence_ids_in
from osor.collection.licences.vocabulary import LicencesVocabulary
from osor.collection.vocabularies.taxonomies import SPATIAL_COVERAGE
from osor.collection.vocabularies.taxonomies import tokens
from osor.collection.vocabularies.taxonomies import TOPICS
from plone.app.textfield.value import RichTextValue
from pycountry import languages as iso_languages


def _unique(values) -> list:
    seen = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [item for item in value or [] if isinstance(item, str)]


def solution_values(data: dict) -> tuple[dict, list[tuple]]:
    """(field name -> value, notes): the language-independent part of ``data``.

    Only the fields the file speaks of are planned: a key the file leaves out
    leaves its field alone (a missing list is not an empty list).
    ``notes`` are (path, message id, default, mapping) for values kept only in
    the stored file, which the importer reports as warnings.
    """
    notes = []
    legal = data.get("legal") or {}
    maintenance = data.get("maintenance") or {}
    organisation = data.get("organisation") or {}
    audience = data.get("intendedAudience") or {}
    localisation = data.get("localisation") or {}
    owner_given = any(_mentions(source, key) for source, key in _owner_sources(organisation, legal))
    planned = {
        "title": (True, lambda: data.get("name") or ""),
        "repository_url": (True, lambda: data.get("url") or None),
        "landing_page": (_mentions(data, "landingURL"), lambda: data.get("landingURL") or None),
        "development_status": (
            _mentions(data, "developmentStatus"),
            lambda: mapped("development_status", data.get("developmentStatus")),
        ),
        "solution_type": (
            _mentions(data, "softwareType"),
            lambda: _unique([mapped("software_type", data.get("softwareType"))]),
        ),
        "topics": (_mentions(data, "categories") or _mentions(audience, "scope"), lambda: _topics(data)),
        # Categories are kept verbatim as keywords, with or without an
        # equivalent among our topics.
        "subject": (_mentions(data, "categories"), lambda: tuple(_unique(_strings(data.get("categories"))))),
        "owner_name": (owner_given, lambda: _owner_name(organisation, legal)),
        "contact_points": (
            _mentions(maintenance, "contacts"),
            lambda: [_contact_point(contact) for contact in maintenance.get("contacts") or []],
        ),
        "used_by": (_mentions(data, "usedBy"), lambda: _unique(_strings(data.get("usedBy")))),
        "interface_languages": (
            _mentions(localisation, "availableLanguages"),
            lambda: _interface_languages(localisation, notes),
        ),
        "spatial_coverage": (_mentions(audience, "countries"), lambda: _countries(audience, notes)),
    }
    values = {name: value() for name, (given, value) in planned.items() if given}
    if _mentions(legal, "license"):
        values.update(_licences(legal, notes))
    return values, notes


def _mentions(mapping: dict, key: str) -> bool:
    """Whether the file gives ``key`` a value (a null is no value)."""
    return isinstance(mapping, dict) and mapping.get(key) is not None


def _owner_sources(organisation: dict, legal: dict) -> tuple:
    return ((organisation, "name"), (legal, "mainCopyrightOwner"), (legal, "repoOwner"))


def _topics(data: dict) -> list[str]:
    known = set(tokens(TOPICS))
    candidates = [mapped("categories", category) for category in _strings(data.get("categories"))]
    scopes = (data.get("intendedAudience") or {}).get("scope")
    candidates += [mapped("intended_audience_scope", scope) for scope in _strings(scopes)]
    return [token for token in _unique(candidates) if token in known]


def _owner_name(organisation: dict, legal: dict) -> str | None:
    for name in (organisation.get("name"), legal.get("mainCopyrightOwner"), legal.get("repoOwner")):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None


def _contact_point(contact: dict) -> dict:
    return {"name": contact.get("name") or "", "email": contact.get("email") or None, "url": None}


def _interface_languages(localisation: dict, notes: list) -> list[str]:
    """ISO 639-1 codes of the BCP 47 tags (``pt-BR`` is Portuguese)."""
    codes = []
    for index, tag in enumerate(_strings(localisation.get("availableLanguages"))):
        primary = tag.split("-")[0].lower()
        if len(primary) == 2 and iso_languages.get(alpha_2=primary) is not None:
            codes.append(primary)
        else:
            notes.append((
                f"localisation.availableLanguages[{index}]",
                "publiccode_note_language_kept",
                "The language ${tag} has no two-letter ISO 639-1 code: it is kept in the "
                "stored file but not listed among the interface languages.",
                {"tag": tag},
            ))
    return _unique(codes)


def _countries(audience: dict, notes: list) -> list[str]:
    known = set(tokens(SPATIAL_COVERAGE))
    codes = []
    for index, country in enumerate(_strings(audience.get("countries"))):
        code = country.upper()
        if code in known:
            codes.append(code)
        else:
            notes.append((
                f"intendedAudience.countries[{index}]",
                "publiccode_note_country_kept",
                "The country ${country} is not in our spatial coverage (European countries): "
                "it is kept in the stored file.",
                {"country": country},
            ))
    return _unique(codes)


def _licences(legal: dict, notes: list) -> dict:
    """Both the SPDX expression and the ids in it that our licence list knows."""
    expression = legal.get("license")
    if not isinstance(expression, str) or not expression.strip():
        return {"licence_expression": None, "licences": []}
    known = LicencesVocabulary()
    ids = []
    for licence_id in licence_ids_in(expression):
        if licence_id in known:
            ids.append(licence_id)
        else:
            notes.append((
                "legal.license",
                "publiccode_note_licence_deprecated",
                "${licence} is a deprecated SPDX identifier: the expression is kept as written, "
                "but the licence is not listed among the solution's licences (use its current "
                "SPDX identifier, such as GPL-3.0-only).",
                {"licence": licence_id},
            ))
    return {"licence_expression": expression.strip(), "licences": ids}


def texts_in(data: dict, language: str) -> dict:
    """The texts of ``description.<language>`` as field values (only those
    the file gives: the name is always given)."""
    description = (data.get("description") or {}).get(language) or {}
    texts = {"title": description.get("localisedName") or data.get("name") or ""}
    if _mentions(description, "shortDescription"):
        texts["description"] = " ".join((description.get("shortDescription") or "").split())
    if _mentions(description, "longDescription"):
        long_description = description.get("longDescription") or ""
        texts["body"] = (
            RichTextValue(long_description, "text/x-web-markdown", "text/x-html-safe") if long_description else None
        )
    if _mentions(description, "documentation"):
        texts["documentation_url"] = description.get("documentation") or None
    return texts


def description_languages(data: dict) -> list[str]:
    return [language for language in (data.get("description") or {}) if isinstance(language, str)]


def release_values(data: dict) -> dict | None:
    """The release of ``softwareVersion`` (with ``releaseDate``), or None."""
    version = data.get("softwareVersion")
    if version is None or str(version).strip() == "":
        return None
    return {
        "version": str(version).strip(),
        "release_date": _date(data.get("releaseDate")),
        "development_status": mapped("development_status", data.get("developmentStatus")),
    }


def _date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
