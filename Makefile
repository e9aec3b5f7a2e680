# The two commands: `make run` serves the site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format bench install clean messages

# Installed again whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

# The bundled snapshot of the official list, imported as the whole list of its date (in
# its name) over the seed data; -v 0 prints a one-line summary. Its 5 uncategorised rows
# are reported and skipped. Every step is idempotent: baseline_history gives each record
# loaddata saved (raw, so without history) its first history entry, once.
SNAPSHOT := data/official-supporters-2025-12-25.csv

# Development settings, but the site's own error pages, as readers get them; Django's debug
# pages with `DJANGO_DEBUG_PAGES=True make run`.
run: $(VENV)/.installed
	DJANGO_DEBUG=True $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=True $(BIN)/python manage.py loaddata fixtures/*.json
	DJANGO_DEBUG=True $(BIN)/python manage.py baseline_history -v 0
	DJANGO_DEBUG=True $(BIN)/python manage.py import_signatories $(SNAPSHOT) --full-list --skip-invalid -v 0
	DJANGO_DEBUG=True $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-test
	bash scripts/test.sh

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint --lint templates
	$(BIN)/python scripts/check_translations.py

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djlint --reformat templates

# Update the French catalogue from the code and templates; compile it once translated.
messages: $(VENV)/.installed
	DJANGO_DEBUG=True $(BIN)/python manage.py makemessages -l fr --no-obsolete \
		--ignore=.venv --ignore=staticfiles --ignore=tests --ignore=scripts
	DJANGO_DEBUG=True $(BIN)/python manage.py compilemessages -l fr --ignore=.venv

bench: $(VENV)/.installed-test
	bash scripts/bench.sh

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .bench
