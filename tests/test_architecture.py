"""Dependencies point one way: ui -> exports/storage -> models (import-linter)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import REPO, file_keystore


def test_import_contracts_hold():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    r = subprocess.run([exe, "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Contracts: 6 kept, 0 broken" in r.stdout


def test_cli_commands_do_not_import_qt():
    code = "import sys, io; from main import run_cli; run_cli(['question-sets'], out=io.StringIO()); print('PySide6' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert r.stdout.strip() == "False", r.stderr


def test_the_app_opens_without_the_validator_pdf_or_crypto_libraries(tmp_path):
    """The start path (main window on a database with a case list) imports
    neither pydantic, reportlab nor the signing and age libraries once question sets are cached.  Only
    AES-GCM (cryptography's aead module, ~8 ms) is loaded, to unseal the database's key."""
    code = (
        "import sys, os\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ui.ops.workspace import Workspace, catalog\n"
        "from ui.ops import inspections\n"
        "ws = Workspace.open(sys.argv[1])\n"
        "if sys.argv[2] == 'warm':\n"
        "    catalog(); inspections.new_inspection(ws, 'York', 'iaow-2013', who='A')\n"
        "    inspections.add_case(ws, ws.inspections()[0].id, 'R-1', {'case_type': 'community_order', 'gender': 'male', 'rosh_level': 'low'}, 'A')\n"
        "    print('ok'); raise SystemExit\n"
        "from ui.gui.main_window import MainWindow\n"
        "w = MainWindow(ws); w.show(); app.processEvents()\n"
        "heavy = [m for m in ('pydantic', 'reportlab', 'pyrage', 'cryptography.x509',\n"
        "                     'cryptography.hazmat.primitives.serialization') if m in sys.modules]\n"
        "print(w.list.proxy.rowCount(), heavy)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CASE_ASSESSOR_CACHE": str(tmp_path / "cache"),
           "CASE_ASSESSOR_KEYS": str(tmp_path / "keys"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           **file_keystore(tmp_path)}
    db = str(tmp_path / "start.sqlite3")
    for phase in ("warm", "start"):
        r = subprocess.run([sys.executable, "-c", code, db, phase], cwd=REPO, capture_output=True, text=True, env=env)
        assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "1 []", r.stdout + r.stderr
