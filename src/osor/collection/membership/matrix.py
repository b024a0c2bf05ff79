"""The permission matrix: ``permission_matrix.yaml`` read by one loader.

``allowed(settings, action)`` answers the specification for one
combination of a collection's settings; ``table_for(collection)`` gives the
rows the About view renders.
"""

from functools import cache
from itertools import product
from osor.collection import _
from pathlib import Path
from typing import NamedTuple

import yaml


MATRIX_FILE = Path(__file__).parent / "permission_matrix.yaml"


class Settings(NamedTuple):
    closed: bool
    content_creation: str
    moderated: bool

    @classmethod
    def of(cls, collection) -> "Settings":
        return cls(
            closed=bool(collection.closed),
            content_creation=collection.content_creation or "only_members",
            moderated=bool(collection.moderated),
        )


ALL_SETTINGS = tuple(
    Settings(closed, creation, moderated)
    for closed, creation, moderated in product(
        (False, True), ("any_user", "only_members", "facilitators_and_authors"), (True, False)
    )
)


@cache
def matrix() -> dict:
    with MATRIX_FILE.open(encoding="utf-8") as data:
        return yaml.safe_load(data)


def roles() -> list[str]:
    return list(matrix()["roles"])


def actions() -> list[str]:
    return list(matrix()["actions"])


def _roles_of(rule, settings: Settings) -> frozenset:
    if "same_as" in rule:
        return allowed(settings, rule["same_as"])
    value = rule["allowed"] if "allowed" in rule else rule["roles"]
    if isinstance(value, str):
        return frozenset(matrix()["groups"][value])
    if value and isinstance(value[0], dict):
        for case in value:
            if all(getattr(settings, key) == wanted for key, wanted in case["when"].items()):
                return _roles_of(case, settings)
        raise ValueError(f"No case matches {settings}")
    return frozenset(value)


def allowed(settings: Settings, action: str) -> frozenset:
    """The roles that may do ``action`` under ``settings``."""
    return _roles_of(matrix()["actions"][action], settings)


def is_allowed(settings: Settings, role: str, action: str) -> bool:
    return role in allowed(settings, action)


def table_for(collection) -> dict:
    """Column titles and rows (action title, one bool per role) for ``collection``."""
    settings = Settings.of(collection)
    data = matrix()
    # The titles are messages of generated.pot (scripts/i18n.py); ``_(title)``
    # keeps i18ndude from extracting a bogus "title" from ``_(spec["title"])``.
    titles = {action: spec["title"] for action, spec in data["actions"].items()}
    return {
        "roles": [_(title) for title in data["roles"].values()],
        "rows": [
            {
                "action": action,
                "title": _(title),
                "cells": [role in allowed(settings, action) for role in data["roles"]],
            }
            for action, title in titles.items()
        ],
    }


def settings_in_words(collection) -> list:
    """E.g. ["Open collection", "Only members can create content", "Moderated"]."""
    settings = Settings.of(collection)
    creation = {
        "any_user": _("Any registered user can create content"),
        "only_members": _("Only members can create content"),
        "facilitators_and_authors": _("Only facilitators and authors can create content"),
    }[settings.content_creation]
    return [
        _("Closed collection") if settings.closed else _("Open collection"),
        creation,
        _("Moderated") if settings.moderated else _("Not moderated"),
    ]
