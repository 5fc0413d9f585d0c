"""Write docs/examples/: the analysis export of a small synthetic inspection
(six TR cases, fixed seed; no real person), in each shape and format.

    python tools/export_examples.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.questionset import builtin_catalog  # noqa: E402
from storage.store import Store  # noqa: E402
from tests.conftest import make_inspection  # noqa: E402
from ui.ops.export_data import export_data  # noqa: E402
from ui.ops.workspace import Workspace  # noqa: E402

OUT = ROOT / "docs" / "examples"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    qs = builtin_catalog().get("tr-2016")
    with tempfile.TemporaryDirectory() as d:
        ws = Workspace(Store(Path(d) / "demo.sqlite3"))
        iid = make_inspection(ws.store, qs, 6, seed=11, assessor="Demo Assessor")
        export_data(ws, iid, OUT / "export-long.csv")
        export_data(ws, iid, OUT / "export-wide-labels.csv", shape="wide", labels=True)
        export_data(ws, iid, OUT / "export-long.xlsx")
        ws.close()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
