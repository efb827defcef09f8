# Second Chance Portal. `make run` and `make test` work from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .make-stamps
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install install-test run serve migrate demo test test-fast lint format check bench requirements screenshot clean

help:
	@echo "make run        install, migrate, load demo content and serve on http://$(HOST):$(PORT)"
	@echo "make test       install test tools and run the whole suite"
	@echo "make lint       ruff check and format check"
	@echo "make format     ruff format and fix"
	@echo "make bench      benchmarks (see bench/README.md)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMPS)/install: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/install-test: requirements-test.txt $(STAMPS)/install
	$(BIN)/pip install --quiet -r requirements-test.txt
	@mkdir -p $(STAMPS) && touch $@

install: $(STAMPS)/install
install-test: $(STAMPS)/install-test

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

test: install-test
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install-test
	DEBUG=1 $(BIN)/python manage.py check
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

bench: install-test
	$(BIN)/python bench/run.py
	$(BIN)/python bench/jobs.py
	$(BIN)/python bench/matching.py

requirements: | $(BIN)/python
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras --no-header -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --strip-extras --no-header -o requirements-test.txt requirements-test.in

screenshot: install-test
	$(BIN)/python docs/screenshot.py

clean:
	rm -rf $(VENV) $(STAMPS) db.sqlite3 media staticfiles
