"""Red team 5: words the writer quotes as someone else's, or quotes to reject, are not the writer's own.

Threats and insults quoted and attributed to a third party are reporting; claims quoted and named racism or a lie
are rebuttals. Near-misses keep the writer's own words found: the writer's insult next to a report, agreement with
what was quoted, a threat of the writer's own with a "said" elsewhere in the text.
"""

from __future__ import annotations

import pytest

from moderation.checks import CheckContext
from moderation.checks.pipeline import build_pipeline, violations
from moderation.checks.mentions import mentioned_spans, rejected_as_untrue
from moderation.checks.reported import reported_by_another
from moderation.guidelines import Code
from moderation.policy import DEFAULT_POLICY

PIPELINE = build_pipeline(DEFAULT_POLICY)


def codes(text: str) -> set[Code]:
    return violations(PIPELINE.run(CheckContext(text=text)), DEFAULT_POLICY)


def reported(text: str, words: str) -> bool:
    start = text.index(words)
    return reported_by_another(text, start, start + len(words))


# Threats quoted and attributed: an English hearer right before the quote, a Kurmanji "got" before a quotation
# mark, a Turkish, Kurmanji, Persian or Sorani order given; "exactly the kind of threat" judges, not agrees.
REPORTED_THREATS = [
    ("The colonel told journalists 'we will shoot anyone who returns'. This should go to The Hague.",
     "we will shoot anyone"),
    ("A spokesman warned villagers 'we will burn your houses down'.", "we will burn your houses"),
    ("The mayor was threatened: one caller told staff 'I will kill you all'. That is exactly the sort of abuse "
     "officials face.", "I will kill you all"),
    ("Serokê çekdaran got 'em ê gundê we bişewitînin', divê ev were lêkolîn.", "em ê gundê we bişewitînin"),
    ("Fermandar got «em ê hemûyan bikujin» û kes nehat darizandin.", "em ê hemûyan bikujin"),
    ("Subay 'hepsini öldürün' emri verdi, mahkemeye çıkmalı.", "hepsini öldürün"),
    ("Komutan 'köyü yakın' emrini verdi ve kimse yargılanmadı.", "köyü yakın"),
    ("Fermandar ferman da 'hemûyan bikujin', ev sûcê şer e.", "hemûyan bikujin"),
    ("فرمانده دستور داد «همه را بکشید» و این جنایت جنگی است", "همه را بکشید"),
]


@pytest.mark.parametrize("text,words", REPORTED_THREATS)
def test_a_threat_quoted_as_a_third_partys_is_reported(text, words):
    assert reported(text, words)


@pytest.mark.parametrize("text", [
    "The warlord told reporters 'we will burn their homes'. Exactly the kind of threat the UN must look into.",
    "Komutan 'hepsini gebertin' emri verdi, bu bir savaş suçudur ve soruşturulmalı.",
    "Fermandarê milîsan got 'em ê serê wan jê bikin', ev gefek eşkere ye.",
])
def test_reported_threats_are_not_held(text):
    assert Code.threat not in codes(text)


# The writer's own: agreeing ("Exactly."), ordering it oneself ("emri verdim"), a threat of one's own in the next
# sentence, or an English "got" that is no saying.
OWN_THREATS = [
    ("The commander told us 'we will burn their homes'. Exactly.", "we will burn their homes"),
    ("The commander told us 'we will burn their homes'. Exactly right.", "we will burn their homes"),
    ("'Hepsini öldürün' emri verdim, pişman değilim.", "Hepsini öldürün"),
    ("Min got 'ez ê te bikujim' û ez ê bikim.", "ez ê te bikujim"),
]


@pytest.mark.parametrize("text,words", OWN_THREATS)
def test_a_threat_the_writer_owns_is_not_reported(text, words):
    assert not reported(text, words)


@pytest.mark.parametrize("text", [
    "The minister told reporters it was a tragedy. I will kill you if you defend him.",
    "He said the army will come. We will burn your house down, journalist.",
    "Hepsini öldürün, emri ben veriyorum.",
])
def test_a_threat_of_the_writers_own_beside_a_said_is_held(text):
    assert Code.threat in codes(text)


# Insults in quotation marks set out as what a third party said or called someone.
@pytest.mark.parametrize("text", [
    "The mayor called the striking nurses 'morons' at a rally, and should resign.",
    "'Idiots' is what the governor called the teachers. Shameful.",
    "Our MP was branded a 'moron' by the party chairman on the radio.",
    "Vali öğretmenlere 'şerefsiz' dedi, istifa etmeli.",
    "'Şerefsiz' diye bağırdı belediye başkanı muhabire, özür dilemeli.",
    "قال الوزير للصحفي 'يا ابن الكلب' أمام الكاميرات، وهذا معيب",
    "وزیر به خبرنگار گفت «بی‌شرف» و باید عذرخواهی کند",
    "وزیر معترضان را «احمق» نامید و این شرم‌آور است",
    "وەزیر بە ڕۆژنامەنووسەکەی گوت 'بێشەرەف'، ئەمە شەرمە",
    "Wezîr ji rojnamevan re got 'bêşeref', ev şerm e",
])
def test_an_insult_quoted_as_a_third_partys_is_no_attack(text):
    assert Code.personal_attack not in codes(text)


# The writer's own: the insult taken up ("and he was right", "haklıydı", "وهو صادق"), said again unquoted,
# said by the writer ("I called", "dedim"), or applied to the reader with the quote as cover.
@pytest.mark.parametrize("text", [
    "The minister called the protesters 'morons' and he was right, they are morons.",
    "The minister called the protesters 'morons', and they are morons.",
    "The minister called them 'morons', and rightly so.",
    "I called him a 'moron' to his face.",
    "You are all 'morons', as the minister said.",
    "Bakan gazeteciye 'şerefsiz' dedi, haklıydı, şerefsizin teki.",
    "Ona 'şerefsiz' dedim, yine derim.",
    "الوزير قال عنهم 'ابن كلب' وهو صادق، ابن كلب فعلا",
    "The mayor is a moron.",
])
def test_an_insult_the_writer_takes_up_is_an_attack(text):
    assert Code.personal_attack in codes(text)


def test_a_swear_word_quoted_as_a_third_partys_is_still_profanity():
    # the guideline: curse words are not published, however they are spelled; the attack is the minister's
    found_codes = codes("'Bastards' is what the governor called the strikers on the radio.")
    assert Code.profanity in found_codes and Code.personal_attack not in found_codes


# Claims quoted and named racism or a lie: English names the saying first ("Calling ... 'x' is racist"); Kurmanji and
# Sorani after the words ("'...' nijadperestî ye", "'...' درۆیە") or plead against them ("nebêjin", "مەڵێن").
@pytest.mark.parametrize("text", [
    "Calling migrants 'parasites' is plain bigotry, they are our neighbours.",
    "Calling the new arrivals 'parasites' the way some here do is racist. They fled a war.",
    "Calling the reporter a 'moron' is unacceptable, argue with her facts.",
    "Stop saying 'idiot' to everyone who disagrees.",
    "Gotina 'Ereb pîs in' nijadperestî ye, ez gelek Ereban nas dikim.",
    "Gotina 'Ereb pîs in' derew e.",
    "گوتنی 'عەرەب پیسن' ڕەگەزپەرستییە، ئەوان دراوسێمانن",
    "وتنی 'عەرەب پیسن' درۆیە",
])
def test_a_claim_quoted_and_rejected_is_no_violation(text):
    assert codes(text) == set()


@pytest.mark.parametrize("text,quoted", [
    ("Calling refugees 'parasites' is racist.", "'parasites'"),
    ("The line 'Kurds are animals' above is a lie.", "'Kurds are animals'"),
    ("Saying 'Arabs are dirty' is nothing but bigotry.", "'Arabs are dirty'"),
    ("Gotina 'Ereb pîs in' nijadperestî ye.", "'Ereb pîs in'"),
    ("'Ereb pîs in' gotin derew e.", "'Ereb pîs in'"),
    ("گوتنی 'عەرەب پیسن' ڕەگەزپەرستییە", "'عەرەب پیسن'"),
])
def test_the_rejected_quotation_is_a_mention(text, quoted):
    start = text.index(quoted)
    assert (start, start + len(quoted)) in mentioned_spans(text)
    assert rejected_as_untrue(text, start + 1, start + len(quoted) - 1)


# Not rejected: "is not racist", a question, applied to a group, "is no lie" in Kurmanji and Sorani.
@pytest.mark.parametrize("text", [
    "Calling refugees 'parasites' is not racist, it is accurate.",
    "Calling refugees 'parasites' is racist? No, it is the truth.",
    "Refugees are 'parasites', and calling them that is not racist.",
    "'Ereb pîs in' ne derew e, rastî ye.",
    "'Ereb pîs in' gotin ne derew e.",
    "'عەرەب پیسن' درۆ نییە",
    "'عەرەب پیسن' ڕەگەزپەرستییە؟ نەخێر ڕاستییە",
])
def test_a_claim_not_rejected_is_no_mention(text):
    assert not any(rejected_as_untrue(text, start + 1, end - 1) for start, end in mentioned_spans(text))


@pytest.mark.parametrize("text", [
    "'Ereb pîs in' ne derew e, rastî ye.",
    "'عەرەب پیسن' درۆ نییە",
    "Calling him a 'moron' is not wrong, he is one.",
    "Calling refugees 'parasites' is racist? Refugees are vermin.",
    "Calling Kurds 'Erebên pîs' is racist.",  # a slur quoted stays: it would still be printed
])
def test_a_claim_kept_or_a_slur_quoted_is_still_found(text):
    assert codes(text)


@pytest.mark.parametrize("text", [
    "They call you a 'moron' for a reason.",
    "Everyone here has called you a 'moron', and you are.",
    "The coach called the fans 'idiots' and the name fits.",
    "The coach called the fans 'idiots', and it's true.",
])
def test_a_name_another_gave_taken_up_by_the_writer_is_an_attack(text):
    assert Code.personal_attack in codes(text)
