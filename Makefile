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

clean:
	rm -rf $(VENV) var
