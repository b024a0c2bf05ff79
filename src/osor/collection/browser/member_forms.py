"""The add and edit forms of our types as a member sees them.

Plone's own metadata (tags, which duplicate our topics; language, set by
the translation machinery; publishing and expiration dates; creators,
contributors and rights; the short name; discussion and navigation
settings) means nothing to a member contributing a solution or an event
and lengthened the solution form to 31 fields on 9 tabs. Those fields
stay in the forms of whoever may manage the site (checked by permission,
not by role), and are left out of everyone else's: their values are kept,
since a form without a field does not write it.

The first fields of a form are what a member knows first (for a solution:
its name, what it does, its licence, its repository, who uses it), in
that order, whatever tab or behavior they come from.
"""

from osor.collection.browser.forms import OurTabsFirst
from plone import api
from plone.app.dexterity.behaviors.discussion import IAllowDiscussion
from plone.app.dexterity.behaviors.exclfromnav import IExcludeFromNavigation
from plone.app.dexterity.behaviors.id import IShortName
from plone.app.dexterity.behaviors.metadata import ICategorization
from plone.app.dexterity.behaviors.metadata import IOwnership
from plone.app.dexterity.behaviors.metadata import IPublication
from plone.z3cform.fieldsets.extensible import FormExtender
from z3c.form.field import Fields


# The types members add and edit through these forms.
MEMBER_TYPES = frozenset({
    "software_solution",
    "solution_release",
    "solution_distribution",
    "case_study",
    "community_event",
    "competence_centre",
    "community_news",
    "publication",
    "legal_request",
})

# Plone's fields that only those who manage the site see, by the schema
# that defines them (the same whichever behavior brings them).
ADMIN_ONLY_FIELDS = frozenset(
    (schema.__identifier__, name)
    for schema, names in {
        ICategorization: ("subjects", "language"),
        IPublication: ("effective", "expires"),
        IOwnership: ("creators", "contributors", "rights"),
        IShortName: ("id",),
        IAllowDiscussion: ("allow_discussion",),
        IExcludeFromNavigation: ("exclude_from_nav",),
    }.items()
    for name in names
)
# plone.app.controlpanel.Overview: what Managers and Site Administrators
# share (cmf.ManagePortal is the Manager's alone).
ADMIN_PERMISSION = "Plone Site Setup: Overview"

# The fields a member knows first, by field name, in the order asked.
FIRST_FIELDS = {
    "software_solution": ("title", "description", "licence_expression", "repository_url", "used_by"),
}


def is_admin_only(form_field) -> bool:
    field = form_field.field
    interface = getattr(field, "interface", None)
    return interface is not None and (interface.__identifier__, field.__name__) in ADMIN_ONLY_FIELDS


def sees_plone_internals(context) -> bool:
    """Whether the current user manages the site, here."""
    return api.user.has_permission(ADMIN_PERMISSION, obj=context)


def _fields_holders(form) -> list:
    """The form and its groups (tabs): every object with ``fields``."""
    return [form, *form.groups]


def omit_fields(form, predicate) -> None:
    """Leave out of ``form`` every field ``predicate`` is true of, and the
    tabs left empty."""
    for holder in _fields_holders(form):
        names = [name for name, field in holder.fields.items() if predicate(field)]
        if names:
            holder.fields = holder.fields.omit(*names)
    form.groups = [group for group in form.groups if len(group.fields)]


def bring_first(form, names) -> None:
    """Put the fields called ``names`` first on the form's first tab, in
    that order, taking them from whatever tab they were on."""
    found = {}
    for holder in _fields_holders(form):
        keys = [key for key, field in holder.fields.items() if field.field.__name__ in names]
        for key in keys:
            found.setdefault(holder.fields[key].field.__name__, holder.fields[key])
        if keys:
            holder.fields = holder.fields.omit(*keys)
    first = [found[name] for name in names if name in found]
    form.fields = Fields(*first) + form.fields
    form.groups = [group for group in form.groups if len(group.fields)]


class MemberForm(FormExtender):
    """Our types' add and edit forms as a member needs them (module docstring)."""

    order = OurTabsFirst.order - 1  # before the tabs are sorted

    def update(self):
        portal_type = getattr(self.form, "portal_type", None)
        if portal_type not in MEMBER_TYPES:
            return
        if not sees_plone_internals(self.context):
            omit_fields(self.form, is_admin_only)
        if portal_type in FIRST_FIELDS:
            bring_first(self.form, FIRST_FIELDS[portal_type])
