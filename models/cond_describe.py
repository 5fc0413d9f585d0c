"""Conditions read aloud: a plain-English reading, for 'why is this hidden?'."""

from __future__ import annotations

from models.qs_common import text_in
from models.qs_runtime import AllCond, AnswerCond, AnyCond, Condition, FieldCond, NotCond
from models.qs_set import QuestionSet


def describe(cond: Condition | None, qs: QuestionSet, lang: str = "en") -> str:
    """A plain-English reading of a condition, for 'why is this hidden?'."""
    if cond is None:
        return "all cases"
    if isinstance(cond, AllCond):
        return " and ".join(_paren(describe(c, qs, lang)) for c in cond.all)
    if isinstance(cond, AnyCond):
        return " or ".join(_paren(describe(c, qs, lang)) for c in cond.any)
    if isinstance(cond, NotCond):
        return f"not ({describe(cond.not_, qs, lang)})"
    if isinstance(cond, FieldCond):
        return _describe_field(cond, qs, lang)
    if isinstance(cond, AnswerCond):
        return _describe_answer(cond, qs, lang)
    raise TypeError(f"not a condition: {cond!r}")  # pragma: no cover


def _describe_field(cond: FieldCond, qs: QuestionSet, lang: str) -> str:
    f = qs.fields[cond.field]
    name = text_in(f.label, lang)

    def lab(v: str) -> str:
        for o in f.options:
            if o.value == v:
                return text_in(o.label, lang)
        return v

    if cond.equals is not None:
        if isinstance(cond.equals, bool):
            return f"{name}: {'yes' if cond.equals else 'no'}"
        return f"{name} is {lab(cond.equals)}"
    if cond.in_ is not None:
        return f"{name} is " + " or ".join(lab(v) for v in cond.in_)
    if cond.not_in is not None:
        return f"{name} is not " + " or ".join(lab(v) for v in cond.not_in)
    if cond.includes is not None:
        return f"{name} include {lab(cond.includes)}"
    if cond.includes_any is not None:
        return f"{name} include any of " + ", ".join(lab(v) for v in cond.includes_any)
    if isinstance(cond.at_least, int | float) or isinstance(cond.at_most, int | float):
        bound = cond.at_least if cond.at_least is not None else cond.at_most
        return f"{name} is {bound:g} or {'more' if cond.at_least is not None else 'less'}"
    if cond.at_least is not None:
        return f"{name} is {lab(str(cond.at_least))} or higher"
    return f"{name} is {lab(str(cond.at_most or ''))} or lower"


def _describe_answer(cond: AnswerCond, qs: QuestionSet, lang: str) -> str:
    qv = qs.by_id[cond.answer]

    def alab(v: str) -> str:
        if v == "na":
            return "N/A"
        o = qv.scale.option(v)
        return text_in(o.label, lang) if o else v

    if cond.includes is not None:
        return f"answer to {cond.answer} includes {alab(cond.includes)}"
    if cond.in_ is not None:
        return f"answer to {cond.answer} is " + " or ".join(alab(v) for v in cond.in_)
    return f"answer to {cond.answer} is not " + " or ".join(alab(v) for v in cond.not_in or [])


def _paren(s: str) -> str:
    return f"({s})" if (" and " in s or " or " in s) else s
