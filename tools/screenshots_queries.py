"""The queries' screens for tools/screenshots.py: the assessor's walk-through
with a query from the lead (light and dark), the lead's Raise dialog and list,
and the case summary's Queries section rendered with pdftoppm."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from models import queries as qm
from storage import queries as query_sql
from storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
Q = "IAOW-2.1-04"


def _arrived(store: Store, ref: str, text: str) -> None:
    """A query as it arrives on the assessor's laptop in the lead's pack."""
    case = store.find_case(ref)
    a = store.primary_assessment(case.id)
    value = store.answers(a.id)[Q].value if a and Q in store.answers(a.id) else None
    raise_ = qm.Message(qm.new_id(), "lead", 1, "raise", text, "Sam Lead", "2026-11-28T09:12:00Z", value=value)
    q = query_sql.Query(qm.new_id(), case.inspection_id, case.id, ref, Q, a.assessor if a else "", False, "open",
                        [raise_])
    query_sql.receive(store, case.inspection_id, q.assessor, [q])


def query_screens(w: Any, app: QApplication, store: Store, tmp: Path, out: Path = OUT,
                  printed: Path = ROOT / "docs" / "printed") -> None:
    from ui.gui import queries as query_gui
    from ui.gui.colours import dark_palette
    from ui.ops import queries as ops

    _arrived(store, "YNY-020", f"{Q[5:]}: the sentence plan was dated after the 15 working days; please check "
             "the date on the plan and the answer.")
    view = w.open_case(store.find_case("YNY-020").id)
    view.show_question(Q)
    w.query_strip.text.setPlainText("Checked: the plan is dated 3 May, 19 working days after sentence. "
                                    "Changed the answer to No.")
    app.processEvents()
    w.grab().save(str(out / "query-walk-through.png"))
    light = app.palette()
    app.setPalette(dark_palette())
    app.processEvents()
    w.grab().save(str(out / "query-dark.png"))
    app.setPalette(light)
    w.query_strip.send.click()  # the reply, as the case summary prints it
    ws = w.ws
    for ref, text in (("YNY-005", "Was the case transferred in from another area?"),
                      ("YNY-011", "2.1-04: no record that rights were explained; please check.")):
        ops.raise_query(ws, ref, text, question=Q if ref == "YNY-011" else None)
    w.show_list()
    dlg = query_gui.RaiseDialog(ws, store.find_case("YNY-012").id, Q, w)
    dlg.text.setPlainText("2.1-04: the plan was dated after the 15 working days; please check.")
    dlg.show()
    app.processEvents()
    dlg.grab().save(str(out / "raise-query.png"))
    dlg.close()
    lst = query_gui.show_list(w)
    if lst is not None:
        lst.state.setCurrentIndex(lst.state.findData(None))
        lst.table.selectRow(0)
        app.processEvents()
        lst.grab().save(str(out / "lead-queries.png"))
        lst.close()
    _printed(ws, store, tmp, printed)


def _printed(ws: Any, store: Store, tmp: Path, printed: Path) -> None:
    from pypdf import PdfReader

    from ui.ops import printing

    pdf = tmp / "query-case.pdf"
    printing.print_case(ws, store.find_case("YNY-020").id, pdf)
    pages = [i + 1 for i, p in enumerate(PdfReader(str(pdf)).pages)
             if "Checked: the plan is dated 3 May" in " ".join(p.extract_text().split())]  # the reply, any language
    if pages and shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", str(pages[0]), "-l", str(pages[0]), "-singlefile",
                        str(pdf), str(printed / "case-summary-queries")], check=True)


def main() -> int:
    """Only these screens, over the same synthetic inspection (quicker than ``make screenshots``)."""
    import sys
    import tempfile

    from PySide6.QtCore import QCoreApplication, QSettings

    sys.path.insert(0, str(ROOT))
    from bench.custody import passphrase_custody
    from tools.screenshots import demo_window

    QCoreApplication.setOrganizationName("CaseAssessorScreens")
    app = QApplication.instance() or QApplication(sys.argv)
    QSettings().clear()
    with tempfile.TemporaryDirectory() as d, passphrase_custody(Path(d)):
        store, w = demo_window(Path(d))
        query_screens(w, app, store, Path(d))
        w.close()
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
