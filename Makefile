# Integration Portal — `make run` to start locally, `make test` to run the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install migrate demo lint format check clean messages bench-pdf

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	@echo "Serving on http://127.0.0.1:8000/ — administration at http://127.0.0.1:8000/en/admin/"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: install
	$(BIN)/python manage.py makemessages --locale ro --locale bg --no-obsolete \
		--ignore ".venv/*" --ignore "var/*" --ignore "tests/*" --add-location file
	$(BIN)/python manage.py compilemessages --locale ro --locale bg --ignore ".venv/*"

# Render times of the PDF reports on made-up data that is rolled back afterwards.
bench-pdf: migrate
	$(BIN)/python manage.py bench_pdf

# --- Security and reliability
.PHONY: loadtest db-restart-check backup restore

# Throwaway database on the local PostgreSQL when it answers (SQLite otherwise), gunicorn on
# loopback, wrk with 50 connections for 30 s over the public pages: requests/s, p50, p99, errors.
loadtest: install
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python tools/loadtest.py

# Stops and starts the local PostgreSQL cluster while requests flow: never while others use it.
db-restart-check: install
	@pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || { \
		pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql)" main start; \
		for _ in $$(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done; }
	$(BIN)/python tools/db_restart_check.py

# Database and uploaded files into var/backups/<date-time>/ (or BACKUP=folder), and back.
backup: install
	$(BIN)/python manage.py backup $(BACKUP)

restore: install
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=var/backups/<folder>"; exit 2; }
	$(BIN)/python manage.py restore "$(BACKUP)"

clean:
	rm -rf $(VENV) var
