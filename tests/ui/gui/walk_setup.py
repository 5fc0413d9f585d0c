"""A store with two IAOW cases and a main window over it, for the walk-through's tests."""

from __future__ import annotations

from pathlib import Path

from storage.store import Store
from ui.gui.main_window import MainWindow
from ui.ops.workspace import Workspace

DETAILS = {
    "case_type": "licence", "gender": "male", "rosh_level": "high", "child_protection": "procedures",
    "identifiable_victim": True, "mappa_level": "2", "requirements": ["supervision", "accredited_programme"],
    "domestic_abuse": True, "enforcement_needed": True,
}


def make_store(db_path: Path, qs) -> tuple[Store, str, str, str]:
    """The store, the inspection, the case G-001 (licence, high RoSH) and G-002."""
    s = Store(db_path)
    s.set_setting("assessor_name", "Jo Bloggs")
    s.set_setting("assessor_id", "LA-07")
    iid = s.create_inspection("GUI test", qs.id, qs.version)
    cid = s.add_case(iid, "G-001", DETAILS)
    cid2 = s.add_case(iid, "G-002", {"case_type": "community_order", "rosh_level": "low",
                                     "requirements": ["supervision"]})
    return s, iid, cid, cid2


def make_window(qtbot, store: Store) -> MainWindow:
    w = MainWindow(Workspace(store))
    qtbot.addWidget(w)
    w.show()
    return w



def findings_panel(qtbot, store, inspection_id, qs):  # noqa: ANN001, ANN201
    """The lead's findings dashboard on ``store``, shown at a laptop's size, its figures loaded."""
    from ui.gui.findings_panel import FindingsPanel
    from ui.ops.workspace import Workspace

    f = FindingsPanel(Workspace(store), inspection_id, qs)
    qtbot.addWidget(f)
    f.resize(1366, 700)
    f.show()
    f.refresh()
    return f
