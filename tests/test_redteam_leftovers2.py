"""What a second blind red team left over, one section per finding: each case that must be found, with evidence as
written, and the near misses that must stay clean (or below review). All sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.checks import CheckContext
from moderation.checks.mentions import MENTIONED, mentioned_spans
from moderation.checks.reported import REPORTED
from moderation.checks.pipeline import build_pipeline
from moderation.guidelines import Code
from moderation.policy import DEFAULT_POLICY
from tests.test_evasion_more import found, run  # every evidence span checked against the text


def lexicon_codes(text: str) -> set[Code]:
    """Codes the word lists send to review: the learned model's guesses aside."""
    return {f.code for f in run(text) if f.checker == "lexicon" and DEFAULT_POLICY.reaches_review(f.code, f.score)}


def lexicon_rules(text: str, code: Code) -> list[str]:
    return [e.rule for f in run(text) if f.checker == "lexicon" and f.code is code for e in f.evidence]


# --- Kurmanji "dog" typed with a plain u, spaced out or not --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "tu k u ç i k î",  # the red team's: "you are a dog", letters spaced out
    "tu kuçikî",
    "Tu kuçikî, tu tiştekî nizanî",
    "tu k.u.ç.i.k.î",
    "tu k u c i k i",  # typed without the Kurdish letters
    "TU KUÇIKÎ",
    "Kuçiko, dev ji me berde!",  # the vocative
])
def test_kurmanji_dog_typed_with_a_plain_u_is_an_attack(text):
    assert Code.personal_attack in lexicon_codes(text), (text, run(text))


@pytest.mark.parametrize("text", [
    "Kuçik li kolanê bû, zarok jê tirsiyan.",  # a dog was in the street
    "Tu kuçikekî dixwazî?",  # do you want a puppy?
    "Küçük bir köpek sokakta kayboldu.",  # Turkish: a small dog got lost
    "Kûçikên kolanê birçî ne, şaredarî alîkarî dike.",
])
def test_dogs_named_in_kurmanji_and_turkish_stay_clean(text):
    assert Code.personal_attack not in lexicon_codes(text), (text, run(text))


# --- Turkish "pezevenklik": the crime's name in the news, not the insult -------------------------------------------

@pytest.mark.parametrize("text", [
    "Pezevenklik suçundan tutuklandı",  # the red team's: arrested for the crime of pimping
    "Pezevenklikten yargılanan iki kişi serbest bırakıldı.",
    "Polis, pezevenkliğe aracılık eden şebekeyi çökertti.",
    "Sanığın pezevenklik geçmişi mahkemede konuşuldu.",
])
def test_the_crime_of_pimping_named_in_a_news_sentence_is_clean(text):
    assert not lexicon_codes(text), (text, run(text))
    assert not found(text), (text, found(text))


@pytest.mark.parametrize("text", [
    "seni pezevenk", "yazar pezevenk", "Pezevengin teki bu yazar", "Sen tam bir pezevenksin", "Bunlar pezevenkler",
    "Yazar pezevenktir", "PEZEVENK HERİF",
])
def test_pimp_said_of_someone_stays_an_attack(text):
    assert Code.personal_attack in lexicon_codes(text), (text, run(text))
