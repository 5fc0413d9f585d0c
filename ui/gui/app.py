"""Starting the GUI."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def run_app(db: str | None) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.gui.unlock import gui_keys, offer_encrypt
    from ui.ops import unlock
    from ui.ops.errors import USER_ERRORS
    from ui.ops.paths import default_db_path
    from ui.ops.workspace import Workspace

    QCoreApplication.setOrganizationName("CaseAssessor")
    QCoreApplication.setApplicationName("Case Assessor")
    app = QApplication.instance() or QApplication(sys.argv)
    path = Path(db) if db else default_db_path()
    unlock.set_session(gui_keys())  # the passphrase, if asked, is asked once a session
    try:
        ws = offer_encrypt(Workspace.open(path))
    except USER_ERRORS as e:
        QMessageBox.critical(None, "Case Assessor", f"The database {path} could not be opened.\n\n{e}")
        return 1
    from ui.gui.main_window import MainWindow

    win = MainWindow(ws)
    win.show()
    if os.environ.get("CASE_ASSESSOR_BENCH_START"):
        # bench/run.py P1: report the wall clock at the first paint, then leave
        app.processEvents()
        print(time.time(), flush=True)
        ws.close()
        return 0
    code = app.exec()
    ws.close()
    return int(code)
