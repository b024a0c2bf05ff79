"""Our stored values as the URIs of the vocabularies DCAT-AP and ADMS-AP use.

The tables live in ``data/vocabularies.yaml`` (each with its source); this
module only reads them. A value without a counterpart gives None, and the
graph builder then leaves the property out instead of guessing.
"""

from functools import cache
from pathlib import Path
from typing import NamedTuple

import pycountry
import yaml


DATA_FILE = Path(__file__).parent / "data" / "vocabularies.yaml"


@cache
def tables() -> dict:
    with DATA_FILE.open(encoding="utf-8") as data:
        return yaml.safe_load(data)


class Concept(NamedTuple):
    """A SKOS concept: DCAT-AP requires its preferred label with its URI."""

    uri: str
    label: str


def _concept(table_name: str, token: str | None) -> Concept | None:
    table = tables()[table_name]
    code = table["terms"].get(token) if token else None
    return Concept(f"{table['base']}{code}", table["labels"][code]) if code else None


def country_uri(token: str) -> str | None:
    """EU country URI of a spatial-coverage token (ISO 3166-1 alpha-2, EU, WORLD)."""
    table = tables()["countries"]
    if token in table["overrides"]:
        code = table["overrides"][token]
    else:
        country = pycountry.countries.get(alpha_2=token)
        code = country.alpha_3 if country else None
    return f"{table['base']}{code}" if code else None


def language_uri(code: str) -> str | None:
    """EU language URI of an ISO 639-1 code (``fr`` -> ``…/language/FRA``)."""
    table = tables()["languages"]
    base = (code or "").split("-", 1)[0].lower()
    if base in table["overrides"]:
        three = table["overrides"][base]
    else:
        language = pycountry.languages.get(alpha_2=base) if len(base) == 2 else None
        three = language.alpha_3.upper() if language else None
    return f"{table['base']}{three}" if three else None


def theme(topic: str) -> Concept | None:
    """EU data theme of an osor_topics token."""
    return _concept("themes", topic)


def theme_scheme() -> tuple[str, str]:
    """The URI and title of the data-theme concept scheme."""
    table = tables()["themes"]
    return table["scheme"], table["scheme_title"]


def status(token: str | None) -> Concept | None:
    """ADMS status of a development_status token."""
    return _concept("statuses", token)


def publisher_type(owner_type: str | None) -> Concept | None:
    """ADMS publisher type of an owner_type token."""
    return _concept("publisher_types", owner_type)


def solution_type(portal_url: str, token: str) -> Concept | None:
    """The site's own concept of an osor_solution_type token."""
    table = tables()["solution_types"]
    label = table["labels"].get(token)
    return Concept(f"{portal_url}/{table['path']}{token}", label) if label else None


def file_type_uri(file_format: str | None) -> str | None:
    """EU file-type URI of a distribution's format (``TAR.GZ`` -> ``…/TAR_GZ``)."""
    table = tables()["file_types"]
    code = table["terms"].get((file_format or "").strip().upper())
    return f"{table['base']}{code}" if code else None


def licence_uri(spdx_id: str) -> str:
    """SPDX licence URI of an SPDX licence identifier."""
    return f"{tables()['licences']['base']}{spdx_id}"
