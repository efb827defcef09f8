# Second Chance Portal. `make run` and `make test` work from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .make-stamps
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install install-test catalogues messages system-packages validators run serve migrate demo test test-fast lint format check security services search-engine search-engine-stop bench soak faults requirements screenshot smoke clean

help:
	@echo "make run        install, migrate, load demo content and serve on http://$(HOST):$(PORT)"
	@echo "make test       install test tools and run the whole suite"
	@echo "make messages   extract new interface strings into locale/*/LC_MESSAGES/django.po (GNU gettext)"
	@echo "make lint       ruff check and format check, then the import contracts (lint-imports)"
	@echo "make format     ruff format and fix"
	@echo "make bench      benchmarks (see bench/README.md)"
	@echo "make soak       10-minute soak at 8 clients (SOAK_ARGS=\"--minutes 2\")"
	@echo "make faults     database restart, search engine and mail server drills (cluster 15 bench, port 5433)"
	@echo "make check      system checks and missing migrations"
	@echo "make security   bandit static security checks (offline)"
	@echo "make services   install and start PostgreSQL 15 and Redis on loopback (for the PostgreSQL test pass)"
	@echo "make search-engine  build and start one OpenSearch 2.19 node on http://127.0.0.1:$(SEARCH_ENGINE_PORT) (make search-engine-stop)"
	@echo "make screenshot docs/home.png from a demo site of its own (Debian's chromium)"
	@echo "make requirements  re-pin requirements.txt and requirements-test.txt from the .in files"
	@echo "make smoke      short bench, soak, fault drills and screenshot, as CI runs them (.ci/commands.sh)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMPS)/install: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/install-test: requirements-test.txt $(STAMPS)/install
	$(BIN)/pip install --quiet -r requirements-test.txt
	@mkdir -p $(STAMPS) && touch $@

# Debian's Pango, HarfBuzz, fontconfig and CJK fonts for the certificate PDF (WeasyPrint), installed
# when missing; quiet and quick when they are there (scripts/system-packages.sh).
system-packages:
	@bash scripts/system-packages.sh

install: system-packages $(STAMPS)/install catalogues
install-test: system-packages $(STAMPS)/install-test catalogues

# The interface translations, compiled with Babel (no GNU gettext needed): each .po newer than its
# .mo is compiled again. `make messages` extracts new strings into them (needs GNU gettext).
catalogues: $(STAMPS)/install
	@DEBUG=$${DEBUG:-1} $(BIN)/python manage.py compile_catalogues --verbosity 0

MESSAGES_IGNORE := --ignore=.venv --ignore=tools --ignore=tests --ignore=bench --ignore=staticfiles --ignore=var --ignore=node_modules
messages: $(STAMPS)/install-test
	DEBUG=1 $(BIN)/python manage.py makemessages -l en -l fr -l es -l ar $(MESSAGES_IGNORE) --add-location=file
	$(BIN)/python scripts/english-catalogue.py

# The W3C Nu Html Checker (tools/vnu, npm package vnu-jar, needs Java 17) for tests/validators;
# without npm the HTML validation test skips with its reason (REQUIRE_VALIDATORS=1 makes it fail).
validators: $(STAMPS)/validators
$(STAMPS)/validators: tools/vnu/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		cd tools/vnu && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && cd ../.. && mkdir -p $(STAMPS) && touch $@; \
	else echo "npm is missing: the HTML validation test will skip (apt-get install npm default-jre-headless)"; fi

migrate: install
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --no-input

demo: migrate
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py load_demo_content

run: demo
	@echo ""
	@echo "The portal is starting on http://$(HOST):$(PORT)/ (Wagtail admin: http://$(HOST):$(PORT)/admin/)."
	@echo "Log in with one of the demo e-mail addresses above and the password shown. Ctrl-C stops it."
	@echo ""
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver $(HOST):$(PORT)

# On every core (pytest-xdist; PYTEST_WORKERS=0 runs in this one process). `--dist load` hands the
# tests out in pytest-django's order, so each worker runs its transactional tests (which empty the
# database when they end) after the others, as one process would.
PYTEST_WORKERS ?= auto
test: install-test validators
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist load $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install-test
	DEBUG=1 $(BIN)/python manage.py check
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

# Offline: bandit reads the code only. pip-audit needs PyPI/OSV over the network, so it is left
# out here (run `pip-audit -r requirements.txt` where the network is available).
security: install-test
	$(BIN)/bandit -c pyproject.toml -r . -q

# PostgreSQL 15 on 127.0.0.1:5432 (role postgres trusted over loopback, database test) and Redis on
# 127.0.0.1:6379, installed from Debian's packages when missing; idempotent.
services:
	bash scripts/services.sh

# One OpenSearch 2.19 node in one JVM (search/opensearch-node/, Java 17 and Maven), in the background
# on 127.0.0.1:$(SEARCH_ENGINE_PORT) with its data, log and process id under $(SEARCH_ENGINE_DATA)/;
# built once (jars cached in ~/.m2), returns at once when it already runs (scripts/search-engine.sh).
SEARCH_ENGINE_PORT ?= 9200
SEARCH_ENGINE_DATA ?= .search-engine
search-engine:
	@SEARCH_ENGINE_PORT=$(SEARCH_ENGINE_PORT) SEARCH_ENGINE_DATA=$(SEARCH_ENGINE_DATA) bash scripts/search-engine.sh start

search-engine-stop:
	@SEARCH_ENGINE_PORT=$(SEARCH_ENGINE_PORT) SEARCH_ENGINE_DATA=$(SEARCH_ENGINE_DATA) bash scripts/search-engine.sh stop

# Generates the national-scale database on PostgreSQL first when missing (bench/README.md).
# Each of these prepares what it needs: the services, Debian's tools, its database, its static
# files (under var/, untracked).
bench: install-test services
	@bash scripts/need-tool.sh wrk
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Load and fault drills on loopback (bench/soak.py, bench/faults.py); never touch the 5432 cluster.
soak: install-test services
	$(BIN)/python bench/soak.py $(SOAK_ARGS)

faults: install-test services
	$(BIN)/python bench/faults.py $(FAULTS_ARGS)

# The short forms CI runs from a fresh clone: bench at scale 0.01, a 1-minute soak, short drills, the screenshot.
smoke:
	bash .ci/commands.sh .

requirements: | $(BIN)/python
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o requirements-test.txt requirements-test.in

screenshot: install-test
	@bash scripts/need-tool.sh chromium
	$(BIN)/python docs/screenshot.py $(SCREENSHOT_ARGS)

clean:
	rm -rf $(VENV) $(STAMPS) db.sqlite3 media staticfiles var
