"""Words a writer quotes in order to reject them: a mention, not a use.

"Stop calling refugees 'invaders'" argues against a word; a scorer that reads the whole comment (the learned
one) took the quoted word for the writer's own and called the rebuttal xenophobia (0.78). The quoted words are
blanked for it when the sentence rejects them as names for someone, and an insult of the word lists found there
("stop calling me an 'idiot'") is lowered under review; a slur stays a finding, as it would still be printed. A
quoted word the writer applies ("refugees are 'invaders'", "the word 'idiot' fits you") is not a rejected
mention and stays.
"""

from __future__ import annotations

import re

MENTIONED = ":mentioned"  # added to the evidence's rule of a word list's insult found inside such a quotation
MENTIONED_SCORE = 0.3  # shown to a moderator who asks for every score; never holds a comment alone

_QUOTED = r"""(?:'[^'\n]{1,40}'|"[^"\n]{1,40}"|‘[^’\n]{1,40}’|“[^”\n]{1,40}”|«[^»\n]{1,40}»)"""
# "stop calling them 'x'", "don't call refugees 'x'", "quit labelling us as 'x'", "never describe them as 'x'"
_REJECTED = (r"\b(?:stop|quit|don't|don’t|do\s+not|never|please\s+stop|enough\s+of)\s+(?:calling|call|labell?ing"
             r"|label|branding|brand|describing|describe|referring\s+to)\b[^.!?\n]{0,40}?")
MENTION = re.compile(rf"{_REJECTED}(?P<quoted>{_QUOTED})", re.IGNORECASE)
_CUE = re.compile(r"['\"‘“«]")


def mentioned_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the quoted words (quote marks included) that the text rejects as names for someone."""
    if not _CUE.search(text):
        return []
    return [match.span("quoted") for match in MENTION.finditer(text)]
