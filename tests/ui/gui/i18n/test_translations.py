"""Every string the screens show has Welsh, the sources are current with the
code, the committed .qm files say what the .ts files say, and a window built in
Welsh shows no English word the catalogue knows."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu, QWidget

from ui.gui import i18n
from ui.gui.main_window import MainWindow

from ..walk_setup import make_store

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "tools"))
import untranslated  # noqa: E402

TS = i18n.HERE / "case_assessor_cy.ts"
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def messages(ts: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(context, source, translation, its type) for each message of a .ts file."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            t = m.find("translation")
            out.append((name, m.findtext("source") or "", t.text if t is not None else None,
                        t.get("type") if t is not None else None))
    return out


@pytest.mark.parametrize("ts", sorted(i18n.HERE.glob("*_cy.ts")), ids=lambda p: p.name)
def test_every_string_has_welsh_with_the_same_placeholders(ts):
    untranslated_ = [f"{c}: {s!r}" for c, s, t, kind in messages(ts) if not t or kind in ("unfinished", "vanished")]
    assert not untranslated_, "no Welsh for:\n" + "\n".join(untranslated_)
    wrong = [f"{c}: {s!r}" for c, s, t, _k in messages(ts) if sorted(PLACEHOLDER.findall(s)) != sorted(
        PLACEHOLDER.findall(t or ""))]
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_no_visible_literal_skips_tr():
    assert untranslated.report() == [], "\n".join(untranslated.report())


def test_the_ts_file_holds_every_string_in_the_code(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "")
    if not lupdate.is_file():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in [*(ROOT / "ui" / "gui").glob("*.py"), *i18n.HERE.glob("*.py")])
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    in_code = {(c, s) for c, s, _t, _k in messages(fresh)}
    in_ts = {(c, s) for c, s, _t, kind in messages(TS) if kind not in ("obsolete", "vanished")}
    assert in_code - in_ts == set(), f"new strings: run 'make translations' and translate {sorted(in_code - in_ts)}"
    assert in_ts - in_code == set(), f"strings gone from the code: run 'make translations' ({sorted(in_ts - in_code)})"


@pytest.mark.parametrize("ts", sorted(i18n.HERE.glob("*_cy.ts")), ids=lambda p: p.name)
def test_the_committed_qm_says_what_the_ts_says(qapp, ts):
    t = QTranslator()
    assert t.load(str(ts.with_suffix(".qm")))
    stale = [(c, s) for c, s, tr, _k in messages(ts) if t.translate(c, s) != tr]
    assert not stale, f"{ts.with_suffix('.qm').name} is stale: run 'make translations' ({stale[:5]})"


def _visible_texts(w: QWidget) -> list[str]:
    """The words a window shows: menus and their items, labels, buttons, titles, headers."""
    texts = [w.windowTitle()]
    for menu in w.findChildren(QMenu):
        texts += [menu.title()] + [a.text() for a in menu.actions()]
    texts += [lab.text() for lab in w.findChildren(QLabel)]
    texts += [b.text() for b in w.findChildren(QAbstractButton)]
    texts += [w.toolTip() for w in w.findChildren(QWidget)] + [w.accessibleName() for w in w.findChildren(QWidget)]
    return [t for t in texts if t]


@pytest.fixture
def welsh(qapp):
    i18n.install("cy")
    yield
    i18n.install("en")


def test_a_window_built_in_welsh_shows_no_english_the_catalogue_knows(qtbot, welsh, db_path, iaow):
    english = {s for _c, s, t, _k in messages(TS) if t and t != s and PLACEHOLDER.sub("", s).strip()}
    store = make_store(db_path, iaow)[0]
    try:
        from ui.ops.workspace import Workspace

        w = MainWindow(Workspace(store))
        qtbot.addWidget(w)
        shown = _visible_texts(w)
        assert "&Ffeil" in shown and "Pob achos" in [w.list.status_filter.itemText(i) for i in range(4)]
        left = sorted({t for t in shown if t in english})
        assert not left, f"English on a Welsh screen: {left}"
        w.close()
    finally:
        store.close()


def test_the_status_filter_compares_values_not_words(qtbot, welsh, db_path, iaow):
    store, _iid, cid, _cid2 = make_store(db_path, iaow)
    aid = store.start_assessment(cid, "Jo Bloggs", iaow.version)
    store.save_answer(aid, iaow.questions[0].id, value=iaow.questions[0].scale.options[0].value, who="Jo Bloggs")
    try:
        from ui.ops.workspace import Workspace

        w = MainWindow(Workspace(store))
        qtbot.addWidget(w)
        cl = w.list
        cl.status_filter.setCurrentIndex(cl.status_filter.findData("in_progress"))
        shown = [r for r in range(cl.proxy.rowCount()) if not cl.table.isRowHidden(r)]
        assert cl.status_filter.currentText() == "Ar y gweill"
        assert len(shown) == 1 and all(cl.proxy.index(r, cl.status_col).data() == "Ar y gweill" for r in shown)
        w.close()
    finally:
        store.close()


def test_a_missing_catalogue_leaves_the_app_in_english(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "HERE", tmp_path)
    assert i18n.install("cy") == "en"
    assert QApplication.translate("MainWindow", "&File") == "&File"


def test_the_language_menu_saves_the_choice_for_the_next_start(qtbot, monkeypatch, db_path, iaow):
    from PySide6.QtWidgets import QMessageBox

    from ui.gui.language_menu import NEXT_TIME, LanguageMenu

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    i18n.save_language("en")
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = LanguageMenu(parent)
    assert [a.text() for a in menu.actions()] == ["English", "Cymraeg"] and menu.actions()[0].isChecked()
    menu.actions()[1].trigger()
    assert i18n.saved_language() == "cy" and said == [NEXT_TIME["cy"]]
    menu.actions()[0].trigger()  # back to the language in use: saved, nothing to say
    assert i18n.saved_language() == "en" and len(said) == 1


def test_the_app_opens_in_the_language_asked_for(qtbot, monkeypatch, db_path, iaow):
    from PySide6.QtWidgets import QMessageBox

    from ui.gui import app as gui_app

    make_store(db_path, iaow)[0].close()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)  # stay plain
    seen = {}

    class Shown(Exception):
        pass

    def stop(self, *a, **k):  # noqa: ANN001, ANN202
        seen["title"] = self.menuBar().actions()[0].text()
        raise Shown

    monkeypatch.setattr(MainWindow, "show", stop)
    with pytest.raises(Shown):
        gui_app.run_app(str(db_path), "cy")
    i18n.install("en")
    assert seen["title"] == "&Ffeil"
