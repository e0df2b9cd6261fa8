# Integration Portal — `make run` to start locally, `make test` to run the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install migrate demo lint format check clean messages serve bench bench-pdf

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

# The web server and the background-jobs worker (PDF reports) together; Ctrl-C stops both.
run: demo
	@echo "Serving on http://127.0.0.1:8000/ — administration at http://127.0.0.1:8000/en/admin/"
	$(BIN)/python devtools/together.py "$(BIN)/python manage.py runserver 127.0.0.1:8000" \
		"$(BIN)/python manage.py db_worker"

# One background-jobs worker on its own (another machine runs `manage.py db_worker` alike).
.PHONY: worker
worker: migrate
	$(BIN)/python manage.py db_worker

# Production settings on loopback: gunicorn, WhiteNoise's compressed hashed static files, DEBUG
# off. Plain HTTP here, so the HTTPS redirect and secure-only cookies are turned off.
SERVE_PORT ?= 8000
SERVE_ENV = DEBUG=0 SECRET_KEY="$${SECRET_KEY:-local-serve-only-not-a-production-secret-key}" \
	SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 SECURE_HSTS_SECONDS=0

serve: demo
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	@echo "Serving on http://127.0.0.1:$(SERVE_PORT)/ with gunicorn (2 workers) and a jobs worker"
	$(SERVE_ENV) $(BIN)/python devtools/together.py \
		"$(BIN)/gunicorn integration_portal.wsgi:application --bind 127.0.0.1:$(SERVE_PORT) \
		--workers $${WEB_CONCURRENCY:-2} --access-logfile -" \
		"$(BIN)/python manage.py db_worker --no-reload"

# Scale 1 into a throwaway database on DATABASE_URL's PostgreSQL server (local by default), then
# page timings, queries, throughput with wrk and PDF timings. BENCH_SCALE=0.1 for a quick run.
bench: install
	@command -v wrk >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || apt-get install -y -qq wrk >/dev/null \
		|| { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; } || true
	@if [ -z "$$DATABASE_URL" ] && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then \
		pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql)" main start; \
		for _ in $$(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done; \
	fi
	@echo "load before: $$(uptime)"
	DATABASE_URL="$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}" \
		$(BIN)/python manage.py bench
	@echo "load after: $$(uptime)"

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

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

# National-scale synthetic data in a throwaway database on the local PostgreSQL when it answers
# (SQLite at scale 0.1 otherwise), gunicorn on loopback, wrk with 50 connections for 30 s over
# the public pages with the public cache on, then off: requests/s, p50, p99, errors.
loadtest: install
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python devtools/loadtest.py

# Stops and starts the local PostgreSQL cluster while requests flow: never while others use it.
db-restart-check: install
	@pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || { \
		pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql)" main start; \
		for _ in $$(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done; }
	$(BIN)/python devtools/db_restart_check.py

# Database and uploaded files into var/backups/<date-time>/ (or BACKUP=folder), and back.
backup: install
	$(BIN)/python manage.py backup $(BACKUP)

restore: install
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=var/backups/<folder>"; exit 2; }
	$(BIN)/python manage.py restore "$(BACKUP)"

clean:
	rm -rf $(VENV) var
