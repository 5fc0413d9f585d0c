"""Shared fixtures: real SQLite files in a temp folder and synthetic cases."""

from __future__ import annotations

import os
import random
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.conditions import applicability  # noqa: E402
from models.questionset import QuestionSet, builtin_catalog  # noqa: E402
from storage.store import Store  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path | None:
    """The project's shared/ folder (seed reports and the question catalogue).

    It sits beside the clone in CI and on the team's machines; CASE_ASSESSOR_SHARED
    points elsewhere."""
    env = os.environ.get("CASE_ASSESSOR_SHARED")
    for cand in ([Path(env)] if env else []) + [REPO.parent / "shared"]:
        if (cand / "seeds").is_dir():
            return cand.resolve()
    return None


def need_shared() -> Path:
    """shared/, or skip (outside CI) / fail (in CI) with the reason."""
    found = shared_dir()
    if found is None:
        reason = (
            "the seed reports are not beside this clone (../shared/seeds); "
            "set CASE_ASSESSOR_SHARED to check question sources against them"
        )
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return found


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real database or settings from a test."""
    monkeypatch.setenv("CASE_ASSESSOR_DB", str(tmp_path / "default.sqlite3"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    # Qt keeps one user-settings file per process whatever XDG_CONFIG_HOME says later:
    # clear it, so no test sees a window layout or an auto-advance choice left by another
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings

        QSettings().clear()


@pytest.fixture(autouse=True)
def keystore():
    """A keystore in memory for every in-process test (this machine may have
    none); each test starts a new key custody session."""
    import keyring

    from tests.keyrings import MemoryKeyring
    from ui.ops import unlock

    old = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    unlock.set_session(None)
    yield ring
    unlock.set_session(None)
    keyring.set_keyring(old)


@pytest.fixture
def no_keystore(keystore):
    """A machine without a keystore (keyring's fail backend)."""
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    yield


def file_keystore(folder: Path) -> dict[str, str]:
    """Environment for a subprocess: keyring's own backend setting points at
    the file-backed test keystore in ``folder``."""
    return {"PYTHON_KEYRING_BACKEND": "tests.keyrings.FileKeyring",
            "CASE_ASSESSOR_TEST_KEYRING": str(folder / "test-keyring.json")}


def raw_connect(path: Path):
    """A raw connection to a database the app created (encrypted: opened with
    its key from the test keystore), for tests that tamper with the file."""
    from storage import driver
    from ui.ops import unlock

    c = driver.connect(path)
    if unlock.database_kind(path) != "plain":
        driver.apply_key(c, unlock.database_key(path))
    return c


@pytest.fixture
def usual_umask():
    """The umask most desktops run with (files 0644 and folders 0755 unless the app says otherwise)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def file_mode(path: Path) -> int:
    """The permission bits of ``path`` (0o600 for a private file)."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(scope="session")
def iaow() -> QuestionSet:  # session-wide: question sets are immutable
    return builtin_catalog().get("iaow-2013")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cases.sqlite3"


@pytest.fixture
def store(db_path: Path):
    s = Store(db_path)
    yield s
    s.close()


def synthetic_details(qs: QuestionSet, rng: random.Random) -> dict[str, Any]:
    """Plausible case details drawn from the set's allowed values."""
    d: dict[str, Any] = {}
    for f in qs.data.case_fields:
        if f.kind == "choice":
            d[f.id] = rng.choice(f.option_values())
        elif f.kind == "multi":
            d[f.id] = sorted(rng.sample(f.option_values(), rng.randint(0, min(3, len(f.options)))))
        elif f.kind == "bool":
            d[f.id] = rng.random() < 0.4
        elif f.kind == "number":
            lo = f.minimum or 0
            hi = f.maximum or 100
            d[f.id] = round(rng.uniform(lo, hi), 2)
        else:
            d[f.id] = rng.choice(["North", "South", "East"])
    return d


def synthetic_answers(qs: QuestionSet, details: dict[str, Any], rng: random.Random, fill: float = 1.0) -> dict[str, Any]:
    """Answer every applicable question (walking in journey order)."""
    answers: dict[str, Any] = {}
    for qv in qs.questions:
        app = applicability(qs, details, answers)
        if app[qv.id] is not True or rng.random() > fill:
            continue
        opts = [o.value for o in qv.scale.options]
        if qv.q.per_option_of:
            chosen = answers.get(qv.q.per_option_of) or []
            answers[qv.id] = {o: rng.choice(opts + ["na"]) for o in chosen}
        elif qv.scale.kind == "multi":
            answers[qv.id] = sorted(rng.sample(opts, rng.randint(1, min(4, len(opts)))))
        else:
            pool = opts + (["na"] if qv.scale.allow_na and rng.random() < 0.1 else [])
            # most work is above the line, as in the reports
            above = [o.value for o in qv.scale.options if o.above_line]
            answers[qv.id] = rng.choice(above) if above and rng.random() < 0.6 else rng.choice(pool)
    return answers


def make_inspection(store: Store, qs: QuestionSet, n: int, seed: int = 1, assessor: str = "A. Assessor") -> str:
    rng = random.Random(seed)
    iid = store.create_inspection("Synthetic inspection", qs.id, qs.version, area="Testshire")
    for i in range(n):
        details = synthetic_details(qs, rng)
        cid = store.add_case(iid, f"CASE-{i + 1:03d}", details)
        aid = store.start_assessment(cid, assessor, qs.version)
        for qid, value in synthetic_answers(qs, details, rng).items():
            store.save_answer(aid, qid, value=value, note="", who=assessor)
    return iid
