"""Each guideline: cases that must be found, near misses that must stay clean, evasions included.

These use the rule-based phases only (the learned scorers have tests of their own), so a failure here
names a rule.
"""

from __future__ import annotations

import pytest

from moderation.checks import CheckContext, Pipeline
from moderation.checks.abuse import GroupAbuseChecker
from moderation.checks.attacks import PersonalAttackChecker
from moderation.checks.language import LanguageChecker
from moderation.checks.pipeline import violations
from moderation.checks.promotion import PromotionChecker
from moderation.checks.terms import LexiconChecker
from moderation.checks.threats import ThreatChecker
from moderation.checks.topic import TopicChecker
from moderation.guidelines import Code
from moderation.policy import DEFAULT_POLICY, parse_policy

RULES = Pipeline([LanguageChecker(), LexiconChecker(), ThreatChecker(), PersonalAttackChecker(), GroupAbuseChecker(),
                  PromotionChecker(), TopicChecker()])


def found(text: str, **context: str) -> set[Code]:
    return violations(RULES.run(CheckContext(text=text, **context)), DEFAULT_POLICY)


MUST_FIND = {
    Code.profanity: [
        "What the fuck is this council doing", "This is bullshit", "f u c k the mayor", "f.u.c.k this",
        "fuuuuuck off", "sh1t reporting", "a$$hole move", "Ｆｕｃｋ them", "fцck this", "sh\u200bit",
        "𝐟𝐮𝐜𝐤 this", "f̸̢u̴c̷k", "motherf*cker", "piece of shiiit", "Siktir git", "orospu çocuğu",
        "you a**hole", "what a di*k", "motherf**king mess", "FU₵KING council", "what an asswipe",
        "Go F yourself", "f off, mate",
    ],
    Code.vulgarity: ["suck my dick", "send nudes", "nice tits", "I want a blowjob"],
    Code.threat: [
        "I will kill you", "I'm gonna find you and hurt you", "I hope you die", "someone should shoot him",
        "they should all be hanged", "I know where you live", "kill yourself", "kys", "Death to the Kurds",
        "death to norwegians", "D€ATH TO THE CHINESE",
        "I'll put a bullet in your head", "muslims should be gassed", "I wish you would die slowly",
        "Somebody needs to kill the SDF commander and finish this.", "someone should shoot the prime minister",
        "Somebody should kill them before they spread.", "someone should kill all the kurds", "I’ll kill you",
        "you should commit sucide", "Why don't you go and commit suicide",
        "Just line them all up and shoot them.", "Those judges should have their houses burned.",
        "someone should kill all the kurds in Kirkuk", "We should kill the Armenians one by one.",
        "Go and commit suicide.",
    ],
    Code.personal_attack: [
        "You are an idiot", "you stupid fool", "The author is a complete moron.", "Shut up, moron.",
        "what a clown", "you're pathetic", "Fuck you", "you are a disgrace", "Get a brain, loser",
        "I am not saying you are wrong, but you are a liar", "No problem, you mindless robot.",
        "Dear author, your one brain cell must be very lonely",
        "listen you spineless twirp, I was there", "Grow up already, you are immature and childish.",
        "Only someone with the IQ of a doorknob would write an article like this.",
        "Wow, what a genius you are. Did your mother drop you on your head often?",
    ],
    Code.abuse_racism: ["dirty arabs", "Blacks are animals", "go back to africa", "niggers", "all a nicca need",
                        "this nigger", "n*gger", "your white trash mentality"],
    Code.abuse_homophobia: ["gays are disgusting", "filthy faggots", "trannies should be banned",
                            "gays should be thrown off roofs"],
    Code.abuse_sexism: ["women belong in the kitchen", "women can't drive", "she is a slut", "feminazis", "₩HORE",
                        "This is what happens when you let women write about war.",
                        "women are too emotional to report on war",
                        "Typical female reporter, should be cooking not writing about politics."],
    Code.abuse_xenophobia: [
        "go back to your own country", "refugees are vermin", "deport all immigrants", "Syrians are parasites",
        "Throw out all the refugees.", "We must kick the Afghans out.", "Kurdistan should throw out all the Arab IDPs.",
        "These Afghans are not like us, they bring crime and disease everywhere they go.",
    ],
    Code.abuse_religion: ["Muslims are animals", "I hate jews", "dirty kikes", "jews are the problem",
                          "jews control this site lol",
                          "Jews control the media", "the jews secretly run the world"],
    Code.promotion_commercial: [
        "Earn $500 a day from home! www.easycash.biz", "Buy now: best prices on watches at cheapwatches.shop",
        "Click here for cheap flights to Erbil", "Passive income! Work from home with me, it is easy and it pays "
        "every single week, and you need nothing but a phone and two hours of your evening to start earning",
        "Call +90 532 123 45 67 for cheap flights", "Use promo code SAVE20 at our store",
        "Cheap flights to Erbil: 0750 123 4567",
        "Great article! Get cheap iPhones at www.best-phones-erbil.com, delivery to all of Kurdistan.",
    ],
    Code.promotion_personal: [
        "Subscribe to my channel", "check out my new video", "follow me on instagram @sunny_days",
        "email me at john.doe@gmail.com", "visit bit.ly/abc123", "sub4sub anyone?",
        "please help my little brother gofundme.com/littlebrother", "add me https://www.facebook.com/someband",
        "Ali 0750 123 4567", "(555)123-4567 Dave", "Appelez le 06.12.34.56.78",
    ],
}

STAY_CLEAN = [
    "ISIS killed four Peshmerga near Kirkuk.",
    "Ez dixwazim ku li vir aştî hebe.", "Eve git, yarın konuşuruz.", "Hemen git ve oy kullan.",
    "The typical female reporter in our survey is 34.", "Cholera spread among refugees in the camp.",
    "Refugees bring skills and energy to our towns.", "Syrian refugees brought their cuisine to Erbil.", "Shitao was a great painter of the Qing era.",  # Kurmanji "that there be"
    "The average IQ of a population says little about a person.", "He was dropped from the team on his head coach's word.",
    "Prices rose again, see www.statistics-office.example/cpi/2026/table-4 for the figures.",
    "In the book New World Order, found at; wryb.net.",
    "Your kids won't make it home in this snow if the buses stop.", "A drone hit their house in Duhok last night.",
    "I hope the next missile defence test goes better.", "Skill the editor would need: patience.",
    "Are women too emotional to lead? The study says no.", "This is what happens when you let women vote: turnout rises.",
    "Kurds control Kirkuk's oil fields.", "Losing brain cells to long covid is a real worry, doctors say.",
    "We need to destroy the militia's weapons depots.", "Someone should kill the bill before it passes.",
    "We must eliminate the Iranians' nuclear programme.", "Someone should shoot the messenger, as usual.",
    "Veterans who commit suicide deserve better care.",
    "Militias round them up and execute them in the square.", "Civilians should not have their homes bombed.",
    "They should have their homes rebuilt by spring.", "No child should have their home bombed.",
    "Nobody deserves to have their family killed.", "Farmers drowning in debt often go and commit suicide.",
    "Many veterans just commit suicide because nobody helps them.", "Don't you dare go and commit suicide.",
    "We should beat the Germans in the final tomorrow.", "We must beat the Republicans in November.",
    "We need to hurt the Russians economically.", "We need to destroy the Chinese economy.",
    "We need to destroy the opposition leader in the debate.", "We need to eliminate the candidate from the race.",
    "We need to destroy the Russians’ supply lines.", "We must eliminate the terrorists.",
    "you're hysterical lol that joke was great", "you are annoying the neighbours with that drill",
    "The bombing killed 12 people and wounded dozens; the army will attack the city.",
    "The rebels said they would kill the hostages unless the ransom was paid.",
    "Soldiers were shot at the checkpoint, witnesses said.",
    "The trial of the rapist begins Monday; the victim described the rape.",
    "Hitler's invasion of Poland began the war; the Nazi regime fell in 1945.",
    "Gay marriage was legalised; Muslim and Jewish leaders welcomed it.",
    "The Kurds are fighting ISIS in Syria.",
    "The army drove the Kurds out of Kirkuk in 2017.", "The court should throw out the refugees' claims, he said.",
    "Kurds control the oil fields near Kirkuk; Turks run the news agency and Sunnis own the banks' shares.",
    "Girls run the world! Men control everything, women own the stage now.",
    "Grade F of the class; plan B is off the table.",
    "Refugees arrived in Greece last night, the UNHCR said.",
    "Women's football is growing fast in Turkey.",
    "The Scunthorpe council met in Essex; Dick Cheney spoke about the assassination.",
    "A cocktail of policies and a sober analysis.",
    "She graduated summa cum laude in Arabic studies.",
    "The minister is wrong about the budget and should resign.",
    "This policy is stupid and will hurt the poor.",
    "I will vote for him and I hope they win.",
    "I am going to beat you in the election.",
    "According to https://www.reuters.com/world/ the vote failed.",
    "See https://en.wikipedia.org/wiki/Kirkuk for the history.",
    "The war cost 1,000,000 lives between 2011 and 2019.",
    "I paid $20 for this paper and it was worth it.",
    "Millions in the camps live on $1 a day; click here, the template says, with nothing to click.",
    "Subscribers to the newspaper get the print edition.",
    "A chink in the armour of the government.",
    "Great article, thank you!",
    "This article is so damn biased, and the headline is crap.",
    "The new law requires age checks on porn sites; pornography regulators will enforce it.",
    "They evolved into homo sapien long before farming.",
    "See revision 298694103 of the page; the old figure came from 254.111.109.",
    "Boeing sold the 787-3 787-8 787-9 to different airlines.",
    "Edited 2006-02-15 19:04 from 140.247.141.146; see ISBN 0674006623 and 978-0-691-04356-2.",
    "YouTube is not a reliable source, and the signal is weak; call me on it if I am wrong.",
    "Facebook is 20 years old and Twitter is 2.5 times worse; the signal is 5G only.",
    "Please stop the insta-revert and contact me on my talk page.",
    "I have not said you're a troll, and I am not calling you a liar.",
    "I saw you lying on the sofa, you lazy cat; I told you ignorant people would believe it.",
    "I caught you lying again. Are you filthy rich? Did you ugly cry? Put the white trash bags out.",
    "RT @Forbes: half of the world's wildlife vanished between 1970 and 2010: http://t.co/r5wuxa9jb6",
    "The family never put the manuscript up for sale, and the library says scholars may read it there "
    "on request; the catalogue entry is the best source for what it holds and where it came from.",
    "Death to spam, said the editor: the plan was a death to the analysis of this crisis.",
    "**Update**: she got an A* in maths, stayed at a 5* hotel and paid €500; the Niger delta floods yearly.",
    "Pussy Riot played in Moscow, Green Day's American Idiot turned twenty, and Redskins fans were angry.",
    "Bu haberi okuduktan sonra çok üzüldüm, Allah rahmet eylesin.",
    "هذا خبر مهم جدا عن الانتخابات في العراق",
]


@pytest.mark.parametrize("code, text", [(c, t) for c, texts in MUST_FIND.items() for t in texts])
def test_each_guideline_is_found(code, text):
    assert code in found(text), f"{code.value} not found in {text!r}"


@pytest.mark.parametrize("text", STAY_CLEAN)
def test_near_misses_stay_clean(text):
    assert found(text) == set()


def test_identity_words_alone_are_never_a_finding():
    for word in ("gay", "Muslim", "Jew", "Jews", "Kurd", "Arab", "Armenian", "refugee", "lesbian", "black",
                 "trans", "Alevi", "Yezidi", "immigrant", "woman", "feminist", "atheist"):
        assert found(f"I am {word}.") == set(), word
        assert found(f"{word}s and others met today") == set(), word


def test_evidence_points_at_the_words_as_written():
    text = "Well, f.u.c.k this Ｓｈｉｔ and you idiot"
    for finding in RULES.run(CheckContext(text=text)):
        for evidence in finding.evidence:
            assert text[evidence.start:evidence.end] == evidence.text
    evidence = {e.text for f in RULES.run(CheckContext(text=text)) for e in f.evidence}
    assert {"f.u.c.k", "Ｓｈｉｔ"} <= evidence


def test_off_topic_is_weak_and_needs_the_article():
    article = {"article_title": "Council approves new budget for schools",
               "article_text": "The council approved the school budget after a long debate about teachers."}
    spam = "My cat likes to sleep on the sofa every afternoon while the neighbours play loud music outside."
    findings = [f for f in RULES.run(CheckContext(text=spam, **article)) if f.code is Code.off_topic]
    assert findings and 0 < findings[0].score <= 0.8
    assert Code.off_topic not in found("The budget for schools is too small; teachers deserve more.", **article)
    assert not [f for f in RULES.run(CheckContext(text=spam)) if f.code is Code.off_topic]  # no article text


def test_unsupported_language_is_a_note_not_a_pass():
    findings = RULES.run(CheckContext(text="Das ist ein sehr guter Artikel über den Krieg in Syrien"))
    assert Code.unsupported_language in {f.code for f in findings}
    assert found("Das ist ein sehr guter Artikel über den Krieg in Syrien") == set()  # a note, not a violation
    for text in ("Bu haber çok güzel, teşekkürler arkadaşlar", "این خبر خیلی خوب است", "ئەمە هەواڵێکی باشە بۆ خەڵک",
                 "Araplar zaten hain değil", "Savaş bitsin artık lütfen",  # lingua alone read the first as Swedish
                 "Ev nûçe yekalî ye, we dengê gundiyan neda.",  # Kurmanji, which lingua reads as French
                 "Kerem bike, nûçeya li ser Kerkûkê rast bike.",
                 "Kerê gundê me li ser mayînê teqiya",  # Kurmanji by its ê, î and û: lingua said French
                 "Ava Dîcleyê ji ber bermahiyên kargehan pîs bûye",
                 "amk bu ne biçim haber",  # Turkish by its frequent words: lingua said Polish
                 "Amasya'da sel felaketi: 3 ölü",  # a Turkish case ending on a name: lingua said Indonesian
                 "Araplar pis ve hain bir ırktır",  # few frequent words, but beside a dotless ı: lingua said Swedish
                 "'Kürtler dağ keçisi' demeyin",  # Azerbaijani to lingua, with no ə
                 "Can someone explain 'şehit' vs 'kuştî' for English readers?"):  # English: lingua said Swedish
        assert Code.unsupported_language not in {f.code for f in RULES.run(CheckContext(text=text))}, text
    # Azerbaijani shares ı and ğ with Turkish but no check reads it: still a note
    for text in ("O presidente da república falou de novo ontem à noite.",  # "da", "de": Kurmanji words too
                 "Bu gün hava çox gözəldir, biz dağlara getdik və balıq tutduq",
                 "Erdoğan ist ein Diktator und sollte gehen",  # a Turkish name in German is still German
                 "Você tem três filhos e um cão",  # ê in a Portuguese sentence without a Kurmanji word
                 "Je suis allé à la forêt même si tu ne veux pas"):  # "tu" and "ne", but few marked letters
        assert Code.unsupported_language in {f.code for f in RULES.run(CheckContext(text=text))}, text


@pytest.mark.parametrize(("text", "language"), [
    ("Elewî ne Misilman in, ew hemû bêdîn in.", "kmr"),  # two "in" (Kurmanji's "are") read it as English
    ("Ew hemû li Hewlêrê ne, ne li Amedê in.", "kmr"),
    ("Kurds are not traitors. Kurd ne xayîn in.", "en"),  # mixed, more English than Kurmanji
    ("The Kurds in Hewlêr are in mourning after the attack.", "en"),
    ("Is the Peshmerga in Kobanî or in Şengal now?", "en"),
    ("Misilman hemû terorîst in.", "kmr"),  # as many Kurmanji words as English ones, and Kurmanji letters
    ("Sikerim boyle ekonomiyi, maasin yarisi kiraya gidiyor", "tr"),  # Turkish typed without its letters
    ("bu adam ne yapiyor", "tr"),
    ("Mayor Smith resigns today", "en"),
    ("The mayor of Diyarbakir is annoying everyone", "en"),
    ("Rojava, Kurdistan and Kobanî deserve peace", "en"),  # Kurdish names in English
    ("Great article about Hewlêr and Kurdistan politics", "en"),
    ("Jin jiyan azadî! Women in Rojava lead the fight", "en"),
])
def test_kurmanji_and_turkish_are_not_read_as_english(text, language):
    from moderation.checks.language import detect

    assert detect(text)[0] == language


def test_the_policys_allowed_phrases_are_never_a_finding_of_any_check():
    from moderation.checks.pipeline import build_pipeline

    policy = parse_policy({"version": "films-desk", "terms": {"allowed": ["bloody mary", "kill bill", "die hard"]}})
    pipeline = build_pipeline(policy)  # the learned scorer too, which read "Kill Bill" as an attack
    for text in ("Bloody Mary", "Kill Bill", "Die Hard", "I watched Kill Bill again, a die hard fan"):
        assert violations(pipeline.run(CheckContext(text=text)), policy) == set(), text
    assert Code.threat in violations(pipeline.run(CheckContext(text="I will kill you, Bill")), policy)


def test_the_policy_adds_banned_and_allowed_terms_and_domains():
    policy = parse_policy({
        "version": "newsroom-test",
        "terms": {"banned": ["frobnicate"], "allowed": ["bloody mary"], "threat": ["meet you outside"]},
        "domains": {"allowed": ["localnews.example"]},
    })
    pipeline = Pipeline([LexiconChecker(policy), PromotionChecker(policy.allowed_domains)])
    assert Code.profanity in violations(pipeline.run(CheckContext(text="you frobnicate")), policy)
    assert Code.threat in violations(pipeline.run(CheckContext(text="I'll meet you outside")), policy)
    assert not violations(pipeline.run(CheckContext(text="Source: https://localnews.example/x")), policy)


def test_repeated_contacts_raise_the_score():
    text = "great deals at shinywatches.shop"
    alone = [f for f in PromotionChecker().check(CheckContext(text=text))][0].score
    repeated = [f for f in PromotionChecker().check(
        CheckContext(text=text, contacts_seen_elsewhere={"url:shinywatches.shop": 3}))][0]
    assert repeated.score > alone
    assert any("repeated-elsewhere" in e.rule for e in repeated.evidence)


@pytest.mark.parametrize("text", ["what a damn mess", "crap decision by the council", "porn sites need age checks"])
def test_mild_words_are_shown_below_the_review_threshold(text):
    findings = [f for f in RULES.run(CheckContext(text=text)) if f.code in (Code.profanity, Code.vulgarity)]
    assert findings and all(0 < f.score < DEFAULT_POLICY.review_threshold(f.code) for f in findings)
    assert found(text) == set()
    held = parse_policy({"version": "strict", "thresholds": {"profanity": 0.4, "vulgarity": 0.4}})
    assert violations(RULES.run(CheckContext(text=text)), held)


def test_a_long_number_is_a_contact_only_when_written_to_be_dialled_or_cued():
    assert found("My order number is 5512034987") == set()
    assert Code.promotion_personal in found("whatsapp me on 5512034987")


@pytest.mark.parametrize("text, expected", [
    ("Dick Advocaat named his squad for the qualifier.", set()),
    ("Any Tom, Dick and Harry can read Willy Brandt's speech.", set()),
    ("Dick head, what a dick.", {Code.profanity}),
    ("suck my DICK", {Code.profanity}),
])
def test_a_first_name_is_not_profanity_but_the_word_still_is(text, expected):
    """The whole pipeline, the learned scorer included: it also reads "Dick Advocaat" as a name."""
    from moderation.checks.pipeline import build_pipeline

    found_codes = violations(build_pipeline(DEFAULT_POLICY).run(CheckContext(text=text)), DEFAULT_POLICY)
    assert expected <= found_codes and (found_codes == set()) == (expected == set())


@pytest.mark.parametrize("checker", [PersonalAttackChecker, ThreatChecker, GroupAbuseChecker])
def test_a_prefilter_skips_only_texts_no_rule_can_match(checker):
    """A prefilter is a speed-up only: with and without it, the rules find the same on every case here and,
    where the development data is on the machine, on a sample of it."""
    from tests.test_normalize import DATA, _development_texts

    texts = [t for ts in MUST_FIND.values() for t in ts] + STAY_CLEAN + THREATS_WRITTEN_TO_SLIP_PAST
    if (DATA / "davidson.csv").exists():
        texts += _development_texts(3000)
    filtered, unfiltered = checker(), checker()
    unfiltered.prefilter = None
    skipped = 0
    for text in texts:
        context = CheckContext(text=text)
        assert filtered.check(context) == unfiltered.check(context), text
        skipped += filtered.prefilter.search(context.normalized.text) is None
    assert skipped > 0  # it does skip something, or it is no use
    # An empty alternative let every text through (threats v6, a trailing "|"): plain words must be skipped
    for plain in ("cat", "The council met on Tuesday to discuss the school budget."):
        assert filtered.prefilter.search(CheckContext(text=plain).normalized.text) is None, plain


@pytest.mark.parametrize("text", [
    "Best deals every day, visit https://spam-pills.shop#.bbc.co.uk now",
    "Best deals every day, visit https://www.bbc.co.uk@spam-pills.shop/offers now",
])
def test_a_spam_link_dressed_as_a_news_site_is_no_citation(text):
    from moderation.checks.pipeline import build_pipeline

    from moderation.checks.promotion import contact_fingerprints

    assert contact_fingerprints(text) == ["url:spam-pills.shop"]  # where the link leads, not what it names
    assert Code.promotion_commercial in violations(build_pipeline(DEFAULT_POLICY).run(CheckContext(text=text)),
                                                   DEFAULT_POLICY)  # the learned scorer reads it, no citation


@pytest.mark.parametrize("text", ["Click-here for the minutes.", "clickhere for the minutes", "Click here for the minutes"])
def test_click_here_with_nothing_to_click_is_not_held_however_written(text):
    assert found(text) == set()


@pytest.mark.parametrize("text", [
    "cheapshop.net", "cheapshop.ru", "discord.gg/abc123", "check out bestdeals[.]com", "cheapshop(.)com",
    "hxxp://cheap-pills.ru", "www,cheapshop,com", "cheapshop . com", "ｃｈｅａｐｓｈｏｐ．ｃｏｍ",
    "Call me on five five five one two three four", "واتساب ٠٥٠١٢٣٤٥٦٧", "reach me: john@gmail",
    "link in my profile", "whatsapp me", "I earn 300 dollars an hour from home, see my bio",
    "visit w w w . cheapvisa . net for Schengen visas in 5 days", "www . cheapvisa . net",
])
def test_links_and_numbers_written_to_slip_past_filters_are_promotion(text):
    codes = found(text)
    assert codes & {Code.promotion_personal, Code.promotion_commercial}, codes


@pytest.mark.parametrize("text", [
    "UNHCR Iraq helpline for displaced families: +964 750 000 1122",
    "خط المساعدة للنازحين التابع للمفوضية: 07500001122",
    "If you need help, call the police emergency line 104 or the ministry hotline 0750 111 2233.",
    "Kızılay yardım hattı: 0312 430 23 00",
])
def test_a_public_service_s_number_is_help_not_a_contact(text):
    assert not found(text) & {Code.promotion_personal, Code.promotion_commercial}


@pytest.mark.parametrize("text, code", [
    ("Call me on 0750 123 4567, I have ministry contacts for visas", Code.promotion_personal),  # the writer's own
    ("Cheap loans, ministry approved, WhatsApp +964 750 123 4567", Code.promotion_commercial),  # sold
    ("Krediya bilez bi faîza kêm, WhatsApp: 0750 123 4567", Code.promotion_commercial),
    ("قروض فورية بدون كفيل! اتصل على 07701234567 واتساب.", Code.promotion_commercial),
    ("فروش فالوور اینستاگرام ارزان، آیدی تلگرام @follower_iran", Code.promotion_commercial),
    ("أفضل موقع مراهنات رياضية، الرابط في البايو", Code.promotion_personal),
    ("Yeni videom çıktı, kanalıma abone olun!", Code.promotion_personal),
    ("b i t c o i n doubling service, dm me", Code.promotion_commercial),
])
def test_selling_and_self_promotion_in_every_language_are_told_apart(text, code):
    assert code in found(text)


@pytest.mark.parametrize("text", [
    "Source: https://www.gov.uk/government/publications/annual-report",
    "New source http://news.sciencemag.org/space/2015/03/fastest-unbound-star-flee-our-galaxy",
    "Come on over . At least you will be at the hospital on time.",
    "Prices rose again. Net migration fell. Top officials met at the site. Me too, said the mayor.",
    "RT @Forbes: wildlife http://t.co/r5wuxa9jb6",
    "We counted one two three four five six seven eight voters at the door.",
])
def test_citations_sentences_and_counting_are_not_promotion(text):
    assert not found(text) & {Code.promotion_personal, Code.promotion_commercial}


# Threats without a word of killing aimed at "you", or with the harm left to someone else.
THREATS_WRITTEN_TO_SLIP_PAST = [
    "I hope someone kills him", "I hope someone runs him over", "someone should run him over",
    "somebody needs to put this guy in the ground", "I hope someone puts a bullet in him",
    "we know where your kids go to school", "we know which school your daughter goes to",
    "enjoy your last days", "the author deserves a rope", "traitors like him deserve the noose",
    "nice family you have, shame if anything happened to them", "I'll be waiting outside your office",
    "you'd better hope we never meet", "people like the author tend to have accidents",
    "it's only a matter of time before someone gets you", "I'd love to punch this author in the face",
    "You're next.", "That traitor deserves the gallows.", "He deserves a firing squad.",
    "If you publish his name again, your kids won't make it home from school.",
    "Hope a drone finds your house next, journalist", "k1ll the editor. simple.",
    # a third blind red team's misses
    "I know where the reporter lives. He'll regret writing this.", "We know your address.",
    "Journalists who write like this tend to have accidents. Just saying.", "Accidents happen to journalists like you.",
    "If I see that traitor MP in Erbil I will break every bone in his body.",
    "Publish one more article like this and your office will burn.",
    "Whoever insults the Prophet in these comments will be hunted down.", "We have ways of finding you.",
    "Keep writing and you'll end up like the last journalist who crossed us.", "@editor 🔫💣⚰️ soon",
]


@pytest.mark.parametrize("text", THREATS_WRITTEN_TO_SLIP_PAST)
def test_veiled_threats_and_harm_wished_by_another_hand_are_threats(text):
    assert Code.threat in found(text)


@pytest.mark.parametrize("text", [
    "Enjoy your last days in office, Mr Mayor: the voters have spoken.", "I know where you are coming from.",
    "Go away Liberals, you're finished at the next election.", "You're next in line for the post.",
    "I hope someone beats him in the election.", "I hope someone runs against him next year.",
    "It is a shame if anything happened to the archive; the fire was bad.",
    "I hope someone beats him next time.", "I hope someone beats him to it.",
    "It's only a matter of time before someone finds him out.",
    "I'll be waiting at your office tomorrow for the interview.",
    "Whoever did this will be hunted down and punished, the minister said.",
    "I know where the minister lives: in a palace paid by us.",
    "Clear the brush or your house will burn, firefighters warned.",
    "Journalists who write like this tend to have long careers.", "Those who write the truth will be remembered.",
    "Now let me write your mom since I have her address.",
    "You will end up like Greece if you keep borrowing.", "I'm dead 💀💀 you guys", "Happy new year to you 🎆🧨",
])
def test_politics_and_idioms_near_the_veiled_threats_stay_clean(text):
    assert Code.threat not in found(text)


@pytest.mark.parametrize("text", [
    "f#ck off", "sh%t article", "what the f@#k is this", "c#nt", "that crazy b#tch", "s|h|i|t article",
    "f/u/c/k off", "a|s|s|h|o|l|e", "biatch", "shyte article", "sheeit reporting", "azzhole",
])
def test_signs_and_separators_standing_for_letters_are_read_as_letters(text):
    assert found(text) & {Code.profanity, Code.personal_attack, Code.vulgarity}


@pytest.mark.parametrize("text, code", [
    ("you are a b i t c h", Code.profanity), ("what a d i c k", Code.vulgarity), ("u r a c u n t", Code.profanity),
    ("fu c k this", Code.profanity), ("f u ck off", Code.profanity), ("f u c king council", Code.profanity),
    ("those b i t ches", Code.profanity), ("sh_it article", Code.profanity), ("bi-tch", Code.profanity),
    ("what a pile of sh.it", Code.profanity), ("n_i_g_g_e_r", Code.abuse_racism), ("nig_ger", Code.abuse_racism),
    ("🅵🆄🅲🅺 this", Code.profanity), ("🅕🅤🅒🅚 this", Code.profanity), ("⒡⒰⒞⒦ this", Code.profanity),
    ("🇫 🇺 🇨 🇰 this", Code.profanity), ("ƒuck this", Code.profanity), ("ʙɪᴛᴄʜ", Code.profanity),
    ("Ꮪhit reporting", Code.profanity), ("sh¡t reporting", Code.profanity), ("f+u+c+k this", Code.profanity),
    ("f\u2800u\u2800c\u2800k this", Code.profanity), ("f\u3164uck this", Code.profanity),
    ("kcuf uoy", Code.profanity), ("tihs article", Code.profanity), ("reggin", Code.abuse_racism),
])
def test_letters_split_drawn_or_reversed_to_slip_past_the_word_lists_are_read(text, code):
    assert code in found(text)


@pytest.mark.parametrize("text", [
    "The U S A and N A T O met; A B C reported it, a s s e m b l y rules apply.",
    "I am a b c student, plan b is fine, vitamin d helps; he is a man, tell u what.",
    "See my_snake_case file at https://example.org/pen_is_mightier or mail jo_hn@example.org, @sunny_days.",
    "The co-op sent an e-mail about the X-ray; a well-known al-Sadr ally spoke.",
    "1.488 people voted and 14.88 per cent stayed home.",
    "🇫🇷 beat 🇦🇷🇸🇪 and 🇹🇼🇦🇹 drew; 🇺🇸🇹🇷 talks resume.",
    "Ølstykke, Łódź and Đakovo are towns. Kontrol sıkı, sıkıntı büyük.",
])
def test_acronyms_handles_flags_and_foreign_letters_stay_clean_of_words(text):
    assert LexiconChecker().check(CheckContext(text=text)) == []
    assert not found(text) - {Code.off_topic, Code.promotion_personal}, found(text)  # an address is promotion


@pytest.mark.parametrize("text", [
    "Cockermouth flooded again", "Twatt is a village on Orkney", "The Wankdorf stadium in Bern hosted the final",
    "Dick's Sporting Goods stopped selling rifles", "Spic and Span was a cleaning brand",
    "Ass. Prof. Miller disagreed with the findings", "The cock crowed at dawn", "a garden hoe",
    "AT&T and R&D budgets; Q&A at 5", "Tom &amp; Jerry&gt; at the party#Turnup",
    "See https://example.org/search?q=a#b&c=d for the minutes", "I'll have a G&T, thanks.",
    "K&S shares fell 4% on potash prices.", "Idaho F&G issued more elk tags.", "The dot com bubble burst in 2000.",
])
def test_names_places_and_signs_between_words_stay_clean(text):
    assert not found(text) - {Code.off_topic}, found(text)


def test_an_address_at_an_allowed_site_is_no_contact_to_hold():
    """The newsroom's letters desk, a ministry's press office: the policy's allowed domains cover addresses too."""
    policy_checker = PromotionChecker(["newspaper.example"])
    text = "Email the editor at letters@newspaper.example if you disagree"
    assert policy_checker.check(CheckContext(text=text)) == []
    assert PromotionChecker().check(CheckContext(text="Write to press (at) reuters (dot) com")) == []
    assert PromotionChecker().check(CheckContext(text="Write to me at jo.smith@gmail.com"))


@pytest.mark.parametrize("text, code", [
    ("onu öldüreceğim", Code.threat), ("öldürün onu", Code.threat), ("seni bulacağım", Code.threat),
    ("تو را می کشم", Code.threat), ("مرگ بر تو", Code.threat), ("کثافت", Code.personal_attack),
    ("يا حيوان", Code.personal_attack), ("مرتیکه کونی", Code.abuse_homophobia),
])
def test_threats_and_insults_said_plainly_in_turkish_persian_and_arabic(text, code):
    assert code in found(text)


@pytest.mark.parametrize("text, expected", [
    ("shitarticle", True), ("#shitjournalism", True), ("What a shitshow", True), ("scared shitless", True),
    ("shiitake mushrooms", False), ("The ark was built of shittim wood", False),
])
def test_words_glued_to_shit_are_profanity_and_the_mushroom_is_not(text, expected):
    assert (Code.profanity in found(text)) is expected


@pytest.mark.parametrize("text, code", [
    ("go blow yourself", Code.vulgarity), ("nice rack on the presenter", Code.vulgarity),
    ("I'd bang her", Code.vulgarity), ("she probably slept her way to the top", Code.abuse_sexism),
])
def test_crude_remarks_without_a_listed_swear_word(text, code):
    assert code in found(text)


@pytest.mark.parametrize("text", ["cheapshop(.)com", "cheapshop . com", "www,cheapshop,com", "cheapshop dot com",
                                  "hxxp://cheapshop.com/deal", "https://cheapshop.com/x"])
def test_a_disguised_link_leads_to_the_same_site_as_the_plain_one(text):
    """One spam run however it is spelled: the fingerprint is the site."""
    from moderation.checks.promotion import contact_fingerprints

    assert contact_fingerprints(text) == ["url:cheapshop.com"]


def test_a_place_named_with_a_swear_word_is_no_shield_for_an_insult():
    assert found("you Twatt") and not found("Twatt is a village on Orkney")


@pytest.mark.parametrize("text", [
    "he shouted 'I will kill you', the court heard",
    "The defendant told her 'I'm going to kill you' before the attack, prosecutors said.",
    'The militia leader told the reporter "I will kill you" on camera, and the video is now evidence.',
    "I'll find you the link to the report.",
])
def test_a_threat_reported_as_another_s_words_is_held_by_no_phase(text):
    """The word lists, the patterns and the learned scorer each read it as reporting (see reported.py)."""
    from moderation.checks.pipeline import build_pipeline

    assert Code.threat not in violations(build_pipeline(DEFAULT_POLICY).run(CheckContext(text=text)), DEFAULT_POLICY)


@pytest.mark.parametrize("text", [
    "Great article! Get cheap iPhones at www.best-phones-erbil.com, delivery to all of Kurdistan.",
    "Cheap iPhones: https://best-phones-erbil.com/shop. Delivery to all of Kurdistan!",
])
def test_a_link_is_shown_without_the_sentence_s_punctuation(text):
    from moderation.checks.pipeline import build_pipeline

    links = {e.text for f in build_pipeline(DEFAULT_POLICY).run(CheckContext(text=text))
             if f.code is Code.promotion_commercial for e in f.evidence if "phones" in e.text}
    assert links and all(link[-1].isalnum() or link.endswith("/shop") for link in links), links


@pytest.mark.parametrize("text", [
    "سنقطع رأس كاتب هذا المقال ونعلقه في الساحة.", "سەری نووسەری ئەم بابەتە دەبڕین.",
    "Em ê serê nivîskarê vê nivîsê jê bikin.", "Bu haberi yazanın kafasını keseceğiz.",
    "سر نویسنده این مقاله رو می‌بریم.", "الصحفيون الذين يكتبون هكذا تحدث لهم حوادث أحياناً، انتبه لنفسك.",
    "Böyle yazan gazetecilerin başına bazen kaza gelir, dikkat et.",
    "مراقب خودت باش، کسایی که اینطوری می‌نویسن براشون اتفاق می‌افته.",
    "ئاگات لە خۆت بێت، ئەوانەی وا دەنووسن ڕووداویان بەسەردا دێت.",
])
def test_beheading_promised_and_accidents_foretold_in_the_other_languages_are_threats(text):
    assert Code.threat in found(text)


@pytest.mark.parametrize("text", [
    "داعش سەری سێ پێشمەرگەی بڕی.", "IŞİD üç askerin kafasını kesti.", "بچه‌ها رو سر کلاس می‌برم.",
    "قطع رأس الرهينة في الفيديو أثار الغضب.", "Trafik kazası bugün başına geldi.", "Em ê serê salê pîroz bikin.",
])
def test_beheadings_reported_and_everyday_heads_stay_clean(text):
    assert Code.threat not in found(text)
