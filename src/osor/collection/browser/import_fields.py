"""What an import did to each field, as the import forms and reports show it.

Shared by ``@@import-publiccode``, ``@@import-rdf`` and ``@@import-reports``:
each field that a file speaks of was updated from the file, kept (an
editor's value, which the import does not overwrite) or unchanged
(``interop.imported_fields``).
"""

from osor.collection import _
from osor.collection.interop.imported_fields import fields_of
from osor.collection.interop.imported_fields import KEPT
from osor.collection.interop.imported_fields import UNCHANGED
from osor.collection.interop.imported_fields import UPDATED
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


OUTCOME_TITLES = {
    UPDATED: _("field_outcome_updated", default="Updated from the file"),
    KEPT: _("field_outcome_kept", default="Kept: edited on this site"),
    UNCHANGED: _("field_outcome_unchanged", default="Unchanged"),
}
PART_TYPES = {None: "software_solution", "release": "solution_release", "distribution": "solution_distribution"}
PART_TITLES = {
    "release": _("field_part_release", default="Release"),
    "distribution": _("field_part_distribution", default="Distribution"),
}
# Fields our schemas do not name this way.
FIELD_TITLES = {
    "subject": _("field_title_keywords", default="Keywords"),
    "licence_expression": _("field_title_licence_expression", default="Licence expression"),
}


def field_rows(entries) -> list[dict]:
    """``entries`` (FieldPlans or the dicts a report keeps) as rows to show:
    ``label``, ``part``, ``language``, ``item``, ``outcome``, ``outcome_title``;
    the kept fields first, as they are what an importer should look at."""
    rows = []
    for entry in entries:
        data = entry.to_dict() if hasattr(entry, "to_dict") else dict(entry)
        rows.append({
            "label": _field_title(data.get("part"), data["field"]),
            "part": PART_TITLES.get(data.get("part")),
            "language": data.get("language"),
            "item": data.get("item"),
            "outcome": data["outcome"],
            "outcome_title": OUTCOME_TITLES.get(data["outcome"], data["outcome"]),
        })
    order = {KEPT: 0, UPDATED: 1, UNCHANGED: 2}
    return sorted(rows, key=lambda row: order.get(row["outcome"], 3))


def _field_title(part, name: str):
    if name in FIELD_TITLES:
        return FIELD_TITLES[name]
    field = fields_of(PART_TYPES.get(part, "software_solution")).get(name)
    return field[1].title if field is not None and field[1].title else name


class FieldOutcomes:
    """Mixin of the import views: ``field_outcomes(rows=view.field_rows(…))``
    renders the table."""

    field_outcomes = ViewPageTemplateFile("templates/import_fields.pt")

    def field_rows(self, entries) -> list[dict]:
        return field_rows(entries)
