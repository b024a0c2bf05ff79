"""The visitor's page of each type (their default views).

Each view gathers what its page shows as plain data (``facts()`` lists only
the fields that have a value, so a template never prints a label without
one); the templates in ``templates/pages/`` only display. Formatting,
language fallbacks, cards and structured data are in ``osor.collection.pages``.
"""

from Acquisition import aq_inner
from datetime import date
from datetime import datetime
from osor.collection import _
from osor.collection.behaviors.provenance import provenance_of
from osor.collection.content.community_collection import containing_collection
from osor.collection.content.software_solution import MAIN_REPOSITORY
from osor.collection.content.software_solution import repositories_of
from osor.collection.content.software_solution import repository_part
from osor.collection.fields import safe_url
from osor.collection.fields import software_heritage_url
from osor.collection.licences.compatibility import eupl_hints
from osor.collection.licences.labels import VERDICT_TITLES
from osor.collection.licences.pages import compatibility_checker_url
from osor.collection.licences.pages import has_licence_page
from osor.collection.licences.pages import licence_page_url
from osor.collection.licences.pages import SPDX_URL
from osor.collection.membership.contributing import add_link
from osor.collection.pages import attachments
from osor.collection.pages import cards
from osor.collection.pages import europe_map
from osor.collection.pages import featured
from osor.collection.pages import formatting
from osor.collection.pages import structured_data
from osor.collection.pages import translations
from osor.collection.pages.shapes import Fact
from osor.collection.pages.shapes import Link
from osor.collection.permissions import FEATURE_CONTENT
from osor.collection.usage import declarations as usage_declarations
from osor.collection.usage.vitality import stored_vitality
from osor.collection.vocabularies.taxonomies import field_vocabulary
from osor.collection.vocabularies.taxonomies import SOLUTION_TYPE
from osor.collection.vocabularies.taxonomies import SPATIAL_COVERAGE
from osor.collection.vocabularies.taxonomies import TOPICS
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zc.relation.interfaces import ICatalog
from zExceptions import NotFound
from zope.component import queryUtility
from zope.i18n import translate
from zope.intid.interfaces import IIntIds


EUPL = "EUPL-1.2"
VERDICT_BADGES = {
    "compatible": "bg-success",
    "not_compatible": "bg-danger",
    "depends": "bg-warning text-dark",
    "unknown": "bg-secondary",
}
VOCABULARIES = {
    "status": "osor.collection.vocabularies.DevelopmentStatus",
    "owner_type": "osor.collection.vocabularies.OwnerType",
    "administration_level": "osor.collection.vocabularies.AdministrationLevel",
    "organiser_type": "osor.collection.vocabularies.OrganiserType",
    "focus": "osor.collection.vocabularies.CompetenceCentreFocus",
    "kind": "osor.collection.vocabularies.CompetenceCentreKind",
    "publication_type": "osor.collection.vocabularies.PublicationType",
    "licence": "osor.collection.vocabularies.Licences",
    "legal_category": field_vocabulary("osor_legal_request_category"),
}


COUNTRIES = "osor.collection.vocabularies.Countries"


def fact(label, *values) -> Fact | None:
    """A labelled fact of a page, or None when it has no value.

    Each value is a text or ``{"text", "url"}``; empty values are dropped.
    """
    kept = []
    for value in values:
        if isinstance(value, dict):
            if value.get("text"):
                kept.append(value)
        elif value not in (None, "", [], ()):
            kept.append({"text": str(value)})
    return {"label": label, "terms": kept} if kept else None


def link(text, url) -> Link:
    return {"text": text, "url": url} if url else {"text": text}


def address(url) -> Link | None:
    """A web address shown as a link to itself."""
    return link(url, url) if url else None


def mail(email) -> Link | None:
    return link(email, f"mailto:{email}") if email else None


class PageView(BrowserView):
    """What every page of ours shares: language, facet links, structured data."""

    index = None

    def __call__(self):
        return self.index()

    def add_link(self, portal_type: str) -> dict | None:
        """The add form of ``portal_type`` inside this item, if the current user may open it."""
        return add_link(self.context, portal_type)

    @property
    def language(self) -> str:
        return formatting.current_language()

    @property
    def canonical(self):
        """The item holding the language-independent content (releases, relations)."""
        return translations.canonical(aq_inner(self.context))

    # Links and terms -----------------------------------------------------

    def search_url(self, **query) -> str:
        """The faceted search of the item's collection (of the site outside
        one), filtered by ``query``: the collection scopes the search."""
        collection = containing_collection(aq_inner(self.context))
        where = collection if collection is not None else api.portal.get()
        query.pop("osor_collection", None)
        return f"{where.absolute_url()}/@@faceted-search?{urlencode(query, doseq=True)}"

    def term(self, vocabulary: str, token) -> str:
        return formatting.term_title(VOCABULARIES.get(vocabulary, vocabulary), token, self.context)

    def facet(self, index: str, vocabulary: str, token) -> dict:
        """A term linking to the search filtered by it."""
        return link(self.term(vocabulary, token), self.search_url(**{index: token}))

    def facets(self, index: str, vocabulary: str, tokens) -> list[dict]:
        return [self.facet(index, vocabulary, token) for token in tokens or ()]

    def topics(self) -> list[dict]:
        topics = getattr(self.context, "topics", None)
        return self.facets("osor_topics", field_vocabulary(TOPICS), topics)

    def countries(self) -> list[dict]:
        return self.facets(
            "osor_countries",
            field_vocabulary(SPATIAL_COVERAGE),
            getattr(self.context, "spatial_coverage", None),
        )

    def licence(self, spdx_id: str) -> list[dict]:
        """A licence: its name linking to the search, then its facts (our
        licence page) or, for a licence we have no facts for, its SPDX text."""
        name = self.term("licence", spdx_id)
        if has_licence_page(spdx_id):
            text, label = (
                _("link_licence_facts", default="Licence facts"),
                _("label_licence_facts_of", default="Licence facts of ${licence}", mapping={"licence": name}),
            )
            url = licence_page_url(spdx_id, self.context)
        else:
            text, label = (
                "SPDX",
                _("label_licence_text", default="SPDX: licence text of ${licence}", mapping={"licence": name}),
            )
            url = SPDX_URL.format(spdx_id)
        return [
            link(name, self.search_url(osor_licences=spdx_id)),
            {
                "text": translate(text, context=self.request),
                "url": url,
                "label": translate(label, context=self.request),
            },
        ]

    def language_names(self, codes) -> list[str]:
        return [formatting.language_name(code, self.language) for code in codes or ()]

    # Shared field groups -------------------------------------------------

    def owner(self) -> dict | None:
        """The owner organisation, from the canonical item when the translation has none."""
        source = self.context if getattr(self.context, "owner_name", None) else self.canonical
        name = getattr(source, "owner_name", None)
        if not name:
            return None
        return {"name": name, "type": self.term("owner_type", getattr(source, "owner_type", None))}

    def contact_points(self) -> list[dict]:
        points = getattr(self.context, "contact_points", None) or getattr(self.canonical, "contact_points", None)
        return [point for point in points or [] if point and point.get("name")]

    def rich_text(self, name: str) -> str:
        value = getattr(self.context, name, None)
        return value.output_relative_to(self.context) if value and value.raw else ""

    def image_url(self, field="image", scale="large") -> str:
        if not getattr(self.context, field, None):
            return ""
        return f"{self.context.absolute_url()}/@@images/{field}/{scale}"

    def children(self, portal_types, container=None) -> list[dict]:
        """Files or images inside ``container`` (the canonical item by default)."""
        container = container if container is not None else self.canonical
        return attachments.attachments(container, portal_types)

    def cards_for(self, objects) -> list[dict]:
        """Cards of related items, each in the visitor's language when
        translated; only those the visitor may see (checked on the objects
        at hand, then their brains found by UID: no site-wide query)."""
        shown_items = {}
        for obj in objects:
            shown = translations.in_language(obj, self.language)
            if shown is None or shown.UID() in shown_items:
                continue
            if attachments.is_visible(shown):
                shown_items[shown.UID()] = shown
        if not shown_items:
            return []
        by_uid = attachments.brains_by_uid(shown_items.values())
        return [cards.card(translations.entry(by_uid[uid], self.language)) for uid in shown_items if uid in by_uid]

    # Featured ------------------------------------------------------------

    def may_feature(self) -> bool:
        return api.user.has_permission(FEATURE_CONTENT, obj=self.context)

    def is_featured(self) -> bool:
        return featured.is_featured(self.context)

    # Structured data -----------------------------------------------------

    def structured_data(self) -> dict:
        return structured_data.thing(self.context)

    def json_ld(self) -> str:
        graph = [self.structured_data(), structured_data.breadcrumbs(self.context, self.request)]
        return structured_data.as_script(graph)


def related(obj, field: str) -> list:
    """The objects of a relation list field (broken relations left out)."""
    return [value.to_object for value in getattr(obj, field, None) or [] if value.to_object is not None]


def back_related(obj, field: str) -> list:
    """The objects whose relation ``field`` points to ``obj``."""
    catalog = queryUtility(ICatalog)
    intids = queryUtility(IIntIds)
    if catalog is None or intids is None:
        return []
    to_id = intids.queryId(obj)
    if to_id is None:
        return []
    found = []
    for relation in catalog.findRelations({"to_id": to_id, "from_attribute": field}):
        source = relation.from_object
        if source is not None and api.user.has_permission("View", obj=source):
            found.append(source)
    return found


class ReleasesMixin:
    """Releases newest first, each with its distributions."""

    def distribution(self, distribution) -> dict:
        return {
            "title": distribution.Title(),
            "url": distribution.absolute_url(),
            "download": f"{distribution.absolute_url()}/@@download",
            "format": distribution.file_format or "",
            "size": formatting.file_size(distribution.file_size),
            "licence": self.licence(distribution.licence) if distribution.licence else [],
            "downloads": formatting.number(distribution.download_count, self.language),
            "external": not distribution.file,
        }

    def distributions_of(self, release) -> list[dict]:
        return [
            self.distribution(item)
            for item in release.contentValues()
            if item.portal_type == "solution_distribution" and api.user.has_permission("View", obj=item)
        ]

    def release(self, release) -> dict:
        return {
            "version": release.version or release.Title(),
            "title": release.Title(),
            "url": release.absolute_url(),
            "date": formatting.localized_date(release.release_date),
            "iso_date": formatting.iso_date(release.release_date),
            "status": self.term("status", release.development_status),
            "swhid": getattr(release, "swhid", None) or "",
            "swhid_url": software_heritage_url(getattr(release, "swhid", None)),
            "distributions": self.distributions_of(release),
        }

    def release_objects(self) -> list:
        releases = [
            item
            for item in self.canonical.contentValues()
            if item.portal_type == "solution_release" and api.user.has_permission("View", obj=item)
        ]
        return sorted(releases, key=lambda item: item.release_date or date.min, reverse=True)

    def releases(self) -> list[dict]:
        return [self.release(item) for item in self.release_objects()]


class SolutionView(ReleasesMixin, PageView):
    """A software solution: header, key facts, releases, relations, gallery."""

    index = ViewPageTemplateFile("templates/pages/solution.pt")

    def logo_url(self) -> str:
        return self.image_url("logo", "thumb")

    def publiccode_url(self) -> str:
        """The solution as a publiccode.yml (services/publiccode)."""
        return f"{self.context.absolute_url()}/@publiccode"

    def status(self) -> dict | None:
        token = self.context.development_status
        return self.facet("osor_status", "status", token) if token else None

    def solution_types(self) -> list[dict]:
        kinds = self.context.solution_type
        return self.facets("osor_solution_type", field_vocabulary(SOLUTION_TYPE), kinds)

    def other_repositories(self) -> list[dict]:
        """The repositories besides the main one, each named by its part."""
        shown = []
        for repository in repositories_of(self.context):
            if repository["role"] == MAIN_REPOSITORY or not safe_url(repository["url"]):
                continue
            part = repository_part(repository["role"], self.request)
            shown.append(link(f"{part}: {repository['url']}" if part else repository["url"], repository["url"]))
        return shown

    def latest_release(self) -> dict | None:
        releases = self.releases()
        return releases[0] if releases else None

    def licence_expression(self) -> str | None:
        """The SPDX expression, when it says more than "any of the licences"."""
        expression = getattr(self.context, "licence_expression", None)
        return expression if expression and expression != " OR ".join(self.context.licences or ()) else None

    def eupl_hints(self) -> list[dict]:
        """May this solution's code go into an EUPL-1.2 work? One hint per licence."""
        return [
            {
                "licence": self.term("licence", hint["inbound"]),
                "verdict": hint["verdict"],
                "verdict_title": translate(VERDICT_TITLES[hint["verdict"]], context=self.request),
                "css_class": f"badge {VERDICT_BADGES[hint['verdict']]} osor-verdict-{hint['verdict']}",
                "explanation": hint["explanation"],
                "url": compatibility_checker_url(hint["inbound"], EUPL, self.context),
            }
            for hint in eupl_hints(self.context.licences, EUPL)
            if hint["inbound"] != EUPL
        ]

    def facts(self) -> list[Fact]:
        context = self.context
        owner = self.owner()
        latest = self.latest_release()
        licences = [part for spdx_id in context.licences or () for part in self.licence(spdx_id)]
        rows = [
            fact(_("label_licences", default="Licences"), self.licence_expression(), *licences),
            fact(
                _("label_latest_release", default="Latest release"),
                link(latest["version"], latest["url"]) if latest else None,
                latest["date"] if latest else None,
            ),
            fact(
                _("label_repository_url", default="Source-code repository"),
                address(context.repository_url),
            ),
            fact(_("label_other_repositories", default="Other repositories"), *self.other_repositories()),
            fact(_("label_landing_page", default="Landing page"), address(context.landing_page)),
            fact(
                _("label_documentation_url", default="Documentation"),
                address(context.documentation_url),
            ),
            fact(
                _("label_issue_tracker_url", default="Issue tracker"),
                address(context.issue_tracker_url),
            ),
            fact(
                _("label_owner_name", default="Owner organisation"),
                owner["name"] if owner else None,
                owner["type"] if owner else None,
            ),
            fact(
                _("label_programming_languages", default="Programming languages"),
                *(context.programming_languages or ()),
            ),
            fact(
                _("label_interface_languages", default="User-interface languages"),
                *self.language_names(context.interface_languages),
            ),
            fact(_("label_topics", default="Topics"), *self.topics()),
            fact(_("label_spatial_coverage", default="Spatial coverage"), *self.countries()),
        ]
        return [row for row in rows if row]

    def used_by(self) -> list[str]:
        """Names of the free-text list not (yet) declared: the upgrade to 1004
        and the publiccode.yml import's ``usedBy``."""
        declared = set(usage_declarations.organisation_names(self.context))
        return [name for name in self.context.used_by or () if name and name not in declared]

    def usage(self) -> dict:
        """Who uses the solution: approved declarations by country, the
        referents, and for facilitators the declarations to moderate."""
        items = usage_declarations.approved(self.context)
        countries = {}
        for item in items:
            countries.setdefault(item["country"], []).append(self._usage_row(item))
        may_moderate = usage_declarations.may_moderate(self.context)
        unknown = {"text": translate(_("label_country_unknown", default="Country not given"), context=self.request)}
        return {
            "countries": [
                {
                    "country": self.facet("osor_used_in_country", COUNTRIES, code) if code else unknown,
                    "organisations": rows,
                }
                for code, rows in countries.items()
            ],
            "referents": [self._usage_row(item) for item in items if item["referent"]],
            "pending": [self._usage_row(item) for item in usage_declarations.pending(self.context)]
            if may_moderate
            else [],
            "declare_url": "" if api.user.is_anonymous() else f"{self.context.absolute_url()}/@@declare-usage",
        }

    def vitality(self) -> dict | None:
        """The stored verdict of the nightly job and what it was made of."""
        stored = stored_vitality(self.context)
        if stored is None:
            return None
        inputs = stored["inputs"]
        rows = [
            fact(_("label_vitality_last_release", default="Last release"), self._date(inputs["last_release"])),
            fact(
                _("label_vitality_frequency", default="Releases in the last two years"),
                inputs["releases_in_two_years"],
            ),
            fact(
                _("label_vitality_maintenance", default="Maintenance (publiccode.yml)"),
                inputs["maintenance_type"],
            ),
            fact(_("label_vitality_contacts", default="Maintenance contacts"), inputs["maintenance_contacts"]),
            fact(_("label_vitality_last_update", default="Last update"), self._date(inputs["last_update"])),
            fact(_("label_vitality_declarations", default="Usage declarations"), inputs["usage_declarations"]),
        ]
        return {
            "state": stored["state"],
            "title": self.term("osor.collection.vocabularies.Vitality", stored["state"]),
            "facts": [row for row in rows if row],
        }

    def _date(self, iso: str | None) -> str:
        return formatting.localized_date(date.fromisoformat(iso)) if iso else ""

    def _usage_row(self, item: dict) -> dict:
        contact = item.get("contact") or ""
        url = contact if contact.startswith(("http://", "https://")) else f"mailto:{contact}" if contact else ""
        return {
            "id": item["id"],
            "organisation": item["organisation"],
            "type": self.term("owner_type", item["organisation_type"]) if item.get("organisation_type") else "",
            "since": item.get("since") or "",
            "contact": contact,
            "contact_url": safe_url(url) if url.startswith("http") else url,
            "declarer": item.get("declarer_name") or "",
            "country": item["country"],
        }

    def provenance(self) -> dict | None:
        """Where a harvested solution came from (the federation import)."""
        found = provenance_of(self.context)
        if found is None:
            return None
        catalogue = found["source_catalogue"] or translate(
            _("text_another_catalogue", default="another catalogue"), context=self.request
        )
        return {
            "catalogue": catalogue,
            "catalogue_url": safe_url(catalogue),
            "date": formatting.localized_date(found["harvested"]),
            "original": safe_url(found["original_uri"]),
            "original_text": found["original_uri"],
        }

    def related_solutions(self) -> list[dict]:
        return self.cards_for(related(self.canonical, "related_solutions"))

    def case_studies(self) -> list[dict]:
        return self.cards_for(back_related(self.canonical, "solutions_used"))

    def screenshots(self) -> list[dict]:
        return self.children(["Image"])

    def documentation(self) -> list[dict]:
        return self.children(["File"])

    def structured_data(self) -> dict:
        latest = self.release_objects()
        data = structured_data.software_application(self.context, latest[0] if latest else None)
        organisations = usage_declarations.approved(self.context)
        if organisations:
            data["interactionStatistic"] = {
                "@type": "InteractionCounter",
                "interactionType": structured_data.users(self.context, organisations),
                "userInteractionCount": len(organisations),
            }
        return data


class ReleaseView(ReleasesMixin, PageView):
    """A release and its distributions."""

    index = ViewPageTemplateFile("templates/pages/release.pt")

    def data(self) -> dict:
        return self.release(self.context)

    def facts(self) -> list[Fact]:
        release = self.data()
        rows = [
            fact(_("label_version", default="Version"), release["version"]),
            fact(_("label_release_date", default="Release date"), release["date"]),
            fact(_("label_release_status", default="Status"), release["status"]),
            fact(
                _("label_swhid", default="Software Heritage identifier (SWHID)"),
                link(release["swhid"], release["swhid_url"]) if release["swhid_url"] else None,
            ),
        ]
        return [row for row in rows if row]

    def structured_data(self) -> dict:
        return structured_data.software_release(self.context)


class DistributionView(ReleasesMixin, PageView):
    """A distribution with its download button."""

    index = ViewPageTemplateFile("templates/pages/distribution.pt")

    def data(self) -> dict:
        return self.distribution(self.context)

    def facts(self) -> list[Fact]:
        item = self.data()
        rows = [
            fact(_("label_format", default="Format"), item["format"]),
            fact(_("label_size", default="Size"), item["size"]),
            fact(_("label_licence", default="Licence"), *item["licence"]),
            fact(_("label_download_count", default="Downloads"), item["downloads"]),
        ]
        return [row for row in rows if row]

    def structured_data(self) -> dict:
        return structured_data.distribution(self.context)


class CaseStudyView(PageView):
    index = ViewPageTemplateFile("templates/pages/case_study.pt")

    def facts(self) -> list[Fact]:
        context = self.context
        source = translations.canonical(context)
        rows = [
            fact(_("label_countries", default="Countries"), *self.countries()),
            fact(
                _("label_administrations", default="Administrations involved"),
                *(context.administrations or source.administrations or ()),
            ),
            fact(
                _("label_administration_level", default="Level of government"),
                self.term("administration_level", context.administration_level),
            ),
            # A year is a plain number: "2021", never "2,021".
            fact(_("label_year", default="Year"), str(context.year) if context.year else None),
            fact(_("label_topics", default="Topics"), *self.topics()),
        ]
        return [row for row in rows if row]

    def solutions_used(self) -> list[dict]:
        return self.cards_for(related(self.canonical, "solutions_used"))

    def attachments(self) -> list[dict]:
        return self.children(["File", "Image"], container=self.context)

    def structured_data(self) -> dict:
        return structured_data.article(self.context, related(self.canonical, "solutions_used"))


class EventView(PageView):
    index = ViewPageTemplateFile("templates/pages/event.pt")

    def when(self) -> dict:
        context = self.context
        return formatting.event_when(
            context.start,
            context.end,
            whole_day=bool(getattr(context, "whole_day", False)),
            language=self.language,
        )

    def is_past(self) -> bool:
        end = self.context.end or self.context.start
        return end is not None and end < datetime.now(end.tzinfo)

    def registration_url(self) -> str:
        return "" if self.is_past() else (self.context.registration_url or "")

    def speakers(self) -> list[dict]:
        return [speaker for speaker in self.context.speakers or () if speaker and speaker.get("name")]

    def facts(self) -> list[Fact]:
        context = self.context
        virtual = context.virtual_location
        rows = [
            fact(_("label_virtual_location", default="Virtual location"), address(virtual)),
            fact(_("label_event_location", default="Location"), getattr(context, "location", None)),
            fact(
                _("label_organiser", default="Organiser"),
                context.organiser,
                self.term("organiser_type", context.organiser_type),
            ),
            fact(
                _("label_event_scope", default="Scope"),
                self.term(field_vocabulary("osor_event_scope"), context.scope),
            ),
            fact(
                _("label_event_contact", default="Contact"),
                getattr(context, "contact_name", None),
                mail(getattr(context, "contact_email", None)),
                getattr(context, "contact_phone", None),
            ),
            fact(
                _("label_event_url", default="Event web site"),
                address(getattr(context, "event_url", None)),
            ),
            fact(_("label_topics", default="Topics"), *self.topics()),
        ]
        return [row for row in rows if row]

    def calendar_url(self) -> str:
        return f"{self.context.absolute_url()}/ics_view"

    def structured_data(self) -> dict:
        return structured_data.event(self.context)


class CompetenceCentreView(PageView):
    index = ViewPageTemplateFile("templates/pages/competence_centre.pt")

    def facts(self) -> list[Fact]:
        context = self.context
        country = context.country
        rows = [
            fact(_("label_postal_address", default="Postal address"), context.postal_address),
            fact(
                _("label_country", default="Country"),
                link(
                    formatting.country_name(country, self.language),
                    self.search_url(osor_countries=country),
                )
                if country
                else None,
            ),
            fact(_("label_region", default="Region or city"), context.region),
            fact(_("label_website", default="Web site"), address(context.website)),
            fact(_("label_email", default="E-mail"), mail(context.email)),
            fact(_("label_focus", default="Focus"), self.term("focus", context.focus)),
            fact(_("label_kind", default="Kind of organisation"), self.term("kind", context.kind)),
            fact(
                _("label_languages_served", default="Languages served"),
                *self.language_names(context.languages_served),
            ),
            fact(
                _("label_services_offered", default="Services offered"),
                *(context.services_offered or ()),
            ),
            fact(_("label_topics", default="Topics"), *self.topics()),
        ]
        return [row for row in rows if row]

    def map(self) -> dict | None:
        latitude, longitude = self.context.latitude, self.context.longitude
        if latitude is None or longitude is None:
            return None
        drawable = europe_map.is_drawable(latitude, longitude)
        return {
            "view_box": europe_map.view_box(),
            "paths": list(europe_map.outlines()["paths"].values()) if drawable else [],
            "marker": europe_map.marker(latitude, longitude) if drawable else None,
            "osm_url": europe_map.openstreetmap_url(latitude, longitude),
            "source": europe_map.outlines()["source"],
        }

    def structured_data(self) -> dict:
        return structured_data.organization(self.context)


class NewsView(PageView):
    index = ViewPageTemplateFile("templates/pages/news.pt")

    def date(self) -> dict:
        value = self.context.effective()
        if not cards.is_set(value):
            value = self.context.created()
        return {"text": api.portal.get_localized_time(datetime=value), "iso": value.ISO8601()}

    def facts(self) -> list[Fact]:
        source = self.context.source_url
        rows = [
            fact(_("label_source_url", default="Source"), address(source)),
            fact(_("label_topics", default="Topics"), *self.topics()),
            fact(_("label_countries", default="Countries"), *self.countries()),
        ]
        return [row for row in rows if row]

    def structured_data(self) -> dict:
        return structured_data.news_article(self.context)


class PublicationView(PageView):
    index = ViewPageTemplateFile("templates/pages/publication.pt")

    def document(self) -> dict | None:
        context = self.context
        if context.file:
            return {
                "url": f"{context.absolute_url()}/@@download/file",
                "size": formatting.file_size(context.file.getSize()),
                "external": False,
            }
        if context.external_url:
            return {"url": context.external_url, "size": "", "external": True}
        return None

    def facts(self) -> list[Fact]:
        context = self.context
        rows = [
            fact(
                _("label_publication_type", default="Type of publication"),
                self.facet("osor_publication_type", "publication_type", context.publication_type)
                if context.publication_type
                else None,
            ),
            fact(
                _("label_publication_date", default="Publication date"),
                formatting.localized_date(context.publication_date),
            ),
            fact(
                _("label_licence", default="Licence"),
                *(self.licence(context.licence) if context.licence else ()),
            ),
            fact(_("label_topics", default="Topics"), *self.topics()),
            fact(_("label_countries", default="Countries"), *self.countries()),
        ]
        return [row for row in rows if row]

    def structured_data(self) -> dict:
        return structured_data.publication(self.context)


class PageMacros(BrowserView):
    """The macros the pages share (``context/@@osor-page-macros/macros``).

    Only their macros are used: opened as a page, it is not found rather
    than a template rendered without the variables its macros need.
    """

    template = ViewPageTemplateFile("templates/pages/macros.pt")

    @property
    def macros(self):
        return self.template.macros

    def __call__(self):
        raise NotFound(self, "osor-page-macros", self.request)
