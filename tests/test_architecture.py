"""Dependencies point one way: ui -> exports/storage -> models (import-linter)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import REPO


def test_import_contracts_hold():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    r = subprocess.run([exe, "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Contracts: 6 kept, 0 broken" in r.stdout


def test_cli_commands_do_not_import_qt():
    code = "import sys, io; from main import run_cli; run_cli(['question-sets'], out=io.StringIO()); print('PySide6' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert r.stdout.strip() == "False", r.stderr
