"""The analysis export (``export-data``, File > Export data…): every answer of
an inspection with a codebook, as CSV or XLSX, long or wide.

Never written over the open database, its companions, or a file that is not
ours: a CSV export's codebook (``NAME.codebook.csv``) replaces only an earlier
codebook.  Rows stream from the database to the file (memory stays flat).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from exports.codebook import CODEBOOK_HEADER
from exports.raw_data import ExportOptions, codebook_path, write_export
from exports.tables import Cell
from storage.readings import Reading, iter_readings
from ui.ops.errors import OpError
from ui.ops.guards import check_output
from ui.ops.workspace import Workspace

__all__ = ["FORMATS", "SHAPES", "DataExport", "export_data", "format_for"]

FORMATS = ("csv", "xlsx")
SHAPES = ("long", "wide")


@dataclass(frozen=True)
class DataExport:
    """What an export wrote."""

    files: list[Path]
    cases: int
    questions: int


def format_for(out: Path, fmt: str | None) -> Literal["csv", "xlsx"]:
    """The format asked for, or the one the file's suffix names (CSV otherwise)."""
    chosen = fmt or ("xlsx" if Path(out).suffix.lower() == ".xlsx" else "csv")
    if chosen not in FORMATS:
        raise OpError(f"unknown format {chosen!r} (choose csv or xlsx)")
    return "xlsx" if chosen == "xlsx" else "csv"


def _check_codebook(path: Path) -> None:
    """Refuse to replace a file at the codebook's place unless it is an earlier codebook."""
    if not path.exists():
        return
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            first = f.readline().strip()
    except OSError as e:
        raise OpError(f"{path}: cannot be read ({e.strerror or e}); nothing was written") from e
    if first != ",".join(CODEBOOK_HEADER):
        raise OpError(f"{path} exists and is not a codebook this tool wrote; move it away or choose another "
                      "file name. Nothing was written.")


def export_data(ws: Workspace, inspection_id: str, out: Path, *, fmt: str | None = None, shape: str = "long",
                labels: bool = False) -> DataExport:
    """Write the inspection's answers to ``out`` (see docs/export-format.md)."""
    if shape not in SHAPES:
        raise OpError(f"unknown shape {shape!r} (choose long or wide)")
    out = Path(out)
    kind = format_for(out, fmt)
    ins = ws.find_inspection(inspection_id)
    qs = ws.question_set(ins)
    check_output(ws, out)
    if kind == "csv":
        check_output(ws, codebook_path(out))
        _check_codebook(codebook_path(out))
    if out.is_dir():
        raise OpError(f"{out} is a folder; give a file name. Nothing was written.")
    opts = ExportOptions(kind, "wide" if shape == "wide" else "long", labels)
    about: list[tuple[str, Cell]] = [("inspection", ins.name), ("inspection id", ins.id), ("question set", qs.id),
             ("question set version", qs.version), ("shape", opts.shape), ("labels", labels),
             ("exported at (UTC)", datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")),
             ("columns", "see the Codebook sheet and docs/export-format.md")]
    counted = [0]

    def readings() -> Iterator[Reading]:
        last = None
        for r in iter_readings(ws.store, ins.id):
            if r.case.id != last:  # a case's readings come together
                counted[0] += 1
                last = r.case.id
            yield r

    files = write_export(out, qs, ins.name, readings(), opts, about)
    return DataExport(files, counted[0], len(qs.questions))
