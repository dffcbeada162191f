"""Off-topic: how little of a comment's vocabulary the article shares. Weak by design.

A short reaction ("Great piece!") is never off topic, a comment in another script than the article
cannot be compared, and the policy forbids rejecting on this ground alone.
"""

from __future__ import annotations

import re

from moderation.checks import CheckContext, Evidence, Finding
from moderation.guidelines import Code

WORD = re.compile(r"[^\W\d_]{3,}")
MIN_CONTENT_WORDS = 8
STOPWORDS = frozenset("""
the and for are but not you all any can had her was one our out day get has him his how man new now old see
two way who boy did its let put say she too use that with have this will your from they know want been good
much some time very when come here just like long make many over such take than them well were what where
which while who why would could should there their then these those about after again against also because
before being below between both does doing down during each few further into itself more most myself only
other ours same through under until upon whom yours yourself really think people thing things still even
ever every because since though yet may might must shall well back going gone got said says make made
""".split())
SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s")


def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    return [stem(w) for w in (m.group(0).casefold() for m in WORD.finditer(text)) if w not in STOPWORDS]


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isascii() for c in letters) / len(letters) if letters else 0.0


class TopicChecker:
    name = "topic.overlap"
    version = "1"

    def check(self, context: CheckContext) -> list[Finding]:
        article = f"{context.article_title} {context.article_title} {context.article_text}"
        if not article.strip():
            return []
        words = content_words(context.text)
        # Word overlap needs stems; the crude English ones here would misjudge other languages' word forms.
        if len(words) < MIN_CONTENT_WORDS or min(_latin_share(article), _latin_share(context.text)) < 0.8:
            return []
        vocabulary = set(content_words(article))
        shared = sum(1 for w in words if w in vocabulary) / len(words)
        if shared >= 0.1:
            return []
        score = round(min(0.8, 0.5 + 0.01 * len(words)) * (1 - shared / 0.1), 3)
        evidence = (Evidence(0, len(context.text), context.text, f"{self.name}:shared-{shared:.2f}"),)
        return [Finding(Code.off_topic, score, evidence, self.name, self.version)]
