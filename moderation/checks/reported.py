"""Words the writer reports as someone else's: "he shouted 'I will kill you', the court heard".

The newsroom covers attacks and trials, and its readers quote what attackers said and what courts heard. A
threat quoted and attributed to a third party is reporting, not the writer's own threat. Attribution must be
plain: a reporting verb with a third party as its subject ("the gunman yelled", "messages saying", "'...', he
said") or a court or police frame ("the court heard", "prosecutors said", "was jailed for"), and nothing in the
sentence that makes the words the writer's ("I'll say it again", "from me", "my message"). When unsure the
words stay the writer's: a lowered score hides a threat from the review queue, a kept one costs a look.

Spans are in the text as written, so the pattern checkers (evidence) and the word lists (their matches) can
both ask.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

_FLAGS = re.IGNORECASE | re.VERBOSE
_LETTER = r"[^\W\d_]"

# Words a quotation opens with; the cheap test before any other work.
SPEECH_CUE = re.compile(r"""["“”‘’'«»:]|\b(?:said|says|told|shouted|yelled|screamed|wrote|texted|messaged|
    emailed|tweeted|posted|warned|threatened|saying|telling|reading|heard)\b""", _FLAGS)

# A threat quoted as a third party's ("the gunman yelled 'you will all die'") stays a finding the moderator
# sees, in the patterns and the word lists alike, scored below review and its evidence marked: the comment
# reports it.
REPORTED_SCORE = 0.3
REPORTED = ":reported"

QUOTE_LENGTH = 300
# A quotation on one line, at most QUOTE_LENGTH characters. An apostrophe inside a word ("I'm", "you’ll") does
# not end a single-quoted one; a quote mark glued to a letter on its outer side does not open or close one.
QUOTATION = re.compile(rf"""
    "[^"\n]{{1,{QUOTE_LENGTH}}}?"
  | “[^”"\n]{{1,{QUOTE_LENGTH}}}?[”"]
  | «[^»\n]{{1,{QUOTE_LENGTH}}}?»
  | (?<!{_LETTER})‘(?:[^’\n]|’(?={_LETTER})){{1,{QUOTE_LENGTH}}}?’(?!{_LETTER})
  | (?<![^\W_])'(?=[^\W_])(?:[^'\n]|'(?={_LETTER})){{1,{QUOTE_LENGTH}}}?'(?![^\W_])
""", _FLAGS)

# A quotation mark, not an apostrophe inside a word.
QUOTE_MARK = re.compile(r"""["“”«»‘]|(?<![^\W_])'|'(?![^\W_])|’(?![^\W_])""")

REPORTING_VERB = r"""(?:said|says|told|tells|shouted|shouts|yelled|yells|screamed|screams|wrote|writes|texted|
    messaged|emailed|e-mailed|tweeted|posted|warned|threatened|added|replied|chanted|whispered|muttered|stated|
    saying|telling|shouting|yelling|screaming|writing|reading|read|reads|stating|warning|threatening)"""
# Whom it was said to, between the verb and the words: "told her", "yelled at the officers", "texted his wife".
_HEARER = r"""(?:\s+(?:to\s+|at\s+)?(?:him|her|them|me|us|the\s+\w+|his\s+\w+|her\s+\w+|their\s+\w+|a\s+\w+|
    [^\W\d_]+(?=\s*[,:"“‘'«])))?"""
_THEN = r"(?:\s+(?:that|repeatedly|again|loudly|then|the\s+words|words\s+to\s+the\s+effect\s+of))?"

# A reporting verb right before a quotation: 'he told her "...', 'messages saying: "...'
FRAME_BEFORE_QUOTE = re.compile(rf"\b{REPORTING_VERB}{_HEARER}{_THEN}[\s,:\-–—]*$", _FLAGS)
# A reporting verb opening words without quotation marks, with a colon ("She texted him: ...") or none.
FRAME_BEFORE_COLON = re.compile(rf"\b{REPORTING_VERB}{_HEARER}{_THEN}\s*:", _FLAGS)
FRAME_BEFORE_BARE = re.compile(rf"\b{REPORTING_VERB}{_HEARER}{_THEN}\s*$", _FLAGS)
# Right after a quotation: '..., he said', '... ," said the man', '... is what she told him'.
FRAME_AFTER_QUOTE = re.compile(rf"""^[\s,;.!?\-–—]*(?:
    (?P<subject>(?:(?:the|a|an|his|her|their)\s+)?{_LETTER}+(?:\s+{_LETTER}+)?)\s+
        (?:allegedly\s+|reportedly\s+|later\s+|then\s+|had\s+|has\s+)?{REPORTING_VERB}\b
  | (?:said|shouted|yelled|wrote|added|screamed)\s+(?:the\s+)?{_LETTER}+
  | (?:is|was)\s+what\s+(?P<subject_after_what>{_LETTER}+(?:\s+{_LETTER}+)?)\s+{REPORTING_VERB}\b)""", _FLAGS)

# A court, the police or a charge named in the sentence: the words are evidence in a case.
NEWS_FRAME = re.compile(r"""
    \bthe\s+(?:court|jury|tribunal|inquest|hearing|trial)\s+(?:heard|was\s+told|were\s+told|was\s+shown)\b
  | \b(?:prosecutors?|police|officers|detectives|investigators|witnesses|officials|authorities|the\s+prosecution|
        the\s+indictment|the\s+complaint|court\s+(?:documents|papers|records|filings)|the\s+charge\s+sheet|
        the\s+judge|the\s+victims?|the\s+family)\s+(?:said|say|says|allege|alleged|alleges|stated|told|testified)\b
  | \baccording\s+to\s+(?!(?:me|us|my|our)\b)
  | \b(?:was|were|been|being|is|are)\s+(?:charged|jailed|convicted|sentenced|arrested|accused|indicted|fined|
        prosecuted|detained|cleared|acquitted|found\s+guilty|imprisoned)\s+(?:with|for|of|after|over)\b
  | \bpleaded\s+(?:guilty|not\s+guilty)\b""", _FLAGS)

# The writer owns the words: said by "I" or "we", sent "from me", "my message", agreed with ("and so do I").
OWNED = re.compile(r"""
    \b(?:i|we)(?:['’](?:ll|d|ve|m))?\s+(?:(?:will|would|shall|must|just|have|had|do|did|really|also|again|now|
        always|hereby|can|could|want\s+to|wanna|gotta|am\s+going\s+to|going\s+to|gonna)\s+){0,2}
        (?:say|said|says|tell|told|repeat|mean|write|wrote|send|sent|promise|swear|warn|warned|agree|second)\b
  | \b(?:my|our)\s+(?:message|words|answer|reply|promise|warning|advice|response)\b
  | \bfrom\s+(?:me|us)\b | \bmark\s+my\s+words\b | \bso\s+(?:do|say)\s+(?:i|we)\b | \bsame\s+(?:here|goes)\b
  | \bwell\s+said\b | \bhear,?\s+hear\b | \bamen\b | \bagreed?\b | \bexactly\b | \bditto\b | \bme\s+too\b
  | \bthe\s+same\s+(?:to|for|goes)\b | \b(?:he|she|they|who)(?:['’](?:s|re)|\s+(?:is|are|was|were))\s+(?:so\s+)?right\b
  | \b(?:as|like)\s+(?:\w+\s+){0,2}?(?:said|says|put\s+it)\b""", _FLAGS)

# Words before a reporting verb that say it was not said by a third party: "I said", "someone should say".
NOT_A_THIRD_PARTY = frozenset("""i we you u ya yall y'all i'll i'd we'll we'd you'll you'd i've we've let's
    should must would could will shall can might may to please let lets""".split())
# Words passed over to reach the subject: "he had allegedly said", "the man then yelled".
AUXILIARY = frozenset("""allegedly reportedly repeatedly then later also once had has have previously
    apparently just clearly calmly again suddenly""".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
REACH = 160  # characters around the words where their frame is looked for


def reported_by_another(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` lies in speech the writer plainly reports as a third party's."""
    if not SPEECH_CUE.search(text, max(0, start - QUOTE_LENGTH - REACH), end + QUOTE_LENGTH + REACH):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    quotes = _quotations(text, line_start, line_end)
    around = bisect.bisect_left(quotes, (start, start)) - 1  # the last quotation opening before the words
    if around >= 0 and end <= quotes[around][1]:
        quote_start, quote_end = quotes[around]
        before = _clause_before(text, line_start, quote_start)
        after = _clause_after(text, quote_end, line_end)
        return _quote_attributed(before, after) and not _owned(text, line_start, quote_start, quote_end, line_end)
    # words without quotation marks, after "She texted him:" or, in a court report, right after the verb
    before = _clause_before(text, line_start, start)
    after = _clause_after(text, end, line_end)
    if _owned(text, line_start, start, end, line_end):
        return False
    colon = None
    for colon in FRAME_BEFORE_COLON.finditer(before):
        pass
    if (colon is not None and _third_party_said(before, colon.start())
            and not QUOTE_MARK.search(before, colon.end())):  # not 'He said: "you are wrong" and I will ...'
        return True
    bare = FRAME_BEFORE_BARE.search(before)
    return (bare is not None and _third_party_said(before, bare.start())
            and bool(NEWS_FRAME.search(before) or NEWS_FRAME.search(after)))


MAX_QUOTATIONS = 20  # asked about in one comment; a comment of more quotations is no court report


def reported_quotations(text: str) -> list[tuple[int, int]]:
    """The quotations, quote marks included, that the writer reports as a third party's: what a scorer that
    reads a whole comment (the learned one) can blank before judging whether the writer threatens."""
    if not SPEECH_CUE.search(text):
        return []
    spans: list[tuple[int, int]] = []
    line_start = 0
    asked = 0
    while line_start <= len(text) and asked < MAX_QUOTATIONS:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        for start, end in _quotations(text, line_start, line_end)[:MAX_QUOTATIONS - asked]:
            asked += 1
            if reported_by_another(text, start + 1, end - 1):
                spans.append((start, end))
        line_start = line_end + 1
    return spans


@lru_cache(maxsize=16)
def _quotations(text: str, line_start: int, line_end: int) -> list[tuple[int, int]]:
    """The quotations of a line, paired from its start, found once for all the words asked about in it."""
    return [quote.span() for quote in QUOTATION.finditer(text, line_start, line_end)]


def _clause_before(text: str, line_start: int, at: int) -> str:
    """The sentence before position `at`, back to its start (at most REACH characters)."""
    window_start = max(line_start, at - REACH)
    window = text[window_start:at]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    return window[ends[-1]:] if ends else window


def _clause_after(text: str, at: int, line_end: int) -> str:
    """The rest of the sentence after position `at` (at most REACH characters)."""
    window = text[at:min(line_end, at + REACH)]
    first_end = _SENTENCE_END.search(window)
    return window[:first_end.end()] if first_end else window


def _quote_attributed(before: str, after: str) -> bool:
    frame = FRAME_BEFORE_QUOTE.search(before)
    if frame is not None and _third_party_said(before, frame.start()):
        return True
    following = FRAME_AFTER_QUOTE.match(after)
    if following is not None:
        subject = following.group("subject") or following.group("subject_after_what")
        if subject is None or _words(subject)[-1] not in NOT_A_THIRD_PARTY:
            return True
    return bool(NEWS_FRAME.search(before) or NEWS_FRAME.search(after))


def _third_party_said(before: str, verb_start: int) -> bool:
    """Whether the reporting verb at `verb_start` has a third party as its subject: not "I", not "someone should"."""
    for word in reversed(_words(before[:verb_start])):
        if word in AUXILIARY:
            continue
        return word not in NOT_A_THIRD_PARTY
    return False  # no subject: an order ("Say to him ...") or a sentence that starts with the verb


def _owned(text: str, line_start: int, start: int, end: int, line_end: int) -> bool:
    """Whether the writer takes the words as their own, in the sentence or the ones either side on the line."""
    return bool(OWNED.search(text, max(line_start, start - REACH), start)
                or OWNED.search(text, end, min(line_end, end + REACH)))


def _words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]
