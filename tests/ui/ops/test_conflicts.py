"""Conflict decisions: locked once made, changed only on purpose, decided in bulk, shown with labels."""

from __future__ import annotations

import pytest

from ui.ops import conflicts as conflict_ops
from ui.ops import exchange
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

from .test_exchange import QS, world  # noqa: F401  (fixture)


def _merged(world, s):  # noqa: F811
    d = world["dir"]
    exchange.merge_files(Workspace(s), [d / "ann.export", d / "bob.export"],
                         trust=[f"Ann={world['ann'].fingerprint()}", f"Bob={world['bob'].fingerprint()}"])
    return conflict_ops.conflicts(Workspace(s), world["iid"])


def _decisions(s):
    return [r for r in s.conn.execute("SELECT action FROM audit WHERE action LIKE '%conflict%'")]


def _by_id(ws, iid, kid):
    return next(k for k in conflict_ops.conflicts(ws, iid) if k["id"] == kid)


def test_a_second_decision_never_silently_overwrites_the_first(world):  # noqa: F811
    with world["lead"] as s:
        ws = Workspace(s)
        # a conflict on the answer itself (some differ only in their notes)
        k = next(k for k in _merged(world, s) if len({repr(v["value"]) for v in k["versions"]}) > 1)
        conflict_ops.resolve(ws, k["id"], choose=1, why="first look")
        with pytest.raises(OpError, match="decided already by Lead"):
            conflict_ops.resolve(ws, k["id"], choose=2, why="second click")
        done = _by_id(ws, world["iid"], k["id"])
        assert done["resolution"]["value"] == k["versions"][0]["value"] and done["why"] == "first look"
        assert [a for (a,) in _decisions(s)] == ["resolve_conflict"]
        # changing it is explicit, needs a reason and is audited with the earlier decision
        with pytest.raises(OpError, match="say why"):
            conflict_ops.resolve(ws, k["id"], choose=2, why=" ", change=True)
        # the other assessor's answer, as the conflict first showed it (once decided, the primary
        # reading's version shows the decision)
        other = next(v["value"] for v in k["versions"] if v["value"] != done["resolution"]["value"])
        conflict_ops.resolve(ws, k["id"], value=other, why="the case file says otherwise", change=True)
        changed = _by_id(ws, world["iid"], k["id"])
        assert changed["resolution"]["value"] == other != done["resolution"]["value"]
        assert [a for (a,) in _decisions(s)] == ["resolve_conflict", "change_conflict_decision"]
        row = [r for r in s.audit_rows() if r.action == "change_conflict_decision"][0]
        assert row.old["why"] == "first look" and row.new["why"] == "the case file says otherwise"


def test_keep_one_assessors_versions_in_bulk_with_one_reason(world):  # noqa: F811
    with world["lead"] as s:
        ws = Workspace(s)
        ks = _merged(world, s)
        bulk = conflict_ops.keep_assessor(ws, world["iid"], [k["id"] for k in ks], "Bob", why="Bob read the file")
        assert bulk.decided == len(ks) and bulk.skipped == []
        after = conflict_ops.conflicts(ws, world["iid"])
        assert all(k["status"] == "resolved" and k["why"] == "Bob read the file" for k in after)
        assert after[0]["resolution"]["value"] == "yes"  # Bob's answer on R-2 2.1-03
        again = conflict_ops.keep_assessor(ws, world["iid"], [k["id"] for k in ks], "Ann", why="no")
        assert again.decided == 0 and again.skipped == ["R-2 IAOW-2.1-03"]
        nobody = conflict_ops.keep_assessor(ws, world["iid"], [k["id"] for k in ks], "Zed", why="x", change=True)
        assert nobody.decided == 0 and nobody.skipped == ["R-2 IAOW-2.1-03"]
        with pytest.raises(OpError, match="say why"):
            conflict_ops.keep_assessor(ws, world["iid"], [k["id"] for k in ks], "Ann", why="")


def test_answers_are_labelled_as_the_assessor_saw_them():
    single = next(qv for qv in QS.questions if qv.scale.kind == "single" and not qv.q.per_option_of)
    opt = single.scale.options[0]
    assert conflict_ops.answer_label(QS, single.id, opt.value) != opt.value or opt.value == opt.label
    assert conflict_ops.answer_label(QS, single.id, "na") == "N/A"
    assert conflict_ops.answer_label(QS, single.id, None) == "(no answer)"
    multi = next(qv for qv in QS.questions if qv.scale.kind == "multi")
    vals = [o.value for o in multi.scale.options[:2]]
    from models.questionset import text_in

    assert conflict_ops.answer_label(QS, multi.id, vals) == ", ".join(text_in(o.label) for o in multi.scale.options[:2])
    per = next(qv for qv in QS.questions if qv.q.per_option_of)
    src = QS.by_id[per.q.per_option_of].scale.options[0]
    shown = conflict_ops.answer_label(QS, per.id, {src.value: per.scale.options[0].value})
    assert shown.startswith(text_in(src.label) + ": ") and src.value not in shown.split(": ")[0] or src.value == text_in(src.label)
