from __future__ import annotations

from pathlib import Path

import pytest

from tests.exports.qs_books import IAOW, book_of


@pytest.fixture(scope="module")
def iaow_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The IAOW set (1.0.0) as a workbook, written once per test module."""
    return book_of(IAOW(), tmp_path_factory.mktemp("book") / "iaow.xlsx")
