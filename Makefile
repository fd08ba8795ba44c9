# Banshou — two commands matter: `make run` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test lint bench translations screenshots clean

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null || { echo "需要 Python 3.11 (python3.11)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/banshou

demo: $(STAMP)
	$(BIN)/banshou demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/ruff check app ui localdb tests

lint: $(STAMP)
	$(BIN)/ruff check app ui localdb tests

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/banshou bench

translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find ui -name '*.py') -ts resources/translations/banshou_en.ts
	$(BIN)/pyside6-lrelease resources/translations/banshou_en.ts -qm resources/translations/banshou_en.qm

clean:
	rm -rf $(VENV) build dist *.egg-info
