"""A loaded, cross-checked question set with the lookups the app needs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from models.i18n import _
from models.limits import detail_text_problem
from models.qs_common import QuestionSetError, Stage, text_in
from models.qs_runtime import BandRule, CaseField, Criterion, Group, Guidance, Question, QuestionSetData, Scale, Stem
from models.qs_validate import first_problem, journey_order, scale_of


@dataclass(frozen=True)
class QuestionView:
    """A question with its scale resolved and its position in journey order."""

    q: Question
    scale: Scale
    criterion: Criterion
    position: int

    @property
    def id(self) -> str:
        return self.q.id

    @property
    def stage(self) -> Stage:
        return self.criterion.stage


class QuestionSet:
    """A validated question set with lookups the rest of the app needs.

    ``data`` is the runtime form of the file (:class:`QuestionSetData`).  The
    cross-file checks of :mod:`models.qs_validate` run here, so every set in
    use has passed them, whichever way it was loaded."""

    def __init__(self, data: QuestionSetData, path: Path | None = None) -> None:
        self.data = data
        self.path = path
        problem = first_problem(data)
        if problem is not None:
            raise self._fail(*problem)
        crit = {c.code: c for c in data.criteria}
        indexed = [(i, data.questions[i]) for i in journey_order(data)]
        views = []
        for pos, (_i, q) in enumerate(indexed):
            scale = scale_of(q, data.scales)
            assert scale is not None  # checked above
            views.append(QuestionView(q=q, scale=scale, criterion=crit[q.criterion], position=pos))
        self.questions: list[QuestionView] = views
        self.by_id: dict[str, QuestionView] = {v.id: v for v in views}
        self.criteria: dict[str, Criterion] = crit
        self.groups: dict[str, Group] = {g.id: g for g in data.groups}
        self.fields: dict[str, CaseField] = {f.id: f for f in data.case_fields}
        self.stems: dict[str, Stem] = {st.id: st for st in data.stems}

    # -- identity -----------------------------------------------------------
    @property
    def id(self) -> str:
        return self.data.id

    @property
    def version(self) -> str:
        return self.data.version

    def title(self, lang: str | None = None) -> str:
        return text_in(self.data.title, lang)

    # -- wording ---------------------------------------------------------------
    def stem_text(self, qv: QuestionView, lang: str | None = None) -> str:
        """The lead-in shared by the question's group ("" when it has none)."""
        stem = self.stems.get(qv.q.stem or "")
        return text_in(stem.text, lang) if stem else ""

    def full_text(self, qv: QuestionView, lang: str | None = None) -> str:
        """The question read on its own: its group's stem, then its text."""
        stem = self.stem_text(qv, lang)
        return f"{stem} {text_in(qv.q.text, lang)}" if stem else text_in(qv.q.text, lang)

    def guidance(self, qv: QuestionView) -> list[tuple[str, Guidance]]:
        """The advice for a question: its criterion's, then its own, each with a heading."""
        out: list[tuple[str, Guidance]] = []
        if qv.criterion.guidance is not None:
            out.append((_("Criterion {0}").format(qv.criterion.code), qv.criterion.guidance))
        if qv.q.guidance is not None:
            out.append((_("This question"), qv.q.guidance))
        return out

    def groups_of(self, qv: QuestionView) -> list[str]:
        """Outcome/section ids a question feeds: its criterion's group plus extras."""
        out = [qv.criterion.group]
        out.extend(g for g in qv.q.outcomes if g not in out)
        return out

    def headlines_of(self, qv: QuestionView) -> list[str]:
        result = []
        for h in qv.q.headlines:
            allowed = self.groups[h].sections
            if allowed is None or qv.criterion.group in allowed:
                result.append(h)
        return result

    # -- value checking ------------------------------------------------------
    @cached_property
    def single_choice_values(self) -> dict[str, frozenset[str]]:
        """Question id -> every valid text answer, for the single-choice
        questions (the bulk): a fast path that agrees with :meth:`check_value`."""
        return {
            qv.id: qv.scale.allowed_values | ({"na"} if qv.scale.allow_na else set())
            for qv in self.questions
            if qv.scale.kind == "single" and qv.q.per_option_of is None
        }

    def check_value(self, question_id: str, value: Any) -> str | None:
        """Why ``value`` is not a valid stored answer to the question, or None."""
        qv = self.by_id.get(question_id)
        if qv is None:
            return f"unknown question {question_id!r}"
        if value is None:
            return None
        allowed = qv.scale.allowed_values
        if value == "na":
            return None if qv.scale.allow_na or qv.q.per_option_of else f"{question_id} has no N/A option"
        if qv.q.per_option_of is not None:
            src = self.by_id[qv.q.per_option_of].scale
            if not isinstance(value, dict):
                return f"{question_id} expects one answer per option of {qv.q.per_option_of}"
            for k, v in value.items():
                if src.option(k) is None:
                    return f"{question_id}: unknown option {k!r}"
                if v != "na" and v not in allowed:
                    return f"{question_id}: {v!r} is not an answer on its scale"
            return None
        if qv.scale.kind == "multi":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return f"{question_id} expects a list of options"
            bad = [v for v in value if v not in allowed]
            if bad:
                return f"{question_id}: {bad[0]!r} is not an option"
            if len(set(value)) != len(value):
                return f"{question_id}: an option is listed twice"
            return None
        if not isinstance(value, str) or value not in allowed:
            return f"{question_id}: {value!r} is not an answer on its scale"
        return None

    def check_details(self, details: dict[str, Any]) -> list[str]:
        """Problems with a case's details against the set's case fields."""
        problems = []
        for key, value in details.items():
            f = self.fields.get(key)
            if f is None:
                problems.append(f"unknown case detail {key!r}")
            elif value is not None:
                problem = _detail_problem(f, value)
                if problem:
                    problems.append(f"{key}: {problem}")
        for f in self.data.case_fields:
            if f.required and details.get(f.id) in (None, "", []):
                problems.append(f"{f.id}: required")
        return problems

    def band_rule(self, level: str) -> BandRule | None:
        for rule in self.data.bands:
            if level in rule.applies_to:
                return rule
        return None

    def criteria_in_order(self) -> list[Criterion]:
        seen: dict[str, Criterion] = {}
        for qv in self.questions:
            seen.setdefault(qv.criterion.code, qv.criterion)
        for c in self.data.criteria:
            seen.setdefault(c.code, c)
        return list(seen.values())

    def _fail(self, problem: str, question: str | None = None) -> QuestionSetError:
        where = str(self.path) if self.path else f"question set {self.data.id!r}"
        if question:
            where += f", question {question}"
        return QuestionSetError(f"{where}: {problem}")


def _detail_problem(f: CaseField, value: Any) -> str | None:
    """Why ``value`` (not None) does not fit case field ``f``, or None."""
    if f.kind == "choice":
        if value not in f.option_values():
            return f"{value!r} is not one of {', '.join(f.option_values())}"
    elif f.kind == "multi":
        if not isinstance(value, list) or any(v not in f.option_values() for v in value):
            return f"expects a list of {', '.join(f.option_values())}"
    elif f.kind == "bool":
        if not isinstance(value, bool):
            return "expects true or false"
    elif f.kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return "expects a number"
        if (f.minimum is not None and value < f.minimum) or (f.maximum is not None and value > f.maximum):
            return f"{value} is outside {f.minimum}-{f.maximum}"
    elif not isinstance(value, str):
        return "expects text"
    else:
        return detail_text_problem(value)
    return None
