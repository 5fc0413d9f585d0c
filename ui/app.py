"""Starting the GUI."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def run_app(db: str | None) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui import ops

    QCoreApplication.setOrganizationName("CaseAssessor")
    QCoreApplication.setApplicationName("Case Assessor")
    app = QApplication.instance() or QApplication(sys.argv)
    path = Path(db) if db else ops.default_db_path()
    try:
        store = ops.open_store(path)
    except ops.USER_ERRORS as e:
        QMessageBox.critical(None, "Case Assessor", f"The database {path} could not be opened.\n\n{e}")
        return 1
    from ui.main_window import MainWindow

    win = MainWindow(store)
    win.show()
    if os.environ.get("CASE_ASSESSOR_BENCH_START"):
        # bench/run.py P1: report the wall clock at the first paint, then leave
        app.processEvents()
        print(time.time(), flush=True)
        store.close()
        return 0
    code = app.exec()
    store.close()
    return int(code)
