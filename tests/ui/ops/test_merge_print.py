"""The merge report document: each merge recorded and every conflict, an open
one as open, a decided one with both sides, the decision, who, when and why."""

from __future__ import annotations

import pytest

from ui.ops import conflicts as conflict_ops
from ui.ops import merge_print
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

from .test_conflicts import _merged
from .test_exchange import world  # noqa: F401  (fixture)


def test_the_document_lists_open_and_decided_conflicts_with_both_sides(world):  # noqa: F811
    with world["lead"] as s:
        ws = Workspace(s)
        (k,) = _merged(world, s)  # R-2 IAOW-2.1-03: Ann said no, Bob yes
        before = merge_print.merge_doc(ws, world["iid"], "en")
        (line,) = before.conflicts
        assert (line.reference, line.question_id, line.decided) == ("R-2", "IAOW-2.1-03", False)
        assert line.sides == [("Ann", "No"), ("Bob", "Yes")] and line.question
        assert line.decision == line.who == line.why == ""
        assert len(before.merges) == 1 and before.merges[0].assessors == ["Ann", "Bob"]
        assert before.merges[0].conflicts_open == 1
        bob = 1 + [v["assessor"] for v in k["versions"]].index("Bob")
        # the decision takes the place of the primary reading's (Ann's) version in the conflict's row
        conflict_ops.resolve(ws, k["id"], choose=bob, why="seen on the case file")
        (done,) = merge_print.merge_doc(ws, world["iid"], "en").conflicts
        assert done.decided and done.decision == "Yes" and done.who == "Lead"
        assert done.why == "seen on the case file" and done.when[:2] == "20"
        assert done.sides == [("Ann", "No"), ("Bob", "Yes")]  # both sides kept beside the decision


def test_an_unknown_inspection_is_a_clear_error(world):  # noqa: F811
    with world["lead"] as s, pytest.raises(OpError):
        merge_print.merge_doc(Workspace(s), "no such inspection")


def test_printing_refuses_to_overwrite_the_open_database(world):  # noqa: F811
    with world["lead"] as s:
        ws = Workspace(s)
        before = world["lead"].db.read_bytes()
        with pytest.raises(OpError, match="Nothing was written"):
            merge_print.print_merge_report(ws, world["iid"], world["lead"].db)
        assert world["lead"].db.read_bytes() == before
