"""The learned n-gram scorers, from the committed artifact alone (no training data needed)."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.checks import CheckContext, Finding
from moderation.checks import learned
from moderation.checks.learned import LearnedChecker, char_ngrams, normalise_word, tokens
from moderation.guidelines import NOTE_CODES, Code

NEWS = [
    "The council should publish the full budget figures before the vote on Tuesday.",
    "I read the report and I think the numbers on housing are more optimistic than last year.",
    "Great article, thanks. The bus route changes will affect a lot of commuters in the north.",
    "Does anyone know when the consultation closes? I would like to send in a response.",
]


@pytest.fixture(scope="module")
def checker() -> LearnedChecker:
    return LearnedChecker()


def scores(checker: LearnedChecker, text: str) -> dict[str, float]:
    return checker.scorer.score(text).scores


def codes(findings: list[Finding], floor: float = 0.5) -> set[Code]:
    return {f.code for f in findings if f.score >= floor}


def test_checker_shape(checker: LearnedChecker) -> None:
    assert checker.name == "learned.ngram"
    assert checker.version.startswith(learned.model().version + "/r") and learned.model().version


def test_artifact_is_small_and_plain() -> None:
    files = [learned.MODEL_DIR / learned.WEIGHTS_FILE, learned.MODEL_DIR / learned.VOCAB_FILE]
    assert sum(f.stat().st_size for f in files) <= 4_000_000
    with np.load(files[0], allow_pickle=False) as arrays:  # no pickled objects inside
        assert set(arrays.files) == {"weights", "bias", "idf"}


def test_runtime_needs_no_scikit_learn() -> None:
    source = Path(learned.__file__).read_text(encoding="utf-8")
    imported = {node.names[0].name.split(".")[0] for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Import)}
    imported |= {node.module.split(".")[0] for node in ast.walk(ast.parse(source))
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert not imported & {"sklearn", "scipy", "joblib", "pickle"}


@pytest.mark.parametrize("text", NEWS)
def test_ordinary_news_comments_score_low(checker: LearnedChecker, text: str) -> None:
    assert max(scores(checker, text).values()) < 0.5
    assert codes(checker.check(CheckContext(text=text))) == set()


@pytest.mark.parametrize(("text", "head", "code"), [
    ("You are a fucking idiot, shut the fuck up you piece of shit", "obscene", Code.profanity),
    ("you are a stupid moron and an idiot, nobody cares what you think loser", "personal_attack",
     Code.personal_attack),
    ("Check out my channel and subscribe!! Please like and share my new video", "promotion",
     Code.promotion_personal),
    ("Buy cheap watches at the best price, visit my shop for a discount on every product", "promotion",
     Code.promotion_commercial),
])
def test_obvious_violations_score_high_on_their_head(checker: LearnedChecker, text: str, head: str,
                                                     code: Code) -> None:
    assert scores(checker, text)[head] >= 0.5
    assert code in codes(checker.check(CheckContext(text=text)))


@pytest.mark.parametrize("text", [
    "And here is a paper that says the tortoises vary a lot in shape: http://www.bioone.org/doi/abs/10.2744/CCB-1",
    "Far from it. The council's own minutes say otherwise, and the budget it passed last week moves the money "
    "from buses to roads; anyone can read them at http://www.ourcitycouncil.com/minutes/2026-11 before the vote.",
])
def test_a_link_in_a_discussion_is_not_promotion(checker: LearnedChecker, text: str) -> None:
    promotion = {Code.promotion_personal, Code.promotion_commercial}
    assert not promotion & codes(checker.check(CheckContext(text=text)))


def test_a_comment_that_is_little_more_than_a_link_keeps_its_score(checker: LearnedChecker) -> None:
    dropped, discussed = "Dance dance http://www.reverbnation.com/someartist", (
        "Dance dance, the band played it at the council's summer fair last year, and the mayor liked it so much "
        "that he asked them back http://www.reverbnation.com/someartist")
    promotion = {Code.promotion_personal, Code.promotion_commercial}
    assert scores(checker, dropped)["promotion"] >= 0.5  # no pitch word: only the shape of the comment differs
    assert promotion & codes(checker.check(CheckContext(text=dropped)))
    assert not promotion & codes(checker.check(CheckContext(text=discussed)))


@pytest.mark.parametrize("text", [
    "Check out the history !",
    "Channel 4 teatime schedule.",
])
def test_a_pitch_verb_with_nothing_of_the_writer_s_to_point_at_is_not_promotion(checker: LearnedChecker,
                                                                                text: str) -> None:
    assert scores(checker, text)["promotion"] >= 0.5  # the head alone would call it promotion
    assert not {Code.promotion_personal, Code.promotion_commercial} & codes(checker.check(CheckContext(text=text)))


@pytest.mark.parametrize("text", [
    "check out my new song guys", "Check me out! I rap", "I made a gaming channel, go see it",
    "Like this comment if you are reading in 2026", "please subscribe",
])
def test_a_pitch_at_the_writer_s_own_things_is_promotion(checker: LearnedChecker, text: str) -> None:
    assert {Code.promotion_personal, Code.promotion_commercial} & codes(checker.check(CheckContext(text=text)))


def test_a_threat_scores_well_above_news(checker: LearnedChecker) -> None:
    threat = scores(checker, "I will find you and kill you, you are going to die")["threat"]
    assert threat > 5 * max(scores(checker, text)["threat"] for text in NEWS)


def test_group_names_are_never_evidence_but_type_the_abuse(checker: LearnedChecker) -> None:
    neutral = "Kurds, Arabs, Turkmen and Christians have lived in Kirkuk for centuries"
    assert checker.scorer.score(neutral).scores["abuse"] < 0.5
    for finding in checker.check(CheckContext(text="filthy muslims, those dirty subhuman vermin scum")):
        assert all(e.text.casefold() not in ("muslims",) for e in finding.evidence)
    found = {f.code for f in checker.check(CheckContext(text="filthy muslims, those dirty subhuman vermin scum"))
             if f.score >= 0.5}
    assert found & {Code.abuse_religion, Code.personal_attack, Code.profanity}
    assert not found & {Code.abuse_racism, Code.abuse_sexism, Code.abuse_homophobia, Code.abuse_xenophobia}


def test_disguised_spelling_is_normalised() -> None:
    assert normalise_word("SH1T") == "shit"
    assert normalise_word("f@ck") == "fack"
    assert normalise_word("a$$") == "ass"
    assert normalise_word("fuuuuuck") == "fuuck"
    assert normalise_word("2nd") == "2nd" and normalise_word("b4") == "b4"


def test_character_ngrams_are_padded_words() -> None:
    assert char_ngrams("ab") == [" a", "ab", "b ", " ab", "ab ", " ab "]


@pytest.mark.parametrize("text", [
    "Ｆｕｃｋ this, Straße İstanbul ﬁnance — you idiot!!! 😡😡",
    "  leading spaces, then an idiot\n\nand a moron\ttab",
    "shit shit shit shit la la la idiot idiot",
    "naïve café owners are IDIOTS, f*** them",
])
def test_evidence_points_into_the_original_text(checker: LearnedChecker, text: str) -> None:
    findings = checker.check(CheckContext(text=text))
    for finding in findings:
        assert finding.code in set(Code) - NOTE_CODES
        assert 0.05 <= finding.score <= 1.0
        assert finding.checker == "learned.ngram" and finding.version == checker.version
        assert len(finding.evidence) <= 3
        for e in finding.evidence:
            assert text[e.start:e.end] == e.text and e.text.strip()
            assert e.rule.startswith("learned:")


def test_evidence_names_the_offending_word(checker: LearnedChecker) -> None:
    text = "Honestly the article is fine but you are an idiot"
    [attack] = [f for f in checker.check(CheckContext(text=text)) if f.code is Code.personal_attack]
    assert "idiot" in [e.text for e in attack.evidence]


@pytest.mark.parametrize("text", [
    "The defendant told her 'I'm going to kill you' before the attack, prosecutors said.",
    'She texted him: "I\'m going to kill you and your family"',
])
def test_a_threat_quoted_as_a_third_party_s_is_reporting_to_the_model(checker: LearnedChecker, text: str) -> None:
    findings = checker.check(CheckContext(text=text))
    assert all(f.score < 0.5 for f in findings), findings


def test_a_quoted_threat_the_writer_makes_their_own_is_still_a_threat(checker: LearnedChecker) -> None:
    findings = checker.check(CheckContext(text="I said it before and I'll say it again: 'I will kill you'"))
    assert any(f.code is Code.threat and f.score >= 0.5 for f in findings)


def test_a_word_inside_a_link_is_shown_as_the_whole_link(checker: LearnedChecker) -> None:
    text = "Best cheap pills, order today at http://pills.example.com"
    [promotion] = [f for f in checker.check(CheckContext(text=text)) if f.code.value.startswith("promotion")]
    assert [e.text for e in promotion.evidence] == ["http://pills.example.com"]  # once, not "http" and "com"
    assert all(text[e.start:e.end] == e.text for e in promotion.evidence)


def test_evidence_is_the_words_that_explain_not_the_function_words(checker: LearnedChecker) -> None:
    from moderation.checks.learned import FUNCTION_WORDS

    # "into" pushed this one's score up most; a moderator learns nothing from it
    [finding] = checker.check(CheckContext(text="A grenade thrown into a wedding. What kind of people do this?"))
    words = [e.text.casefold() for e in finding.evidence]
    assert words and not set(words) & FUNCTION_WORDS
    for text in ("you you you", "the the the is is"):  # nothing else to show: a finding still shows its word
        for finding in checker.check(CheckContext(text=text)):
            assert finding.evidence


def test_a_text_with_no_feature_the_model_knows_gets_no_finding(checker: LearnedChecker) -> None:
    # Short, so no language is detected and the English model is asked: only its prior would answer
    for text in ("العرب حثالة وكلاب", "این چه خبره", "你好 你好"):
        assert checker.check(CheckContext(text=text)) == [], text
    assert checker.check(CheckContext(text="you idiot"))  # two words it knows are enough


def test_one_finding_per_code_sorted_by_score(checker: LearnedChecker) -> None:
    findings = checker.check(CheckContext(text="you stupid fucking idiot, I will kill you, subscribe to my channel"))
    assert len({f.code for f in findings}) == len(findings)
    assert [f.score for f in findings] == sorted((f.score for f in findings), reverse=True)
    assert all(f.score >= learned.REPORT_FLOOR for f in findings)


@pytest.mark.parametrize("text", ["", "   \n\t ", "🙂🙃😡👍🏽🇺🇸", "!!!???...", "a" * 20_000,
                                  " ".join(["word"] * 4_000), "x" * 50 + " idiot " * 3_000])
def test_edge_cases_do_not_crash(checker: LearnedChecker, text: str) -> None:
    findings = checker.check(CheckContext(text=text))
    for finding in findings:
        for e in finding.evidence:
            assert text[e.start:e.end] == e.text


@pytest.mark.parametrize("text", ["", "  ", "🙂🙃", "?!"])
def test_text_without_words_has_no_findings(checker: LearnedChecker, text: str) -> None:
    assert checker.check(CheckContext(text=text)) == []
    assert all(0.0 <= v <= 1.0 for v in scores(checker, text).values())


def test_token_spans_survive_normalisation() -> None:
    text = "İİİ Straße SH1T"
    for word, start, end in tokens(text):
        assert text[start:end].strip() == text[start:end] and word


def _plain_scores(m: learned.Model, text: str) -> tuple[np.ndarray, np.ndarray]:
    """Every head's probability and the abuse sub-codes' softmax, from the TF-IDF definition, one text at a time."""
    counts: dict[int, int] = {}
    words = [w for w, _, _ in tokens(text)]
    named = learned.IDENTITY_PLACEHOLDER
    features = [m.word_vocab.get(w) for w in words if w != named]
    features += [m.word_vocab.get(f"{a} {b}") for a, b in zip(words, words[1:]) if named not in (a, b)]
    features += [m.char_vocab.get(g) for w in words for g in char_ngrams(w)]
    for f in features:
        if f is not None:
            counts[f] = counts.get(f, 0) + 1
    vector = np.zeros(m.idf.size)
    for f, c in counts.items():
        vector[f] = (1 + np.log(c)) * m.idf[f]
    for block in (slice(0, m.n_word), slice(m.n_word, None)):
        norm = np.linalg.norm(vector[block])
        if norm:
            vector[block] /= norm
    logits = vector @ m.weights.astype(np.float64) + m.bias
    heads, rest = logits[:len(m.heads)], logits[len(m.heads):]
    return 1 / (1 + np.exp(-heads)), np.exp(rest) / np.exp(rest).sum()


_SCORED_WORDS = ["you", "are", "a", "total", "idiot", "moron", "and", "the", "the", "check", "my", "channel",
                 "www.example.com", "fuuuuck", "SH1T", "a$$", "Muslims", "kill", "go", "back", "to", "war", "!!!",
                 "İstanbul", "naïve", "2nd", "b4", "ﬁnance", "😡"]


@given(st.lists(st.sampled_from(_SCORED_WORDS), max_size=30))
@settings(max_examples=150, deadline=None)
def test_scores_match_a_plain_reimplementation(checker: LearnedChecker, words: list[str]) -> None:
    """The cached, vectorised path (bigrams looked up by first word, both blocks normalised at once) equals a
    straightforward TF-IDF dot product written from the definition."""
    m = learned.model()
    text = " ".join(words)
    heads, subtypes = _plain_scores(m, text)
    scored = checker.scorer.score(text)
    assert np.allclose([scored.scores[h] for h in m.heads], heads, atol=1e-9)
    assert np.allclose([scored.subtypes[s] for s in m.subtypes], subtypes, atol=1e-9)


@given(st.text(alphabet="aabxyzİß", max_size=25))
@settings(max_examples=300, deadline=None)
def test_runs_of_a_letter_are_squeezed_to_two(raw: str) -> None:
    kept: list[str] = []
    for c in raw.casefold():
        if len(kept) < 2 or not kept[-1] == kept[-2] == c:
            kept.append(c)
    expected = "".join(kept)
    assert normalise_word(raw) == (learned.IDENTITY_PLACEHOLDER if expected in learned.IDENTITY_WORDS else expected)


def test_the_obscene_head_needs_an_obscene_word_and_the_abuse_head_a_group(checker: LearnedChecker) -> None:
    """Scores learned from rude texts go to the attack they describe when the words of their ground are absent."""
    rude = "You are a retard. Get stuffed, stupid head."
    assert scores(checker, rude)["obscene"] >= 0.5  # the head alone would call it obscene
    found = codes(checker.check(CheckContext(text=rude)))
    assert Code.personal_attack in found and not found & {Code.profanity, Code.vulgarity}
    assert not {c for c in codes(checker.check(CheckContext(text="*shit* happens, simple as that")))
                if c.value.startswith("abuse.")}
    assert Code.profanity in codes(checker.check(CheckContext(text="you stupid fucking idiot")))


@pytest.mark.parametrize("text", ["Pussy Riot played a concert in Moscow.", "The Pussy Riot trial was a farce.",
                                  "Green Day played American Idiot last night."])
def test_an_allowed_phrase_is_no_word_for_the_model(checker: LearnedChecker, text: str) -> None:
    assert scores(checker, text)["violation"] >= 0.7  # read as written, the band's name looks toxic
    assert codes(checker.check(CheckContext(text=text))) == set()


@pytest.mark.parametrize("text", ["Read more at https://www.bbc.com/news/world",
                                  "https://www.reuters.com/world/middle-east/ has the whole story",
                                  "see https://www.theguardian.com/world/2026/nov/30/kirkuk"])
def test_a_link_to_a_news_or_reference_site_is_a_citation(checker: LearnedChecker, text: str) -> None:
    """Read as written, "https www com" is what the head learned spam from; the allowed site is blanked."""
    link = text[text.index("http"):].split()[0]
    assert scores(checker, link)["promotion"] >= 0.5
    found = checker.check(CheckContext(text=text))
    assert not codes(found) & {Code.promotion_personal, Code.promotion_commercial}
    assert not any(link[:12] in e.text for f in found for e in f.evidence)
    pitched = f"subscribe to my channel {link}"  # a pitch beside the citation is still promotion
    assert Code.promotion_personal in codes(checker.check(CheckContext(text=pitched)))


def test_the_policy_s_own_domains_are_citations_for_the_model_too() -> None:
    from moderation.checks.pipeline import build_pipeline, violations
    from moderation.policy import Policy

    text = "Read more at https://www.example-newsroom.com/news/2026/budget"
    plain = build_pipeline(Policy(version="test-no-domains"))
    own = Policy(version="test-own-domain", allowed_domains=("example-newsroom.com",))
    assert violations(plain.run(CheckContext(text=text)), own) & {Code.promotion_personal, Code.promotion_commercial}
    assert not violations(build_pipeline(own).run(CheckContext(text=text)), own)
