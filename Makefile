# The two commands a newcomer needs: `make run` and `make test`.
# Everything happens in .venv; nothing is installed system-wide.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests run in parallel, one worker per core (at most four); TEST_WORKERS=0 runs them in one process.
# The browser tests run after the rest, a whole file to a worker: each file walks the demo in order;
# their site is built in the background meanwhile (tests/run.py).
# They run with Python's bytecode cache on even where the environment turns it off
# (PYTHONDONTWRITEBYTECODE): without it pytest rewrites the assertions of some five
# hundred modules again in every worker and every run, seconds before the first test.
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ $$n -gt 4 ] && n=4; echo $$n)
# The browser tests: one worker more, which keeps the cores busy while a test waits for a page or a server.
BROWSER_WORKERS ?= $(shell [ $(TEST_WORKERS) -gt 0 ] && echo $$(($(TEST_WORKERS) + 1)) || echo 0)

.PHONY: run test install install-dev migrate messages compile-messages lint format bench clean

# E-mail links and calendar ids name the address the site is served at, unless SITE_URL says otherwise.
SITE_URL ?= http://$(HOST):$(PORT)

run: $(RUN_STAMP) compile-messages
	$(PY) manage.py migrate --noinput
	SITE_URL=$(SITE_URL) $(PY) manage.py seed_demo
	@echo ""
	@echo "  Rada is starting at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "  Demo accounts, all with the password rada-demo-2026 (demo only):"
	@echo "    admin, official, moderator, caseworker, chair, secretary, member1..member9, resident1..resident3,"
	@echo "    facilitator, partner"
	@echo ""
	SITE_URL=$(SITE_URL) $(PY) manage.py runserver $(HOST):$(PORT)

test: $(DEV_STAMP) compile-messages
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check --fail-level WARNING
	# Models against migration files: no database needed (an in-memory one, so it never warns of a missing one).
	DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=sqlite://:memory: $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports
	env -u PYTHONDONTWRITEBYTECODE $(PY) -m tests.run $(TEST_WORKERS) $(BROWSER_WORKERS) $(PYTEST_ARGS)

install: $(RUN_STAMP)
install-dev: $(DEV_STAMP)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUN_STAMP): requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(RUN_STAMP) $@

compile-messages: $(RUN_STAMP)
	$(PY) manage.py compilemessages --ignore '.venv/*' --verbosity 0

messages: $(RUN_STAMP)
	$(PY) manage.py makemessages --ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*' --no-obsolete --add-location=file \
		-l pl -l en -l uk -l ru
	$(MAKE) compile-messages

migrate: $(RUN_STAMP)
	$(PY) manage.py migrate --noinput

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(DEV_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Pages (bench/run.py), then the live layer (bench/live.py); each prints its figures beside its goals.
bench: $(DEV_STAMP)
	$(PY) bench/run.py
	$(PY) bench/live.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
