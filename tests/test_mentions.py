"""A word quoted to reject it is a mention, not the writer's use of it."""

from __future__ import annotations

import pytest

from moderation.checks import CheckContext
from moderation.checks.mentions import mentioned_spans
from moderation.checks.pipeline import build_pipeline, violations
from moderation.guidelines import Code
from moderation.policy import DEFAULT_POLICY


def codes(text: str) -> set[Code]:
    return violations(build_pipeline(DEFAULT_POLICY).run(CheckContext(text=text)), DEFAULT_POLICY)


@pytest.mark.parametrize("text", [
    "Stop calling refugees 'invaders'. They are people fleeing bombs.",  # the learned scorer said xenophobia, 0.78
    "Please stop calling refugees “invaders”, they are families.",
    "Don't call migrants \"invaders\".",
    "Stop calling me an 'idiot' just because I disagree.",  # the word lists' insult, lowered and marked
])
def test_a_word_quoted_to_reject_it_is_no_violation(text):
    assert codes(text) == set()


@pytest.mark.parametrize("text", [
    "Refugees are 'invaders'.",  # applied, not rejected
    "Don't call him a \"journalist\", he is a liar.",  # only the quoted word is a mention
])
def test_a_word_the_writer_applies_is_still_judged(text):
    assert codes(text)


def test_the_spans_are_the_quoted_words_with_their_marks():
    text = "Stop calling refugees 'invaders', and read the report."
    assert [text[a:b] for a, b in mentioned_spans(text)] == ["'invaders'"]
    assert mentioned_spans("Refugees are 'invaders'.") == []
    assert mentioned_spans("Stop calling refugees invaders.") == []  # no quote marks: not told apart here
    assert mentioned_spans("the word 'idiot' fits you") == []


def test_an_insult_of_the_word_lists_inside_a_rejected_quotation_is_marked_and_kept_under_review():
    from moderation.checks.mentions import MENTIONED, MENTIONED_SCORE

    findings = build_pipeline(DEFAULT_POLICY).run(CheckContext(text="Stop calling me an 'idiot' just because I disagree."))
    (lexicon,) = [f for f in findings if f.checker == "lexicon"]
    assert lexicon.score == MENTIONED_SCORE and [e.rule for e in lexicon.evidence] == [
        "lexicon:en:personal_attack" + MENTIONED]
    assert Code.personal_attack in codes("Stop calling refugees 'invaders', you idiot.")  # the writer's own insult
