"""Learned n-gram scorers: TF-IDF word and character n-grams into logistic-regression heads.

Trained offline by `python -m training.train_scorers` (scikit-learn); served here with the standard
library and numpy only, so the service never depends on scikit-learn's version or on pickles. The feature
functions below are the single definition used by both: training hands them to scikit-learn as analyzers.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import math
import re
import threading
from array import array
from collections import Counter
from itertools import islice
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from moderation.checks import CheckContext, Evidence, Finding
from moderation.checks.identity import CODE_OF_ATTRIBUTION_WORD, CODE_OF_WORD, IDENTITY_WORDS
from moderation.checks.identity import PLACEHOLDER as IDENTITY_PLACEHOLDER
from moderation.checks.mentions import rejecting_words
from moderation.checks.names import blank
from moderation.checks.promotion import TLDS, citation_spans
from moderation.checks.reported import reported_quotations, said_quotations
from moderation.checks.accusations import PUBLIC_FIGURE_SCORE, SAID_OF_A_PUBLIC_FIGURE, all_said_of_public_figures
from moderation.checks.targets import (AIMED_AT_A_THING_SCORE, AT_A_THING, OF_THE_WRITER, OF_THE_WRITER_SCORE,
                                      all_aimed_at_things, all_said_of_the_writer)
from moderation.checks.terms import LexiconChecker
from moderation.guidelines import Code

MODEL_DIR = Path(__file__).resolve().parent / "models"
WEIGHTS_FILE = "learned_ngram.npz"
VOCAB_FILE = "learned_ngram_vocab.json.gz"
REPORT_FLOOR = 0.05  # findings below this are noise even for `--all`
# The general head is attributed to the likeliest ground only when that ground's own head agrees this much:
# measured on holdout and newsroom comments (bench/quality.py), it halves false positives on war reporting
# at no cost in flagged F1.
ATTRIBUTION_FLOOR = 0.2
MAX_EVIDENCE = 3
EVIDENCE_SHARE = 0.25  # a word is evidence when it adds at least this share of the strongest word's push
FUNCTION_WORDS = frozenset("""
a an the is are was were be been am i you he she it we they me him her us them my your his its our their this
that these those and or but if of to in on at by for with from as so not no do does did have has had will would
can could should just very too also than then there here what who which when where why how all any some
into onto upon out up down over under about after before again once only own same such both each few more most
other off through during above below between until while because against
""".split())

# --- normalisation and features: shared with training, so change them only together with a retrain ---

# A word starts with a letter or digit; inside it may hold disguises (f**k, a$$, sh!t) and apostrophes.
_TOKEN = re.compile(r"\w(?:[\w@$*!'’]*[\w$*])?")
_LEET_DIGITS = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"}
_LEET_SYMBOLS = {"@": "a", "$": "s", "!": "i"}
_CHAR_N = (2, 3, 4, 5)
_ONE = array("d", [1.0])
_REPEATED = re.compile(r"(.)\1{2,}", re.DOTALL)  # three or more of one character
_MAX_WORD = 40  # longer "words" (links, keyboard mashing) keep only their head for character n-grams


def normalise_word(raw: str) -> str:
    """Casefold, undo leet inside words (sh1t, f@ck, a$$), squeeze 3+ repeats to 2 (fuuuck -> fuuck), and
    turn words naming a group into a placeholder that carries no features: abusive training texts often
    name groups, and the model must judge what is said, not who is named."""
    word = raw.casefold()
    if not word.isalpha():
        chars = list(word)
        n = len(chars)
        for i, c in enumerate(chars):
            if c in _LEET_DIGITS:
                # only a digit run with letters on both sides is a disguise: "sh1t" yes, "2nd" or "b4" no
                j = i
                while j > 0 and chars[j - 1].isdigit():
                    j -= 1
                k = i
                while k < n - 1 and chars[k + 1].isdigit():
                    k += 1
                if j > 0 and k < n - 1 and chars[j - 1].isalpha() and chars[k + 1].isalpha():
                    chars[i] = _LEET_DIGITS[c]
            elif c in _LEET_SYMBOLS and i > 0 and chars[i - 1].isalpha():
                if c != "!" or (i < n - 1 and chars[i + 1].isalpha()):
                    chars[i] = _LEET_SYMBOLS[c]
        word = "".join(chars)
    word = _REPEATED.sub(r"\1\1", word)
    return IDENTITY_PLACEHOLDER if word in IDENTITY_WORDS else word


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Normalised words with their spans in the original text."""
    return [(normalise_word(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def char_ngrams(word: str) -> list[str]:
    """Character 2..5-grams of ` word ` (scikit-learn's char_wb shape), from the word's first 40 chars."""
    if word == IDENTITY_PLACEHOLDER:
        return []  # naming a group is not evidence of anything: no features at all
    padded = f" {word[:_MAX_WORD]} "
    size = len(padded)
    return [padded[i:i + n] for n in _CHAR_N for i in range(size - n + 1)]


def word_features(text: str) -> list[str]:
    """Word unigrams and bigrams (the analyzer of the word block)."""
    words = [w for w, _, _ in tokens(text)]
    named = IDENTITY_PLACEHOLDER
    return [w for w in words if w != named] + [
        f"{a} {b}" for a, b in zip(words, words[1:]) if named not in (a, b)]


def char_features(text: str) -> list[str]:
    """Character n-grams within words (the analyzer of the character block)."""
    grams: list[str] = []
    for word, _, _ in tokens(text):
        grams.extend(char_ngrams(word))
    return grams


# --- the artifact ---

@dataclass(frozen=True)
class Model:
    version: str
    heads: tuple[str, ...]  # binary heads, calibrated so that 0.5 is the F1-optimal cut on dev
    subtypes: tuple[str, ...]  # softmax over abuse sub-codes
    word_vocab: dict[str, int]
    char_vocab: dict[str, int]  # ids continue after the word block
    n_word: int
    idf: np.ndarray  # (V,)
    weights: np.ndarray  # (V, heads + subtypes), float32
    bias: np.ndarray  # (heads + subtypes,)
    meta: dict[str, Any]


def load_model(directory: Path = MODEL_DIR) -> Model:
    with gzip.open(directory / VOCAB_FILE, "rt", encoding="utf-8") as handle:
        vocab = json.load(handle)
    with np.load(directory / WEIGHTS_FILE, allow_pickle=False) as arrays:
        idf = arrays["idf"].astype(np.float64)
        weights = arrays["weights"].astype(np.float32)
        bias = arrays["bias"].astype(np.float64)
    n_word = len(vocab["word"])
    return Model(
        version=vocab["version"], heads=tuple(vocab["heads"]), subtypes=tuple(vocab["subtypes"]),
        word_vocab={f: i for i, f in enumerate(vocab["word"])},
        char_vocab={f: n_word + i for i, f in enumerate(vocab["char"])},
        n_word=n_word, idf=idf, weights=weights, bias=bias, meta=vocab.get("meta", {}),
    )


_lock = threading.Lock()
_loaded: tuple[Model, Scorer] | None = None


def _load() -> tuple[Model, Scorer]:
    """The artifact and the scorer over it, built once per process on first use."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                artifact = load_model()
                _loaded = (artifact, Scorer(artifact))
    return _loaded


def model() -> Model:
    return _load()[0]


def forget_model() -> None:
    """Drop the loaded artifact and shared scorer (after a retrain writes new files into the process)."""
    global _loaded
    with _lock:
        _loaded = None


# --- inference ---

# A word as the scorer keeps it: normalised, its feature ids (int64 bytes), their counts (float64 bytes), how many,
# and the second words of the bigrams it starts (None when it starts none)
_Entry = tuple[str, bytes, bytes, int, dict[str, int] | None]


@dataclass
class Scored:
    """Every head's score for one text, and what `Scorer.contributions` needs to explain them."""

    scores: dict[str, float]  # head -> calibrated probability
    subtypes: dict[str, float]  # abuse sub-code -> softmax probability
    spans: list[tuple[int, int]]  # each word's span in the original text
    values: np.ndarray  # (features,): each distinct feature's normalised TF-IDF value
    weights: np.ndarray  # (features, heads and subtypes): its weights; value times weight is a logit's addend
    inverse: np.ndarray  # for each in-word feature occurrence: its row in `values`
    word_lengths: np.ndarray  # how many of those occurrences each word has, in order
    bigram_rows: np.ndarray  # for each bigram occurrence: its row in `values` ...
    bigram_first: np.ndarray  # ... and its first word (it belongs to the next one too)


class Scorer:
    """Turns text into TF-IDF vectors by dictionary look-ups and scores all heads with one matrix product.

    Each distinct word is normalised and broken into n-gram ids once, then served from a bounded cache:
    comments reuse most of their words, which keeps a typical comment well under a millisecond. The model's own
    words are broken up when it loads: a comment's first use of one costs no more than its hundredth.
    """

    _CACHE_LIMIT = 200_000

    def __init__(self, m: Model):
        self.m = m
        # The weights as float64 once: a product with float32 rows would convert them on every comment.
        self._weights = m.weights.astype(np.float64)
        # first word -> {second word: bigram id}: a comment's word pairs are looked up without building strings
        self._followers: dict[str, dict[str, int]] = {}
        for key, i in m.word_vocab.items():
            if " " in key:
                first, second = key.split(" ", 1)
                self._followers.setdefault(first, {})[second] = i
        # raw word -> (normalised, feature ids as int64 bytes, their counts as float64 bytes, how many, bigrams
        # it starts)
        self._cache: dict[str, _Entry] = {}
        # the same, by normalised word: "The", "THE" and "the" are broken into n-grams once
        self._normalised: dict[str, _Entry] = {}
        for word in m.word_vocab:
            if " " not in word:
                self._word(word)
        self._cache.clear()  # raw spellings are learned from comments; the normalised entries above stay
        self._scratch = threading.local()  # per thread: `_distinct` writes into it

    def _distinct(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The distinct ids (in no particular order) and, for each id, its index among them: what `np.unique`
        gives with `return_inverse`, without its sort (an eighth of the scorer's time). A slot per feature,
        written by every occurrence, names one occurrence of each id; stale slots are never read."""
        slots = getattr(self._scratch, "slots", None)
        if slots is None:
            slots = self._scratch.slots = np.zeros(self.m.idf.size, dtype=np.intp)
        order = np.arange(ids.size)
        slots[ids] = order
        named = slots[ids]
        chosen = named == order
        return ids[chosen], (np.cumsum(chosen) - 1)[named]

    def _word(self, raw: str) -> _Entry:
        word = normalise_word(raw)
        entry = self._normalised.get(word)
        if entry is None:
            m = self.m
            ids = [i for i in map(m.char_vocab.get, char_ngrams(word)) if i is not None]
            if (u := m.word_vocab.get(word)) is not None:
                ids.append(u)  # word ids come before every character id: never one of the grams
            if len(set(ids)) == len(ids):  # most words repeat no n-gram: every count is 1
                counts = _ONE * len(ids)
            else:
                counted = Counter(ids)
                ids, counts = list(counted), array("d", counted.values())
            entry = (word, array("q", ids).tobytes(), counts.tobytes(), len(ids), self._followers.get(word))
            if len(self._normalised) >= self._CACHE_LIMIT:
                self._normalised.clear()
            self._normalised[word] = entry
        if len(self._cache) >= self._CACHE_LIMIT:
            self._cache.clear()
        self._cache[raw] = entry
        return entry

    def score(self, text: str) -> Scored:
        m = self.m
        cache = self._cache
        matches = list(_TOKEN.finditer(text))
        entries = [cache.get(raw) or self._word(raw) for raw in [match.group() for match in matches]]
        bigrams = [(i, b) for i, (entry, after) in enumerate(zip(entries, entries[1:]))
                   if entry[4] is not None and (b := entry[4].get(after[0])) is not None]
        n_in_words = sum([entry[3] for entry in entries])
        n_heads = len(m.heads)
        if n_in_words or bigrams:
            bigram_ids = array("q", [b for _, b in bigrams])
            ids = np.frombuffer(b"".join([*[entry[1] for entry in entries], bigram_ids.tobytes()]), dtype=np.int64)
            counts = np.frombuffer(b"".join([*[entry[2] for entry in entries], (_ONE * len(bigrams)).tobytes()]))
            unique, inverse = self._distinct(ids)
            tf = np.bincount(inverse, weights=counts, minlength=unique.size)
            values = (1.0 + np.log(tf)) * m.idf.take(unique)
            # the word block and the character block are each normalised to unit length
            block = (unique >= m.n_word).view(np.int8)
            norms = np.sqrt(np.bincount(block, weights=values * values, minlength=2))
            norms[norms == 0] = 1.0
            values /= norms.take(block)
            weights = self._weights.take(unique, axis=0)
            logits = (m.bias + values @ weights).tolist()
        else:
            inverse = np.zeros(0, dtype=np.int64)
            values, weights = np.zeros(0), np.zeros((0, m.bias.size))
            logits = m.bias.tolist()
        probs = [1.0 / (1.0 + math.exp(-min(max(x, -40.0), 40.0))) for x in logits[:n_heads]]
        top = max(logits[n_heads:])
        sub = [math.exp(x - top) for x in logits[n_heads:]]
        total = sum(sub)
        return Scored(
            scores=dict(zip(m.heads, probs)), subtypes={name: x / total for name, x in zip(m.subtypes, sub)},
            spans=[match.span() for match in matches], values=values, weights=weights, inverse=inverse[:n_in_words],
            word_lengths=np.array([entry[3] for entry in entries], dtype=np.int64),
            bigram_rows=inverse[n_in_words:], bigram_first=np.array([i for i, _ in bigrams], dtype=np.int64),
        )

    def contributions(self, scored: Scored, head: str) -> np.ndarray:
        """(words,): each word's share of one head's logit, the sum of its features' terms (a bigram: both)."""
        terms = scored.values * scored.weights[:, self.m.heads.index(head)]
        per_word = np.zeros(len(scored.spans))
        has = scored.word_lengths > 0
        if has.any():
            starts = np.concatenate(([0], np.cumsum(scored.word_lengths)[:-1]))
            per_word[has] = np.add.reduceat(terms[scored.inverse], starts[has])
        if scored.bigram_rows.size:  # one bigram starts at each word at most: no index repeats, no np.add.at
            bigram_terms = terms[scored.bigram_rows]
            per_word[scored.bigram_first] += bigram_terms
            per_word[scored.bigram_first + 1] += bigram_terms
        return per_word

    def evidence(self, scored: Scored, text: str, head: str) -> tuple[Evidence, ...]:
        """Up to three words that push this head's score up most, as spans of the original text.

        Function words ("is", "the", "into") shift a score a little but explain nothing to a moderator: they
        are shown only when no other word pushes the score up at all."""
        if not scored.spans:
            return ()
        column = self.contributions(scored, head)
        order = np.argsort(-column, kind="stable")
        pushing = order[column[order] > 0].tolist()
        content = list(islice(
            (i for i in pushing if text[slice(*scored.spans[i])].casefold() not in FUNCTION_WORDS), MAX_EVIDENCE))
        chosen = content or pushing[:1]
        spans = []
        for i in chosen[:MAX_EVIDENCE]:
            if column[i] < EVIDENCE_SHARE * column[chosen[0]]:
                break
            start, end = scored.spans[i]
            spans.append(Evidence(start, end, text[start:end], f"learned:{head}"))
        return tuple(sorted(spans, key=lambda e: e.start))


# --- the checker ---

# Heads that name a ground of their own; `violation` is attributed to the likeliest of the toxic ones.
_HEAD_CODES: dict[str, Code] = {"obscene": Code.profanity, "threat": Code.threat,
                                "personal_attack": Code.personal_attack}
_TOXIC_HEADS = ("obscene", "threat", "personal_attack", "abuse")
_INSULT_HEADS = ("obscene", "personal_attack", "abuse", "violation")
_COMMERCIAL = re.compile(
    r"\b(?:buy|buying|bought|sell|selling|sale|sales|shop|shops|store|price|prices|cheap|discount|coupon|promo"
    r"|deal|deals|offer|order|product|products|money|cash|earn|income|profit|paid|pay|dollars?|bucks|free shipping"
    r"|bitcoin|crypto|invest\w*|loans?|casino|amazon|ebay|\d+\s?% off)\b|[$€£]\s?\d",
    re.IGNORECASE)


# The promotion head learned from one video site's spam; without a contact or a pitch word in the text it mostly
# fires on ordinary requests ("please publish the full document"), and on a link alone it fires on citations
# (readers link their sources), so a link inside a discussion keeps its score under the review threshold; a
# comment that is little more than a link (the way spam is dropped under videos) keeps its score.
_PROMOTION_LINK = re.compile(
    r"https?://|www\.|\w\.(?:com|net|org|info|biz|io|co|me|tv|xyz|shop|store|online|site|ly)\b", re.IGNORECASE)
_PITCH = (r"channel|subscribe|subscribers?|subs?|follow|followers|check\s+(?:out|it|this|my)|visit|dm|whatsapp"
          r"|telegram|instagram|insta|tiktok|buy|sale|shop|earn|views|likes")
_MEDIA = r"site|blog|page|video|song|music|mixtape|link"
# Without a link, the head's score counts only beside a way to reach someone (a handle, a number, a platform),
# a call to subscribe, money, the writer's own channel or page, or a pitch verb aimed at the writer or at a
# video, a song or a channel. "Check out the history", "please follow the instructions" and "Channel 4" are
# talk-page and news talk, not pitches.
_NEAR = r"(?:\W+\w+){0,6}?\W+"  # up to six words between
_OWN_MEDIA = rf"(?:{_MEDIA}|channel|website|videos|account|business|shop|store|products?|app|track|cover|mixtape)"
_PROMOTION_WORDS = re.compile(
    r"@\w|\d{6,}|\b(?:subscribe|subscribers?|subs|sub\s+me|followers|views|likes|youtube|dm|whatsapp|telegram"
    r"|instagram|insta|tiktok|facebook|buy|sale|shop|earn|free|order|money|cash|like\s+this\s+comment)\b"
    rf"|\b(?:my|our|a|new)\s+(?:\w+\s+){{0,2}}{_OWN_MEDIA}\b"
    rf"|\b(?:check|visit|follow|add|like|see|share|look\s+at)\b(?:\s+(?:out|it|this))?(?:\s+(?:me|us|my|our)\b"
    rf"|{_NEAR}{_OWN_MEDIA}\b)", re.IGNORECASE)
# Beside a link, only a pitch makes it promotion: "money" or "page" is ordinary in a discussion citing a source.
_PITCH_WORDS = re.compile(rf"@\w|\b(?:{_PITCH}|my\s+(?:{_MEDIA})|order\s+now)\b", re.IGNORECASE)
_LINK_ONLY_CAP = 0.45
_DROPPED_LINK_WORDS = 12  # words outside links at most, for a comment that is little more than its link
# Words of someone pointing at a source; generic ones ("info", "says") are left out, spam uses them too.
_CITING = re.compile(
    r"\b(?:sources?|paper|study|studies|article|report|reported|according|evidence|reference|cited?|citation"
    r"|wiki|wikipedia|imdb|archive)\b", re.IGNORECASE)


def _little_more_than_a_link(text: str) -> bool:
    rest = [word for word in text.split() if not _PROMOTION_LINK.search(word)]  # per word: linear in the text
    return len(rest) <= _DROPPED_LINK_WORDS and not _CITING.search(" ".join(rest))


def named_group(scored: Scored, text: str, words: dict[str, Code] = CODE_OF_WORD) -> Code | None:
    """The abuse code of the group the text names most, if it names one (the model never saw the names); with
    `CODE_OF_ATTRIBUTION_WORD`, of the nationality, faith or orientation named most that the model did see."""
    named: dict[Code, int] = {}
    for start, end in scored.spans:
        code = words.get(text[start:end].casefold())
        if code is not None:
            named[code] = named.get(code, 0) + 1
    return max(named, key=named.__getitem__) if named else None


_OBSCENE = frozenset({Code.profanity, Code.vulgarity})
_ABUSE = frozenset(code for code in Code if code.value.startswith("abuse."))


def lexicon_words(lexicon: LexiconChecker, context: CheckContext) -> tuple[set[Code], list[tuple[int, int]]]:
    """The codes of the obscene words and slurs the lexicon found (at any score, mild included, outside allowed
    phrases), and the original spans of the allowed phrases to blank before scoring.

    Obscenity is a matter of words and abuse needs a group: a head that scores either with no such word (and,
    for abuse, no group named) has learned rudeness from the texts around them, and its score goes to the
    attack it describes. An allowed phrase around a swear word or an insult ("Pussy Riot", "American Idiot")
    is blanked, as names are; one that only keeps a slur out of a word ("Pakistani") is not: it names a group.
    The policy's own allowed phrases are blanked wherever they appear: "Kill Bill" is a film to that newsroom.
    """
    scan = lexicon.scan(context)
    codes: set[Code] = set()
    blanked: set[tuple[int, int]] = set(scan.policy_allowed)
    for match, _ in scan.matches:
        table = lexicon.tables[match.table]
        if table.language not in _ENGLISH:
            continue
        around = scan.allowed_around(match)
        if not around:
            codes.add(table.code)
        elif table.code not in _ABUSE:
            blanked.update(around)
    normalized = context.normalized
    return codes & (_OBSCENE | _ABUSE), [normalized.original_span(a, b) for a, b in sorted(blanked)]


_ENGLISH = ("en", "policy")  # the model reads English; the policy's own terms count in any language
_default_lexicon: LexiconChecker | None = None


def default_lexicon() -> LexiconChecker:
    global _default_lexicon
    if _default_lexicon is None:
        _default_lexicon = LexiconChecker()
    return _default_lexicon


def promotion_code(text: str) -> Code:
    """Money, products and shops make promotion commercial; the rest (channels, pages, contacts) personal."""
    return Code.promotion_commercial if _COMMERCIAL.search(text) else Code.promotion_personal


RULES_REVISION = 13  # 2: obscene and abuse scores need their words (else an attack); allowed phrases blanked
# 3: links to allowed sites (citations) blanked; 4: without a link, a pitch needs the writer's own thing;
# 5: a score no word pushes up (the model's prior) is no finding; 6: the policy's allowed phrases blanked;
# 7: places, people and brands named with a swear word inside blanked ("Cockermouth", names.py);
# 8: a word inside a link is shown as the whole link; a threat quoted as a third party's blanked for the threat head
# 9: an attack whose words are insult adjectives aimed at a thing ("what a stupid war") lowered under review;
# 10: a link shown without the sentence's punctuation after it
# 11: a charge of conduct said of a public figure ("Putin is a war criminal") lowered under review; a word
# quoted to reject it ("stop calling refugees 'invaders'") blanked
# 12: an insult quoted as a third party's ("'Bastards' is what the minister called them") blanked for every head
# but the threat head's own rule; words named racism or a lie after a quotation ("'...' is racist") blanked
# 13: an attack whose words are an insult the writer says of himself ("I feel like an idiot") lowered under review;
# with no group word nor slur, a nationality, faith or orientation the model saw names the abuse ("Irish");
# "Dick and Jane" (the readers) a name


class LearnedChecker:
    """The n-gram model's heads as findings, each with the words that pushed its score up."""

    name = "learned.ngram"

    def __init__(self, scorer: Scorer | None = None, lexicon: LexiconChecker | None = None,
                 citations: Callable[[CheckContext], list[tuple[int, int]]] | None = None) -> None:
        self._scorer = scorer
        self._lexicon = lexicon  # the pipeline's, whose scan of the comment is reused; else the built-in one
        # Spans of links to the policy's allowed sites; else the built-in list's. The head that learned spam
        # from "http", "www" and "com" would call a BBC link promotion.
        self._citations = citations or citation_spans

    @property
    def scorer(self) -> Scorer:
        if self._scorer is None:
            self._scorer = _shared_scorer()
        return self._scorer

    @property
    def version(self) -> str:
        """The model's version and the revision of the rules around it (gates, attribution, blanking)."""
        return f"{self.scorer.m.version}/r{RULES_REVISION}"

    def check(self, context: CheckContext) -> list[Finding]:
        text = context.text
        language, _ = context.detected_language
        if language not in (None, "en"):
            return []  # trained on English only: elsewhere its scores mean nothing, the lexicons take over
        words, allowed = lexicon_words(self._lexicon or default_lexicon(), context)
        # "Dick Advocaat" is a coach and "Pussy Riot" a band: neither is a word for the model to judge; nor is
        # a link to a news site, a citation the gates below must not take for a dropped link.
        # A word quoted to reject it ("stop calling refugees 'invaders'") is a mention, not the writer's own.
        judged = blank(text, context.name_spans + allowed + self._citations(context) + context.mentioned_spans
                       + rejecting_words(text))
        scored = self.scorer.score(judged)
        if not scored.spans:  # no words (empty, emoji, punctuation): nothing for an n-gram model to judge
            return []
        s = dict(scored.scores)
        threat_scored = scored
        if s["threat"] >= ATTRIBUTION_FLOOR and (quoted := reported_quotations(text)):
            # A threat the writer quotes as a third party's ("he shouted 'I will kill you', the court heard") is
            # reporting: the threat head judges the writer's own words only (a slur quoted still counts).
            threat_scored = self.scorer.score(blank(judged, quoted))
            s["threat"] = threat_scored.scores["threat"] if threat_scored.spans else 0.0
        violation = threat_scored.scores["violation"]
        if max(s[head] for head in _INSULT_HEADS) >= ATTRIBUTION_FLOOR and (said := self._said(context)):
            # So is an insult quoted as a third party's ("'Bastards' is what the minister called them"): the other
            # heads judge the writer's own words, a quotation with a slur of the word lists' in it still counts.
            scored = self.scorer.score(blank(judged, said))
            nothing_else = not scored.spans  # the comment is the quotation: nothing of the writer's to judge
            s.update((head, 0.0 if nothing_else else value) for head, value in scored.scores.items() if head != "threat")
            violation = 0.0 if nothing_else else min(violation, scored.scores["violation"])
        # The group named, else the slur's, else a nationality, faith or orientation the model saw ("stupid Irish
        # cunt", "homosexuality ... a disorder"): an abuse score with none of them is the attack it describes.
        # (looked up only for an abuse score that can name a ground: below the floor it is no reason to hold)
        group = (named_group(scored, text) or next(iter(sorted(words & _ABUSE, key=lambda c: c.value)), None)
                 or (named_group(scored, text, CODE_OF_ATTRIBUTION_WORD) if s["abuse"] >= ATTRIBUTION_FLOOR else None))
        codes = dict(_HEAD_CODES, abuse=group or Code.personal_attack)
        if not words & _OBSCENE:
            codes["obscene"] = Code.personal_attack
        best: dict[Code, tuple[float, str]] = {}

        def offer(code: Code, score: float, head: str) -> None:
            if score >= REPORT_FLOOR and score > best.get(code, (-1.0, ""))[0]:
                best[code] = (score, head)

        for head in _TOXIC_HEADS:
            offer(codes[head], s[head], head)
        likeliest = max(_TOXIC_HEADS, key=s.__getitem__)
        if s[likeliest] >= ATTRIBUTION_FLOOR:  # a general "violation" needs some sign of which ground it is:
            # war reporting alone reads as "toxic"; so does anything beside a threat quoted as another's
            offer(codes[likeliest], violation, "violation")
        if s["promotion"] >= REPORT_FLOOR:
            if _PROMOTION_LINK.search(judged):
                pitched = _PITCH_WORDS.search(judged) or _little_more_than_a_link(judged)
                offer(promotion_code(judged), s["promotion"] if pitched else min(s["promotion"], _LINK_ONLY_CAP),
                      "promotion")
            elif _PROMOTION_WORDS.search(judged):
                offer(promotion_code(judged), s["promotion"], "promotion")
        # A score no word pushes up is the model's prior (a short Persian or Chinese comment has no feature it
        # knows): at most the bias's probability, nothing to show a moderator, so no finding.
        findings = [
            Finding(code, score, whole_links(evidence, text), self.name, self.version)
            for code, (score, head) in best.items()
            if (evidence := self.scorer.evidence(threat_scored if code is Code.threat else scored, text, head))
        ]
        findings = [_criticism(finding, text) for finding in findings]
        return sorted(findings, key=lambda f: (-f.score, f.code.value))

    def _said(self, context: CheckContext) -> list[tuple[int, int]]:
        """The quotations set out as a third party's words that hold no slur of the word lists."""
        said = said_quotations(context.text)
        if not said:
            return said
        lexicon = self._lexicon or default_lexicon()
        slurs = [span for match, span in lexicon.scan(context).matches if lexicon.tables[match.table].code in _ABUSE]
        return [(a, b) for a, b in said if not any(a <= start and end <= b for start, end in slurs)]


def _criticism(finding: Finding, text: str) -> Finding:
    """The heads learned "stupid" and "criminal" from insults; said of a war or a plan, or of a head of state as
    a charge of conduct ("Putin is a war criminal"), it is criticism, not an attack; said by the writer of himself
    ("I must be retarded", "treated like a moron"), it attacks no one."""
    if finding.code is not Code.personal_attack:
        return finding
    if all_aimed_at_things(text, finding.evidence):
        score, suffix = AIMED_AT_A_THING_SCORE, AT_A_THING
    elif all_said_of_public_figures(text, finding.evidence):
        score, suffix = PUBLIC_FIGURE_SCORE, SAID_OF_A_PUBLIC_FIGURE
    elif finding.score > OF_THE_WRITER_SCORE and all_said_of_the_writer(text, finding.evidence):
        score, suffix = OF_THE_WRITER_SCORE, OF_THE_WRITER
    else:
        return finding
    evidence = tuple(dataclasses.replace(e, rule=e.rule + suffix) for e in finding.evidence)
    return dataclasses.replace(finding, score=min(finding.score, score), evidence=evidence)


# Starts only where a run of address characters starts, so a long "a.a.a..." is tried once, not from every dot.
_LINK = re.compile(rf"(?:https?://|www\.)[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?]|(?<![\w.-])(?:[a-z0-9-]+\.)+(?:{TLDS})\b(?:/[^\s<>\"']*)?",
                   re.IGNORECASE)


def whole_links(evidence: tuple[Evidence, ...], text: str) -> tuple[Evidence, ...]:
    """A word inside a link ("http", "com") tells a moderator or an author nothing: the whole link does."""
    if not _PROMOTION_LINK.search(text):
        return evidence
    links = [m.span() for m in _LINK.finditer(text)]
    shown: dict[tuple[int, int], Evidence] = {}
    for item in evidence:
        link = next(((start, end) for start, end in links if start <= item.start and item.end <= end), None)
        if link is not None:
            item = Evidence(link[0], link[1], text[link[0]:link[1]], item.rule)
        shown.setdefault((item.start, item.end), item)
    return tuple(shown.values())


def _shared_scorer() -> Scorer:
    return _load()[1]
