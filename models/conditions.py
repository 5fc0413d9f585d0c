"""Evaluating applicability conditions, safely and without ``eval``.

Conditions are data (see :mod:`models.questionset`).  Evaluation uses
three-valued logic: ``True`` (applies), ``False`` (does not apply) and
``None`` (cannot tell yet, because an answer it depends on is still empty).

This module gathers the public names of the evaluators, which share the
combinators and value tests of :mod:`models.cond_base`:

* :mod:`models.cond_interpret`: the reference interpreter (:func:`evaluate`,
  :func:`applicability`);
* :mod:`models.cond_compiled`: closures for one case at a time
  (:func:`compile_condition`, :func:`applicability_fast`);
* :mod:`models.cond_columns`: masks over a whole sample, for scoring
  (:func:`answer_columns`, :func:`applicable_columns`);
* :mod:`models.cond_describe`: :func:`describe`, the plain-English reading.
"""

from __future__ import annotations

from models.cond_base import OFF, Pred, Tri, answer_test, field_test, is_empty, tri_all, tri_any, tri_not, walk_case
from models.cond_columns import answer_columns, applicable_columns
from models.cond_compiled import applicability_fast, compile_condition, compiled_questions
from models.cond_describe import describe
from models.cond_interpret import applicability, evaluate

__all__ = [
    "OFF",
    "Pred",
    "Tri",
    "answer_columns",
    "answer_test",
    "applicability",
    "applicability_fast",
    "applicable_columns",
    "compile_condition",
    "compiled_questions",
    "describe",
    "evaluate",
    "field_test",
    "is_empty",
    "tri_all",
    "tri_any",
    "tri_not",
    "walk_case",
]
