# Two commands do all the set-up:  `make run`  and  `make test`.
# Each creates the virtual environment and installs what it needs first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test lint bench screenshots translations clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

run: $(STAMP)
	$(PY) main.py $(ARGS)

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(VENV)/bin/lint-imports
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) bench/run.py $(ARGS)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py

# Refresh the translation sources from the code, then compile them (docs/translation.md).
# The compiled .qm and .mo are committed, so a fresh clone runs in Welsh without this.
TS := ui/gui/i18n/case_assessor_cy.ts
PO := models/locale/cy/LC_MESSAGES/case_assessor.po
POT := models/locale/case_assessor.pot
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none ui/gui/*.py ui/gui/i18n/*.py -ts $(TS)
	for ts in ui/gui/i18n/*_cy.ts; do $(VENV)/bin/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm; done
	$(VENV)/bin/pybabel extract --no-location --sort-output -k N_ -k _joined:2 \
		--project "Case Assessor" -o $(POT) models exports ui/ops ui/cli
	$(VENV)/bin/pybabel update --no-fuzzy-matching --ignore-pot-creation-date -w 120 -i $(POT) -o $(PO) -l cy
	$(VENV)/bin/pybabel compile -i $(PO) -o $(PO:.po=.mo) -l cy
	$(PY) tools/untranslated.py

clean:
	rm -rf $(VENV)
