"""A software solution as a publiccode.yml (v0.7.0): the importer in reverse.

``solution_to_publiccode(obj)`` answers the file as a dict whose keys follow
the order of the standard; ``publiccode_yaml(data)`` writes it as YAML text;
``solution_to_publiccode_yaml(obj)`` does both.

Nothing the publisher wrote is lost. A solution imported from a
publiccode.yml keeps that file (``storage.py``): the export starts from it
and, key by key, writes our value only where the solution has changed since
the import. Where our field still says what the importer read from the file,
the publisher's own value is written back (``beta`` stays ``beta``, though
both ``beta`` and ``development`` are our "under development"). So an import
followed by an export and a re-import leaves every field as it was, and a
solution typed in by hand gets a file built from its fields alone.

The vocabularies are read from ``mapping.yaml`` (its ``export`` tables), the
same data the importer reads.
"""

from datetime import date
from osor.collection.fields import software_heritage_url
from osor.collection.interop.catalogue.visibility import visible_to_anonymous
from osor.collection.interop.publiccode.mapping import export_table
from osor.collection.interop.publiccode.mapping import table
from osor.collection.interop.publiccode.storage import stored_publiccode
from osor.collection.interop.publiccode.validation import known_keys_only
from osor.collection.interop.publiccode.validation import rule_table
from osor.collection.interop.publiccode.values import description_languages
from osor.collection.interop.publiccode.values import release_values
from osor.collection.interop.publiccode.values import solution_values
from osor.collection.interop.publiccode.values import texts_in
from osor.collection.usage.declarations import organisation_names
from plone import api

import copy
import pycountry
import yaml


PUBLICCODE_VERSION = "0.7"

# The keys of the standard, in its order (https://yml.publiccode.tools/
# schema.core.html, and the reference parser's v0.go). Keys it does not list
# (country sections, a publisher's own keys) follow, in the file's order.
KEY_ORDER = {
    "": [
        "publiccodeYmlVersion",
        "name",
        "applicationSuite",
        "url",
        "landingURL",
        "isBasedOn",
        "softwareVersion",
        "releaseDate",
        "logo",
        "monochromeLogo",
        "organisation",
        "inputTypes",
        "outputTypes",
        "platforms",
        "categories",
        "usedBy",
        "fundedBy",
        "roadmap",
        "developmentStatus",
        "softwareType",
        "intendedAudience",
        "description",
        "legal",
        "maintenance",
        "localisation",
        "dependsOn",
        "IT",
        "it",
    ],
    "organisation": ["name", "uri"],
    "fundedBy[]": ["name", "uri"],
    "intendedAudience": ["scope", "countries", "unsupportedCountries"],
    "description.*": [
        "localisedName",
        "genericName",
        "shortDescription",
        "longDescription",
        "documentation",
        "apiDocumentation",
        "features",
        "screenshots",
        "videos",
        "awards",
    ],
    "legal": ["license", "mainCopyrightOwner", "repoOwner", "authorsFile"],
    "maintenance": ["type", "contractors", "contacts"],
    "maintenance.contractors[]": ["name", "email", "website", "until"],
    "maintenance.contacts[]": ["name", "email", "affiliation", "phone"],
    "localisation": ["localisationReady", "availableLanguages"],
    "dependsOn": ["open", "proprietary", "hardware"],
    "dependsOn.*[]": ["name", "versionMin", "versionMax", "optional", "version"],
}

# What a solution typed in by hand does not say, and the standard requires.
# The platform of most solutions in an observatory of public-sector software.
DEFAULT_PLATFORMS = ["web"]
DEFAULT_DEVELOPMENT_STATUS = "development"
DEFAULT_SOFTWARE_TYPE = "standalone/other"
# description.<lang>.shortDescription has at most 150 characters.
SHORT_DESCRIPTION_MAX = 150


def solution_to_publiccode_yaml(obj) -> str:
    """The publiccode.yml of the solution ``obj``, as YAML text."""
    return software_heritage_comment(obj) + publiccode_yaml(solution_to_publiccode(obj))


def software_heritage_comment(obj) -> str:
    """The SWHID of the newest release (the ``softwareVersion``), as comment
    lines heading the file. publiccode.yml 0.7 has no key for it and the
    reference parser refuses a key it does not know, so an ``x-`` key would
    make the file invalid; a comment travels with the file and keeps it
    valid ('' when the release has no SWHID)."""
    release = _newest_release(_imported_translation(obj))
    swhid = getattr(release, "swhid", None)
    url = software_heritage_url(swhid)
    if not url:
        return ""
    return f"# x-softwareHeritage: {swhid}\n# {url}\n"


def solution_to_publiccode(obj) -> dict:
    """The publiccode.yml of the solution ``obj``, as a dict in the standard's order."""
    obj = _imported_translation(obj)
    stored = stored_publiccode(obj)
    original = known_keys_only(_plain(stored["data"])) if stored else {}
    read = solution_values(original)[0] if original else {}
    data = copy.deepcopy(original)
    data["publiccodeYmlVersion"] = PUBLICCODE_VERSION
    data["name"] = _kept(obj.title, read.get("title"), original.get("name"))
    data["url"] = _repository(obj, read, original)
    _set(data, "landingURL", _kept(obj.landing_page, read.get("landing_page"), original.get("landingURL")))
    _release(obj, data, original)
    _logo(obj, data)
    data["platforms"] = original.get("platforms") or list(DEFAULT_PLATFORMS)
    _set(data, "categories", _categories(obj, read, original))
    _set(data, "usedBy", _kept(_used_by(obj), read.get("used_by"), original.get("usedBy")))
    data["developmentStatus"] = _development_status(obj, read, original)
    data["softwareType"] = _software_type(obj, read, original)
    _set(data, "intendedAudience", _intended_audience(obj, read, original))
    data["description"] = _descriptions(obj, original)
    data["legal"] = _legal(obj, original)
    _owner(obj, read, data)
    data["maintenance"] = _maintenance(obj, read, original)
    data["localisation"] = _localisation(obj, read, original, data["description"])
    return _ordered(data)


def _imported_translation(obj):
    """The translation of ``obj`` the file was imported into (the file is kept
    there), else ``obj``: every translation exports the same file."""
    if stored_publiccode(obj) is not None:
        return obj
    for _language, item in _translations(obj, None):
        if stored_publiccode(item) is not None:
            return item
    return obj


def publiccode_yaml(data: dict) -> str:
    """``data`` as YAML text: multi-line texts as literal blocks, nothing sorted."""
    return yaml.dump(
        data,
        Dumper=_PubliccodeDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1000,
    )


# Values ---------------------------------------------------------------------------


def _same(ours, read) -> bool:
    """Whether our field still holds what the importer read from the file."""

    def normal(value):
        if isinstance(value, (list, tuple, set)):
            return [normal(item) for item in value]
        if isinstance(value, dict):
            return {key: normal(item) for key, item in value.items() if item not in (None, "", [])}
        return value if value not in ("", [], ()) else None

    return normal(ours) == normal(read)


def _kept(ours, read, original):
    """The file's own value when our field is as imported, else ours."""
    if original is not None and _same(ours, read):
        return original
    return ours if ours not in (None, "", [], ()) else None


def _set(data: dict, key: str, value) -> None:
    if value in (None, "", [], {}):
        data.pop(key, None)
    else:
        data[key] = value


def _used_by(obj) -> list:
    """The organisations of the approved usage declarations, then any name
    of the former free-text list."""
    names = organisation_names(obj)
    return names + [name for name in obj.used_by or () if name and name not in names]


def _repository(obj, read, original) -> str:
    """``url`` is required: the repository, else the landing page, else our page."""
    url = _kept(obj.repository_url, read.get("repository_url"), original.get("url"))
    return url or obj.landing_page or obj.absolute_url()


def _release(obj, data: dict, original: dict) -> None:
    """``softwareVersion`` and ``releaseDate`` of the newest release."""
    release = _newest_release(obj)
    if release is None:
        if original.get("softwareVersion") is not None:
            # Its release was deleted here.
            data.pop("softwareVersion", None)
            data.pop("releaseDate", None)
        # A releaseDate without a version makes no release: kept as written.
        return
    read = release_values(original) if original else None
    ours = {"version": release.version, "release_date": release.release_date}
    if read and _same(ours["version"], read["version"]) and _same(ours["release_date"], read["release_date"]):
        return  # the file's own softwareVersion and releaseDate
    data["softwareVersion"] = release.version
    _set(data, "releaseDate", release.release_date.isoformat() if release.release_date else None)


def _newest_release(obj):
    """The newest release of ``obj``. Of a solution visitors see, only the
    releases they see (the rule of the catalogue and DCAT exports): not one
    that waits for approval. A draft's editors get its releases."""
    public = visible_to_anonymous(obj)
    releases = [
        child
        for child in obj.objectValues()
        if getattr(child, "portal_type", None) == "solution_release" and (not public or visible_to_anonymous(child))
    ]
    if not releases:
        return None
    # Dated releases by date, then those without a date in the order they were added.
    return max(
        enumerate(releases),
        key=lambda pair: (pair[1].release_date is not None, pair[1].release_date or date.min, pair[0]),
    )[1]


def _logo(obj, data: dict) -> None:
    """The file's logo (a URL or a path in the repository), else ours."""
    if data.get("logo") or not getattr(obj, "logo", None):
        return
    data["logo"] = f"{obj.absolute_url()}/@@images/logo"


def _categories(obj, read, original) -> list:
    """Categories are imported verbatim as keywords: the keywords that are
    categories, and a category for each topic that has one."""
    subjects = list(obj.Subject())
    if original.get("categories") is not None and _same(subjects, read.get("subject")):
        return original["categories"]
    categories = [subject for subject in subjects if subject in _known_categories()]
    reverse = {}
    for category, topic in table("categories").items():
        reverse.setdefault(topic, category)
    for topic in obj.topics or []:
        category = reverse.get(topic)
        if category and category not in categories:
            categories.append(category)
    return categories


def _known_categories() -> set:
    """The categories of the standard (the validator's rule table)."""
    return set(rule_table().vocabularies["categories"])


def _development_status(obj, read, original) -> str:
    ours = obj.development_status
    if original.get("developmentStatus") and _same(ours, read.get("development_status")):
        return original["developmentStatus"]
    return (
        export_table("development_status").get(ours) or original.get("developmentStatus") or DEFAULT_DEVELOPMENT_STATUS
    )


def _software_type(obj, read, original) -> str:
    ours = list(obj.solution_type or [])
    if original.get("softwareType") and _same(ours, read.get("solution_type")):
        return original["softwareType"]
    exported = [export_table("software_type").get(kind) for kind in ours]
    return next((kind for kind in exported if kind), None) or original.get("softwareType") or DEFAULT_SOFTWARE_TYPE


def _intended_audience(obj, read, original) -> dict:
    audience = copy.deepcopy(original.get("intendedAudience") or {})
    ours = list(getattr(obj, "spatial_coverage", None) or [])
    if not _same(ours, read.get("spatial_coverage")):
        # Only countries: our coverage also has the EU and the world.
        _set(audience, "countries", [code for code in ours if pycountry.countries.get(alpha_2=code)])
    return audience


def _legal(obj, original) -> dict:
    legal = copy.deepcopy(original.get("legal") or {})
    licence = getattr(obj, "licence_expression", None) or " OR ".join(obj.licences or [])
    _set(legal, "license", licence)
    return legal


def _owner(obj, read, data: dict) -> None:
    """The owner organisation: where the importer read it from, else the
    main copyright owner."""
    ours = getattr(obj, "owner_name", None)
    if _same(ours, read.get("owner_name")):
        return
    if data.get("organisation", {}).get("name"):
        data["organisation"]["name"] = ours or data["organisation"]["name"]
    _set(data["legal"], "mainCopyrightOwner", ours)


def _maintenance(obj, read, original) -> dict:
    maintenance = copy.deepcopy(original.get("maintenance") or {})
    ours = list(getattr(obj, "contact_points", None) or [])
    if maintenance and _same([_contact_row(row) for row in ours], read.get("contact_points")):
        return maintenance
    earlier = {contact.get("name"): contact for contact in maintenance.get("contacts") or []}
    contacts = []
    for row in ours:
        contact = dict(earlier.get(row.get("name")) or {})
        contact["name"] = row.get("name")
        _set(contact, "email", row.get("email"))
        contacts.append(contact)
    kind = maintenance.get("type")
    if kind not in ("internal", "community", "contract", "none"):
        kind = "internal" if contacts else "none"
    if kind in ("internal", "community") and not contacts:
        kind = "none"
    maintenance["type"] = kind
    _set(maintenance, "contacts", contacts)
    if kind != "contract":
        maintenance.pop("contractors", None)
    return maintenance


def _contact_row(row) -> dict:
    return {"name": row.get("name") or "", "email": row.get("email") or None, "url": None}


def _localisation(obj, read, original, descriptions: dict) -> dict:
    localisation = copy.deepcopy(original.get("localisation") or {})
    ours = list(getattr(obj, "interface_languages", None) or [])
    if not localisation.get("availableLanguages") or not _same(ours, read.get("interface_languages")):
        localisation["availableLanguages"] = ours or list(descriptions)[:1]
    if not isinstance(localisation.get("localisationReady"), bool):
        localisation["localisationReady"] = len(localisation["availableLanguages"]) > 1
    return localisation


# Descriptions -----------------------------------------------------------------------


def _descriptions(obj, original: dict) -> dict:
    """``description.<lang>`` of the solution and of each of its translations;
    the languages of the file that have no translation here, as written."""
    descriptions = copy.deepcopy(original.get("description") or {})
    main = _main_language(obj, original)
    for language, item in [(main, obj), *_translations(obj, main)]:
        descriptions[language] = _description(item, original, language, name=obj.title, main=item is obj)
    return descriptions


def _main_language(obj, original: dict) -> str:
    """The language the importer put into the solution itself (importer._main_language)."""
    language = obj.Language() or api.portal.get_default_language() or "en"
    languages = description_languages(original)
    if languages and language not in languages:
        return languages[0]
    return language


def _translations(obj, main: str) -> list:
    try:
        from plone.app.multilingual.interfaces import ITranslatable
        from plone.app.multilingual.interfaces import ITranslationManager
    except ImportError:  # pragma: no cover
        return []
    if not ITranslatable.providedBy(obj):
        return []
    translations = ITranslationManager(obj).get_translations()
    return [
        (language, item)
        for language, item in sorted(translations.items())
        if item is not obj and language and language != main
    ]


def _description(item, original: dict, language: str, *, name: str, main: bool) -> dict:
    description = copy.deepcopy((original.get("description") or {}).get(language) or {})
    read = texts_in(original, language) if language in description_languages(original) else {}
    short = item.Description() or ""
    if not ("shortDescription" in description and _same(short, read.get("description"))):
        _set(description, "shortDescription", _shortened(short))
    long_text = _long_text(item)
    read_body = read.get("body")
    if not ("longDescription" in description and read_body is not None and _same(long_text, read_body.raw)):
        _set(description, "longDescription", long_text or short)
    if not main and not _same(item.title, read.get("title")):
        # A translation's title is the software's name in that language.
        _set(description, "localisedName", item.title if item.title != name else None)
    if main:
        documentation = getattr(item, "documentation_url", None)
        if not _same(documentation, read.get("documentation_url")):
            _set(description, "documentation", documentation)
    if not description.get("features"):
        # Required by the standard; a solution typed in by hand has none:
        # its one-line description says what it does.
        _set(description, "features", [short] if short else None)
    return description


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SHORT_DESCRIPTION_MAX:
        return text
    cut = text[: SHORT_DESCRIPTION_MAX - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def _long_text(item) -> str:
    """The long description as the text the importer stores (Markdown), or
    plain text for a body typed in the rich-text editor."""
    body = getattr(item, "body", None)
    if body is None or not body.raw:
        return ""
    if body.mimeType in ("text/x-web-markdown", "text/plain", "text/restructured"):
        return body.raw
    transforms = api.portal.get_tool("portal_transforms")
    converted = transforms.convertTo("text/plain", body.raw, mimetype=body.mimeType or "text/html")
    text = converted.getData() if converted is not None else body.raw
    return "\n\n".join(" ".join(part.split()) for part in text.split("\n\n") if part.strip())


# Writing ---------------------------------------------------------------------------


def _plain(value):
    """Stored values as plain YAML data: dates as ISO text (the standard's
    dates are strings), persistent containers as dicts and lists."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict) or hasattr(value, "items"):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _ordered(value, path: str = ""):
    if isinstance(value, list):
        return [_ordered(item, f"{path}[]") for item in value]
    if not isinstance(value, dict):
        return value
    order = KEY_ORDER.get(path) or KEY_ORDER.get(_wildcard(path)) or []
    keys = [key for key in order if key in value] + [key for key in value if key not in order]
    return {key: _ordered(value[key], f"{path}.{key}" if path else key) for key in keys}


def _wildcard(path: str) -> str:
    """``description.en`` -> ``description.*``; ``dependsOn.open[]`` -> ``dependsOn.*[]``."""
    head, _, tail = path.partition(".")
    if head in ("description", "dependsOn") and tail:
        return f"{head}.*" + ("[]" if tail.endswith("[]") else "")
    return path


class _PubliccodeDumper(yaml.SafeDumper):
    """Lists indented under their key and multi-line texts as literal blocks
    (``|``), as publishers write them."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _represent_text(dumper, text: str):
    if "\n" in text:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", text)


_PubliccodeDumper.add_representer(str, _represent_text)
