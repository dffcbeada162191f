"""Whether an insult word is aimed at a thing, not a person.

"What a stupid war", "the plan is moronic" and "قرار غبي" criticise a war, a plan and a decision: the policy
welcomes criticism and rejects attacks on people. Adjectives such as "stupid" and "idiotic" are evidence of
a personal attack only when nothing shows they describe a thing; the word checks and the learned scorer ask
this module before holding a comment for them. Insult nouns ("idiot") are never aimed at a thing.
"""

from __future__ import annotations

import re

from moderation.checks import Evidence

AIMED_AT_A_THING_SCORE = 0.3  # shown to a moderator who asks for every score; never holds a comment alone
AT_A_THING = ":thing"  # added to the evidence's rule

# Adjectives that insult a person when said of one, and criticise when said of a plan or a war.
ADJECTIVES = frozenset({
    "stupid", "stupider", "stupidest", "idiotic", "moronic", "dumb", "dumber", "dumbest", "ridiculous",
    "pathetic", "absurd", "silly", "foolish", "brainless", "asinine", "imbecilic", "ludicrous", "laughable",
    "senseless", "mindless", "crazy", "insane", "lame", "dopey", "daft", "pointless",
    # Arabic, Persian and Turkish ones that describe decisions as often as people
    "غبي", "غبية", "الغبي", "الغبية", "سخيف", "سخيفة", "السخيف", "السخيفة", "تافه", "تافهة", "التافه", "التافهة",
    "احمقانه", "مسخره", "مزخرف", "aptal", "aptalca", "saçma", "salakça", "ahmakça",
})

# Things a reader criticises. A compound that names people ("war criminal", "policy makers") is caught by
# what follows the noun (see _NOUN_PHRASE_ENDS).
THINGS = frozenset({
    "war", "wars", "policy", "policies", "law", "laws", "bill", "bills", "plan", "plans", "decision",
    "decisions", "idea", "ideas", "question", "questions", "article", "articles", "story", "headline",
    "headlines", "report", "argument", "arguments", "excuse", "excuses", "ceasefire", "truce", "deal",
    "deals", "budget", "budgets", "rule", "rules", "system", "move", "moves", "proposal", "proposals",
    "scheme", "schemes", "project", "situation", "thing", "things", "statement", "statements", "game",
    "games", "match", "tax", "taxes", "strategy", "approach", "response", "reform", "reforms",
    "regulation", "regulations", "ban", "campaign", "election", "referendum", "vote", "result", "results",
    "law's", "conflict", "invasion", "operation", "offensive", "occupation", "sanctions", "tariff",
    "tariffs", "measure", "measures", "policy's", "logic", "reasoning", "claim", "claims", "theory",
    "comparison", "title", "design", "system's", "process", "ruling", "verdict", "sentence", "war's",
    "mistake", "mistakes", "waste", "fight", "battle", "debate", "announcement", "speech", "interview",
    "programme", "program", "scheme's", "spending", "cuts", "decree", "order", "curfew", "lockdown",
    # what readers and editors write and watch: "a stupid edit", "idiotic news stories", "the show is moronic"
    "edit", "edits", "page", "pages", "section", "sections", "paragraph", "paragraphs", "wording", "stories",
    "show", "shows", "film", "films", "movie", "movies", "book", "books", "song", "songs", "website", "template",
    "category", "list", "source", "sources", "change", "changes", "revert", "reverts", "reversion", "reversions",
    # Arabic, Persian and Turkish, written before their adjective
    "قرار", "القرار", "سياسة", "السياسة", "حرب", "الحرب", "قانون", "القانون", "خطة", "الخطة", "فكرة", "الفكرة",
    "مقال", "المقال", "تصمیم", "جنگ", "سیاست", "طرح", "ایده", "savaş", "karar", "yasa", "politika", "fikir",
})

# After "stupid war", these end the noun phrase, so the war is what is called stupid. Any other word may be
# the real head of a compound that names people ("war criminals", "policy wonk", "law student").
_NOUN_PHRASE_ENDS = frozenset({
    "for", "of", "by", "in", "on", "at", "from", "to", "with", "about", "over", "against", "that", "which",
    "will", "would", "is", "was", "are", "were", "has", "have", "had", "and", "or", "but", "so", "because",
    "since", "if", "when", "as", "than", "the", "a", "an", "this", "it", "they", "we", "i", "you", "he",
    "she", "again", "ever", "here", "there", "now", "yet", "just", "should", "must", "could",
    "can", "does", "did", "do", "isn't", "wasn't", "won't", "means", "makes", "made", "cost", "costs",
    "killed", "kills", "hurts", "hurt", "never", "always", "still", "keep", "keeps", "kept", "last", "lasts",
    "lasted", "seem", "seems", "seemed",
})
# After a predicative "... is stupid", these end the clause; "stupid people", "stupid of you" do not.
_CLAUSE_GOES_ON = frozenset({"and", "or", "but", "to", "that", "because", "since", "as", "if", "when", "in",
                             "on", "at", "from", "beyond", "indeed", "too", "anyway"})
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_INTENSIFIERS = frozenset({"so", "very", "just", "totally", "utterly", "completely", "really", "absolutely",
                           "plain", "downright", "simply", "quite", "pretty", "truly", "too", "beyond",
                           "most", "more", "incredibly", "extremely", "plainly", "frankly", "thoroughly"})
_COPULAS = frozenset({"is", "was", "are", "were", "seems", "seemed", "looks", "looked", "sounds", "sounded",
                      "remains", "'s", "’s", "be", "been", "becomes", "became", "feels"})
# Subjects that are things: "this is stupid", "that's idiotic", "it was ridiculous".
_THING_PRONOUNS = frozenset({"this", "that", "it", "which", "these", "those"})
# Words between an adjective and the thing it describes: "a stupid, pointless war", "the most idiotic new policy".
_BETWEEN = 2


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().casefold().replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(text)]


def _split_contraction(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """"that's" reads as "that" "'s", so a copula follows a pronoun as in "that is"."""
    out = []
    for word, start, end in words:
        if word.endswith("'s") and word[:-2] in _THING_PRONOUNS:
            out += [(word[:-2], start, end - 2), ("'s", end - 2, end)]
        else:
            out.append((word, start, end))
    return out


def aimed_at_a_thing(text: str, start: int, end: int) -> bool:
    """True when the insult adjective at text[start:end] describes a thing named beside it."""
    if text[start:end].casefold() not in ADJECTIVES:
        return False
    words = _split_contraction(_words(text))
    at = next((i for i, (_, s, e) in enumerate(words) if s <= start < e), None)
    if at is None or words[at][0] not in ADJECTIVES:
        return False
    return _before_a_thing(text, words, at) or _said_of_a_thing(text, words, at) or _after_a_thing(words, at)


def _sentence_break(text: str, start: int, end: int) -> bool:
    return any(c in ".!?;:\n" for c in text[start:end])


def _before_a_thing(text: str, words: list[tuple[str, int, int]], at: int) -> bool:
    """"a stupid war", "the most idiotic new policy", "a ridiculous, pathetic excuse for a ceasefire"."""
    for i in range(at + 1, min(at + 2 + _BETWEEN, len(words))):
        if _sentence_break(text, words[i - 1][2], words[i][1]):
            return False
        word = words[i][0]
        if word in THINGS:
            following = words[i + 1] if i + 1 < len(words) else None
            if following is None or _sentence_break(text, words[i][2], following[1]) or "," in text[
                    words[i][2]:following[1]]:
                return True
            return following[0] in _NOUN_PHRASE_ENDS
        if word in ("you", "your", "ur", "u"):
            return False
    return False


def _said_of_a_thing(text: str, words: list[tuple[str, int, int]], at: int) -> bool:
    """"the whole plan is moronic", "this is stupid", "that's idiotic and dangerous"."""
    i = at - 1
    while i >= 0 and words[i][0] in _INTENSIFIERS:
        i -= 1
    if i < 1 or words[i][0] not in _COPULAS or _sentence_break(text, words[i][2], words[at][1]):
        return False
    subject = words[i - 1][0]
    if subject not in THINGS and subject not in _THING_PRONOUNS:
        return False
    following = words[at + 1] if at + 1 < len(words) else None
    return (following is None or _sentence_break(text, words[at][2], following[1])
            or "," in text[words[at][2]:following[1]] or following[0] in _CLAUSE_GOES_ON)


def _after_a_thing(words: list[tuple[str, int, int]], at: int) -> bool:
    """Arabic, Persian and Turkish put the noun first: "قرار غبي", "تصمیم احمقانه"; Turkish "aptal karar" is
    caught before the noun like English."""
    return at > 0 and words[at - 1][0] in THINGS and not words[at][0].isascii()


def all_aimed_at_things(text: str, evidence: tuple[Evidence, ...]) -> bool:
    """True when the evidence holds an insult adjective aimed at a thing and nothing aimed at a person: each
    other word is a thing itself ("stupid law" shows both words) or says nothing of anyone ("honestly")."""
    adjectives = [e for e in evidence if (words := _words(e.text)) and words[0][0] in ADJECTIVES]
    if not adjectives or not all(aimed_at_a_thing(text, e.start, e.end) for e in adjectives):
        return False
    rest = [e for e in evidence if e not in adjectives]
    return all(all(word in THINGS or word in _SAYS_NOTHING for word, _, _ in _words(e.text)) for e in rest)


# Words the learned scorer may show beside the adjective that aim it at no one.
_SAYS_NOTHING = _INTENSIFIERS | _THING_PRONOUNS | _COPULAS | frozenset({
    "honestly", "seriously", "frankly", "what", "a", "an", "the", "such", "total", "complete", "utter", "whole",
    "entire", "idea", "ever", "about", "got", "getting", "of"})


# --- insults the writer says of himself, or says he was called or treated as ---

OF_THE_WRITER_SCORE = 0.3  # shown to a moderator who asks for every score; never holds a comment alone
OF_THE_WRITER = ":self"  # added to the evidence's rule

# "I must be retarded", "I often come off as a douche", "being treated like a moron", "he called me an idiot":
# the writer names himself, or what someone else made of him; nobody is attacked. Only fillers may stand
# between these words and the insult: "I'm sure you're an idiot", "I am sick of idiots" stay attacks.
_WRITER_BEFORE = re.compile(r"""
    \b(?:
        i(?:\s+(?:often|always|sometimes|probably|just|really|guess|think|must|might|may|do|did|will|would))*\s+
            (?:am|was|must\s+be|might\s+be|may\s+be|would\s+be|will\s+be|feel(?:\s+like)?|felt(?:\s+like)?
            |look(?:ed)?\s+like|sound(?:ed)?\s+like|seem(?:ed)?\s+like|come\s+(?:off|across)\s+as|came\s+(?:off|across)\s+as)
        |i['’]m|im
        |(?:call(?:s|ed|ing)?|treat(?:s|ed|ing)?)\s+me(?:\s+like)?|(?:being|i\s+was|i\s+got|i\s+get)\s+treated\s+like
        |(?:make|makes|made)\s+me\s+(?:look|feel|sound)\s+like)
    (?:\s+(?:a|an|the|such|so|just|really|total|complete|real|bit|of|kind|sort|like|being|also|big|little|bloody|fucking))*
    \s+$""", re.VERBOSE | re.IGNORECASE)
_WRITER_REACH = 60  # characters looked at before the insult


def said_of_the_writer(text: str, start: int, end: int) -> bool:
    """True when the insult at text[start:end] is what the writer calls himself ("I must be retarded") or what he
    says he was called or treated as ("being treated like a moron", "he called me an idiot")."""
    before = text[max(0, start - _WRITER_REACH):start]
    cut = max(before.rfind(mark) for mark in ".!?;:\n\"“”")
    if cut >= 0:
        before = before[cut + 1:]
    return bool(_WRITER_BEFORE.search(before))


# Words the learned scorer may show beside an insult the writer says of himself ("treated like a moron").
_SAYS_NOTHING_OF_ANYONE = frozenset({
    "i", "i'm", "im", "me", "am", "was", "be", "must", "might", "may", "like", "feel", "felt", "look", "looked",
    "sound", "sounded", "seem", "seemed", "treated", "treat", "called", "call", "calling", "such", "a", "an", "the",
    "so", "just", "really", "total", "complete", "real", "big", "little", "kind", "sort", "of", "being"})


def all_said_of_the_writer(text: str, evidence: tuple[Evidence, ...]) -> bool:
    """True when the evidence holds an insult the writer says of himself and nothing else that says anything."""
    own = [e for e in evidence if _words(e.text) and said_of_the_writer(text, e.start, e.end)]
    if not own:
        return False
    return all(all(word in _SAYS_NOTHING_OF_ANYONE for word, _, _ in _words(e.text)) for e in evidence if e not in own)
