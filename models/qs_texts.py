"""The translatable texts of a question set: finding them, checking that each
is given in every language the set lists, and merging in a translation.

A text is an object keyed by language (``{"en": ..., "cy": ...}``).  The same
walk reads a set's file form (plain dicts and lists, as JSON gives them) and
its runtime form (the frozen objects of :mod:`models.qs_runtime`), so the tool
that writes a set and the check that loads it agree on which texts there are.

Seed quotes (``sources``) are never translated: they are verbatim lines of the
English reports.  ``provenance`` notes (where a wording comes from) may be
translated but need not be: a set that lists a language is not refused for an
English-only note, which is then shown in English.  Every other text (titles,
descriptions, case fields and their options, scale options, stems, question
wording, guidance, applicability notes) must be in every language the set
lists.

A translation is a *memory*: English text -> translated text, as gettext keys a
catalogue by its source text.  When an English text changes, its old entry no
longer matches (reported as unused) and the new text has none (reported as
missing), so a translation can never silently describe an older wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from typing import Any, cast

from models.qs_common import Text

# verbatim quotes from the English reports: never translated
QUOTES = frozenset({"sources"})
# notes that may be translated but need not be (shown in English when they are not)
OPTIONAL = frozenset({"provenance"})

# parts that hold no text at all (conditions), not walked into
_NO_TEXT = frozenset({"applies"})

# where a text sits: the keys and ids on the way to it
Where = tuple[str, ...]


def _is_text(value: Any, languages: frozenset[str]) -> bool:
    return (isinstance(value, dict) and bool(value) and set(value) <= languages
            and all(isinstance(v, str) for v in value.values()))


def _label(item: Any, index: int) -> str:
    """How a list item is named in a location: its id, code or value."""
    for key in ("id", "code", "value"):
        got = item.get(key) if isinstance(item, dict) else getattr(item, key, None)
        if isinstance(got, str):
            return got
    return f"#{index + 1}"


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """The data fields of a runtime class (derived lookups left out), found once per class."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in fields(cast(Any, cls)) if f.init)
    return names


def _children(node: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        yield from ((str(k), v) for k, v in node.items())
    elif hasattr(node, "__dataclass_fields__"):
        for name in _field_names(type(node)):
            yield name, getattr(node, name)


def texts(node: Any, languages: frozenset[str] = frozenset({"en"}), where: Where = (), *,
          notes: bool = False) -> Iterator[tuple[Where, Text]]:
    """Every text under ``node`` that every listed language needs (with
    ``notes``: the optional notes too), with where it sits, in file order;
    ``languages`` are the codes a text may be keyed by ("en" always)."""
    skip = QUOTES | _NO_TEXT if notes else QUOTES | _NO_TEXT | OPTIONAL
    yield from _walk(node, languages | {"en"}, where, skip)


def _walk(node: Any, languages: frozenset[str], where: Where, skip: frozenset[str]) -> Iterator[tuple[Where, Text]]:
    if isinstance(node, list):
        for i, item in enumerate(node):
            if _walkable(item):
                yield from _walk(item, languages, (*where, _label(item, i)), skip)
        return
    for key, value in _children(node):
        if key in skip:
            continue
        if _is_text(value, languages):
            yield (*where, key), value
        elif _walkable(value):
            yield from _walk(value, languages, (*where, key), skip)


def _walkable(value: Any) -> bool:
    return isinstance(value, dict | list) or hasattr(value, "__dataclass_fields__")


def english_only(node: Any, languages: frozenset[str]) -> Any:
    """A copy of the file-form ``node`` with each text reduced to its English:
    what is left once translations are set aside."""
    if _is_text(node, languages | {"en"}):
        return {"en": node["en"]} if "en" in node else {}
    if isinstance(node, dict):
        return {k: english_only(v, languages) for k, v in node.items()}
    if isinstance(node, list):
        return [english_only(v, languages) for v in node]
    return node


def translation_changes(old: Any, new: Any) -> dict[str, int]:
    """How many texts differ between two sets in each language but English
    (added, changed or removed), by language."""
    langs = frozenset([*old.languages, *new.languages])
    a, b = dict(texts(old, langs, notes=True)), dict(texts(new, langs, notes=True))
    counts: dict[str, int] = {}
    for where in a.keys() | b.keys():
        ta, tb = a.get(where, {}), b.get(where, {})
        for lang in sorted((ta.keys() | tb.keys()) - {"en"}):
            if ta.get(lang) != tb.get(lang):
                counts[lang] = counts.get(lang, 0) + 1
    return dict(sorted(counts.items()))


def _question_of(where: Where) -> str | None:
    return where[1] if len(where) > 1 and where[0] == "questions" else None


def language_problems(data: Any) -> Iterator[tuple[str, str | None]]:
    """A problem for each text lacking a language the set lists, with the
    question it belongs to (None for texts outside the questions)."""
    wanted = list(dict.fromkeys(["en", *data.languages]))
    for where, text in texts(data, frozenset(wanted)):
        qid = _question_of(where)
        part = " ".join(where[2:] if qid else where)
        missing = [lang for lang in wanted if not text.get(lang)]
        if missing:
            yield (f"{part} is not given in {', '.join(repr(m) for m in missing)} "
                   f"(the set's languages are {', '.join(wanted)}: every text needs each)"), qid


def english_texts(data: Any, *, notes: bool = True) -> list[str]:
    """The distinct English texts to translate (with ``notes``: the optional
    notes too), in the order they first appear."""
    langs = frozenset(data["languages"] if isinstance(data, dict) else data.languages)
    return list(dict.fromkeys(t["en"] for _, t in texts(data, langs, notes=notes) if t.get("en")))


def translation_gaps(data: Any, memory: dict[str, str]) -> tuple[list[str], list[str]]:
    """(English texts of ``data`` with no entry in ``memory``, entries of
    ``memory`` that no text of ``data`` uses)."""
    wanted = english_texts(data)
    have = set(wanted)
    return [t for t in wanted if not memory.get(t)], [t for t in memory if t not in have]


def merge_translation(data: dict[str, Any], lang: str, memory: dict[str, str]) -> None:
    """Add ``lang`` to every text of the file-form set ``data``, notes included (in place), and
    list it in ``languages``.  Raises ValueError naming what is missing or
    unused, changing nothing, unless the memory fits the set exactly."""
    missing, unused = translation_gaps(data, memory)
    if missing or unused:
        raise ValueError(f"the {lang!r} translation does not fit {data.get('id')} {data.get('version')}: "
                         f"{len(missing)} texts missing (first: {missing[:3]}), "
                         f"{len(unused)} entries unused (first: {unused[:3]})")
    for _, text in list(texts(data, frozenset([*data["languages"], lang]), notes=True)):
        text[lang] = memory[text["en"]]
    if lang not in data["languages"]:
        data["languages"] = [*data["languages"], lang]
