"""Errors found on the Jigsaw, Davidson and OLID training rows: who an insult is aimed at, and idioms that only
look like a dismissal.

The whole pipeline is asked (word lists, patterns and the learned scorer), since each of them once held or
missed these.
"""

from __future__ import annotations

import pytest

from moderation.checks import CheckContext, Evidence
from moderation.checks.attacks import PersonalAttackChecker
from moderation.checks.pipeline import build_pipeline, violations
from moderation.checks.targets import OF_THE_WRITER, all_said_of_the_writer, said_of_the_writer
from moderation.guidelines import Code
from moderation.policy import DEFAULT_POLICY


def codes(text: str) -> set[Code]:
    return violations(build_pipeline(DEFAULT_POLICY).run(CheckContext(text=text)), DEFAULT_POLICY)


def pattern_rules(text: str) -> set[str]:
    found = PersonalAttackChecker().check(CheckContext(text=text))
    return {e.rule.split(":", 1)[1] for f in found for e in f.evidence}


# --- an insult the writer says of himself, or says he was called or treated as, attacks no one ---

OF_THE_WRITER_TEXTS = [
    "I must be retarded, I lost my car keys again.",
    "I am deeply upset by how hard it is to edit here without being treated like a moron.",
    "He called me an idiot in his edit summary.",
    "I feel like an idiot for believing the first report.",
    "I guess I am the idiot here for trusting them.",
    "Call me a fool, but I still think the talks can work.",
]


@pytest.mark.parametrize("text", OF_THE_WRITER_TEXTS)
def test_an_insult_the_writer_says_of_himself_is_no_attack(text):
    assert Code.personal_attack not in codes(text)


def test_swearing_at_oneself_is_still_profanity():
    found = codes("I know I often come off as a douche, and I have been fixing that.")
    assert Code.personal_attack not in found
    assert Code.profanity in found


@pytest.mark.parametrize("text", [
    "I'm sure you're an idiot.",
    "I am sick of idiots like you.",
    "I think you are a moron.",
    "You treat me like an idiot, you moron.",
    "Yes, I am. You idiot.",
    "I am dealing with a moron.",
])
def test_an_insult_aimed_at_another_stays_an_attack(text):
    assert Code.personal_attack in codes(text)


def test_said_of_the_writer_reads_only_the_writer_s_own_clause():
    def said(text: str, word: str) -> bool:
        start = text.index(word)
        return said_of_the_writer(text, start, start + len(word))

    assert said("I must be retarded because", "retarded")
    assert said("being treated like a moron", "moron")
    assert said("They called me a moron for asking", "moron")
    assert not said("you don't want to get treated like a ho, stop", "ho")
    assert not said("I'm sure you're an idiot", "idiot")
    assert not said("Jim, I am sorry. Idiot", "Idiot")
    assert not said("so am I, moron", "moron")


def test_the_learned_scorer_s_evidence_said_of_the_writer():
    text = "I was treated like a moron by the staff."
    moron = text.index("moron")
    like = text.index("like")
    own = (Evidence(like, like + 4, "like", "learned:violation"), Evidence(moron, moron + 5, "moron", "learned:violation"))
    assert all_said_of_the_writer(text, own)
    staff = text.index("staff")
    assert not all_said_of_the_writer(text, own + (Evidence(staff, staff + 5, "staff", "learned:violation"),))
    assert OF_THE_WRITER == ":self"


# --- idioms that only look like a dismissal ---

@pytest.mark.parametrize("text", [
    "It will probably piss off a fair number of readers and editors.",
    "The ruling is sure to piss off many voters in the north.",
    "He will get a life sentence for the murder.",
    "If convicted, the coach could get a life ban from the sport.",
    "My kids watch Muppet Babies every morning.",
])
def test_idioms_are_no_dismissal(text):
    assert Code.personal_attack not in codes(text)


@pytest.mark.parametrize("text", [
    "Piss off!",
    "Piss off the lot of you.",
    "Get a life.",
    "You people suck!",
    "You guys suck at this.",
    "Shut the heck up, they were not reversals.",
    "You are such a jerk.",
])
def test_dismissals_and_insults_are_found(text):
    assert Code.personal_attack in codes(text)


@pytest.mark.parametrize("text", ["It was a knee-jerk reaction.", "He will jerk the wheel to the left."])
def test_jerk_is_no_insult_in_other_words(text):
    assert not pattern_rules(text)


# --- "he's an idiot": a pronoun's contraction ---

@pytest.mark.parametrize("text", ["he's an idiot", "He’s a moron.", "they're idiots", "she's a stupid pig"])
def test_a_pronoun_s_contraction_before_an_insult_is_an_attack(text):
    assert "pronoun-is-insult" in pattern_rules(text)


@pytest.mark.parametrize("text", [
    "she's lying in bed with a fever",
    "he's miserable since the funeral",
    "she's mentally ill and needs care, her lawyer said",
    "He's thick-skinned about criticism.",
    "he's trash this season",  # a verdict on a player
    "He's a joke of a goalkeeper",
    "the author's idiotic argument",  # a possessive: the argument is called idiotic, not the author
])
def test_a_pronoun_s_contraction_near_misses(text):
    assert "pronoun-is-insult" not in pattern_rules(text)


# --- insult adjectives said of what editors and readers write and watch ---

@pytest.mark.parametrize("text", [
    "What a stupid edit.",
    "These idiotic news stories never end.",
    "The show is idiotic.",
    "That is an idiotic list of sources.",
])
def test_insult_adjectives_said_of_writing_and_shows_are_criticism(text):
    assert Code.personal_attack not in codes(text)


@pytest.mark.parametrize("text", ["What a stupid editor.", "You stupid show-off."])
def test_insult_adjectives_said_of_people_stay_attacks(text):
    assert Code.personal_attack in codes(text)


# --- an abuse score names the group it is about, even one the model saw in training ---

@pytest.mark.parametrize("text, code", [
    ("I hope you get cancer you fucking stupid Irish cunt.", Code.abuse_xenophobia),
    ("Basically, homosexuality lowers productivity, which would make it a disorder.", Code.abuse_homophobia),
])
def test_an_abuse_score_goes_to_the_nationality_or_orientation_named(text, code):
    assert code in codes(text)


@pytest.mark.parametrize("text", [
    "The Irish team played well tonight.",
    "Homosexuality was decriminalised in 1967.",
    "Mormons built the city of Salt Lake.",
    "The Polish government protested the decision.",
    "Americans want gun control.",
])
def test_naming_a_nationality_faith_or_orientation_is_no_finding(text):
    assert not codes(text)


def test_a_group_word_or_a_slur_names_the_group_before_a_nationality():
    from moderation.checks.identity import CODE_OF_ATTRIBUTION_WORD, CODE_OF_WORD, IDENTITY_WORDS

    # the model saw these words: they name a group for attribution only, never hidden from it
    assert not set(CODE_OF_ATTRIBUTION_WORD) & IDENTITY_WORDS
    assert not set(CODE_OF_ATTRIBUTION_WORD) & set(CODE_OF_WORD)
    assert "american" not in CODE_OF_ATTRIBUTION_WORD


# --- names and spellings ---

@pytest.mark.parametrize("text", ['Well go verify it, "Dick and Jane" page 18.',
                                  "The Dick and Jane books taught millions to read."])
def test_the_dick_and_jane_readers_are_a_name(text):
    assert not codes(text)


@pytest.mark.parametrize("text", ["He is a dick and Jane knows it.", "what a dick and jane is no better"])
def test_the_word_beside_jane_in_lower_case_is_still_the_word(text):
    assert Code.profanity in codes(text)


def test_a_swear_word_with_its_letters_swapped_is_profanity():
    assert Code.profanity in codes("I ant all the bithces")


# --- charging a lie is criticism; "you lying bastard" is still an insult ---

@pytest.mark.parametrize("text", ["She is lying about the budget.", "The minister is lying to us again.",
                                  "You are lying about what I wrote."])
def test_saying_someone_lies_is_no_attack(text):
    assert Code.personal_attack not in codes(text)


@pytest.mark.parametrize("text", ["You lying bastard.", "you lying scumbag.", "You're a lying idiot."])
def test_lying_beside_an_insult_is_still_an_attack(text):
    assert Code.personal_attack in codes(text)
