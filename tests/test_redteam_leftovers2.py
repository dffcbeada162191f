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


# --- Turkish: a swear word said of the writer, a journalist or "you" is an attack too ------------------------------

@pytest.mark.parametrize("text, shown", [
    ("orospu çocuğu yazar", "orospu çocuğu yazar"),  # the red team's: the writer is a son of a whore
    ("Orospu çocuğu gazeteci yine yalan yazmış", "Orospu çocuğu gazeteci"),
    ("Yazar orospu çocuğu.", "Yazar orospu çocuğu"),
    ("Bu yazar tam bir orospu çocuğu!", "yazar tam bir orospu çocuğu"),
    ("Sen orospu çocuğusun", "orospu çocuğusun"),
    ("orospu cocugu yazar", "orospu cocugu yazar"),  # typed without the Turkish letters
    ("piç kurusu muhabir", "piç kurusu muhabir"),
    ("Amına koyduğumun yazarı yine saçmalamış", "Amına koyduğumun yazarı"),
    ("Yazar piç", "Yazar piç"),
    ("Sen tam bir piçsin", "piçsin"),
])
def test_a_swear_word_said_of_a_person_is_an_attack_and_profanity(text, shown):
    codes = lexicon_codes(text)
    assert Code.personal_attack in codes, (text, run(text))
    assert shown in [e.text for f in run(text) if f.code is Code.personal_attack and f.checker == "lexicon"
                     for e in f.evidence]


@pytest.mark.parametrize("text", [
    "Yazar 'Baba ve Piç' romanını anlattı.",  # a novel's title
    "Yazar Elif Şafak'ın Baba ve Piç romanı yeniden basıldı.",
    "Duvara küfür yazan genç gözaltına alındı.",
    "Yazar piç kurusu diye bir şey olmadığını söyledi, dedi muhabir",
])
def test_a_person_beside_a_swear_word_that_is_not_said_of_them_is_no_attack(text):
    assert Code.personal_attack not in lexicon_codes(text), (text, run(text))


def test_a_swear_word_said_of_nobody_stays_profanity_only():
    assert lexicon_codes("Orospu çocukları hepsi") == {Code.profanity}
    assert lexicon_codes("Siktir git buradan") == {Code.profanity}


# --- Turkish: an insult reported as what someone said and was sued or tried for ------------------------------------

@pytest.mark.parametrize("text", [
    "Şerefsiz dedi diye dava açıldı",  # the red team's: a case was opened because he said "dishonourable"
    "Vekile 'şerefsiz' dediği için yargılanan gazeteci beraat etti.",
    "Bakana şerefsiz demekten 10 ay hapis cezası aldı.",
    'Taraftar hakeme "şerefsiz" diye bağırınca gözaltına alındı.',
    "Cumhurbaşkanına şerefsiz hakaretinden dava açıldı.",
    "Şerefsiz ve namussuz dedi diye işten atıldı.",
    "Yazara şerefsiz demesi üzerine tartışma çıktı.",
    "Sunucuya gerizekalı dediği gerekçesiyle soruşturma başlatıldı.",
])
def test_an_insult_reported_in_turkish_is_lowered_and_marked(text):
    assert Code.personal_attack not in lexicon_codes(text), (text, run(text))
    assert Code.personal_attack not in found(text), (text, found(text))
    assert lexicon_rules(text, Code.personal_attack), text  # still shown to a moderator who asks
    assert all(rule.endswith(REPORTED) for rule in lexicon_rules(text, Code.personal_attack))


@pytest.mark.parametrize("text", [
    "Yazar şerefsiz dedim diye beni banlamayın, şerefsiz o.",  # the writer's own, then again
    "Şerefsiz demekten korkmam, yazar şerefsizdir.",  # "I'm not afraid to say it": no case, no report
    "Şerefsiz yazarın sözleri yalan, polis bunu bilmeli.",  # the words named are the writer's, not the insult
    "Bu yazar şerefsiz, dava açsınlar umurumda değil.",
    "Şerefsiz dedi diye dava açıldı ama bence de yazar şerefsiz.",  # the writer agrees
    "Herkes yazara şerefsiz dedi, haklılar.",
    "Sen şerefsiz bir yazarsın.",
])
def test_an_insult_the_writer_makes_or_endorses_stays_an_attack(text):
    assert Code.personal_attack in lexicon_codes(text), (text, run(text))


def test_a_reported_swear_word_is_still_profanity_printed():
    assert lexicon_codes("Orospu çocuğu dedi diye dava açıldı.") == {Code.profanity}


# --- Arabic, Turkish and Persian: quoted words the writer names a lie or racism, or pleads not to say --------------

@pytest.mark.parametrize("text, quoted", [
    # the red team's: calling the Yazidis 'devil worshippers' is a lie
    ("وصف الإيزيديين بأنهم 'عبدة الشيطان' كذبة", "'عبدة الشيطان'"),
    ("'الإيزيديون عبدة الشيطان' كذبة وافتراء", "'الإيزيديون عبدة الشيطان'"),
    ("'اليهود قردة' هذا كذب", "'اليهود قردة'"),
    ("'Suriyeliler asalaktır' demek düpedüz ırkçılıktır", "'Suriyeliler asalaktır'"),
    ("«افغانی‌ها موشند» گفتن دروغ است", "«افغانی‌ها موشند»"),
])
def test_a_quoted_claim_named_a_lie_or_racism_is_lowered_and_marked(text, quoted):
    assert [text[a:b] for a, b in mentioned_spans(text)] == [quoted]
    assert not lexicon_codes(text), (text, run(text))
    assert not found(text) & {code for code in Code if code.value.startswith("abuse.")}, (text, found(text))
    rules = [e.rule for f in run(text) if f.checker == "lexicon" for e in f.evidence]
    assert rules and all(rule.endswith(MENTIONED) for rule in rules), rules


@pytest.mark.parametrize("text, quoted", [
    ("Suriyelilere 'işgalci' demeyin", "'işgalci'"),
    ("Suriyeliler'e 'işgalci' demek ırkçılıktır.", "'işgalci'"),  # an apostrophe before the quotation
    ("به مهاجران «اشغالگر» نگویید", "«اشغالگر»"),
    ("كفوا عن وصف اللاجئين بـ'الغزاة'", "'الغزاة'"),
])
def test_quoted_words_rejected_in_the_other_languages_are_mentions(text, quoted):
    assert [text[a:b] for a, b in mentioned_spans(text)] == [quoted]


@pytest.mark.parametrize("text", [
    "وصف الإيزيديين بأنهم «عبدة الشيطان» ليست كذبة",  # "is no lie": the claim endorsed
    "'اليهود قردة' كذبة؟",  # a lie? asked, rhetorically
    "'Suriyeliler asalaktır' yalan mı?",
    "Suriyelilere 'işgalci' demek yalan değil.",
    "Suriyelilere 'işgalci' demek için yalan söylemeye gerek yok",  # "no need to lie to say it"
    "«افغانی‌ها موشند» گفتن دروغ نیست",
    "الإيزيديين عبدة الشيطان",  # said, not quoted
    "Yazar 'Suriyeliler işgalci' dedi, bu yalan.",  # not told apart here: the quotation is reported, not named
])
def test_claims_endorsed_or_not_named_untrue_are_not_rejected_mentions(text):
    assert not any(untrue for untrue in [rejected(text, a, b) for a, b in mentioned_spans(text)]), text


def rejected(text: str, start: int, end: int) -> bool:
    from moderation.checks.mentions import rejected_as_untrue

    return rejected_as_untrue(text, start + 1, end - 1)


@pytest.mark.parametrize("text", [
    "وصف الإيزيديين بأنهم «عبدة الشيطان» ليست كذبة",
    "'اليهود قردة' كذبة؟",
    "'Suriyeliler asalaktır' yalan mı?",
    "الإيزيديين عبدة الشيطان",
    "Stop calling them 'k*kes'",  # a slur of the stronger tables stays, as it would still be printed
])
def test_claims_not_rejected_as_untrue_stay_findings(text):
    assert lexicon_codes(text) & {code for code in Code if code.value.startswith("abuse.")}, (text, run(text))


@pytest.mark.parametrize("text", ["pic yazar", "Yazar pic.", "Sen picsin"])
def test_bastard_typed_without_the_turkish_letter_is_an_attack_too(text):
    assert Code.personal_attack in lexicon_codes(text), (text, run(text))


@pytest.mark.parametrize("text", ["Our pic editor chose the front page.", "Send the editor pic.", "pic sharing app"])
def test_english_pic_is_no_turkish_swear(text):
    assert not lexicon_codes(text), (text, run(text))
