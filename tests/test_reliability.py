"""Reduced runs of the crash harness and the tamper suite (the full runs are
`python bench/crash.py --kills 200` and `python bench/tamper.py --n 1000`)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import crash  # noqa: E402
import tamper  # noqa: E402


@pytest.mark.parametrize("mode", ["answers", "export", "merge"])
def test_sigkill_loses_no_acknowledged_answer(tmp_path, mode):
    rng = random.Random(7)
    if mode == "answers":
        r = crash.run_answers(6, rng, tmp_path)
        assert r["acked"] > 0 and r["lost"] == 0 and r["integrity_ok"] == 6
    elif mode == "export":
        r = crash.run_export(3, rng, tmp_path)
        assert r["partial_files"] == 0
    else:
        r = crash.run_merge(3, rng, tmp_path)
        assert r["half_merged"] == 0 and r["unreported"] == 0 and r["integrity_ok"] == 3


def test_generated_corruptions_are_all_rejected(tmp_path, monkeypatch):
    monkeypatch.setenv("CASE_ASSESSOR_KEYS", str(tmp_path / "k"))
    r = tamper.run(150, 3, tmp_path)
    assert r["rejected"] == r["n"] == 150, r["failures"]
    assert set(r["by_kind"]) == {"bit flip", "truncation", "wrong key", "unknown signer", "swapped signer", "replay",
                                 "newer version"} | set(tamper.HOSTILE) | set(tamper.FORGED) | set(tamper.OTHERS) \
        | set(tamper.PACKS)
