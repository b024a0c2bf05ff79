# osor.collection - development and deployment helpers (GNU make).
#
#   make install         .venv with pinned dependencies + the add-on (editable)
#   make test            run the pytest suite (ARGS="-k setup" to pass options)
#   make check           lint, format check, zpretty check and import contracts (CI runs it)
#   make check-install   build sdist + wheel, pip-install each (no extras) in a fresh venv, run a site
#   make format          rewrite code, ZCML and profile XML in the house style
#   make bench           time the faceted search and our pages against bare Plone (N="1000 10000"), and a digest run
#   make digest          send the subscription digests through the running site (FREQUENCY=daily|weekly, for cron)
#   make i18n            rebuild the .pot and sync the .po files (then translate)
#   make start           create var/ once (Zope config, admin user, Plone site) and serve :8080
#   make cluster         PostgreSQL + two Zope instances on RelStorage + HAProxy on :8080 (make cluster-stop)
#   make backup          back up the site's database and blobs into var/backups/<DATE> (make restore [DATE=])
#   make test-cluster    the tests with real processes: the cluster under concurrent writes, backup and restore
#   make buildout        buildout deployment in .venv-buildout (bin/instance on :8081)
#   make clean           remove .venv and build artefacts (NOT var/)
#   make clean-data      remove var/ (the ZODB: all site content!)
#
# See README.md, section "Make targets".

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# Interpreter used to create the virtualenvs: python3.11, else python3.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
CONSTRAINTS := constraints.txt
VENV := .venv
BIN := $(VENV)/bin
INSTALL_STAMP := $(VENV)/.install.stamp

# make test
TESTS ?= tests
ARGS ?=
# The existing-site tests set up a Plone site *without* our profile on the
# same base layer as every other test. plone.testing stacks a layer's
# resources (its ZODB) on its base, so two such sandboxes cannot be set up
# side by side in one process, and pytest-plone keeps layers for the whole
# session: these tests run in a pytest process of their own.
SEPARATE_TESTS := tests/setup/test_existing_site.py
# Tests that start real processes (PostgreSQL, Zope instances, HAProxy) and
# take minutes: `make test-cluster`, which CI runs after `make test`.
CLUSTER_TESTS := tests/cluster

# Debian packages needed by `make test` (installed only when missing):
# the browser tests (tests/browser/)
# drive Debian's Chromium with Playwright; no browser is ever downloaded.
# `make cluster` (and its tests) run Debian's PostgreSQL and HAProxy.
SYSTEM_PACKAGES ?= chromium postgresql haproxy
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# make start
VAR := $(CURDIR)/var
ZOPE_CONF := $(VAR)/etc/zope.conf
ZOPE_INI := $(VAR)/etc/zope.ini
HOST ?= 0.0.0.0
PORT ?= 8080
SITE_ID ?= Plone
ADMIN_USER ?= admin
ADMIN_PASSWORD ?= admin
export SITE_ID ADMIN_USER ADMIN_PASSWORD

# Translations: src/osor/collection/locales/**/*.po -> .mo (may be none)
LOCALES := src/osor/collection/locales

# make buildout
BUILDOUT_VENV := .venv-buildout
BUILDOUT_STAMP := $(BUILDOUT_VENV)/.install.stamp

.PHONY: help
help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-16s %s\n", $$1, $$2}'

# ---------------------------------------------------------------- install

.PHONY: install
install: $(INSTALL_STAMP) compile-mo ## Create .venv and install the add-on with pinned dependencies

$(INSTALL_STAMP): setup.py $(CONSTRAINTS)
	@test -x $(BIN)/python || { echo "Creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q -c $(CONSTRAINTS) pip setuptools wheel python-gettext
	$(BIN)/python -m pip install -c $(CONSTRAINTS) --no-build-isolation -e ".[test,lint,cluster]"
	@touch $@

.PHONY: compile-mo
compile-mo: $(INSTALL_STAMP) ## Compile the .po files of the add-on to .mo (no-op when there are none)
	@$(BIN)/python scripts/compile_mo.py $(LOCALES)

.PHONY: i18n
i18n: $(INSTALL_STAMP) ## Rebuild locales/osor.collection.pot (code, templates, GenericSetup XML, YAML data) and sync the .po files
	$(BIN)/python scripts/i18n.py
	@$(BIN)/python scripts/compile_mo.py $(LOCALES)

.PHONY: system-packages
system-packages: ## Install the Debian packages in SYSTEM_PACKAGES that are missing (apt-get)
	@missing=""; \
	for pkg in $(SYSTEM_PACKAGES); do \
	  dpkg -s "$$pkg" >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	else \
	  echo "Debian packages: nothing missing ($(or $(SYSTEM_PACKAGES),none required))"; \
	fi

# ---------------------------------------------------------------- code quality

# ZCML everywhere; GenericSetup XML of the profiles, except the taxonomies,
# which scripts generate (a test keeps them equal to their sources).
ZCML_FILES = $(shell find src -name '*.zcml')
PROFILE_XML = $(shell find src/osor/collection/profiles -name '*.xml' -not -path '*/taxonomies/*')

.PHONY: lint
lint: $(INSTALL_STAMP) ## Lint Python (ruff) without changing anything
	$(BIN)/ruff check .

.PHONY: lint-imports
lint-imports: $(INSTALL_STAMP) ## Check the import contracts (pyproject.toml, [tool.importlinter])
	PYTHONPATH=src $(BIN)/lint-imports

.PHONY: format
format: $(INSTALL_STAMP) ## Rewrite Python, ZCML and profile XML in the house style
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/zpretty -i -z $(ZCML_FILES)
	$(BIN)/zpretty -i -x $(PROFILE_XML)

.PHONY: check
check: lint lint-imports ## Lint, format check (ruff, zpretty) and import contracts: what CI checks
	$(BIN)/ruff format --check .
	@echo "zpretty --check: $(words $(ZCML_FILES)) ZCML and $(words $(PROFILE_XML)) profile XML files"
	@$(BIN)/zpretty --check -z $(ZCML_FILES)
	@$(BIN)/zpretty --check -x $(PROFILE_XML)

# What a site does: pip install the built package, no extras, no editable
# checkout, no catalogue compiled by Zope (scripts/check_install.py).
.PHONY: check-install
check-install: $(INSTALL_STAMP) ## Build sdist and wheel, pip-install each without extras in a fresh venv, create a site, activate the add-on, see a French page
	$(BIN)/python -m pip install -q -c $(CONSTRAINTS) build
	$(BIN)/python scripts/check_install.py

VERSION ?=
.PHONY: changelog
changelog: $(INSTALL_STAMP) ## Render news/ into CHANGES.md: make changelog VERSION=1.0.0a3 (DRAFT=1 to preview)
	@test -n "$(VERSION)" || { echo "Give the version: make changelog VERSION=1.0.0a3"; exit 2; }
	$(BIN)/towncrier build --version $(VERSION) $(if $(DRAFT),--draft,--yes)

# ---------------------------------------------------------------- test

# The whole suite prints its 25 slowest steps: the brief keeps `make test`
# under about 25 minutes on a 2-core machine, and CI's log says where to cut.

.PHONY: test
test: install system-packages ## Run the tests: make test [TESTS=tests/setup/test_setup.py] [ARGS="-k setup -x"]
ifeq ($(TESTS),tests)
	$(BIN)/pytest tests --ignore=$(SEPARATE_TESTS) --ignore=$(CLUSTER_TESTS) --durations=25 $(ARGS)
	$(BIN)/pytest $(SEPARATE_TESTS) $(ARGS)
else
	$(BIN)/pytest $(TESTS) $(ARGS)
endif

.PHONY: test-cluster
test-cluster: install system-packages ## Real processes, about 4 minutes: two instances on RelStorage under concurrent writes, backup and restore
	$(BIN)/pytest $(CLUSTER_TESTS) $(ARGS)

.PHONY: screenshots
screenshots: install system-packages ## Refresh docs/screenshots/ (the README's) from the browser tests
	OSOR_SCREENSHOTS=1 $(BIN)/pytest tests/browser/test_browser_visitor.py -k screenshots

# Not part of `make test`: minutes per size (see benchmarks/RESULTS.md).
N ?= 1000 10000
.PHONY: bench
bench: install ## Faceted search and pages vs bare Plone (memory, growth), a digest run, HTTP caching on/off: make bench [N="1000 10000 100000"]
	$(BIN)/python benchmarks/bench.py $(N)
	$(BIN)/python benchmarks/digest.py
	$(BIN)/python benchmarks/caching.py

# ---------------------------------------------------------------- start

# The rendered configuration is refreshed when a template, the path of the
# checkout, HOST or PORT change; data in var/ is never touched by this.
$(VAR)/etc/%: etc/%.in FORCE
	@mkdir -p $(@D)
	@sed -e 's|@INSTANCE@|$(VAR)|g' -e 's|@HOST@|$(HOST)|g' -e 's|@PORT@|$(PORT)|g' $< > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; echo "Rendered $@"; fi

.PHONY: FORCE
FORCE:

.PHONY: instance
instance: install $(ZOPE_CONF) $(ZOPE_INI) ## Create var/ with the Zope config, the admin user and the Plone site (once)
	@mkdir -p $(VAR)/filestorage $(VAR)/log $(VAR)/cache
	@mkdir -p $(VAR)/blobstorage && chmod 700 $(VAR)/blobstorage
	$(BIN)/zconsole run $(ZOPE_CONF) scripts/create_site.py

.PHONY: start
start: instance ## Serve Plone on http://localhost:8080/Plone (HOST=, PORT=, ADMIN_PASSWORD=)
	@echo "================================================================"
	@echo " Open Source Observatory: http://localhost:$(PORT)/$(SITE_ID)"
	@echo " Example collection:      http://localhost:$(PORT)/$(SITE_ID)/en/osor (fr: /fr, de: /de)"
	@echo " Zope root (ZMI):         http://localhost:$(PORT)/manage"
	@echo " Login:                   $(ADMIN_USER) / $(ADMIN_PASSWORD)"
	@echo "   (the password set when var/ was first created; data kept in var/)"
	@echo " Stop with Ctrl-C."
	@echo "================================================================"
	exec $(BIN)/runwsgi $(ZOPE_INI)

# Commands on the site of `make start` use its configuration as it is: they
# never render var/etc/ again (a site started with PORT=9080 keeps it) nor
# create the site.
.PHONY: existing-site
existing-site: install
	@test -f $(ZOPE_CONF) || { echo "No site in $(VAR): create it first with 'make instance' (or 'make start')."; exit 2; }

# Import an ADMS-AP / DCAT-AP file into a collection (the site must exist:
# make instance). Exits non-zero when the file was not imported.
FILE ?=
COLLECTION ?= /$(SITE_ID)/en/osor
.PHONY: import-rdf
import-rdf: existing-site ## Import an RDF file into a collection: make import-rdf FILE=solutions.ttl [COLLECTION=/Plone/en/osor SOURCE= DRY_RUN=1]
	@test -n "$(FILE)" || { echo "Give the file: make import-rdf FILE=solutions.ttl"; exit 2; }
	@FILE="$(abspath $(FILE))" COLLECTION="$(COLLECTION)" SOURCE="$(SOURCE)" DRY_RUN="$(DRY_RUN)" \
	  $(BIN)/zconsole run $(ZOPE_CONF) scripts/import_rdf.py

# Subscription digests, from cron, through the running site (see README,
# "Subscriptions and digests"): make digest FREQUENCY=weekly [DRY_RUN=1]
FREQUENCY ?= daily
SITE_URL ?= http://127.0.0.1:$(PORT)/$(SITE_ID)
.PHONY: digest
digest: ## Send the subscription digests of FREQUENCY (daily, weekly, immediate) through the running site: make digest FREQUENCY=weekly [DRY_RUN=1 SITE_URL=]
	@FREQUENCY="$(FREQUENCY)" SITE_URL="$(SITE_URL)" DRY_RUN="$(DRY_RUN)" \
	  $(or $(wildcard $(BIN)/python),$(PYTHON)) scripts/digest.py

# The nightly vitality job (#29 §3) on the running site of `make start`:
#   15 3 * * * cd /path/to/osor.collection && make vitality ADMIN_PASSWORD=…
.PHONY: vitality
vitality: ## Compute every solution's vitality on the running site: make vitality [PORT=8080 ADMIN_USER= ADMIN_PASSWORD=]
	@curl --fail --silent --show-error -X POST -H "Accept: application/json" \
	  -u "$(ADMIN_USER):$(ADMIN_PASSWORD)" "http://localhost:$(PORT)/$(SITE_ID)/@vitality"; echo

.PHONY: import-publiccode
import-publiccode: existing-site ## Import every *.yml/*.yaml of DIR into COLLECTION (server stopped): make import-publiccode DIR=files COLLECTION=/Plone/en/osor
	@test -n "$(DIR)" -a -n "$(COLLECTION)" || { echo "usage: make import-publiccode DIR=<folder> COLLECTION=/Plone/en/osor"; exit 2; }
	@PUBLICCODE_DIR="$(abspath $(DIR))" COLLECTION="$(COLLECTION)" ADMIN_USER="$(ADMIN_USER)" \
		$(BIN)/zconsole run $(ZOPE_CONF) scripts/import_publiccode.py

# ---------------------------------------------------------------- cluster

# PostgreSQL (var/pg, loopback only; run as PG_USER when make runs as
# root: PostgreSQL refuses root), two Zope instances on RelStorage
# (var/cluster/instance1, instance2; one shared blob directory and mail
# queue) and HAProxy on HOST:PORT in front. See docs/operations.md.
CLUSTER_HOST ?= 127.0.0.1
INSTANCE_PORTS ?= 8091 8092
PG_PORT ?= 5433
PG_USER ?= $(shell [ "$$(id -u)" = 0 ] && echo postgres || id -un)
CLUSTER_SCRIPT = $(BIN)/python scripts/cluster.py --var $(VAR) --host $(CLUSTER_HOST) --port $(PORT) \
	--instance-ports "$(INSTANCE_PORTS)" --pg-port $(PG_PORT) --pg-user $(PG_USER) --site-id $(SITE_ID)

.PHONY: cluster
cluster: install system-packages ## PostgreSQL + two Zope instances on RelStorage + HAProxy on 127.0.0.1:8080, in the background (PORT=, INSTANCE_PORTS=, PG_PORT=)
	$(CLUSTER_SCRIPT) start

.PHONY: cluster-stop
cluster-stop: ## Stop HAProxy, the Zope instances and PostgreSQL of `make cluster`
	$(CLUSTER_SCRIPT) stop

.PHONY: cluster-status
cluster-status: ## Which processes of `make cluster` run
	$(CLUSTER_SCRIPT) status

# ---------------------------------------------------------------- backup

# The FileStorage of `make start` (repozo: a full backup, then incremental
# ones) and the cluster's database (pg_dump), each with its blobs, into
# var/backups/<DATE>. Restoring needs the Zope servers stopped.
DATE ?=
BACKUP_SCRIPT = $(BIN)/python scripts/backup.py --var $(VAR) --pg-port $(PG_PORT) --pg-user $(PG_USER)

.PHONY: backup
backup: install ## Back up the database(s) and blobs of var/ into var/backups/<DATE> (FULL=1: a new full repozo backup)
	$(BACKUP_SCRIPT) backup $(if $(FULL),--full)

.PHONY: restore
restore: install ## Restore var/backups/<DATE> (default: the latest) into var/: stop the servers first (make restore [DATE=…])
	$(BACKUP_SCRIPT) restore $(DATE)

# ---------------------------------------------------------------- buildout

.PHONY: buildout
buildout: $(BUILDOUT_STAMP) versions.cfg ## Buildout deployment: .venv-buildout + bin/instance (port 8081)
	$(BUILDOUT_VENV)/bin/buildout -N -c buildout.cfg

versions.cfg: $(CONSTRAINTS) scripts/constraints_to_versions.py
	$(PYTHON) scripts/constraints_to_versions.py $(CONSTRAINTS) $@

$(BUILDOUT_STAMP): $(CONSTRAINTS)
	@test -x $(BUILDOUT_VENV)/bin/python || $(PYTHON) -m venv $(BUILDOUT_VENV)
	$(BUILDOUT_VENV)/bin/python -m pip install -q -c $(CONSTRAINTS) pip setuptools wheel
	$(BUILDOUT_VENV)/bin/python -m pip install -c $(CONSTRAINTS) zc.buildout
	@touch $@

# ---------------------------------------------------------------- clean

.PHONY: clean
clean: ## Remove .venv, .venv-buildout and build artefacts (keeps var/, the database)
	rm -rf $(VENV) $(BUILDOUT_VENV) build dist src/*.egg-info .pytest_cache
	rm -rf bin parts develop-eggs eggs .installed.cfg versions.cfg .mr.developer.cfg
	find src tests scripts -name __pycache__ -type d -prune -exec rm -rf {} +
	find $(LOCALES) -name '*.mo' -delete 2>/dev/null || true
	@echo "var/ (database, blobs, logs) kept: use 'make clean-data' to remove it."

.PHONY: clean-data
clean-data: ## Remove var/: the ZODB with ALL site content, blobs, logs and the rendered config
	rm -rf $(VAR)
