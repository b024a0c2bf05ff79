"""Site-creation hook of the "osor" distribution."""

from osor.collection.demo.example_content import create_example_content
from osor.collection.demo.example_content import load_example_data
from osor.collection.demo.landing import show_the_collection_on_language_roots
from osor.collection.demo.multilingual import LANGUAGES
from osor.collection.demo.multilingual import set_language_of_untagged_content
from osor.collection.demo.multilingual import setup_multilingual_site
from osor.collection.demo.multilingual import translate_example_content
from osor.collection.demo.publiccode_import import import_demo_publiccode_files
from osor.collection.demo.reports import create_report_examples
from osor.collection.demo.subscriptions import subscribe_demo_users
from osor.collection.demo.usage import create_usage_examples
from osor.collection.vocabularies.language import base_language
from osor.collection.vocabularies.language import EU_LANGUAGES
from plone import api
from plone.distribution.handler import post_handler as default_post_handler


def post_handler(distribution, site, answers: dict):
    site = default_post_handler(distribution, site, answers)
    root_folders = setup_multilingual_site(site, content_languages(answers))
    if answers.get("setup_content", True) and "en" in root_folders:
        create_example_content(site, root_folders["en"])
        set_language_of_untagged_content(root_folders["en"], "en")
        translate_example_content(root_folders["en"])
        # After the translations: the importer puts the French and German
        # descriptions of a file into the collection's translations.
        with api.env.adopt_roles(["Manager"]):
            import_demo_publiccode_files(root_folders["en"]["osor"])
            create_usage_examples(root_folders["en"])
        show_the_collection_on_language_roots(site)
        subscribe_demo_users(root_folders["en"])
        create_report_examples(root_folders["en"], load_example_data())
    # After the example content: building it must not mail the demo users.
    configure_demo_site(site)
    enable_http_caching(site)
    return site


def content_languages(answers: dict) -> tuple[str, ...]:
    """The content languages chosen in the site-creation form, the default
    language first (the example content is written in English: a site
    without English gets none)."""
    chosen = [language for language in answers.get("content_languages") or LANGUAGES if language in EU_LANGUAGES]
    default = base_language(answers.get("default_language")) or "en"
    if default not in EU_LANGUAGES:
        raise ValueError(f"The default language {default!r} is not one of the 24 official EU languages")
    return (default, *[language for language in chosen if language != default])


def configure_demo_site(site) -> None:
    """Let visitors register themselves, and give notifications a sender."""
    api.portal.set_registry_record("plone.enable_self_reg", True)
    api.portal.set_registry_record("plone.email_from_address", "osor@example.org")
    api.portal.set_registry_record("plone.email_from_name", site.Title())


def enable_http_caching(site) -> None:
    """Turn HTTP caching on, as a production site has it: Plone's rulesets
    as its "Without caching proxy" settings, ours as our profile set them
    (docs/caching.md). Demo only: a site that installs the add-on decides."""
    site.portal_setup.runAllImportStepsFromProfile("profile-plone.app.caching:without-caching-proxy")
    api.portal.set_registry_record("plone.caching.interfaces.ICacheSettings.enabled", True)
