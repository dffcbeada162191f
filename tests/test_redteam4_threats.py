"""The fourth red team's threats: the calls, wishes and promises of harm it found missed, with near misses
that stay clean, and threats quoted as someone else's in the newsroom's other languages, which are reporting."""

from __future__ import annotations

import pytest

from moderation.checks import CheckContext
from moderation.checks.reported import reported_by_another, reported_quotations
from moderation.checks.threats import ThreatChecker
from moderation.guidelines import Code
from moderation.policy import DEFAULT_POLICY
from tests.test_guideline_checks import found

THREATS = ThreatChecker()
REVIEW = DEFAULT_POLICY.review_threshold(Code.threat)


def threat_score(text: str) -> float:
    return max((f.score for f in THREATS.check(CheckContext(text=text)) if f.code is Code.threat), default=0.0)


def reported(text: str, words: str) -> bool:
    start = text.index(words)
    return reported_by_another(text, start, start + len(words))


# --- quoted or reported as another's, in Arabic, Turkish, Kurmanji, Persian and Sorani ---------------------

REPORTED_ELSEWHERE = [
    # the red team's
    ("قالت الشرطة إن المهاجم صرخ 'سأقتلكم جميعاً' قبل أن يُعتقل", "سأقتلكم"),
    ("Polîs got êrîşkar qîriya 'ez ê we hemûyan bikujim'", "we hemûyan bikujim"),
    ("Sınırda 'hepinizi öldüreceğiz' diye bağıran militan yakalandı", "hepinizi öldüreceğiz"),
    # variants: the speaker after an Arabic verb, a colon, no quotation marks in a police report
    ("صرخ المسلح «سنذبحكم» ثم فر", "سنذبحكم"),
    ("صرخ المهاجم: سأقتلكم جميعا، قالت الشرطة", "سأقتلكم"),
    ("قال لها: سأذبحك", "سأذبحك"),
    ("Militan 'seni öldüreceğim' dedi ve kaçtı", "seni öldüreceğim"),
    ("Sınırda hepinizi öldüreceğiz diye bağıran militan yakalandı", "hepinizi öldüreceğiz"),
    ("Sanık mahkemede 'onu öldürürüm' diye tehdit ettiğini kabul etti", "onu öldürürüm"),
    ("Dadgehê bihîst ku êrîşkar qîriya: ez ê te bikujim", "te bikujim"),
    ("مهاجم فریاد زد «همه‌تان را می‌کشم» و پلیس او را بازداشت کرد", "همه‌تان را می‌کشم"),
    ("«می‌کشمت» را فریاد زد و رفت", "می‌کشمت"),
    ("پۆلیس ڕایگەیاند کە تۆمەتبار هاواری کرد 'دەتکوژم'", "دەتکوژم"),
]
# The writer's own, however a reporting verb or quote marks sit beside them.
OWNED_ELSEWHERE = [
    ("'hepinizi öldüreceğiz' diye bağırdım", "hepinizi öldüreceğiz"),  # I shouted
    ("Militan 'hepinizi öldüreceğiz' dedi, haklı", "hepinizi öldüreceğiz"),  # and he is right
    ("أنا قلت 'سأقتلكم جميعا'", "سأقتلكم"),
    ("min got 'ez ê te bikujim'", "te bikujim"),  # I said
    ("قال المهاجم 'سأقتلكم جميعا' وانا اقول نفس الشيء", "سأقتلكم"),
    ("Seni öldüreceğim diye söz veriyorum", "Seni öldüreceğim"),  # I promise, no quotation, no police
    ("صرخ سأقتلكم", "سأقتلكم"),  # a verb and words, no colon, no police or court named
    ("قلت: سأقتلكم", "سأقتلكم"),  # I said
]


@pytest.mark.parametrize("text, words", REPORTED_ELSEWHERE)
def test_a_threat_quoted_as_anothers_in_the_other_languages_is_reporting(text, words):
    assert reported(text, words)
    assert Code.threat not in found(text)


@pytest.mark.parametrize("text, words", OWNED_ELSEWHERE)
def test_the_writers_own_words_stay_theirs_in_the_other_languages(text, words):
    assert not reported(text, words)


def test_a_quotation_reported_in_turkish_is_one_a_whole_comment_scorer_blanks():
    text = "Sınırda 'hepinizi öldüreceğiz' diye bağıran militan yakalandı"
    assert [text[a:b] for a, b in reported_quotations(text)] == ["'hepinizi öldüreceğiz'"]
