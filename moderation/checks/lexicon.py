"""Lexicons: per-language TOML files of terms, each table naming the guideline its terms break.

A table is `[code]` or `["code:label"]` with a `score` and `terms`. Terms match whole words after
normalisation; `word*` also matches longer words; spaces match any separator. English starts from
better-profanity's word list, minus the news and identity words its `[wordlist]` table excludes.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from moderation.guidelines import Code

WORDLIST_SCORE = 0.9
MILD_WORDLIST_SCORE = 0.45  # below the default review threshold: shown, not held for
RESERVED_KEYS = {"language", "name", "script", "wordlist", "examples"}


@dataclass(frozen=True)
class Table:
    language: str
    code: Code
    label: str
    score: float
    terms: tuple[str, ...]

    @property
    def rule(self) -> str:
        return f"lexicon:{self.language}:{self.label}"


@dataclass(frozen=True)
class Lexicon:
    language: str
    name: str
    tables: tuple[Table, ...]
    allowed: tuple[str, ...]
    examples: dict[str, Any]


def _tables(document: dict[str, Any], language: str, prefix: str = "") -> Iterable[Table]:
    for key, value in document.items():
        if not prefix and key in RESERVED_KEYS:
            continue
        if not isinstance(value, dict):
            raise ValueError(f"{language}: {prefix}{key} is not a table")
        name = f"{prefix}{key}"
        if "terms" not in value:
            yield from _tables(value, language, name + ".")
            continue
        code_name, _, _ = name.partition(":")
        terms = tuple(dict.fromkeys(t.strip() for t in value["terms"] if t.strip()))
        yield Table(language, Code(code_name), name, float(value.get("score", WORDLIST_SCORE)), terms)


def parse_lexicon(document: dict[str, Any]) -> Lexicon:
    language = document["language"]
    tables = list(_tables(document, language))
    wordlist = document.get("wordlist")
    if wordlist is not None:
        tables.extend(_better_profanity_tables(language, wordlist))
    return Lexicon(
        language=language,
        name=document.get("name", language),
        tables=tuple(tables),
        allowed=tuple((wordlist or {}).get("allowed", ())),
        examples=document.get("examples", {}),
    )


def better_profanity_words() -> list[str]:
    raw = resources.files("better_profanity").joinpath("profanity_wordlist.txt").read_text("utf-8")
    return [line.strip() for line in raw.splitlines() if line.strip()]


def _better_profanity_tables(language: str, wordlist: dict[str, Any]) -> list[Table]:
    exclude = {w.casefold() for w in wordlist.get("exclude", ())}
    mild = {w.casefold() for w in wordlist.get("mild", ())}
    words = [w for w in better_profanity_words() if w.casefold() not in exclude]
    return [
        Table(language, Code.profanity, "profanity:wordlist", WORDLIST_SCORE,
              tuple(w for w in words if w.casefold() not in mild)),
        Table(language, Code.profanity, "profanity:wordlist-mild", MILD_WORDLIST_SCORE,
              tuple(w for w in words if w.casefold() in mild)),
    ]


@lru_cache(maxsize=1)
def builtin_lexicons() -> tuple[Lexicon, ...]:
    folder = resources.files("moderation.checks").joinpath("lexicons")
    lexicons = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            lexicons.append(parse_lexicon(tomllib.loads(entry.read_text("utf-8"))))
    return tuple(lexicons)
