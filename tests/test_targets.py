"""Insult adjectives said of a thing are criticism; said of a person, an attack.

The whole pipeline is asked (word lists, patterns and the learned scorer): each of them once called "a stupid
war" a personal attack.
"""

from __future__ import annotations

import pytest

from moderation.checks import CheckContext, Evidence
from moderation.checks.pipeline import build_pipeline, violations
from moderation.checks.targets import AT_A_THING, aimed_at_a_thing, all_aimed_at_things
from moderation.guidelines import Code
from moderation.policy import DEFAULT_POLICY


def codes(text: str) -> set[Code]:
    return violations(build_pipeline(DEFAULT_POLICY).run(CheckContext(text=text)), DEFAULT_POLICY)


CRITICISM = [
    "What a stupid war.",
    "This is the most idiotic policy I have seen in years.",
    "The whole plan is moronic.",
    "Idiotic decision by the ministry.",
    "What a ridiculous, pathetic excuse for a ceasefire.",
    "This stupid law will hurt farmers.",
    "That's idiotic and dangerous.",
    "Honestly, this is stupid.",
    "Got to be about the dumbest thing ever.",
    "قرار غبي من الحكومة",
]

ATTACKS = [
    "You are stupid.",
    "You stupid war criminal.",
    "The minister is an idiot.",
    "What a stupid man.",
    "It's stupid people like you who ruin this country.",
    "That is so stupid of you.",
    "Only a moron would vote for this.",
    "انت غبي",
]


@pytest.mark.parametrize("text", CRITICISM)
def test_an_insult_adjective_said_of_a_thing_is_no_attack(text: str) -> None:
    assert Code.personal_attack not in codes(text)


@pytest.mark.parametrize("text", ATTACKS)
def test_an_insult_said_of_a_person_is_still_an_attack(text: str) -> None:
    assert Code.personal_attack in codes(text)


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("What a stupid war.", "stupid", True),
    ("the most idiotic new policy", "idiotic", True),
    ("stupid policy makers", "stupid", False),       # a compound that names people
    ("a stupid war criminal", "stupid", False),
    ("The plan is stupid, frankly.", "stupid", True),
    ("The plan is stupid people's work.", "stupid", False),
    ("He is stupid.", "stupid", False),
    ("What an idiot.", "idiot", False),               # a noun is aimed at a person however it is used
    ("a stupid. War", "stupid", False),               # a sentence ends between them
])
def test_aimed_at_a_thing(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert aimed_at_a_thing(text, start, start + len(word)) is expected


def test_a_finding_with_a_word_aimed_at_someone_is_kept_whole() -> None:
    text = "What a stupid war, you moron."
    stupid, moron = text.index("stupid"), text.index("moron")
    evidence = (Evidence(stupid, stupid + 6, "stupid", "r"), Evidence(moron, moron + 5, "moron", "r"))
    assert not all_aimed_at_things(text, evidence)
    assert all_aimed_at_things(text, evidence[:1])
    assert Code.personal_attack in codes(text)


def test_the_lowered_evidence_still_shows_its_words() -> None:
    """A moderator who asks for every score sees why the word was not held for."""
    text = "This is the most idiotic policy I have seen in years."
    findings = build_pipeline(DEFAULT_POLICY).run(CheckContext(text=text))
    lowered = [e for f in findings if f.code is Code.personal_attack for e in f.evidence]
    assert lowered and all(e.rule.endswith(AT_A_THING) and text[e.start:e.end] == e.text for e in lowered)
    assert all(f.score < DEFAULT_POLICY.review_threshold(Code.personal_attack)
               for f in findings if f.code is Code.personal_attack)
