"""Fixtures the walk-through tests share: a store with cases and a main window
on it (a test module defining its own ``setup`` or ``window`` uses that instead)."""

from __future__ import annotations

import pytest

from .walk_setup import make_store, make_window


@pytest.fixture
def setup(db_path, iaow):
    s, iid, cid, cid2 = make_store(db_path, iaow)
    yield s, iid, cid, cid2
    s.close()


@pytest.fixture
def window(qtbot, setup):
    return make_window(qtbot, setup[0])
