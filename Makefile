# Newsroom: `make run` serves the demo site, `make test` runs the test suite,
# `make audit` runs Lighthouse on the demo site, `make loadtest` loads it with wrk,
# `make faults` measures the faults it once had, `make pollers` open pages polling the
# live News Feed, `make bench-newsletter` sends one issue to 100,000 readers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT

.PHONY: run test audit lint migrate seed static clean bench loadtest faults pollers node-tools bench-newsletter messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# A local, random secret key so the demo runs with DEBUG off; never committed.
.env:
	@$(PYTHON) -c "import secrets; print('SECRET_KEY=' + secrets.token_urlsafe(50)); print('HTTPS=false')" > .env
	@echo "Wrote .env with a new random SECRET_KEY."

migrate: $(VENV)/.installed .env
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo

# collectstatic builds the web fonts from node_modules first (system fonts without npm).
static: $(VENV)/.installed .env $(NODE_TOOLS)
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

# The task worker (newsletters) runs beside gunicorn and stops with it.
run: seed static
	@echo ""
	@echo "  Site:   http://127.0.0.1:$(PORT)/"
	@echo "  Admin:  http://127.0.0.1:$(PORT)/admin/  (demo logins: editor or contributor, password newsroom-demo)"
	@$(BIN)/python manage.py shell --verbosity 0 --command "$$EMAIL_DESTINATION"
	@echo ""
	@$(BIN)/python manage.py db_worker --queue-name '*' --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/gunicorn -c newsroom/gunicorn.conf.py

define EMAIL_DESTINATION
from django.conf import settings as s
where = (f"{s.EMAIL_PROVIDER} (django-anymail)" if s.EMAIL_PROVIDER
         else f"SMTP {s.EMAIL_HOST}:{s.EMAIL_PORT}" if s.EMAIL_HOST
         else f"files in {s.EMAIL_FILE_PATH}/ (set EMAIL_HOST to send)")
print(f"  Email:  {where}")
endef
export EMAIL_DESTINATION

# The web fonts, the browser tests' judges (axe-core, vnu-jar) and Lighthouse come from
# npm; install them again only when package-lock.json changes. Without npm the site uses
# the system fonts and the tests that need the judges are skipped, each saying why.
ifneq ($(shell command -v npm 2>/dev/null),)
NODE_TOOLS := node_modules/.installed
else
NODE_TOOLS := node-tools
endif

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

node-tools:
	@echo "npm not found: skipping node_modules; the web fonts and the accessibility, HTML and Lighthouse checks need it."

test: $(VENV)/.installed $(NODE_TOOLS)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

audit: $(VENV)/.installed $(NODE_TOOLS)
	$(BIN)/python -m tests.audit.lighthouse $(AUDIT_PAGES)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The interface's strings into the catalogs (extracting needs GNU gettext's xgettext),
# then compiled; the compiled catalogs are committed, so the site itself needs neither.
messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=build --ignore=tests --ignore=scripts
	$(BIN)/python scripts/compile_messages.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache node_modules build/lighthouse build/fonts

# Seeds .bench/ once (about 100,000 articles), then measures with wrk; see scripts/bench.py.
bench: $(VENV)/.installed
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

# 64 connections for 60 s over a mix of pages, then a reload and a killed worker under
# load, on a seeded copy in a temporary folder; see scripts/loadtest.py.
loadtest: $(VENV)/.installed
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(BIN)/python scripts/loadtest.py $(LOADTEST_ARGS)

# An editor's save during a large upload, cache-busting requests, the sitemap and a long
# search, timed on a seeded copy in a temporary folder; see scripts/faults.py.
faults: $(VENV)/.installed
	$(BIN)/python scripts/faults.py $(FAULTS_ARGS)

# 1,000 open News Feed pages polling every 15 s, a minute quiet and a minute with briefs
# being published, on a seeded copy in a temporary folder; see scripts/pollers.py.
pollers: $(VENV)/.installed
	$(BIN)/python scripts/pollers.py $(POLLERS_ARGS)

# One issue to 100,000 subscribers through a local SMTP sink, with the worker killed
# half-way and the send resumed, on a temporary SQLite file; see scripts/bench_newsletter.py.
bench-newsletter: $(VENV)/.installed
	$(BIN)/python scripts/bench_newsletter.py $(BENCH_NEWSLETTER_ARGS)
