"""A software solution: an open-source product, its releases and documentation."""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldFactory
from collective.z3cform.datagridfield.row import DictRow
from osor.collection import _
from osor.collection.fields import LicenceExpression
from osor.collection.fields import rows_need
from osor.collection.fields import WebAddress
from osor.collection.interfaces import ICommunityContent
from osor.collection.vocabularies.taxonomies import field_vocabulary
from osor.collection.vocabularies.taxonomies import SOLUTION_TYPE
from plone.app.dexterity.textindexer import searchable
from plone.app.multilingual.dx.directives import languageindependent
from plone.app.textfield import RichText
from plone.app.vocabularies.catalog import StaticCatalogVocabulary
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.app.z3cform.widgets.select import Select2FieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Interface
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


# The part of the solution a further repository holds; the main repository
# is ``repository_url`` (the publiccode.yml ``url``).
MAIN_REPOSITORY = "main"
REPOSITORY_ROLES = SimpleVocabulary([
    SimpleTerm("frontend", title=_("repository_role_frontend", default="Front end")),
    SimpleTerm("backend", title=_("repository_role_backend", default="Back end")),
    SimpleTerm("mobile", title=_("repository_role_mobile", default="Mobile app")),
    SimpleTerm("documentation", title=_("repository_role_documentation", default="Documentation")),
])


class IRepositoryRow(Interface):
    """A further source-code repository of a solution, and its part."""

    role = schema.Choice(
        title=_("label_repository_role", default="Part"),
        vocabulary=REPOSITORY_ROLES,
        required=False,
        default="frontend",
    )
    # Needed in every row, checked by the list (fields.rows_need).
    url = WebAddress(
        title=_("label_repository_address", default="Address"),
        required=False,
    )


class ISoftwareSolution(model.Schema):
    """An open-source software solution (ADMS-AP dcat:Dataset)."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent(
        "solution_type",
        "development_status",
        "licence_expression",
        "licences",
        "landing_page",
        "repository_url",
        "other_repositories",
        "issue_tracker_url",
        "documentation_url",
        "programming_languages",
        "interface_languages",
    )

    searchable("body")

    body = RichText(
        title=_("label_solution_body", default="Long description"),
        description=_(
            "help_solution_body",
            default="What the solution does, who it is for and how it is governed.",
        ),
        required=False,
    )

    directives.widget("solution_type", Select2FieldWidget)
    solution_type = schema.List(
        title=_("label_solution_type", default="Solution type"),
        description=_("help_solution_type", default="What kind of solution this is."),
        value_type=schema.Choice(vocabulary=field_vocabulary(SOLUTION_TYPE)),
        required=False,
        default=[],
        missing_value=[],
    )

    development_status = schema.Choice(
        title=_("label_development_status", default="Development status"),
        description=_(
            "help_development_status",
            default="The ADMS status of the solution.",
        ),
        vocabulary="osor.collection.vocabularies.DevelopmentStatus",
        required=False,
    )

    licence_expression = LicenceExpression(
        title=_("label_licence_expression_solution", default="Licences"),
        description=_(
            "help_licence_expression_solution",
            default="The licences the software is distributed under, as an SPDX identifier or "
            "expression, for example “EUPL-1.2”, “MIT OR Apache-2.0” or "
            "“GPL-2.0-or-later WITH Classpath-exception-2.0”.",
        ),
        required=False,
    )

    # Derived from ``licence_expression`` (licences/expressions.py), so not
    # in the forms; kept because search, facets and importers use the ids.
    directives.omitted("licences")
    directives.widget("licences", Select2FieldWidget)
    licences = schema.List(
        title=_("label_licences", default="Licences"),
        description=_(
            "help_licences",
            default="The licences the software is distributed under, as SPDX identifiers.",
        ),
        value_type=schema.Choice(vocabulary="osor.collection.vocabularies.Licences"),
        required=False,
        default=[],
        missing_value=[],
    )

    # What a member knows first (name, what it does, licence, repository,
    # who uses it) stays on the first tab, in that order
    # (browser/member_forms.py); the rest is one tab of details.
    model.fieldset(
        "details",
        label=_("fieldset_solution_details", default="More details"),
        fields=[
            "other_repositories",
            "landing_page",
            "issue_tracker_url",
            "documentation_url",
            "programming_languages",
            "interface_languages",
            "related_solutions",
        ],
    )

    landing_page = WebAddress(
        title=_("label_landing_page", default="Landing page"),
        description=_("help_landing_page", default="The solution's own web site."),
        required=False,
    )

    repository_url = WebAddress(
        title=_("label_repository_url", default="Source-code repository"),
        description=_(
            "help_repository_url",
            default="Where the source code can be browsed or cloned.",
        ),
        required=False,
    )

    directives.widget("other_repositories", DataGridFieldFactory, allow_reorder=True)
    other_repositories = schema.List(
        title=_("label_other_repositories", default="Other repositories"),
        description=_(
            "help_other_repositories",
            default="Where further parts of the solution are kept (front end, back end, mobile app, "
            "documentation), when it has more than its main repository.",
        ),
        value_type=DictRow(title=_("label_repository", default="Repository"), schema=IRepositoryRow),
        required=False,
        default=[],
        missing_value=[],
        constraint=rows_need(
            "url",
            _(
                "error_repository_without_address",
                default="Each repository needs its address: fill it in, or remove the row.",
            ),
        ),
    )

    issue_tracker_url = WebAddress(
        title=_("label_issue_tracker_url", default="Issue tracker"),
        description=_("help_issue_tracker_url", default="Where bugs are reported."),
        required=False,
    )

    documentation_url = WebAddress(
        title=_("label_documentation_url", default="Documentation"),
        description=_(
            "help_documentation_url",
            default="The address of the solution's documentation.",
        ),
        required=False,
    )

    programming_languages = schema.List(
        title=_("label_programming_languages", default="Programming languages"),
        description=_(
            "help_programming_languages",
            default="One per line, for example Python or Java.",
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )

    directives.widget("interface_languages", Select2FieldWidget)
    interface_languages = schema.List(
        title=_("label_interface_languages", default="User-interface languages"),
        description=_(
            "help_interface_languages",
            default="The languages the software's user interface is available in.",
        ),
        value_type=schema.Choice(vocabulary="osor.collection.vocabularies.Languages"),
        required=False,
        default=[],
        missing_value=[],
    )

    used_by = schema.List(
        title=_("label_used_by", default="Used by"),
        description=_(
            "help_used_by",
            default="Public administrations that use the solution, one per line.",
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )

    related_solutions = RelationList(
        title=_("label_related_solutions", default="Related solutions"),
        description=_(
            "help_related_solutions",
            default="Other solutions that complement or depend on this one.",
        ),
        value_type=RelationChoice(
            vocabulary=StaticCatalogVocabulary({"portal_type": ["software_solution"]}),
        ),
        required=False,
        default=[],
        missing_value=[],
    )
    directives.widget(
        "related_solutions",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["software_solution"]},
    )


@implementer(ISoftwareSolution, ICommunityContent)
class SoftwareSolution(Container):
    """A software solution; holds releases, screenshots and documentation."""


def repository_part(role: str, request) -> str:
    """The part a further repository holds, in the request's language ("" when unknown)."""
    term = REPOSITORY_ROLES.by_value.get(role)
    return translate(term.title, context=request) if term is not None else ""


def repositories_of(solution) -> list[dict]:
    """Every repository of ``solution``, main first: ``{"role", "url"}``."""
    main = getattr(solution, "repository_url", None)
    repositories = [{"role": MAIN_REPOSITORY, "url": main}] if main else []
    for row in getattr(solution, "other_repositories", None) or ():
        if (row or {}).get("url"):
            repositories.append({"role": row.get("role") or "", "url": row["url"]})
    return repositories
