# Two commands do all set-up: `make serve` runs the service on its embedded default, `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/moderation serve $(ARGS)

test: $(STAMP)
	$(BIN)/pytest $(ARGS)

clean:
	rm -rf $(VENV) moderation-data test-output
