"""schema.org JSON-LD of the visitor's pages.

Each function returns a plain dict for one item; ``as_script`` serialises
a graph for a ``<script type="application/ld+json">`` element. Empty values
are left out, as on the pages themselves. Taxonomy terms (topics, countries,
solution types) are written as the labels the page shows, in the page's
language, never as their internal tokens: a search engine indexes words.
"""

from datetime import date
from datetime import datetime
from osor.collection.fields import software_heritage_url
from osor.collection.pages.formatting import term_title
from osor.collection.vocabularies.taxonomies import field_vocabulary
from osor.collection.vocabularies.taxonomies import LEGAL_REQUEST_CATEGORY
from osor.collection.vocabularies.taxonomies import SOLUTION_TYPE
from osor.collection.vocabularies.taxonomies import SPATIAL_COVERAGE
from osor.collection.vocabularies.taxonomies import TOPICS
from plone import api
from zope.component import getMultiAdapter

import json
import lxml.html


CONTEXT = "https://schema.org"
LICENCES = "osor.collection.vocabularies.Licences"
SPDX_URL = "https://spdx.org/licenses/{}.html"


def compact(data: dict) -> dict:
    """``data`` without its empty values."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def as_script(graph: list[dict]) -> str:
    """JSON for a script element: ``</`` is escaped so the text cannot close it."""
    text = json.dumps({"@context": CONTEXT, "@graph": graph}, ensure_ascii=False, indent=1)
    return text.replace("</", "<\\/")


def _iso(value) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "ISO8601") and value.year() > 1970:
        return value.ISO8601()
    return ""


def labels(obj, field: str, taxonomy: str) -> list[str]:
    """The labels of the taxonomy terms in ``obj``'s ``field``."""
    return [term_title(field_vocabulary(taxonomy), token, obj) for token in getattr(obj, field, None) or ()]


def places(obj) -> list[dict]:
    """The countries and regions of ``obj``'s spatial coverage, by name."""
    return [{"@type": "Place", "name": name} for name in labels(obj, "spatial_coverage", SPATIAL_COVERAGE)]


def plain_text(rich_text) -> str:
    """A rich text field's text without its markup."""
    html = getattr(rich_text, "output", None) or ""
    if not html.strip():
        return ""
    return " ".join(lxml.html.fromstring(html).text_content().split())


def thing(obj, kind: str = "WebPage") -> dict:
    return compact({
        "@type": kind,
        "@id": obj.absolute_url(),
        "url": obj.absolute_url(),
        "name": obj.Title(),
        "description": obj.Description(),
        "inLanguage": getattr(obj, "Language", lambda: "")() or "",
        "keywords": labels(obj, "topics", TOPICS),
        "spatialCoverage": places(obj),
    })


def _organization(name, kind="Organization") -> dict | None:
    return {"@type": kind, "name": name} if name else None


def software_application(solution, latest_release=None) -> dict:
    data = thing(solution, "SoftwareApplication")
    categories = labels(solution, "solution_type", SOLUTION_TYPE)
    data.update(
        compact({
            "license": [SPDX_URL.format(spdx_id) for spdx_id in solution.licences or ()],
            "softwareVersion": getattr(latest_release, "version", None),
            "applicationCategory": ", ".join(categories),
            "codeRepository": solution.repository_url,
            "softwareHelp": {"@type": "CreativeWork", "url": solution.documentation_url}
            if solution.documentation_url
            else None,
            "sameAs": solution.landing_page,
            "programmingLanguage": list(solution.programming_languages or ()),
            "availableLanguage": list(solution.interface_languages or ()),
            "publisher": _organization(getattr(solution, "owner_name", None)),
        })
    )
    return data


def users(solution, organisations: list[dict]) -> dict:
    """Who uses ``solution`` (its approved usage declarations), as schema.org
    ``Organization``s that are ``subjectOf`` the use of the application."""
    return compact({
        "@type": "UseAction",
        "object": {"@id": solution.absolute_url()},
        "agent": [
            compact({
                "@type": "Organization",
                "name": item["organisation"],
                "address": {"@type": "PostalAddress", "addressCountry": item["country"]} if item["country"] else None,
                "url": item["contact"] if item["contact"].startswith("https://") else None,
            })
            for item in organisations
        ],
    })


def software_release(release) -> dict:
    data = thing(release, "SoftwareApplication")
    data.update(
        compact({
            "softwareVersion": release.version,
            "datePublished": _iso(release.release_date),
            # The SWHID, and the archive's page of it as the same thing elsewhere.
            "identifier": getattr(release, "swhid", None),
            "sameAs": software_heritage_url(getattr(release, "swhid", None)),
        })
    )
    return data


def distribution(item) -> dict:
    data = thing(item, "DataDownload")
    data.update(
        compact({
            "contentUrl": f"{item.absolute_url()}/@@download",
            "encodingFormat": item.file_format,
            "contentSize": str(item.file_size) if item.file_size else None,
            "license": SPDX_URL.format(item.licence) if item.licence else None,
        })
    )
    return data


def article(case_study, solutions=()) -> dict:
    data = thing(case_study, "Article")
    data.update(
        compact({
            "about": [
                {
                    "@type": "SoftwareApplication",
                    "name": solution.Title(),
                    "url": solution.absolute_url(),
                }
                for solution in solutions
            ],
            "datePublished": _iso(case_study.effective()),
            "temporalCoverage": str(case_study.year) if case_study.year else None,
        })
    )
    return data


def event(item) -> dict:
    data = thing(item, "Event")
    physical = getattr(item, "location", None)
    virtual = item.virtual_location
    locations = []
    if physical:
        locations.append({"@type": "Place", "name": physical, "address": physical})
    if virtual:
        locations.append({"@type": "VirtualLocation", "url": virtual})
    if item.online and physical:
        mode = "https://schema.org/MixedEventAttendanceMode"
    elif item.online or (virtual and not physical):
        mode = "https://schema.org/OnlineEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    data.update(
        compact({
            "startDate": _iso(item.start),
            "endDate": _iso(item.end),
            "eventAttendanceMode": mode,
            "eventStatus": "https://schema.org/EventScheduled",
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": _organization(item.organiser),
            "performer": [
                compact({
                    "@type": "Person",
                    "name": speaker.get("name"),
                    "affiliation": _organization(speaker.get("affiliation")),
                    "description": speaker.get("bio"),
                })
                for speaker in item.speakers or ()
                if speaker and speaker.get("name")
            ],
            "offers": {"@type": "Offer", "url": item.registration_url} if item.registration_url else None,
        })
    )
    return data


def organization(centre) -> dict:
    data = thing(centre, "Organization")
    has_geo = centre.latitude is not None and centre.longitude is not None
    data.update(
        compact({
            "url": centre.website or centre.absolute_url(),
            "email": centre.email,
            "address": compact({
                "@type": "PostalAddress",
                "streetAddress": centre.postal_address,
                "addressRegion": centre.region,
                "addressCountry": centre.country,
            }),
            "location": compact({
                "@type": "Place",
                "geo": {
                    "@type": "GeoCoordinates",
                    "latitude": centre.latitude,
                    "longitude": centre.longitude,
                }
                if has_geo
                else None,
                "address": centre.region,
            }),
            "knowsLanguage": list(centre.languages_served or ()),
        })
    )
    return data


def news_article(news) -> dict:
    data = thing(news, "NewsArticle")
    data.update(
        compact({
            "headline": news.Title(),
            "datePublished": _iso(news.effective()) or _iso(news.created()),
            "dateModified": _iso(news.modified()),
            "isBasedOn": news.source_url,
        })
    )
    return data


def publication(item) -> dict:
    data = thing(item, "Report" if item.publication_type == "report" else "CreativeWork")
    data.update(
        compact({
            "datePublished": _iso(item.publication_date),
            "license": SPDX_URL.format(item.licence) if item.licence else None,
            "url": item.absolute_url(),
            "sameAs": item.external_url,
        })
    )
    return data


def faq_page(entry) -> dict:
    """A Legal FAQ entry: a page of one question and its accepted answer."""
    data = thing(entry, "FAQPage")
    question = compact({
        "@type": "Question",
        "name": entry.Title(),
        "text": plain_text(entry.question),
        "acceptedAnswer": compact({"@type": "Answer", "text": plain_text(entry.answer)}),
    })
    data.update(
        compact({
            "mainEntity": [question],
            "about": [
                {"@type": "CreativeWork", "name": term_title(LICENCES, spdx_id, entry), "url": SPDX_URL.format(spdx_id)}
                for spdx_id in entry.licences or ()
            ],
        })
    )
    category = getattr(entry, "category", None)
    if category:
        data["keywords"] = [term_title(field_vocabulary(LEGAL_REQUEST_CATEGORY), category, entry)]
    return data


def collection(obj) -> dict:
    data = thing(obj, "CollectionPage")
    data.update(compact({"publisher": _organization(getattr(obj, "owner_name", None))}))
    return data


def breadcrumbs(obj, request) -> dict:
    """The page's trail (Plone's breadcrumbs) as a schema.org ``BreadcrumbList``."""
    view = getMultiAdapter((obj, request), name="breadcrumbs_view")
    portal = api.portal.get()
    trail = [{"Title": portal.Title(), "absolute_url": portal.absolute_url()}]
    trail += list(view.breadcrumbs())
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": crumb["Title"], "item": crumb["absolute_url"]}
            for position, crumb in enumerate(trail, start=1)
        ],
    }
