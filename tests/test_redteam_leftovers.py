"""What a blind red team found the guideline checks missing or misreading, one section per finding: each case
that must be found, with evidence as written, and the near misses that must stay clean (or below review)."""

from __future__ import annotations

import pytest

from moderation.guidelines import Code
from moderation.policy import DEFAULT_POLICY
from tests.test_evasion_more import found, run  # every evidence span checked against the text

ABUSE = {code for code in Code if code.value.startswith("abuse.")}
OBSCENE = {Code.profanity, Code.vulgarity}


def evidence_of(text: str, code: Code, checker: str = "lexicon") -> list[str]:
    return [e.text for f in run(text) if f.code is code and f.checker.startswith(checker) for e in f.evidence]


def lexicon_codes(text: str) -> set[Code]:
    """Codes the word lists send to review: the learned model's guesses aside."""
    return {f.code for f in run(text) if f.checker == "lexicon" and DEFAULT_POLICY.reaches_review(f.code, f.score)}


# --- 1. emoji standing for swear words ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, code, shown", [
    ("bull💩", Code.profanity, "bull💩"),
    ("This report is total bull 💩.", Code.profanity, "bull 💩"),
    ("what a load of 💩", Code.profanity, "load of 💩"),
    ("The minister is full of 💩", Code.profanity, "full of 💩"),
    ("🖕 you", Code.profanity, "🖕"),
    ("🖕 you", Code.personal_attack, "🖕 you"),
    ("🖕🏽 you, moderators", Code.personal_attack, "🖕🏽 you"),  # a skin tone between the emoji and the word
    ("🖕🖕 to the editor", Code.profanity, "🖕"),
    ("🖕🖕 to the editor", Code.personal_attack, "🖕🖕 to the editor"),
    ("you piece of 💩", Code.personal_attack, "you piece of 💩"),
    ("🍆 in your mouth", Code.vulgarity, "🍆 in your mouth"),
    ("come here and suck my 🍆", Code.vulgarity, "suck my 🍆"),
])
def test_emoji_used_as_swear_words_are_found(text, code, shown):
    assert code in found(text), text
    assert shown in evidence_of(text, code), evidence_of(text, code)


@pytest.mark.parametrize("text", [
    "my dog made a 💩 on the neighbour's lawn",
    "💩",
    "Someone sent me the 💩 emoji and I laughed.",
    "grilled 🍆 with garlic and yoghurt",
    "🍆 is my favourite vegetable 😋",
    "The market sells 🍆, 🍅 and 🥒 every Friday.",
    "A bull 🐂 escaped from the farm.",
    "the bull market is full of 🚀 and 📈",
])
def test_emoji_in_ordinary_use_make_no_obscene_finding(text):
    assert not lexicon_codes(text), (text, lexicon_codes(text))
    assert not found(text) & OBSCENE, (text, found(text))


# --- 2. swearing masked past the letters' rule --------------------------------------------------------------------

@pytest.mark.parametrize("text, shown", [
    ("f###", "f###"), ("f***", "f***"), ("F***!!!", "F***"), ("what the f*** is this", "f***"),
    ("F*** this council", "F***"), ("fu** that", "fu**"), ("holy sh** happens", "sh**"), ("what a b***h", "b***h"),
    # already found before: kept
    ("f*ck", "f*ck"), ("f**king liars", "f**king"), ("f###ing liars", "f###ing"), ("sh*t", "sh*t"),
    ("sh#t", "sh#t"), ("b!tch", "b!tch"), ("b*tch", "b*tch"), ("b!+ch", "b!+ch"), ("motherf***er", "motherf***er"),
])
def test_masked_swearing_that_fits_one_word_is_profanity(text, shown):
    assert Code.profanity in found(text), text
    assert shown in evidence_of(text, Code.profanity), evidence_of(text, Code.profanity)


@pytest.mark.parametrize("text, shown", [
    ("f*** you", "f*** you"), ("f*** off", "f*** off"), ("f### you, editor", "f### you"), ("fu** you", "fu** you"),
    ("you b***h", "you b***h"),
])
def test_masked_swearing_at_someone_is_an_attack(text, shown):
    assert {Code.profanity, Code.personal_attack} <= found(text), text
    assert shown in evidence_of(text, Code.personal_attack), evidence_of(text, Code.personal_attack)


def test_a_masked_swear_word_is_read_in_a_group_rule_too():
    text = "f*** off back to your country"
    assert Code.abuse_xenophobia in found(text)
    assert evidence_of(text, Code.abuse_xenophobia, "abuse") == [text]


@pytest.mark.parametrize("text", [
    "A 5*** hotel with a 4**** spa", "Play it in C# or F#, then F# minor", "The result* was fine. *Provisional.",
    "Rated ***** by readers", "the f*** word is overused on TV", "s*** happens", "c*** and d***", "b**** please",
    "Call #F### for the line", "f** knows",
])
def test_stars_that_fit_no_one_swear_word_stay_clean(text):
    assert Code.profanity not in lexicon_codes(text), text


def test_the_unmasked_reading_keeps_the_map_and_length():
    from moderation.checks.normalize import UNMASKED, normalize

    for text in ("ok f*** you", "Ｆ*** you", "so f u n, f***!"):
        readings = [r for r in normalize(text).rejoined if r.kind == UNMASKED]
        assert len(readings) == 1, text
        reading = readings[0]
        assert "fuck" in reading.text and len(reading.text) == len(normalize(text).text)
        start = reading.text.index("fuck")
        a, b = reading.original_span(start, start + 4)
        assert text[a:b].lower().endswith("***"), (text, text[a:b])
    assert not [r for r in normalize("a 5*** hotel, C# and F#").rejoined if r.kind == UNMASKED]


# --- 3. "the writer is a donkey" in Sorani, Kurmanji, Turkish and Persian -----------------------------------------

@pytest.mark.parametrize("text, shown", [
    # Sorani: definite forms where the clause ends, the indefinite anywhere
    ("نووسەرەکە کەرە", "نووسەرەکە کەرە"),
    ("بەخوا ئەم ڕۆژنامەنووسە کەرە!", "ئەم ڕۆژنامەنووسە کەرە"),
    ("نووسەری ئەم بابەتە کەرێکە و هیچ نازانێت", "نووسەری ئەم بابەتە کەرێکە"),
    ("ئەو کەرێکی تەواوە", "ئەو کەرێکی تەواوە"),
    ("ئەو پیاوە سەگە.", "ئەو پیاوە سەگە"),
    # Kurmanji: the indefinite, its space written
    ("Nivîskar kerek e", "Nivîskar kerek e"),
    ("Ev nivîskar kerekî mezin e!", "nivîskar kerekî mezin e"),
    ("Rojnamevan bi rastî kûçik e", "Rojnamevan bi rastî kûçik e"),
    ("Ev zilam berazek e", "Ev zilam berazek e"),
    # Turkish: the copula or "one donkey" anywhere, the bare word at a clause's end, "you are a donkey" alone
    ("Yazar eşek", "Yazar eşek"),
    ("Bu yazar tam bir eşek! Okumayın.", "yazar tam bir eşek"),
    ("Yazar eşektir, başka bir şey değil", "Yazar eşektir"),
    ("Bu gazeteci esegin teki", "gazeteci esegin teki"),
    ("O herif öküz 😂", "O herif öküz"),
    ("Sen eşeksin", "eşeksin"),
    # Persian: with "است" anywhere, the colloquial form at a clause's end
    ("نویسنده خر است", "نویسنده خر است"),
    ("این نویسنده یک خر است و چیزی نمی‌فهمد", "نویسنده یک خر است"),
    ("او واقعا یک گاو است", "او واقعا یک گاو است"),
    ("نویسنده این مطلب خره", "نویسنده این مطلب خره"),
])
def test_a_person_called_an_animal_is_an_attack(text, shown):
    assert Code.personal_attack in lexicon_codes(text), text
    assert shown in evidence_of(text, Code.personal_attack), evidence_of(text, Code.personal_attack)


@pytest.mark.parametrize("text", [
    # Sorani: butter, and the animal itself
    "نرخی کەرە بەرز بووەوە", "نووسەرەکە کەرە دەخوات", "نووسەرەکە کەرە و هەنگوین دەخوات", "ئەو کەرە لە کێڵگەکەیە",
    "کەرتی تایبەت گەشەی کرد", "نووسەرەکە سەگێکی هەیە",
    # Kurmanji: deaf, and a donkey as an object
    "Nivîskar ker e û bi zimanê îşaretan diaxive", "Rojnamevan ker e", "Nivîskar kerekê kirî", "Nivîskar kerekê dibîne",
    "Nivîskar kûçikê xwe bir meşê",
    # Turkish: hard work, donkey's milk, a farm, a question, a wasp, a donkey of one's own
    "Yazar eşek gibi çalışıyor", "Yazar, eşek sütünün faydalarını anlattı", "Bu adam eşek, at ve katır yetiştiriyor",
    "Yazar eşek mi?", "Köylü eşeğini sattı", "Yazar eşek arısı tarafından sokuldu", "Yazar eşeğiyle köye gitti",
    "Gazeteci hayvan hakları için yazıyor",
    # Persian: a cow owned, a donkey sold
    "نویسنده گاو دارد", "نویسنده خر را فروخت", "نویسنده خره رو فروخت", "خبرنگار درباره گاو نوشت", "این حیوان است",
])
def test_the_animal_words_in_other_sentences_stay_clean(text):
    assert Code.personal_attack not in lexicon_codes(text), text


def test_clause_end_and_spaced_are_table_options():
    from moderation.checks.lexicon import builtin_lexicons
    from moderation.checks.matching import TermMatcher

    tables = {(t.language, t.label): t for lexicon in builtin_lexicons() for t in lexicon.tables}
    assert tables[("tr", "personal_attack:person-animal-end")].clause_end
    assert tables[("kmr", "personal_attack:person-animal")].spaced
    matcher = TermMatcher([["kerek e"], ["kerek e"]], spaced_tables=[1])
    assert {m.table for m in matcher.find("kereke")} == {0}
    assert {m.table for m in matcher.find("kerek e")} == {0, 1}  # the spaced path does not hide the other table
    assert {m.table for m in matcher.find("kerek-e")} == {0, 1}


# --- 4. Turkish group abuse with a bare predicate -----------------------------------------------------------------

@pytest.mark.parametrize("text, code, shown", [
    ("Suriyeliler pislik", Code.abuse_xenophobia, "Suriyeliler pislik"),
    ("Suriyeliler pislik!", Code.abuse_xenophobia, "Suriyeliler pislik"),
    ("Suriyeliler tam bir pislik 🤮", Code.abuse_xenophobia, "Suriyeliler tam bir pislik"),
    ("Mülteciler hepsi mikrop. Başka söz yok.", Code.abuse_xenophobia, "Mülteciler hepsi mikrop"),
    ("Suriyeliler dışarı!", Code.abuse_xenophobia, "Suriyeliler dışarı"),
    ("Araplar pislik", Code.abuse_racism, "Araplar pislik"),
    ("Kürtler hain", Code.abuse_racism, "Kürtler hain"),
    ("Yahudiler pislik", Code.abuse_religion, "Yahudiler pislik"),
    ("Gavurlar defolsun", Code.abuse_religion, "Gavurlar defolsun"),
    ("Kafirler defolun!", Code.abuse_religion, "Kafirler defolun"),
    ("Suriyeliler pisliktir", Code.abuse_xenophobia, "Suriyeliler pisliktir"),  # with the copula: as before
])
def test_turkish_group_and_bare_predicate_ending_the_clause_is_abuse(text, code, shown):
    assert code in lexicon_codes(text), text
    assert shown in evidence_of(text, code), evidence_of(text, code)


@pytest.mark.parametrize("text", [
    "Suriyeliler pislik içinde yaşıyor",  # living conditions reported: the clause goes on
    "Suriyeliler pislik değil", "Kürtler hain değil", "Suriyeliler pis mi?", "Suriyeliler dışarı çıktı",
    'Bakan "Suriyeliler hırsız" dedi', "Suriyeliler pis, kalabalık ve pahalı kamplarda yaşıyor",
    "Suriyeliler, Afganlar ve Iraklılar sınırda bekliyor.", "Gavurlar köprüsü tarihi bir yapı.",
])
def test_turkish_group_sentences_that_go_on_stay_clean(text):
    assert not lexicon_codes(text) & ABUSE, text


# --- 5. "follow me on Instagram" in Kurmanji, Turkish, Sorani, Persian, Arabic and mixed --------------------------

PROMOTION = {Code.promotion_personal, Code.promotion_commercial}


@pytest.mark.parametrize("text", [
    # worked before, kept
    "min li Instagramê follow bikin", "min follow bikin", "Li Instagramê min bişopînin", "لە ئینستاگرام فۆڵۆم بکەن",
    "تابعوني على انستغرام", "اینستاگرام منو فالو کنید", "instagramda beni takip edin", "follow me on Instagram @kurdboy",
    # new
    "follow min bikin @kurdboy", "follow min bikin", "min li Instagramê bişopînin", "Li TikTokê min follow bikin",
    "Instagramê min: @kurdboy", "beni Instagram'da takip edin", "Instagram'dan takip edebilirsiniz",
    "TikTok'ta bizi takip edin", "Instagram'ımı takip edin", "takip edin @kurdboy", "Instagram'ım: @kurdboy",
    "اینستاگرام: @kurdboy", "انستا @kurdboy", "ئینستاگرامەکەم @kurdboy", "اینستاگرامم @kurdboy", "فالو کنید @kurdboy",
    "@kurdboy follow bikin", "follow @kurdboy",
])
def test_follow_me_on_a_platform_is_self_promotion(text):
    assert Code.promotion_personal in found(text), text


def test_a_handle_after_a_word_of_following_is_shown_as_written():
    text = "Nûçeya baş! takip edin @kurd_boy"
    assert "takip edin @kurd_boy" in evidence_of(text, Code.promotion_personal, "promotion")
    text = "ئینستاگرامەکەم @kurdboy"
    assert evidence_of(text, Code.promotion_personal, "promotion") == [text]


@pytest.mark.parametrize("text", [
    "Ez ê te li Instagramê bişopînim", "Nivîskar li Instagramê nivîsî", "Min li Instagramê dît ku serok axivî",
    "Bakan Instagram'da paylaştı", "Instagram'da takip ettiğim gazeteci yazdı",
    "Bakan Instagram'da @kurdboy hesabından yazdı", "great article, @kurdboy is right", "@editor follow the evidence",
    "follow the money", "@kurdboy takip ettiğin hesap kapandı",
])
def test_platforms_and_handles_named_in_passing_are_no_promotion(text):
    # the word lists' and the patterns' findings: the learned model has its own view of "follow the money"
    rules = {f.code for f in run(text) if not f.checker.startswith("learned") and DEFAULT_POLICY.reaches_review(
        f.code, f.score)}
    assert not rules & PROMOTION, (text, rules)


# --- 6. a masked group name that fits several words ---------------------------------------------------------------

@pytest.mark.parametrize("text, code, shown", [
    ("j**s control the banks", Code.abuse_religion, "j**s control the banks"),
    ("J**s control the banks.", Code.abuse_religion, "J**s control the banks"),
    ("j**s are vermin", Code.abuse_religion, "j**s are vermin"),
    ("I hate all j**s", Code.abuse_religion, "I hate all j**s"),
    ("J*ws control the banks.", Code.abuse_religion, "J*ws control the banks"),  # as before
])
def test_a_name_masked_past_telling_is_read_by_its_sentence(text, code, shown):
    codes = found(text)
    assert code in codes, (text, codes)
    assert Code.abuse_racism not in codes, (text, codes)  # not "japs"
    assert shown in evidence_of(text, code, "abuse"), evidence_of(text, code, "abuse")


@pytest.mark.parametrize("text", ["j**s", "the j**s did this", "great j*bs report", "the j**s of the flood gates"])
def test_a_name_masked_past_telling_alone_names_no_group(text):
    assert not found(text) & ABUSE, (text, found(text))


def test_slurs_masked_so_that_they_fit_one_word_are_still_slurs():
    assert Code.abuse_racism in found("j*ps are vermin")
    assert Code.abuse_religion in found("k*kes")
    assert Code.abuse_racism in found("n*gger")


def test_the_in_context_reading_needs_one_group():
    from moderation.checks.abuse import masked_group_codes, unmasked_names

    assert unmasked_names("j**s control the banks") == "j**s control the banks"  # the strict reading keeps it
    assert unmasked_names("j**s control the banks", in_context=True) == "jews control the banks"
    assert masked_group_codes("j**s") == {Code.abuse_religion}
    assert len(masked_group_codes("a***nians")) == 2  # armenians or albanians: no reading
    assert unmasked_names("a***nians are vermin", in_context=True) == "a***nians are vermin"


# --- 7. a romanised term's space beside a particle -----------------------------------------------------------------

@pytest.mark.parametrize("text, code, shown", [
    ("to khari", Code.personal_attack, "to khari"), ("To khari, boro!", Code.personal_attack, "To khari"),
    ("to-khari", Code.personal_attack, "to-khari"), ("ey khar", Code.personal_attack, "ey khar"),
    ("kos nanat", Code.profanity, "kos nanat"), ("kosnanat", Code.profanity, "kosnanat"),  # no particle: joined too
    ("ya 7mar", Code.profanity, "ya 7mar"), ("ibn el kalb", Code.personal_attack, "ibn el kalb"),
    # joined spellings readers use, listed as words of their own
    ("ya7mar", Code.profanity, "ya7mar"), ("ibnelkalb", Code.personal_attack, "ibnelkalb"),
    ("khaktosaret", Code.personal_attack, "khaktosaret"), ("betokhmam", Code.vulgarity, "betokhmam"),
])
def test_romanised_terms_are_found_spaced_and_where_joined_as_written(text, code, shown):
    assert code in lexicon_codes(text), text
    assert shown in evidence_of(text, code), evidence_of(text, code)


@pytest.mark.parametrize("text", [
    "Tokhari", "ToKhari", "The Tokhari language is extinct", "Tocharian, or Tokhari, was spoken in the Tarim basin",
    "Eykhar", "Yakalba river",
])
def test_a_particle_glued_to_a_romanised_word_makes_another_word(text):
    assert not lexicon_codes(text), (text, lexicon_codes(text))


def test_an_arabizi_word_joined_is_not_the_turkish_slur_it_starts_like():
    assert lexicon_codes("ibnelkalb") == {Code.personal_attack}
    for text in ("ibne", "ibneler", "ibnelik", "ibnesin", "ibneyi", "ipne", "bunların hepsi ibne"):
        assert Code.abuse_homophobia in lexicon_codes(text), text


def test_romanised_tables_are_spaced_and_the_native_ones_are_not():
    from moderation.checks.lexicon import builtin_lexicons

    for lexicon in builtin_lexicons():
        spaced = {table.spaced for table in lexicon.tables if table.label != "personal_attack:person-animal"}
        assert spaced == {lexicon.language in ("ar", "fa", "ckb")}, lexicon.language


@pytest.mark.parametrize("text", [
    "thanks for the follow @Jerry_Remy! I may be a fan", "this is why I don't follow @USER  Who me?",
])
def test_follow_said_of_what_someone_did_is_no_request(text):
    rules = {f.code for f in run(text) if not f.checker.startswith("learned")}
    assert not rules & PROMOTION, (text, rules)


def test_a_handle_beside_selling_words_is_a_commercial_contact():
    text = "فروش ویژه دلار و سکه طلا با بهترین قیمت بازار، تماس در تلگرام @tala_sarraf"
    assert found(text) & PROMOTION == {Code.promotion_commercial}
    assert "Follow @217Emmanuel" in evidence_of("Early not late!!! Follow @217Emmanuel", Code.promotion_personal,
                                                "promotion")
