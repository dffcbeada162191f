"""People whose first name is also a swear word: "Dick Advocaat" coached Iraq, "Willy Brandt" knelt in Warsaw.

Written with a capital and followed by a capitalised word (or after "Tom,"), these are names; in lower case,
alone, or in capitals they stay what the lexicons say they are.
"""

from __future__ import annotations

import re

NAME = re.compile(r"\b(?:Dick|Willy|Fanny|Gaylord)(?=\s+[A-Z][a-z])|(?<=\bTom,\s)Dick\b|(?<=\bTom\s)Dick\b")


def name_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in NAME.finditer(text)]


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with those spans blanked out, every offset unchanged."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text
