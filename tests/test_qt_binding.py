"""Guard against a broken Qt binding.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a
method returning void; after a few thousand calls Python aborts
("deallocating None").  pyproject.toml excludes it; this test keeps it out.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QProgressBar


def test_void_calls_do_not_leak_none_references(qtbot):
    bar = QProgressBar()
    qtbot.addWidget(bar)
    before = sys.getrefcount(None)
    for _ in range(2000):
        bar.setValue(3)
    assert sys.getrefcount(None) - before > -50
