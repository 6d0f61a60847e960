# The handbook's commands. Every target creates .venv from requirements.lock when it is missing
# or older than the lock, so a fresh clone needs nothing but Python 3.11+, pip and git.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
SERVE_ADDR ?= 127.0.0.1:8000

# MkDocs plugins print a banner about MkDocs 2 on every run; docs/decisions records our plan.
export DISABLE_MKDOCS_2_WARNING := true
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve site check test bench fuzz lock clean browser

help:
	@echo "make serve        live preview on http://$(SERVE_ADDR) (SERVE_ADDR=host:port to change)"
	@echo "make site         strict build into site/ (replaced only when the build succeeds)"
	@echo "make check        check the catalog only, no site build"
	@echo "make test         all tests: catalog, site, links, workflows, browser"
	@echo "make bench        catalog build benchmark at 250, 1000 and 4000 services"
	@echo "make fuzz         property tests of the loader with fresh random input (slow)"
	@echo "make browser      install Chromium for the browser tests when it is missing"
	@echo "make new-service  add a service; ARGS=\"--name ...\" gives answers, the rest are asked"
	@echo "make new-team     add a team, the same way"
	@echo "make schemas      regenerate schemas/ from the catalog models"
	@echo "make codeowners   regenerate .github/CODEOWNERS from the catalog"
	@echo "make lock         recompile requirements.lock from requirements.in"

$(STAMP): requirements.lock pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $@

serve: $(STAMP)
	@$(BIN)/python scripts/check_port.py $(SERVE_ADDR)
	$(BIN)/mkdocs serve --dev-addr $(SERVE_ADDR)

site: $(STAMP)
	rm -rf .site-build
	$(BIN)/mkdocs build --strict --site-dir .site-build
	rm -rf site
	mv .site-build site

check: $(STAMP)
	$(BIN)/python scripts/check_catalog.py

test: $(STAMP) browser
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium; this installs it when missing (root or sudo).
browser:
	bash scripts/install_chromium.sh

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# make test replays the same property-test inputs every run; this one draws new ones.
fuzz: $(STAMP)
	$(BIN)/python -m pytest tests/test_loader_properties.py --hypothesis-profile=explore

# Options for new-service and new-team, e.g. ARGS="--name job-api --owner scheduling".
ARGS ?=

.PHONY: new-service new-team schemas codeowners

new-service: $(STAMP)
	$(BIN)/python scripts/new_service.py $(ARGS)

new-team: $(STAMP)
	$(BIN)/python scripts/new_team.py $(ARGS)

schemas: $(STAMP)
	$(BIN)/python scripts/generate_schemas.py

codeowners: $(STAMP)
	$(BIN)/python scripts/generate_codeowners.py

lock: $(STAMP)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-find-links --no-emit-index-url --output-file requirements.lock requirements.in

clean:
	rm -rf site .site-build .pytest_cache
