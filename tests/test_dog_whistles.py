"""Dog whistles: signs that name Jews or Black people to those who know them, and news about those signs."""

from __future__ import annotations

import re

import pytest

from moderation.checks import CheckContext, abuse
from moderation.checks.abuse import GroupAbuseChecker
from moderation.guidelines import Code
from tests.test_guideline_checks import found

DOG_WHISTLES = {
    Code.abuse_religion: [
        "(((journalists))) lie about everything", "the (((globalists))) are behind it", "(((they))) control the media",
        "More theatrics from (((Google)))", "Jews will not replace us",
    ],
    Code.abuse_racism: [
        "despite being 13%", "They do all the crime despite being 13%.", "13/50 strikes again", "blacks 13/50",
        "Blacks are 13% of the population but commit 50% of the murders.",
    ],
    Code.abuse_xenophobia: [
        "the great replacement is happening", "The great replacement is real, wake up.", "Stop the great replacement!",
        "Whites are being replaced in their own countries.", "You will not replace us!",
    ],
}
NOT_DOG_WHISTLES = [
    "sending (((hugs))) to the family", "so sad :((( I miss him", "thanks))) see you (((", "(((x)))",
    "the formula (((a+b))) is wrong", "if (((a))) then", "The neo-Nazi site put (((echoes))) around Jewish names.",
    "Trolls marked her name with triple parentheses: (((Weisman))).", 'the "(((echo)))" is a hate symbol',
    "13/50", "The score was 13/50 at half time.", "He shot 13/50 from the field.", "born 1/13/50 in Texas",
    "Only 13/50 members voted for it.", "The claim that blacks are 13% but commit 50% of murders is a racist myth.",
    "Despite being 13% of the electorate, young voters decided it.",
    "Black Americans are 23% of COVID deaths despite being 13% of the population.",
    "the 'great replacement' conspiracy theory, which the shooter cited",
    "The shooter's manifesto said the great replacement is happening.",
    'Marchers chanted "Jews will not replace us" in Charlottesville.',
    "Workers are being replaced by robots.", "The great replacement theory is racist nonsense.",
    "Who will replace us in the final? The coach has to stop the great run of losses.",
    "The great replacement is being pushed by a television host.", "Stop the great replacement narrative now.",
    "Section 13/50 of the act applies.", "The vote was 13/50 against, with black ballots spoiled.",
]


@pytest.mark.parametrize("code, text", [(c, t) for c, texts in DOG_WHISTLES.items() for t in texts])
def test_dog_whistles_are_abuse(code, text):
    assert code in found(text), f"{code.value} not found in {text!r}"


@pytest.mark.parametrize("text", NOT_DOG_WHISTLES)
def test_faces_hugs_scores_and_news_about_dog_whistles_stay_clean(text):
    assert found(text) == set()


def test_a_dog_whistle_points_at_the_sign_and_joins_the_groups_finding():
    text = "Muslims are animals and (((they))) let them in"
    findings = {f.code: f for f in GroupAbuseChecker().check(CheckContext(text=text))}
    assert {e.text for e in findings[Code.abuse_religion].evidence} == {"Muslims are animals", "(((they)))"}


def test_the_dog_whistle_prefilter_lets_through_every_text_here_a_sign_is_found_in(monkeypatch):
    texts = [t for ts in DOG_WHISTLES.values() for t in ts] + NOT_DOG_WHISTLES
    checker = GroupAbuseChecker()
    filtered = [checker.check(CheckContext(text=text)) for text in texts]
    monkeypatch.setattr(abuse, "DOG_WHISTLE_PREFILTER", re.compile(""))
    assert [checker.check(CheckContext(text=text)) for text in texts] == filtered
