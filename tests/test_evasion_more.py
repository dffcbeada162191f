"""Spellings that slipped past the word lists and the group-abuse rules: text turned upside down, the dotless ı in
English words, and masked letters in a group's name. Each is found as its plain spelling would be, with evidence
that points at the words as written, and the ordinary text that looks like it stays clean."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.checks import CheckContext
from moderation.checks.abuse import GroupAbuseChecker, unmasked_names
from moderation.checks.matching import TermMatcher
from moderation.checks.normalize import DOTLESS, TURNED, normalize
from moderation.checks.pipeline import build_pipeline, violations
from moderation.checks.terms import LexiconChecker
from moderation.guidelines import Code
from moderation.policy import DEFAULT_POLICY

ABUSE = {code for code in Code if code.value.startswith("abuse.")}


def run(text: str):
    findings = build_pipeline(DEFAULT_POLICY).run(CheckContext(text=text))
    for finding in findings:
        for evidence in finding.evidence:
            assert text[evidence.start:evidence.end] == evidence.text, (text, evidence)
    return findings


def found(text: str) -> set[Code]:
    return violations(run(text), DEFAULT_POLICY)


def evidence_of(text: str, code: Code, checker: str) -> list[str]:
    return [e.text for f in run(text) if f.code is code and f.checker.startswith(checker) for e in f.evidence]


# --- text turned upside down --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("ʞɔnɟ", Code.profanity), ("ʞɔnɟ this article", Code.profanity), ("lol ¡ʞɔnɟ", Code.profanity),
    ("ɥɔʇᴉq ɐ ǝɹɐ noʎ", Code.profanity),  # "you are a bitch", written backwards as a whole
    ("noʎ ǝɹɐ ɐ ɥɔʇᴉq", Code.profanity),  # each word turned in its place
    ("ʞƆ∩Ⅎ", Code.profanity),  # capitals
    ("ɥɔʇıq", Code.profanity),  # the dotless ı some flip sites use for a turned i
    ("ʇoᴉpᴉ uɐ ǝɹɐ noʎ", Code.personal_attack), ("¡ɟɟo ʞɔnɟ", Code.personal_attack),
    ("dn ʞɔnɟ ǝɥʇ ʇnɥs", Code.personal_attack),  # "up" is plain letters that read as turned ones
    ("ɹǝƃƃᴉu", Code.abuse_racism), ("sʇoƃƃɐɟ", Code.abuse_homophobia),
    ("uᴉɯɹǝʌ ǝɹɐ spɹnʞ", Code.abuse_racism),  # the group rules read it too
    ("sןɐɯᴉuɐ ǝɹɐ sɯᴉןsnɯ", Code.abuse_religion),
    ("ʎɹʇunoɔ ɹnoʎ oʇ ʞɔɐq oƃ", Code.abuse_xenophobia),
])
def test_text_turned_upside_down_is_read_the_right_way_up(text, code):
    assert code in found(text)


def test_evidence_of_turned_text_points_at_the_turned_words():
    assert evidence_of("ɥɔʇᴉq ɐ ǝɹɐ noʎ", Code.profanity, "lexicon") == ["ɥɔʇᴉq"]
    assert evidence_of("The article? ʞɔnɟ ʇᴉ.", Code.profanity, "lexicon") == ["ʞɔnɟ"]
    assert evidence_of("uᴉɯɹǝʌ ǝɹɐ spɹnʞ", Code.abuse_racism, "abuse") == ["uᴉɯɹǝʌ ǝɹɐ spɹnʞ"]


@pytest.mark.parametrize("text", [
    "the vowel ə or ɐ", "In IPA, ɐ is a near-open central vowel and ʌ an open-mid back one.",
    "ʎ is the palatal lateral of Spanish ll; ɥ the glide in French huit.", "∀x ∈ S, x ⊥ y and A ∩ B.",
    "SOS NOW, pun pod bus sod nod, dub sub zoo", "Bu ılık su dolu, on bin sus.", "ɔ and ɐ are vowels",
    "the Hebrew word אין ends in ן", "¡Hola! ¿Qué tal?",
])
def test_phonetic_signs_and_plain_text_stay_clean(text):
    assert not found(text) - {Code.off_topic}, found(text)


def test_a_turned_reading_maps_each_letter_back_to_where_it_was_written():
    written = "said ¡ʞɔnɟ noʎ"  # "said" has letters that do not turn: no part of the stretch
    readings = [r for r in normalize(written).rejoined if r.kind == TURNED]
    assert {r.text for r in readings} == {"you fuck!", "fuck! you"}  # backwards as a whole; word by word
    for reading in readings:
        assert not reading.ordered
        for k, char in enumerate(reading.text):
            start, end = reading.original_span(k, k + 1)
            assert char == " " or written[start:end] in {"ʞ", "ɔ", "n", "ɟ", "o", "ʎ", "¡"}, (char, start)
        k = reading.text.index("fuck")
        assert written[slice(*reading.original_span(k, k + 4))] == "ʞɔnɟ"
        assert reading.normalized_span(*reading.original_span(k, k + 4)) == (k, k + 4)


def test_one_turned_letter_makes_no_reading():
    assert [r for r in normalize("the vowel ɐ and ʞ").rejoined if r.kind == TURNED] == []
    assert [r for r in normalize("ɐ ǝ").rejoined if r.kind == TURNED] == []  # two signs, too few letters


# --- the dotless ı in English words -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("bıtch", Code.profanity), ("fuckıng article", Code.profanity), ("what a shıt article", Code.profanity),
    ("idıot", Code.personal_attack), ("you ıdıot", Code.personal_attack), ("what a dıck", Code.vulgarity),
    ("nıgger", Code.abuse_racism), ("FUCKİNG BİTCH", Code.profanity),
])
def test_a_dotless_i_in_an_english_word_is_read_as_an_i(text, code):
    assert code in found(text)


def test_evidence_of_a_dotless_word_is_the_word_as_written():
    assert evidence_of("well, shıt happens", Code.profanity, "lexicon") == ["shıt"]


@pytest.mark.parametrize("text", [
    "Sıktır et bunu, boşver.",  # "sıktır" is not "siktir" (Turkish profanity): the reading is for English only
    "Bu ayakkabı ayağımı sıkıyor.", "Sıktım, sıkıyor, sıkmış.", "Kafamı sıkma, sıkıntılı bir gün.",
    "Sıkı dur kızım.", "Fıstık, pırasa ve kılıç aldık.", "Sınır kapısı kapandı.", "Tıp fakültesi açıldı.",
    "Dikkat: ısı yüksek, kısık ateşte pişir.", "Canım sıkıldı, bu haber çok üzücü.",
])
def test_turkish_words_with_the_dotless_i_stay_clean(text):
    assert not found(text) - {Code.off_topic}, found(text)


def test_the_dotless_reading_is_matched_against_the_english_lists_only():
    checker = LexiconChecker()
    reading = next(r for r in normalize("Sıktır et bunu").rejoined if r.kind == DOTLESS)
    # read with an i, the Turkish word would be the Turkish profanity: the reading must not reach that list
    assert {checker.tables[m.table].language for m in checker.matcher.find(reading.text)} == {"tr"}
    assert checker.check(CheckContext(text="Sıktır et bunu")) == []
    english = {checker.tables[k].language for k in checker.matcher.dotless_tables()}
    assert english == {"en"}
    matcher = TermMatcher([["bitch"], ["siktir"]], dotless_tables=[0])
    assert [(m.table, span) for m, span in matcher.find_in(normalize("bıtch sıktır"))] == [(0, (0, 5))]


def test_turkish_terms_written_with_the_dotless_i_are_still_found():
    for text in ("kafana sıkarım", "kafanı kırarım"):
        assert Code.threat in found(text), text


# --- masked letters in a group's name ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("K*rds are vermin", Code.abuse_racism), ("J*ws control the banks.", Code.abuse_religion),
    ("M*slims are animals", Code.abuse_religion), ("f@gs are vermin", Code.abuse_homophobia),
    ("J#ws control the banks.", Code.abuse_religion), ("M%slims are animals", Code.abuse_religion),
    ("f*cking m*slims", Code.abuse_religion), ("We must kick the Afgh*ns out", Code.abuse_xenophobia),
    ("m*sl*ms should be deported", Code.abuse_religion), ("I hate all the k**ds", Code.abuse_racism),
])
def test_a_masked_group_name_is_read_as_the_name(text, code):
    assert code in {f.code for f in GroupAbuseChecker().check(CheckContext(text=text))}
    assert code in found(text)


def test_evidence_of_a_masked_name_is_as_written():
    text = "Honestly, K*rds are vermin."
    assert evidence_of(text, Code.abuse_racism, "abuse") == ["K*rds are vermin"]
    text = "Ｊ*ws control the banks"  # a fullwidth letter: the normalised text is mapped back
    assert evidence_of(text, Code.abuse_religion, "abuse") == [text]


@pytest.mark.parametrize("text", [
    "K* values for the acids were measured.", "*Kurds* are a people with a long history*",
    "Footnote*: Muslims are a majority in 49 countries", "M*A*S*H was on TV", "a 5* hotel",
    "Islamabad*, Kurds* and Turks* are notes", "**Jews** and *Muslims* marched together",
    "the f*** word", "write to jo@jews.example or kurds@mail.example",
])
def test_stars_in_ordinary_use_make_no_group_abuse(text):
    assert not found(text) & ABUSE, found(text)
    assert GroupAbuseChecker().check(CheckContext(text=text)) == []


def test_only_a_mask_that_fits_one_word_or_one_group_is_unmasked():
    assert unmasked_names("k*rds j*ws m*slims f@gs") == "kurds jews muslims fags"
    assert unmasked_names("m*sl*ms, wom*n, b*ack") == "moslems, woman, black"  # two fits, one group: either will do
    for kept in ("k* values", "*kurds*", "kurds*", "j**s", "a***nians", "a*b", "sh*t", "f*ck", "j**s control", "k*"):
        assert unmasked_names(kept) == kept, kept


# --- every reading keeps its way back to the original ------------------------------------------------------------

EVASIVE = st.text(alphabet=st.sampled_from(list("ɐqɔpǝɟƃɥᴉıɾʞןɯuodbɹsʇnʌʍxʎz∀Ɔ∩Ⅎ¡¿ bitchkurds*@#.,'şü\u0301")),
                  max_size=60)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=120), EVASIVE))
def test_every_reading_maps_into_the_original_and_evidence_indexes_it(text):
    normalized = normalize(text)
    for reading in normalized.rejoined:
        for k in range(len(reading.text)):
            start, end = reading.original_span(k, k + 1)
            assert 0 <= start < end <= len(text)
        if reading.text:
            start, end = reading.original_span(0, len(reading.text))
            assert 0 <= start < end <= len(text)
    for finding in build_pipeline(DEFAULT_POLICY).run(CheckContext(text=text)):
        for evidence in finding.evidence:
            assert text[evidence.start:evidence.end] == evidence.text


def test_readings_grow_linearly_on_hostile_runs():
    """A comment of nothing but turned letters, dotless words or masked names: each reading is built once, so
    together they hold a few copies of the text at most (a reading built by splicing each word into the text was
    quadratic: thousands of copies). Counted, not timed: speed is measured by bench/, not by tests."""
    checker, abuse = LexiconChecker(), GroupAbuseChecker()
    for text in ("ɐ " * 10000, "ʞɔnɟ " * 4000, "bıtch " * 4000, "ı" * 20000 + "x", "k*rds are vermin " * 1000,
                 "uᴉɯɹǝʌ ǝɹɐ spɹnʞ " * 1000, "ɐq" * 10000):
        context = CheckContext(text=text)
        assert sum(len(reading.text) for reading in context.normalized.rejoined) <= 3 * len(text)
        checker.check(context)
        abuse.check(context)


@pytest.mark.parametrize(("text", "shown"), [
    ("you are a f🤬cking idiot", "f🤬cking"),
    ("what the f💥ck", "f💥ck"),
    ("sh💩t happens", "sh💩t"),
])
def test_an_emoji_inside_a_word_masks_its_letters(text, shown):
    assert Code.profanity in found(text)
    assert shown in evidence_of(text, Code.profanity, "lexicon")


@pytest.mark.parametrize("text", ["I❤️NY and I love❤you", "great job👍keep going", "Kurdistan🇹🇷Turkey forever",
                                  "the cat🐱sat on the mat", "sun☀️shine all day"])
def test_an_emoji_between_ordinary_words_masks_nothing_found(text):
    assert found(text) == set()
