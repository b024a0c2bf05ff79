"""Site-creation hook of the "osor" distribution."""

from osor.collection.demo.example_content import create_example_content
from osor.collection.demo.example_content import load_example_data
from osor.collection.demo.landing import show_the_collection_on_language_roots
from osor.collection.demo.multilingual import set_language_of_untagged_content
from osor.collection.demo.multilingual import setup_multilingual_site
from osor.collection.demo.multilingual import translate_example_content
from osor.collection.demo.publiccode_import import import_demo_publiccode_files
from osor.collection.demo.reports import create_report_examples
from osor.collection.demo.subscriptions import subscribe_demo_users
from osor.collection.demo.usage import create_usage_examples
from plone import api
from plone.distribution.handler import post_handler as default_post_handler


def post_handler(distribution, site, answers: dict):
    site = default_post_handler(distribution, site, answers)
    root_folders = setup_multilingual_site(site)
    if answers.get("setup_content", True):
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
