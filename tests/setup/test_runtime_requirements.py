"""Every module the add-on imports at run time comes with a plain pip install.

A site installs ``osor.collection`` without extras (README, "Installing into
an existing site"): whatever the code imports must be declared in
``install_requires``, never only in the ``[test]`` extra that this suite
runs with, nor left to come by chance through another dependency. Each
import is traced to the distribution that holds its file, so the modules of
namespace packages (``plone.*``, ``Products.*``, ``zope.*``) are told apart.
``make check-install`` walks the same path for real in fresh virtualenvs.
"""

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from pathlib import Path

import ast
import functools
import importlib.metadata
import importlib.util
import osor.collection
import sys


PACKAGE = Path(osor.collection.__file__).parent
# The test fixtures: imported by the tests only.
NOT_RUN_BY_ZOPE = {"testing.py"}


def imported_modules(source: str):
    """The absolute module names an import statement of ``source`` loads."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            for alias in node.names:
                # ``from plone import api`` loads the module plone.api.
                submodule = f"{node.module}.{alias.name}"
                yield submodule if is_module(submodule) else node.module


def is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:  # the parent is a module, not a package
        return False


def runtime_imports() -> dict[str, set[str]]:
    """{module: files importing it} for modules outside the stdlib and ours."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in NOT_RUN_BY_ZOPE:
            continue
        for module in imported_modules(path.read_text(encoding="utf-8")):
            top = module.partition(".")[0]
            if top not in sys.stdlib_module_names and top != "osor":
                modules.setdefault(module, set()).add(str(path.relative_to(PACKAGE)))
    return modules


@functools.cache
def distribution_of_file() -> dict[Path, str]:
    index = {}
    for dist in importlib.metadata.distributions():
        for file in dist.files or ():
            if file.suffix in (".py", ".so"):
                index[Path(dist.locate_file(file)).resolve()] = canonicalize_name(dist.metadata["Name"])
    return index


def distribution_of(module: str) -> str | None:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin in (None, "namespace"):
        return None
    return distribution_of_file().get(Path(spec.origin).resolve())


def declared_requirements(name: str) -> set[str]:
    """The distributions ``name`` requires without any extra."""
    declared = set()
    for line in importlib.metadata.requires(name) or ():
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            declared.add(canonicalize_name(requirement.name))
    return declared


def test_imports_are_traced_to_their_distribution():
    assert distribution_of("babel.dates") == "babel"
    assert distribution_of("plone.api") == "plone-api"
    assert distribution_of("Products.CMFCore.utils") == "products-cmfcore"
    assert set(imported_modules("from plone import api\nfrom babel.dates import format_date\nimport lxml.etree")) == {
        "plone.api",
        "babel.dates",
        "lxml.etree",
    }


def test_the_test_extra_is_not_a_runtime_requirement():
    """The check below would pass for anything if extras were counted."""
    declared = declared_requirements("osor.collection")
    assert "plone-api" in declared
    assert "pytest" not in declared
    assert "plone-app-testing" not in declared


def test_every_runtime_import_is_declared_in_install_requires():
    """Declared by us, not only brought by chance through another package."""
    declared = declared_requirements("osor.collection")
    modules = runtime_imports()
    assert "plone.api" in modules
    undeclared = {}
    for module, files in sorted(modules.items()):
        distribution = distribution_of(module)
        assert distribution is not None, f"{module} (imported by {sorted(files)}) is in no installed distribution"
        if distribution not in declared:
            undeclared.setdefault(distribution, set()).update(files)
    assert not undeclared, "imported at run time but not in install_requires: " + "; ".join(
        f"{dist} ({', '.join(sorted(files)[:3])})" for dist, files in sorted(undeclared.items())
    )
