"""Site-creation hook of the "osor" distribution."""

from osor.collection.demo.example_content import create_example_content
from plone.distribution.handler import post_handler as default_post_handler


def post_handler(distribution, site, answers: dict):
    site = default_post_handler(distribution, site, answers)
    if answers.get("setup_content", True):
        create_example_content(site)
    return site
