"""Threats the writer reports as a third party's, and threats the writer owns however quoted.

The threat cases ask the threat patterns and the reported-speech test directly: the word lists still hold
some of these texts for review on their own (see moderation/checks/reported.py for the hook they can use).
"""

from __future__ import annotations

import pytest

from moderation.checks import CheckContext
from moderation.checks.reported import reported_by_another, reported_quotations
from moderation.checks.threats import REPORTED_SCORE, ThreatChecker
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


# (text, the threatening words in it): each quoted or set out as what a third party said, wrote or sent.
REPORTED_THREATS = [
    ("he shouted 'I will kill you', the court heard", "I will kill you"),
    ("The defendant told her 'I'm going to kill you' before the attack, prosecutors said.", "going to kill you"),
    ("According to witnesses, the gunman yelled 'you will all die'.", "you will all die"),
    ("He was jailed for sending messages saying 'I will find you and hurt you'.", "I will find you and hurt you"),
    ('He wrote "I will kill you" in a text, the jury was told.', "I will kill you"),
    ('She texted him: "I\'m going to kill you and your family".', "going to kill you"),
    ("She texted him: I'm going to kill you and your family.", "going to kill you"),
    ("He shouted I will kill you, the court heard.", "I will kill you"),
    ("“I’m going to shoot you,” the man said, according to the complaint.", "going to shoot you"),
    ("'I will kill you,' he told the officers.", "I will kill you"),
    ("The note on her door read ‘we know where you live’.", "we know where you live"),
]
# Threats the writer makes, quoted or next to a quotation: never lowered.
OWN_THREATS = [
    ("I said it before and I'll say it again: I will kill you", "I will kill you"),
    ("Tell him 'I will kill you' from me", "I will kill you"),
    ("Someone should say to him 'I will kill you'", "I will kill you"),
    ("'I will kill you,' I said, and I meant it.", "I will kill you"),
    ("He called me a 'journalist'. I will kill you, author.", "I will kill you"),
    ("As he said, 'I will kill you' - and I will.", "I will kill you"),
    ("You said 'I will kill you' to him? I'll kill you too.", "I'll kill you"),
    ('He said "I will kill you" and so do I.', "I will kill you"),
    ("Someone should have told him 'I will kill you'.", "I will kill you"),
    ("RT @someone: \" fuck you say bitch? I will kill you \"", "I will kill you"),
    ("He said: 'you are wrong' and I will kill you for it.", "I will kill you"),
    ("Everyone is saying \"someone should shoot him\" and they're right.", "someone should shoot him"),
    ("The gunman said 'I will kill you'. I say the same to the author.", "I will kill you"),
]


@pytest.mark.parametrize("text, words", REPORTED_THREATS)
def test_a_threat_reported_as_a_third_partys_words_is_reporting(text, words):
    assert reported(text, words)
    assert threat_score(text) < REVIEW


@pytest.mark.parametrize("text, words", OWN_THREATS)
def test_a_threat_the_writer_owns_stays_a_threat_however_quoted(text, words):
    assert not reported(text, words)
    assert threat_score(text) >= REVIEW


def test_a_reported_threat_stays_a_finding_the_moderator_sees_below_review():
    (finding,) = THREATS.check(CheckContext(text="The court heard he texted her 'I will kill you'."))
    assert finding.score == REPORTED_SCORE
    assert [e.rule for e in finding.evidence] == ["threat.patterns:intent-to-harm:reported"]


def test_the_writers_own_threat_beside_a_reported_one_keeps_its_score():
    text = "He told her 'I will kill you', the court heard. Well, I will kill you too, judge."
    (finding,) = THREATS.check(CheckContext(text=text))
    assert finding.score >= REVIEW
    assert sorted(e.rule for e in finding.evidence) == ["threat.patterns:intent-to-harm",
                                                        "threat.patterns:intent-to-harm:reported"]


@pytest.mark.parametrize("text", [
    "Someone should say to him 'we'll find you'", "We will find you.", "We'll find you, wherever you hide.",
    "I'm going to find you and make you pay",
])
def test_a_promise_to_find_the_reader_is_a_threat(text):
    assert Code.threat in found(text)


@pytest.mark.parametrize("text", [
    "We'll find you a seat at the front.", "I'll find you the link tomorrow.", "We will find you a better lawyer.",
    "I am going to find you an answer by Friday.", "Police said they will find him.",
])
def test_finding_someone_something_is_help(text):
    assert threat_score(text) == 0.0


def test_the_threat_prefilter_lets_through_every_text_here_a_rule_finds():
    texts = [t for t, _ in REPORTED_THREATS + OWN_THREATS] + ["We will find you.", "We'll find you a seat."]
    unfiltered = ThreatChecker()
    unfiltered.prefilter = None
    for text in texts:
        assert THREATS.check(CheckContext(text=text)) == unfiltered.check(CheckContext(text=text)), text


def test_the_quotations_a_whole_comment_scorer_can_blank_are_the_reported_ones():
    text = "The defendant told her 'I'm going to kill you', prosecutors said.\nI say 'you will die' to him."
    assert [text[a:b] for a, b in reported_quotations(text)] == ["'I'm going to kill you'"]
    assert reported_quotations("Tell him 'I will kill you' from me") == []
