"""Names that hold a swear word: "Dick Advocaat" coached Iraq, "Willy Brandt" knelt in Warsaw, Cockermouth floods.

Written with a capital (a first name followed by a capitalised word, or after "Tom,"), these are names; in
lower case, alone, or in capitals they stay what the lexicons say they are.
"""

from __future__ import annotations

import re

# Places, people and brands in the news whose names hold a swear word: written with their capital they are
# names to the word lists and to the learned scorer alike ("Cockermouth flooded again", "Ms Hoeness spoke").
PROPER_NAMES = (r"Cockermouth|Hoeness|Hoeneß|Dickens|Hitchcock|Twatt|Wankdorf|Scunthorpe|Penistone|Shitterton"
                r"|Cockburn|Dickinson|Dickson|Sussex|Essex|Middlesex|Wessex|Hancock|Peacock|Babcock|Alcock|Glasscock")
# Every name starts with a capital letter: the look-ahead first lets the scan pass other positions at once.
NAME = re.compile(rf"""(?=[A-Z])(?:
    \b(?:Dick|Willy|Fanny|Gaylord)(?=\s+[A-Z][a-z])|(?<=\bTom,\s)Dick\b|(?<=\bTom\s)Dick\b
  | \bDick(?=\s+(?:and|&)\s+Jane\b)  # the children's readers
  | (?<![Yy]ou\s)(?<!\bu\s)\b(?:{PROPER_NAMES})\b  # "you Twatt" is no place
  | \bDick['’]s(?=\s+Sporting)|\bSpick?\s+(?:and|&)\s+Span\b
  | \bFucking(?=,?\s+(?:\(?Austria|Upper\s+Austria))
  | \bAss\.(?=\s*(?:Prof|Professor|Editor|Director|Manager|Secretary|Dean|Librarian)\b)  # "Assistant"
)""", re.VERBOSE)


def name_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in NAME.finditer(text)]


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with those spans blanked out, every offset unchanged."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text
