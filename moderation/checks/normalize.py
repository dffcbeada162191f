"""Normalisation before matching, with a map back to the original text.

Evasions are undone here so that every matcher sees one spelling: Unicode compatibility forms (fullwidth,
mathematical letters), case, look-alike Cyrillic and Greek letters, zero-width and bidi controls, stacked
combining marks, Arabic-script letter variants and diacritics, signs used as letters ("₩HORE") or as masks
("f#ck"), and letters spaced out ("f u c k", "s|h|i|t").
Leet digits and repeated letters are left to the matcher's character classes, so numbers stay numbers.
Each normalised character remembers the span of the original it came from, so evidence points at the
words as the author wrote them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Letters that look Latin but are not; mapped after case folding.
CONFUSABLES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ӏ": "l", "ԛ": "q",
    "ԝ": "w", "ь": "b", "ɡ": "g", "һ": "h", "ү": "y", "ц": "u", "п": "n", "г": "r", "л": "n", "д": "d",
    # Greek
    "α": "a", "β": "b", "γ": "y", "δ": "d", "ε": "e", "ζ": "z", "η": "n", "ι": "i", "κ": "k", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "μ": "u", "ς": "c", "σ": "o", "λ": "l",
    # Latin look-alikes outside the basic letters
    "ſ": "s", "ɑ": "a", "ɩ": "i", "ɪ": "i", "ʀ": "r", "ᴄ": "c", "ᴏ": "o", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w",
    "ᴢ": "z", "ⅰ": "i", "ℓ": "l",
}

# Signs shaped like letters, read as letters only beside one and never beside a digit: "FU₵KING", "₩HORE",
# "D€ATH" are words, "€500" and "© 2026" stay what they are.
SIGN_LETTERS = {"€": "e", "¢": "c", "₵": "c", "©": "c", "₩": "w", "¥": "y", "§": "s", "®": "r"}

# One spelling for letters that Arabic, Persian and Kurdish writers interchange.
ARABIC_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ې": "ي", "ک": "ك", "ة": "ه", "ؤ": "و",
    "ئ": "ي", "ھ": "ه", "ۀ": "ه", "ہ": "ه", "ﻻ": "لا",
}
ARABIC_MARKS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"] + [chr(c) for c in range(0x06D6, 0x06EE)]
)

# Between letters spelled out one at a time: "f u c k", "f.u.c.k", "f-u-c-k", "f_u_c_k", "f|u|c|k", "f/u/c/k".
SPACED_LETTERS = re.compile(r"(?<![^\W_])(?:[^\W_]|[@$])(?:[ .\-_~·•|/]{1,3}(?:[^\W_]|[@$])(?![^\W_])){2,}")
SPACED_SEPARATORS = frozenset(" .-_~·•|/")
# Signs that stand for masked letters inside a word ("f#ck", "sh%t", "f@#k"): read as the matcher's mask, the
# star. "@" alone is left to the leet classes (and to e-mail addresses), and "&" to names ("G&T", "K&S",
# "Idaho F&G" read as slurs once masked). Not in a link ("page#section"), nor where a hashtag glues two words
# ("bitch#Turnup"): a masked word is short.
MASKING_SIGNS = re.compile(r"(?<=[^\W\d_])[#%@]{0,4}[#%][#%@]{0,4}(?=[^\W\d_])")  # bounded: linear in any input
_MAY_MASK = re.compile(r"[#%]")
_CHUNK = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]*")
MASKED_WORD_LETTERS = 9


def _as_masks(text: str) -> str:
    if not _MAY_MASK.search(text):
        return text
    return _CHUNK.sub(lambda chunk: _mask_chunk(chunk.group()), text)  # one pass, whatever the input


def _mask_chunk(chunk: str) -> str:
    if not _MAY_MASK.search(chunk) or any(sign in chunk for sign in "/=?"):
        return chunk

    def masked(signs: re.Match[str]) -> str:
        start, end = signs.span()
        # letters right before, read backwards, as far as a masked word may reach
        before = len(_LETTERS.match(chunk[max(0, start - MASKED_WORD_LETTERS - 1):start][::-1]).group())
        after = len(_LETTERS.match(chunk, end).group())
        return "*" * (end - start) if before + after <= MASKED_WORD_LETTERS else signs.group()

    return MASKING_SIGNS.sub(masked, chunk)


@dataclass(frozen=True)
class NormalizedText:
    """`text` is the normalised form; normalised character i came from `original[starts[i]:ends[i]]`.

    Plain ASCII text maps one to one, so it keeps no offset lists (`starts` and `ends` are None).
    """

    original: str
    text: str
    starts: tuple[int, ...] | None
    ends: tuple[int, ...] | None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that normalised `text[start:end]` (non-empty) came from."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me", "Mc")


@lru_cache(maxsize=65536)
def _fold_cluster(cluster: str) -> str:
    """A base character with its combining marks, in the one spelling matchers expect."""
    composed = unicodedata.normalize("NFKC", cluster).casefold()
    out = []
    for char in unicodedata.normalize("NFC", composed):
        if char in ARABIC_MARKS or unicodedata.category(char) == "Cf":
            continue
        if _is_mark(char):
            if out and "\u0600" <= out[-1] <= "\u06ff":
                out.append(char)  # a mark that Arabic-script text needs (rare outside diacritics)
            continue  # zalgo and stray marks on Latin letters
        char = CONFUSABLES.get(char, char)
        out.append(ARABIC_LETTERS.get(char, char))
    return "".join(out)


def normalize(original: str) -> NormalizedText:
    if original.isascii():
        text = _as_masks(original.lower())
        if not SPACED_LETTERS.search(text):
            return NormalizedText(original, text, None, None)
        starts, ends = list(range(len(text))), list(range(1, len(text) + 1))
    else:
        chars, starts, ends = _fold_unicode(original)
        _read_sign_letters(chars)
        text = _as_masks("".join(chars))
    if SPACED_LETTERS.search(text):
        text, starts, ends = _join_spaced_letters(text, starts, ends)
    return NormalizedText(original, text, tuple(starts), tuple(ends))


def _fold_unicode(original: str) -> tuple[list[str], list[int], list[int]]:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(original)
    while i < n:
        j = i + 1
        while j < n and _is_mark(original[j]):
            j += 1
        for char in _fold_cluster(original[i:j]):
            chars.append(char)
            starts.append(i)
            ends.append(j)
        i = j
    return chars, starts, ends


def _read_sign_letters(chars: list[str]) -> None:
    for i, char in enumerate(chars):
        if char not in SIGN_LETTERS:
            continue
        neighbours = [c for c in (chars[i - 1] if i else "", chars[i + 1] if i + 1 < len(chars) else "") if c]
        if any(c.isalpha() for c in neighbours) and not any(c.isdigit() for c in neighbours):
            chars[i] = SIGN_LETTERS[char]


def _join_spaced_letters(text: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    keep = [True] * len(text)
    for match in SPACED_LETTERS.finditer(text):
        for k in range(match.start(), match.end()):
            if text[k] in SPACED_SEPARATORS:
                keep[k] = False
    kept = [k for k in range(len(text)) if keep[k]]
    return "".join(text[k] for k in kept), [starts[k] for k in kept], [ends[k] for k in kept]
