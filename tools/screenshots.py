"""Write PNGs of each main screen over a realistic synthetic inspection.

    make screenshots        (QT_QPA_PLATFORM=offscreen python tools/screenshots.py)
    python tools/screenshots.py --lang cy     (the same screens in Welsh)

Writes docs/screenshots/*.png at 1366x768, a typical government laptop, and
the printed pages to docs/printed/; in Welsh, into their cy/ folders (with the
bilingual case summary and findings).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from models.conditions import applicability  # noqa: E402
from models.questionset import builtin_catalog, text_in  # noqa: E402
from storage.store import Store  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PRINTED = ROOT / "docs" / "printed"
NOTES = [
    "Initial contact within five working days; induction covered rights and obligations.",
    "Plan drawn up with the individual; objectives clear and in achievable steps.",
    "No evidence of checks with children's social care despite contact with a child at the address.",
    "Home visit undertaken promptly after the domestic abuse call-out; well recorded.",
]


def _review(store: Store, aid: str, i: int, who: str) -> None:
    from storage.review import Step, take_step

    take_step(store, [Step(aid, "submit")], who)
    if i == 5:
        take_step(store, [Step(aid, "approve", "Well evidenced")], "Lead Inspector")
    if i == 6:
        take_step(store, [Step(aid, "return", "Two answers need another look before I can approve this case.", "",
                               (("IAOW-2.1-02", "The plan was dated after the 15 working days: please check the "
                                                "date on file and change the answer if needed."),))], "Lead Inspector")
        store.set_status(aid, "in_progress", who)


def build(store: Store) -> str:
    qs = builtin_catalog().get("iaow-2013")
    rng = random.Random(2014)
    iid = store.create_inspection("York and North Yorkshire, Feb 2014", qs.id, qs.version, area="York")
    types = ["community_order"] * 25 + ["sso"] * 7 + ["licence"] * 17
    for i, ctype in enumerate(types):
        details = {
            "case_type": ctype,
            "gender": "female" if rng.random() < 0.16 else "male",
            "ethnicity": "white" if rng.random() < 0.9 else "bme",
            "rosh_level": rng.choice(["low", "low", "medium", "medium", "high", "very_high"]),
            "principal_offence": rng.choice(["violence", "burglary", "theft", "drugs", "motoring_alcohol", "other"]),
            "requirements": sorted(rng.sample(["supervision", "unpaid_work", "accredited_programme", "curfew"], 2)),
            "child_protection": rng.choice(["none", "none", "concerns", "procedures"]),
            "identifiable_victim": rng.random() < 0.5,
            "domestic_abuse": rng.random() < 0.3,
            "mappa_level": rng.choice(["none", "none", "none", "1", "2"]),
            "country": "england",
        }
        cid = store.add_case(iid, f"YNY-{i + 1:03d}", details)
        if i >= 30:
            continue  # not started yet
        who = "Jo Bloggs (LA-07)"  # the assessor whose laptop this is (one signer, one assessor)
        aid = store.start_assessment(cid, who, qs.version)
        fill = 1.0 if i < 18 else rng.uniform(0.2, 0.8)
        answers: dict = {}
        for qv in qs.questions:
            if applicability(qs, details, answers)[qv.id] is not True or rng.random() > fill:
                continue
            opts = [o.value for o in qv.scale.options]
            above = [o.value for o in qv.scale.options if o.above_line] or opts
            if qv.q.per_option_of:
                value = {f: ("yes" if rng.random() < 0.6 else "no") for f in answers.get(qv.q.per_option_of, [])}
            elif qv.scale.kind == "multi":
                value = sorted(rng.sample(opts, 3))
            else:
                value = rng.choice(above) if rng.random() < 0.78 else rng.choice(opts)
            answers[qv.id] = value
            store.save_answer(aid, qv.id, value=value, note=rng.choice(NOTES) if rng.random() < 0.08 else "",
                              practice=rng.random() < 0.03, who=who)
        if i < 18:
            store.set_status(aid, "complete", who)
        if i in (4, 5, 6):  # the review column's states: submitted, approved, returned
            _review(store, aid, i, who)
    store.set_setting("assessor_name", "Jo Bloggs")
    store.set_setting("assessor_id", "LA-07")
    return iid


def lead_screens(demo: Store, folder: Path, app: QApplication) -> None:
    """Two assessors' exports merged by a lead inspector: the merge, conflicts and findings screens."""
    from dataclasses import replace

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from storage import merge as merge_sql
    from ui.ops import exchange
    from ui.ops.workspace import Workspace

    qs = builtin_catalog().get("iaow-2013")
    iid = demo.list_inspections()[0].id
    pw = folder / "pw.txt"
    pw.write_text("kettle prism oyster gallon jigsaw")  # strong enough to encrypt with
    # the lead set the inspection up and gave the cases out before the assessors went out
    dump = demo.dump_inspection(iid)
    empty = replace(dump, cases=[replace(c, assessments=[]) for c in dump.cases])
    os.environ["CASE_ASSESSOR_KEYS"] = str(folder / "keys-lead")
    lead = Store(folder / "lead.sqlite3")
    lead.set_setting("assessor_name", "Lee Lead")
    lead.load_inspection(empty, "Lee Lead")
    ids = [c.case.id for c in dump.cases]
    merge_sql.assign(lead, iid, ids, "Jo Bloggs (LA-07)")
    merge_sql.assign(lead, iid, ids[:6], "Ali Khan (LA-11)")
    os.environ["CASE_ASSESSOR_KEYS"] = str(folder / "keys-jo")
    exchange.export_secure(Workspace(demo), iid, folder / "jo.export", str(pw))
    # a second assessor read six of the same cases
    os.environ["CASE_ASSESSOR_KEYS"] = str(folder / "keys-sam")
    sam = Store(folder / "sam.sqlite3")
    sam.set_setting("assessor_name", "Ali Khan")
    sam.set_setting("assessor_id", "LA-11")
    sam.load_inspection(replace(empty, cases=empty.cases[:6]), "Ali Khan")
    rng = random.Random(9)
    for case in sam.list_cases(iid)[:6]:
        src = demo.primary_assessment(case.id)
        if src is None:
            continue
        aid = sam.start_assessment(case.id, "Ali Khan (LA-11)", qs.version)
        for qid, ans in list(demo.answers(src.id).items())[:40]:
            value = ans.value
            qv = qs.by_id[qid]
            if rng.random() < 0.12 and qv.scale.kind == "single" and not qv.q.per_option_of:
                value = rng.choice([o.value for o in qv.scale.options])
            sam.save_answer(aid, qid, value=value, note="", who="Ali Khan (LA-11)")
    exchange.export_secure(Workspace(sam), iid, folder / "sam.export", str(pw))
    sam.close()
    os.environ["CASE_ASSESSOR_KEYS"] = str(folder / "keys-lead")
    from ui.gui.lead import LeadView
    from ui.gui.main_window import MainWindow

    w = MainWindow(Workspace(lead))
    w.resize(1366, 768)
    w.show()
    # the lead reads each fingerprint out with its assessor and chooses their name
    from ui.gui.merge_panel import TrustDialog

    names = iter(["Jo Bloggs (LA-07)", "Ali Khan (LA-11)"])
    TrustDialog.exec = lambda self: self.names.setCurrentIndex(self.names.findData(next(names))) or self.accept() or 1  # type: ignore[method-assign, assignment, func-returns-value]
    QMessageBox.warning = QMessageBox.information = lambda *a, **k: QMessageBox.StandardButton.Ok  # type: ignore[method-assign, assignment]
    w.reload_inspections()
    lv = LeadView(Workspace(lead), iid, w.show_list, w)
    lv.merging.merge([str(folder / "jo.export"), str(folder / "sam.export")], passphrase=pw.read_text())
    w.stack.addWidget(lv)
    w.stack.setCurrentWidget(lv)
    app.processEvents()
    w.grab().save(str(OUT / "lead-merge.png"))
    lv2 = LeadView(Workspace(lead), iid, w.show_list, w)
    w.stack.addWidget(lv2)
    w.stack.setCurrentWidget(lv2)
    lv2.tabs.setCurrentWidget(lv2.conflicts)
    panel = lv2.conflicts
    panel.table.selectRow(0)
    panel.why.setText("Case file read again: the induction record is on file")
    panel.side_buttons[0].click()
    app.processEvents()
    w.grab().save(str(OUT / "lead-conflicts.png"))
    lv2.tabs.setCurrentWidget(lv2.findings)
    lv2.findings.show_question(qs.questions[8].id)
    app.processEvents()
    w.grab().save(str(OUT / "lead-findings-questions.png"))
    lv2.findings.tabs.setCurrentIndex(0)
    lv2.findings.criterion_table.selectRow(1)
    app.processEvents()
    w.grab().save(str(OUT / "lead-findings-outcomes.png"))
    dashboard_views(w, lv2.findings, app)
    from ui.gui.pack_dialog import MakePackDialog

    pack = MakePackDialog(Workspace(lead), iid, w)
    pack.assessor.setCurrentText("Ali Khan (LA-11)")
    pack._tick_all(Qt.CheckState.Checked)
    pack.show()
    app.processEvents()
    pack.grab().save(str(OUT / "lead-make-pack.png"))
    pack.close()
    from ui.gui.review import ReturnDialog

    ret = ReturnDialog(qs, "Y-001", w)
    ret.comment.setPlainText("The plan was dated after the 15 working days: please check the date on the file.")
    ret.question.setCurrentIndex(ret.question.findData("IAOW-2.1-02"))
    ret.answer_text.setText("Was the plan dated within 15 working days?")
    ret.add_btn.click()
    ret.show()
    app.processEvents()
    ret.grab().save(str(OUT / "lead-return.png"))
    ret.close()
    w.close()
    lead.close()


def _chart(name: str, *args: str) -> str:
    """A chart's name as the dashboard's menu gives it, in the language in use."""
    return QCoreApplication.translate("ChartBuilder", name).format(*args)


def dashboard_views(w, findings, app: QApplication) -> None:  # noqa: ANN001
    """The findings dashboard's charts and cross-tab at 1366x768, at 1920x1080 and in a dark palette."""
    from ui.gui.colours import dark_palette

    qs = findings.qs
    findings.tabs.setCurrentWidget(findings.charts)
    findings.charts.choose(_chart("Multi-category judgements"))
    app.processEvents()
    w.grab().save(str(OUT / "lead-charts-multi-category.png"))
    findings.charts.choose(_chart("Outcome scores by {0}", text_in(qs.fields["rosh_level"].label)))
    findings.charts.chart.setFocus()
    app.processEvents()
    w.grab().save(str(OUT / "lead-charts-subgroups.png"))
    findings.tabs.setCurrentWidget(findings.crosstab)
    findings.crosstab.choose("rosh_level", "case_type", "IAOW-2.1-08")
    findings.crosstab.intervals.setChecked(True)
    app.processEvents()
    w.grab().save(str(OUT / "lead-crosstab.png"))
    w.resize(1920, 1080)
    findings.tabs.setCurrentWidget(findings.charts)
    findings.charts.choose(_chart("Above and below the line: {0}", text_in(qs.groups["O2"].title)))
    app.processEvents()
    w.grab().save(str(OUT / "lead-charts-1920.png"))
    light = app.palette()
    app.setPalette(dark_palette())
    w.resize(1366, 768)
    findings.charts.choose(_chart("Multi-category judgements"))
    app.processEvents()
    w.grab().save(str(OUT / "lead-charts-dark.png"))
    findings.tabs.setCurrentWidget(findings.crosstab)
    findings.crosstab.choose("rosh_level", "case_type", "O2")
    app.processEvents()
    w.grab().save(str(OUT / "lead-crosstab-dark.png"))
    app.setPalette(light)
    findings.crosstab.intervals.setChecked(False)
    findings.tabs.setCurrentIndex(0)


def file_screens(demo: Path, folder: Path, app: QApplication) -> None:
    """First launch, the sample import, the bin and a read-only database (issue 14)."""
    from ui.gui.bin_dialog import BinDialog
    from ui.gui.main_window import MainWindow
    from ui.gui.sample_dialog import SampleDialog
    from ui.ops import bin
    from ui.ops.workspace import Workspace

    ws = Workspace.open(folder / "first.sqlite3")
    w = MainWindow(ws)
    w.resize(1366, 768)
    w.show()
    app.processEvents()
    w.grab().save(str(OUT / "first-launch.png"))
    dlg = SampleDialog("Inspection of Adult Offending Work 2013-14", w)
    dlg.path.setText("~/Documents/York-sample.csv")
    dlg.show()
    app.processEvents()
    dlg.grab().save(str(OUT / "import-sample.png"))
    dlg.close()
    w.close()
    ws.close()
    ws = Workspace.open(demo)
    iid = ws.inspections()[0].id
    for ref in ("YNY-044", "YNY-045"):
        bin.delete_case(ws, ws.find_case(ref, iid))
    box = BinDialog(bin.bin_contents(ws, iid), ws.inspection(iid).name, lambda _i: None, lambda _i: None)
    box.show()
    app.processEvents()
    box.grab().save(str(OUT / "bin.png"))
    box.close()
    ws.close()
    ws = Workspace.open(demo, read_only=True)
    w = MainWindow(ws)
    w.resize(1366, 768)
    w.show()
    w.open_case(ws.find_case("YNY-022", iid))
    app.processEvents()
    w.grab().save(str(OUT / "read-only.png"))
    w.close()
    ws.close()


def walk_screens(w, app: QApplication, store: Store) -> None:  # noqa: ANN001
    """The walk-through's grouped items, sources and end-of-case screen, and a dark palette."""
    from ui.gui.colours import dark_palette

    view = w.open_case(store.find_case("YNY-001").id)
    view.show_question("IAOW-1.1-05")  # a grouped item under its stem, with guidance
    view.guide_btn.setChecked(True)
    app.processEvents()
    w.grab().save(str(OUT / "stem-and-guidance.png"))
    view.guide_btn.setChecked(False)
    view.panel.sources_btn.setChecked(True)
    app.processEvents()
    w.grab().save(str(OUT / "sources.png"))
    view.panel.sources_btn.setChecked(False)
    view = w.open_case(store.find_case("YNY-022").id)
    view.show_end()
    app.processEvents()
    w.grab().save(str(OUT / "end-of-case.png"))
    light = app.palette()
    app.setPalette(dark_palette())
    view = w.open_case(store.find_case("YNY-001").id)
    view.show_question("IAOW-2.1-02")
    view.guide_btn.setChecked(True)
    app.processEvents()
    w.grab().save(str(OUT / "dark-palette.png"))
    app.setPalette(light)
    view = w.open_case(store.find_case("YNY-007").id)  # returned by the lead, with a comment on this answer
    view.show_question("IAOW-2.1-02")
    app.processEvents()
    w.grab().save(str(OUT / "review-returned.png"))
    w.show_list()


def question_set_screens(folder: Path, app: QApplication) -> None:
    """File > Question sets…: the versions known (one installed from a workbook),
    and a workbook's problems listed, in the light and the dark palette."""
    import openpyxl

    from ui.gui.colours import dark_palette
    from ui.gui.question_sets_dialog import QuestionSetsDialog
    from ui.ops import authoring
    from ui.ops.workspace import forget_installed

    os.environ["CASE_ASSESSOR_SETS"] = str(folder / "question-sets")
    forget_installed()
    book = folder / "tr-2016.xlsx"
    authoring.set_to_workbook("tr-2016@1.1.0", book)
    wb = openpyxl.load_workbook(book)
    wb["settings"]["B2"] = "1.2.0"
    wb.save(book)
    authoring.install_file(book)
    heads = [c.value for c in wb["questions"][1]]
    wb["settings"]["B2"] = "1.3.0"
    wb["questions"].cell(row=3, column=heads.index("scale") + 1, value="yes_noo")
    wb["questions"].cell(row=4, column=heads.index("applies") + 1, value="organisation = nps and (")
    wb.save(book)
    light = app.palette()
    for palette, name in ((light, "question-sets.png"), (dark_palette(), "question-sets-dark.png")):
        app.setPalette(palette)
        dlg = QuestionSetsDialog()
        dlg.install(book)
        dlg.table.selectRow(dlg.table.rowCount() - 1)
        dlg.show()
        app.processEvents()
        dlg.grab().save(str(OUT / name))
        dlg.close()
    app.setPalette(light)
    os.environ.pop("CASE_ASSESSOR_SETS")
    forget_installed()


def demo_window(folder: Path):  # noqa: ANN201  (Qt loads inside)
    """The synthetic inspection in ``folder`` and a 1366x768 main window over it."""
    from ui.gui.main_window import MainWindow
    from ui.ops.workspace import Workspace

    store = Store(folder / "demo.sqlite3")
    build(store)
    w = MainWindow(Workspace(store))
    w.resize(1366, 768)
    w.show()
    return store, w


def main() -> int:
    global OUT, PRINTED
    import argparse

    from ui.gui import i18n

    parser = argparse.ArgumentParser(description="write the screenshots and printed pages")
    parser.add_argument("--lang", choices=["en", "cy"], default="en")
    lang = parser.parse_args().lang
    if lang != "en":
        OUT, PRINTED = OUT / lang, PRINTED / lang
    QCoreApplication.setOrganizationName("CaseAssessorScreens")
    app = QApplication.instance() or QApplication(sys.argv)
    QSettings().clear()  # no window layout or auto-advance choice left from an earlier run
    i18n.install(lang)
    OUT.mkdir(parents=True, exist_ok=True)
    from bench.custody import passphrase_custody

    with tempfile.TemporaryDirectory() as d, passphrase_custody(Path(d)):
        store, w = demo_window(Path(d))
        app.processEvents()
        w.grab().save(str(OUT / "case-list.png"))
        cid = store.find_case("YNY-022").id
        view = w.open_case(cid)
        assert view is not None
        view.show_question("IAOW-2.1-08")
        view.guide_btn.setChecked(True)
        app.processEvents()
        w.grab().save(str(OUT / "walk-through.png"))
        view.guide_btn.setChecked(False)
        view.show_question("IAOW-1.1-03")
        app.processEvents()
        w.grab().save(str(OUT / "not-applicable.png"))
        view.show_question("IAOW-3.2-13")
        app.processEvents()
        w.grab().save(str(OUT / "per-factor.png"))
        from ui.gui.completion import CompletionDialog

        dlg = CompletionDialog(view.s, view.s.unanswered(), w)
        dlg.show()
        app.processEvents()
        dlg.grab().save(str(OUT / "mark-complete.png"))
        dlg.close()
        from ui.gui.dialogs import CaseDetailsDialog, HelpDialog

        det = CaseDetailsDialog(view.s.qs, dict(view.s.case.details), view.s.case.reference, w)
        det.show()
        app.processEvents()
        det.grab().save(str(OUT / "case-details.png"))
        det.close()
        h = HelpDialog(w)
        h.show()
        app.processEvents()
        h.grab().save(str(OUT / "help.png"))
        h.close()
        walk_screens(w, app, store)
        # printed documents, rendered to PNG with pdftoppm (Debian's poppler-utils)
        from ui.ops import printing
        from ui.ops.workspace import Workspace

        pdf_dir = PRINTED
        pdf_dir.mkdir(parents=True, exist_ok=True)
        printing.print_case(Workspace(store), cid, Path(d) / "case.pdf")
        iid = store.list_inspections()[0].id
        printing.print_report(Workspace(store), iid, Path(d) / "findings.pdf")
        import shutil
        import subprocess

        if shutil.which("pdftoppm"):
            printing.print_cases(Workspace(store), iid, Path(d) / "all.pdf")
            subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile",
                            str(Path(d) / "all.pdf"), str(pdf_dir / "all-cases-index")], check=True)
            if lang != "en":  # the bilingual documents too: Welsh, then English
                printing.print_case(Workspace(store), cid, Path(d) / "case-bilingual.pdf", printing.BILINGUAL)
                printing.print_report(Workspace(store), iid, Path(d) / "findings-bilingual.pdf",
                                      langs=printing.BILINGUAL)
                for name in ("case-bilingual", "findings-bilingual"):
                    subprocess.run(["pdftoppm", "-r", "80", "-png", str(Path(d) / f"{name}.pdf"),
                                    str(Path(d) / name)], check=True)
                    pngs = sorted(Path(d).glob(f"{name}-*.png"))
                    from pypdf import PdfReader  # the first page of the English half: its title's page

                    pages = [p.extract_text() for p in PdfReader(Path(d) / f"{name}.pdf").pages]
                    english = next(i for i, t in enumerate(pages) if "Case summary:" in t or "Findings:" in t)
                    for png, side in ((pngs[0], "cy"), (pngs[english], "en")):
                        shutil.copy(png, pdf_dir / f"{name}-{side}-first-page.png")
            for name, pages in (("case", "1-3"), ("findings", "1-4")):
                first, last = pages.split("-")
                subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", first, "-l", last, str(Path(d) / f"{name}.pdf"),
                                str(pdf_dir / f"{name}-summary" if name == "case" else pdf_dir / name)], check=True)
        else:
            print("pdftoppm not found (apt-get install poppler-utils): PDFs not rendered")
        lead_screens(store, Path(d), app)
        from tools.screenshots_queries import query_screens

        query_screens(w, app, store, Path(d), OUT, PRINTED)  # after the lead's merge: its replies are to queries
        # raised on the demo laptop alone
        QTimer.singleShot(0, app.quit)
        w.close()
        store.close()
        file_screens(Path(d) / "demo.sqlite3", Path(d), app)
        question_set_screens(Path(d), app)
    print(f"wrote screenshots to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
