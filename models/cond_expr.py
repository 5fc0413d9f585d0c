"""Applicability written as a small readable expression, and back.

The language a methodology team writes in the ``applies`` column of a
question-set workbook (docs/question-sets.md, "Applicability expressions")::

    case_type in (community_order, sso) and IAOW-1.1-01 != none
    rsr_score >= 6.9          rosh_level >= medium       not (...)
    requirements includes supervision                    identifiable_victim
    not identifiable_victim   requirements includes any (a, b)

:func:`parse` is a tokenizer and a recursive-descent parser (never ``eval``)
that compiles the text to the declarative conditions of
:mod:`models.qs_runtime`; :func:`to_text` writes a condition back so that
``parse(to_text(c)) == c`` for every condition (the round trip is exact).
A name is a question id when it is one of ``questions``, else a case field.
Every error is an :class:`ExprError` naming the character position and what
was expected there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar, cast

from models.qs_runtime import AllCond, AnswerCond, AnyCond, Condition, FieldCond, NotCond

_T = TypeVar("_T")
KEYWORDS = frozenset({"and", "or", "not", "in", "includes", "any", "all"})
MAX_LENGTH = 5000  # characters in one expression
MAX_DEPTH = 50  # nesting of brackets and "not"

_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?![\w.\-])")
_WORD = re.compile(r"\w[\w.\-]*")
_PLAIN = re.compile(r"\w[\w.\-]*\Z")
_SYMBOLS = (">=", "<=", "!=", "==", "=", "(", ")", ",")


def _make(cls: type, **kw: Any) -> Condition:
    # the runtime classes are keyword-only frozen dataclasses made through an alias mypy does not follow
    made: Condition = cast(Any, cls)(**kw)
    return made


_field, _answer = partial(_make, FieldCond), partial(_make, AnswerCond)
_all, _any, _not = partial(_make, AllCond), partial(_make, AnyCond), partial(_make, NotCond)


class ExprError(ValueError):
    """A syntax error: ``position`` is the 1-based character it was found at."""

    def __init__(self, position: int, message: str) -> None:
        super().__init__(f"at character {position}: {message}")
        self.position = position
        self.detail = message


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "number", "string", "symbol", "end"
    text: str  # the word, number text, unquoted string, or symbol
    pos: int  # 1-based position of its first character

    @property
    def keyword(self) -> str | None:
        return self.text.lower() if self.kind == "word" and self.text.lower() in KEYWORDS else None

    def shown(self) -> str:
        if self.kind == "end":
            return "the end of the expression"
        return f"{self.text!r}" if self.kind != "string" else f"the quoted text {_quote(self.text)}"


def _string(text: str, start: int) -> tuple[str, int]:
    """The quoted text starting at ``start`` (a quote) and the index after it."""
    quote, out, i = text[start], [], start + 1
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
            continue
        if ch == quote:
            return "".join(out), i + 1
        out.append(ch)
        i += 1
    raise ExprError(start + 1, f"the text quoted here has no closing {quote}")


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, ending with an ``end`` token."""
    if len(text) > MAX_LENGTH:
        raise ExprError(MAX_LENGTH + 1, f"an expression may be at most {MAX_LENGTH} characters long")
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "'\"":
            value, end = _string(text, i)
            tokens.append(Token("string", value, i + 1))
            i = end
            continue
        if m := _NUMBER.match(text, i):
            tokens.append(Token("number", m.group(), i + 1))
            i = m.end()
            continue
        if m := _WORD.match(text, i):
            tokens.append(Token("word", m.group(), i + 1))
            i = m.end()
            continue
        sym = next((s for s in _SYMBOLS if text.startswith(s, i)), None)
        if sym is None:
            hint = " (tests are inclusive: use >= or <=)" if ch in "<>" else ""
            raise ExprError(i + 1, f"unexpected character {ch!r}{hint}; expected a name, a value, "
                                   "a comparison (=, !=, >=, <=, in, includes), a bracket or a comma")
        tokens.append(Token("symbol", sym, i + 1))
        i += len(sym)
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


class _Parser:
    def __init__(self, text: str, questions: Collection[str]) -> None:
        self.tokens = tokenize(text)
        self.i = 0
        self.questions = questions
        self.depth = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def _next(self) -> Token:
        t = self.tokens[self.i]
        self.i += 1
        return t

    def _fail(self, expected: str) -> ExprError:
        return ExprError(self.tok.pos, f"expected {expected}, found {self.tok.shown()}")

    def _is(self, keyword: str) -> bool:
        return self.tok.keyword == keyword

    def _sym(self, sym: str, ahead: int = 0) -> bool:
        t = self.tokens[min(self.i + ahead, len(self.tokens) - 1)]
        return t.kind == "symbol" and t.text == sym

    def _symbol(self, sym: str, expected: str) -> None:
        if not (self.tok.kind == "symbol" and self.tok.text == sym):
            raise self._fail(expected)
        self.i += 1

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(self.tok.pos, f"nested more than {MAX_DEPTH} deep; write it more simply")

    def parse(self) -> Condition:
        cond = self.or_expr()
        if self.tok.kind != "end":
            raise self._fail("'and', 'or' or the end of the expression")
        return cond

    def or_expr(self) -> Condition:
        return self._chain("or", self.and_expr)

    def and_expr(self) -> Condition:
        return self._chain("and", self.unary)

    def _chain(self, word: str, part: Callable[[], Condition]) -> Condition:
        """``part (word part)*``: one part as it is, several in an all/any."""
        items = [part()]
        while self._is(word):
            self.i += 1
            items.append(part())
        if len(items) == 1:
            return items[0]
        return _all(all=items) if word == "and" else _any(any=items)

    def unary(self) -> Condition:
        if self._is("not"):
            self.i += 1
            if self._name_here() and not self._tests_follow(self.tokens[self.i + 1]):
                name = self._next()
                return self._flag(name, False)
            self._enter()
            inner = self.unary()
            self.depth -= 1
            return _not(not_=inner)
        return self.primary()

    def _name_here(self) -> bool:
        return self.tok.kind in ("word", "number", "string") and self.tok.keyword is None

    @staticmethod
    def _tests_follow(t: Token) -> bool:
        return (t.kind == "symbol" and t.text in ("=", "==", "!=", ">=", "<=", "(")) or t.keyword in (
            "in", "not", "includes")

    def primary(self) -> Condition:
        if self.tok.kind == "symbol" and self.tok.text == "(":
            self.i += 1
            self._enter()
            inner = self.or_expr()
            self.depth -= 1
            self._symbol(")", "')' to close the bracket, 'and' or 'or'")
            return inner
        if self.tok.keyword in ("all", "any") and self._sym("(", 1):
            return self._group()
        if not self._name_here():
            raise self._fail("a case field, a question id, 'not' or '('")
        return self.test(self._next())

    def _group(self) -> Condition:
        kind = self._next().keyword
        self._enter()
        items = self._bracketed(self.or_expr, "'('", "',' or ')'")
        self.depth -= 1
        return _all(all=items) if kind == "all" else _any(any=items)

    def _flag(self, name: Token, value: bool) -> Condition:
        if name.text in self.questions:
            raise ExprError(name.pos, f"expected a test after the question {name.text} "
                                      f"(for example {name.text} = yes or {name.text} in (yes, no))")
        return _field(field=name.text, equals=value)

    def test(self, name: Token) -> Condition:
        t = self.tok
        answer = name.text in self.questions
        if t.kind == "symbol" and t.text in ("=", "==", "!="):
            self.i += 1
            value = self._value()
            if t.text == "!=":
                return _answer(answer=name.text, not_in=[value]) if answer else \
                    _field(field=name.text, not_in=[value])
            return _answer(answer=name.text, in_=[value]) if answer else _field(field=name.text, equals=value)
        if t.keyword in ("in", "not"):
            return self._membership(name, answer)
        if t.keyword == "includes":
            return self._includes(name, answer)
        if t.kind == "symbol" and t.text in (">=", "<="):
            if answer:
                raise ExprError(t.pos, f"{t.text} compares a case field; for the question {name.text} "
                                       "use = , != or in (...)")
            self.i += 1
            bound = self._bound()
            return _field(field=name.text, at_least=bound) if t.text == ">=" else \
                _field(field=name.text, at_most=bound)
        ends = t.kind == "end" or self._sym(")") or self._sym(",") or t.keyword in ("and", "or")
        if answer or not ends:
            raise ExprError(t.pos, f"expected a test after {name.text} (=, !=, >=, <=, in, not in, includes), "
                                   f"found {t.shown()}")
        return self._flag(name, True)

    def _membership(self, name: Token, answer: bool) -> Condition:
        negate = self._is("not")
        if negate:
            self.i += 1
            if not self._is("in"):
                raise self._fail("'in' after 'not'")
        self.i += 1
        values = self._values()
        if answer:
            return _answer(answer=name.text, not_in=values) if negate else _answer(answer=name.text, in_=values)
        return _field(field=name.text, not_in=values) if negate else _field(field=name.text, in_=values)

    def _includes(self, name: Token, answer: bool) -> Condition:
        self.i += 1
        if self._is("any") and self._sym("(", 1):
            if answer:
                raise ExprError(self.tok.pos, f"'includes any' tests a case field; for the question {name.text} "
                                              "write one test per value joined by 'or'")
            self.i += 1
            return _field(field=name.text, includes_any=self._values())
        value = self._value()
        return _answer(answer=name.text, includes=value) if answer else _field(field=name.text, includes=value)

    def _value(self) -> str:
        if not self._name_here():
            raise self._fail("a value (a word, a number or a quoted text)")
        return self._next().text

    def _bound(self) -> str | float:
        if self.tok.kind == "number":
            text = self._next().text
            return int(text) if re.fullmatch(r"-?\d+", text) else float(text)
        return self._value()

    def _values(self) -> list[str]:
        return self._bracketed(self._value, "'(' and a list of values, for example (a, b)",
                               "',' or ')' to close the list")

    def _bracketed(self, item: Callable[[], _T], opening: str, closing: str) -> list[_T]:
        """``( item (, item)* )`` or ``()``."""
        self._symbol("(", opening)
        items: list[_T] = []
        if not self._sym(")"):
            items.append(item())
            while self._sym(","):
                self.i += 1
                items.append(item())
        self._symbol(")", closing)
        return items


def parse(text: str, questions: Collection[str] = ()) -> Condition | None:
    """The condition written in ``text`` (None for a blank text), or ExprError.

    ``questions`` are the question ids of the set: those names test answers,
    every other name a case detail."""
    if not text.strip():
        return None
    return _Parser(text, questions).parse()


# --------------------------------------------------------------------------
# condition -> text
# --------------------------------------------------------------------------


def _quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def atom(value: str) -> str:
    """A name or value as written: bare when it reads back as the same text."""
    if _PLAIN.match(value) and value.lower() not in KEYWORDS and not _NUMBER.fullmatch(value):
        return value
    return _quote(value)


def _number(value: float) -> str:
    return str(value) if isinstance(value, int) else repr(float(value))


def _list(values: list[str]) -> str:
    return "(" + ", ".join(atom(v) for v in values) + ")"


def _nested(c: Condition) -> str:
    """A part of an and/or: bracketed when it is itself an and/or."""
    text = to_text(c)
    items = c.all if isinstance(c, AllCond) else c.any if isinstance(c, AnyCond) else []
    return f"({text})" if len(items) >= 2 else text


def to_text(cond: Condition) -> str:
    """The expression that :func:`parse` reads back as ``cond`` exactly."""
    if isinstance(cond, AllCond | AnyCond):
        items, word = (cond.all, "and") if isinstance(cond, AllCond) else (cond.any, "or")
        if len(items) < 2:
            return ("all(" if word == "and" else "any(") + ", ".join(to_text(c) for c in items) + ")"
        return f" {word} ".join(_nested(c) for c in items)
    if isinstance(cond, NotCond):
        return f"not ({to_text(cond.not_)})"
    if isinstance(cond, AnswerCond):
        return _answer_text(cond)
    return _field_text(cond)


def _answer_text(c: AnswerCond) -> str:
    name = atom(c.answer)
    if c.includes is not None:
        return f"{name} includes {atom(c.includes)}"
    if c.in_ is not None:
        return f"{name} = {atom(c.in_[0])}" if len(c.in_) == 1 else f"{name} in {_list(c.in_)}"
    values = c.not_in or []
    return f"{name} != {atom(values[0])}" if len(values) == 1 else f"{name} not in {_list(values)}"


def _field_text(c: FieldCond) -> str:
    name = atom(c.field)
    if isinstance(c.equals, bool):
        return name if c.equals else f"not {name}"
    if c.equals is not None:
        return f"{name} = {atom(c.equals)}"
    if c.in_ is not None:
        return f"{name} in {_list(c.in_)}"
    if c.not_in is not None:
        return f"{name} != {atom(c.not_in[0])}" if len(c.not_in) == 1 else f"{name} not in {_list(c.not_in)}"
    if c.includes is not None:
        return f"{name} includes {atom(c.includes)}"
    if c.includes_any is not None:
        return f"{name} includes any {_list(c.includes_any)}"
    op, bound = (">=", c.at_least) if c.at_least is not None else ("<=", c.at_most)
    return f"{name} {op} {atom(bound) if isinstance(bound, str) else _number(bound or 0)}"
