"""A charge of conduct said of a public figure is political opinion; said of someone in the thread, an attack.

The whole pipeline is asked: the learned scorer called "Putin is a war criminal" a personal attack (0.61).
"""

from __future__ import annotations

import pytest

from moderation.checks import CheckContext
from moderation.checks.accusations import SAID_OF_A_PUBLIC_FIGURE, charged_spans
from moderation.checks.pipeline import build_pipeline, violations
from moderation.guidelines import Code
from moderation.policy import DEFAULT_POLICY


def findings(text: str):
    return build_pipeline(DEFAULT_POLICY).run(CheckContext(text=text))


def codes(text: str) -> set[Code]:
    return violations(findings(text), DEFAULT_POLICY)


OPINIONS = [
    "Putin is a war criminal.",
    "Erdogan is a dictator.",
    "Öcalan is a terrorist.",
    "Khamenei is a tyrant.",
    "Bashar al-Assad is a brutal, cruel dictator.",
    "The regime is a mass murderer.",
]

ATTACKS = [
    "You are a murderer.",
    "The author is a fascist.",
    "Putin is an idiot.",  # an insult, not a charge of conduct
    "Putin is a war criminal and you are an idiot for defending him.",
    "He is a killer and a pig.",
]


@pytest.mark.parametrize("text", OPINIONS)
def test_a_charge_said_of_a_public_figure_is_not_held_as_an_attack(text):
    assert Code.personal_attack not in codes(text)
    lowered = [f for f in findings(text) if f.code is Code.personal_attack and f.checker == "learned.ngram"]
    for finding in lowered:  # still shown to a moderator who asks for every score, and marked why it is low
        assert finding.score < DEFAULT_POLICY.review_threshold(Code.personal_attack)
        assert all(e.rule.endswith(SAID_OF_A_PUBLIC_FIGURE) for e in finding.evidence)


@pytest.mark.parametrize("text", ATTACKS)
def test_a_charge_said_of_someone_in_the_thread_or_an_insult_stays_an_attack(text):
    assert Code.personal_attack in codes(text)


def test_a_people_charged_is_group_abuse_not_a_public_figure():
    assert Code.abuse_racism in codes("Kurds are terrorists.")
    assert charged_spans("Kurds are terrorists.") == []
    assert not [e for f in findings("Kurds are terrorists.") for e in f.evidence
                if e.rule.endswith(SAID_OF_A_PUBLIC_FIGURE)]


@pytest.mark.parametrize("text", [
    "You are a murderer.", "He is a killer.", "Where is the fascist version of it?", "@USER Where is the fascist",
    "My neighbour is a murderer.", "the reporter is a terrorist", "Putin is an idiot.",
])
def test_only_names_and_offices_are_public_figures(text):
    assert charged_spans(text) == []


def test_the_span_covers_the_name_and_the_charge():
    text = "I think President Erdogan is a dictator, frankly."
    (start, end), = charged_spans(text)
    assert text[start:end] == "President Erdogan is a dictator"
    (start, end), = charged_spans("the prime minister was a war criminal")
    assert (start, end) == (0, len("the prime minister was a war criminal"))
