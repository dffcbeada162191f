"""The lexicon phase: every table of every language, and the policy's own terms, in one scan."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from moderation.checks import CheckContext, Evidence, Finding
from moderation.checks.lexicon import Lexicon, Table, builtin_lexicons
from moderation.checks.matching import Match, Phrase, TermMatcher
from moderation.checks.mentions import MENTIONED, MENTIONED_SCORE, rejected_as_untrue
from moderation.checks.reported import (REPORTED, REPORTED_SCORE, insult_reported, quoted_insult_reported,
                                        reported_by_another)
from moderation.checks.targets import (AIMED_AT_A_THING_SCORE, AT_A_THING, OF_THE_WRITER, OF_THE_WRITER_SCORE,
                                      aimed_at_a_thing, said_of_the_writer)
from moderation.guidelines import Code
from moderation.policy import DEFAULT_POLICY, DEFAULT_REVIEW_THRESHOLD, Policy

BANNED_SCORE = 0.95
SUSPECT_SCORE = 0.55
POLICY_TERM_SCORE = 0.9
MAX_SCORE = 0.99
# A group word of a table scored below this is also quoted in reporting ("عبدة الشيطان", what ISIS called the Yazidis)
QUOTED_IN_REPORTING = 0.8
_NEXT_WORD = re.compile(r"\s*([^\W_]+)")


def policy_tables(policy: Policy) -> list[Table]:
    tables = []
    if policy.banned_terms:
        tables.append(Table("policy", Code.profanity, "banned", BANNED_SCORE, policy.banned_terms))
    if policy.suspect_terms:
        tables.append(Table("policy", Code.profanity, "suspect", SUSPECT_SCORE, policy.suspect_terms))
    for code, terms in policy.extra_terms.items():
        tables.append(Table("policy", code, code.value, POLICY_TERM_SCORE, terms))
    return tables


def combine(scores: list[float]) -> float:
    """Independent hits corroborate each other (noisy-or), never reaching certainty.

    Words scored below the review threshold (mild swearing, clinical words) are shown, not held for: however
    many of them a comment has, they add up only behind a word that is held for on its own.
    """
    if max(scores, default=0.0) < DEFAULT_REVIEW_THRESHOLD:
        return max(scores, default=0.0)
    remaining = 1.0
    for score in scores:
        remaining *= 1.0 - score
    return min(MAX_SCORE, 1.0 - remaining)


@dataclass(frozen=True)
class Scan:
    """Term matches (with their spans in the original text) and allowed phrases (spans in the normalised text)."""

    matches: list[tuple[Match, tuple[int, int]]]
    allowed: list[tuple[int, int]]
    policy_allowed: list[tuple[int, int]] = field(default_factory=list)  # the newsroom's own: "never a finding"

    def allowed_around(self, match: Match) -> list[tuple[int, int]]:
        return [(a, b) for a, b in self.allowed if a <= match.start and match.end <= b]

    def inside_allowed(self, match: Match) -> bool:
        return bool(self.allowed_around(match))


class LexiconChecker:
    name = "lexicon"

    def __init__(self, policy: Policy = DEFAULT_POLICY, lexicons: tuple[Lexicon, ...] | None = None):
        lexicons = builtin_lexicons() if lexicons is None else lexicons
        self.tables = [table for lexicon in lexicons for table in lexicon.tables] + policy_tables(policy)
        self.matcher = TermMatcher((table.terms for table in self.tables),
                                   dotless_tables=[k for k, table in enumerate(self.tables) if table.language == "en"],
                                   spaced_tables=[k for k, table in enumerate(self.tables) if table.spaced])
        # Claims about a group (the phrase tables) and the group words also quoted in reporting (the weaker
        # tables): lowered inside quoted words the writer names a lie or racism (`mentions.rejected_as_untrue`);
        # a slur of the stronger tables stays, as it would still be printed
        self._claims = frozenset(k for k, table in enumerate(self.tables) if table.code in ABUSE_CODES and (
            table.score < QUOTED_IN_REPORTING or any(isinstance(term, Phrase) for term in table.terms)))
        builtin_allowed = [term for lexicon in lexicons for term in lexicon.allowed]
        allowed = builtin_allowed + list(policy.allowed_terms)
        # as written; table 1 is the policy's, which the learned phase blanks wherever it appears
        self.allowed = TermMatcher([builtin_allowed, policy.allowed_terms], evasions=False) if allowed else None
        digest = hashlib.sha256(repr([(t.rule, t.score, t.terms, sorted(t.unless_after), t.clause_end, t.spaced)
                                      for t in self.tables]
                                     + allowed).encode())
        self.version = f"15-{digest.hexdigest()[:8]}"  # 3: threats reported as a third party's lowered;
        # 4: insult adjectives aimed at a thing ("a stupid war") lowered; 5: swear words masked past the letters'
        # rule that fit one word only read written out ("f***", "sh**"); 6: tables whose matches count only at a
        # clause's end (`clause_end`) or with their spaces written (`spaced`); 7: a masked slur that fits another
        # group's name too ("j**s": japs, jews) not read as the slur, the group rules reading the sentence;
        # 8: a romanised term's space beside a particle must be written ("to khari" is not "Tokhari");
        # 9: threats reported in Arabic, Turkish, Kurmanji, Persian and Sorani lowered (reported.py); an insult
        # inside a quotation the writer rejects ("stop calling me an 'idiot'") lowered (mentions.py)
        # 10: an insult reported in Turkish as another's words ("Şerefsiz dedi diye dava açıldı") lowered
        # (reported.py)
        # 11: quoted words rejected in Arabic, Turkish and Persian (mentions.py); a claim about a group, or a group
        # word also quoted in reporting, lowered inside quoted words the writer names a lie or racism
        # 12: threats reported with an order given ("'...' emri verdi", "ferman da", "دستور داد"), a Kurmanji "got"
        # before a quotation mark, a hearer named before the quote ("told reporters '...'"); "exactly the kind of
        # threat" no longer taken for agreement (reported.py)
        # 13: an insult in quotation marks set out as a third party's words or as the name a third party gave
        # someone ("'şerefsiz' dedi", "called the protesters 'traitors'") lowered (reported.py)
        # 14: quoted words rejected in Kurmanji, Sorani and English ("'...' nijadperestî ye", "'...' درۆیە",
        # "calling them '...' is racist", "stop saying '...'") (mentions.py); a name another gave taken up ("for a
        # reason", "the name fits", "and it's true") stays the writer's (reported.py)
        # 15: an insult the writer says of himself, or says he was called or treated as ("I must be retarded",
        # "being treated like a moron") lowered (targets.py); "Dick and Jane" a name (names.py)

    def scan(self, context: CheckContext) -> Scan:
        """Every term and allowed phrase in the comment, found once for this phase and the learned one."""
        scan = context.memo.get(self)
        if scan is None:
            normalized = context.normalized
            found = list(self.allowed.find(normalized.text)) if self.allowed else []
            matches = list(self.matcher.find_in(normalized))
            if MASK in normalized.text:
                matches = [(m, span) for m, span in matches if not self._masked_as_another_group(normalized.text, m)]
            scan = context.memo[self] = Scan(matches, [(m.start, m.end) for m in found],
                                             [(m.start, m.end) for m in found if m.table == 1])
        return scan

    def _masked_as_another_group(self, text: str, match: Match) -> bool:
        """A slur masked so far that it fits another group's name too ("j**s": japs, jews): not read as the slur.
        Which group is named, and whether it is abuse, is the sentence's to say: the group rules read the word in
        context ("j**s control the banks", `abuse.unmasked_names`); nor does the learned phase take the slur's
        group for the one named."""
        code = self.tables[match.table].code
        return code in ABUSE_CODES and MASK in text[match.start:match.end] and _masked_as_another_group(
            text[match.start:match.end], code)

    def check(self, context: CheckContext) -> list[Finding]:
        scan = self.scan(context)
        hits: dict[Code, dict[tuple[int, int], tuple[float, Evidence]]] = defaultdict(dict)
        for match, (start, end) in scan.matches:
            if scan.inside_allowed(match) or context.inside_a_name(start, end):
                continue
            table = self.tables[match.table]
            if table.unless_after and _undone(context.normalized.text, match.end, table.unless_after):
                continue
            if table.clause_end and not _CLAUSE_END.match(context.normalized.text, match.end):
                continue
            score, rule = table.score, table.rule
            if table.code is Code.threat and reported_by_another(context.text, start, end):
                score, rule = min(score, REPORTED_SCORE), rule + REPORTED  # "he yelled 'I will kill you'"
            elif table.code is Code.personal_attack and aimed_at_a_thing(context.text, start, end):
                score, rule = min(score, AIMED_AT_A_THING_SCORE), rule + AT_A_THING  # "the most idiotic policy"
            elif table.code is Code.personal_attack and said_of_the_writer(context.text, start, end):
                score, rule = min(score, OF_THE_WRITER_SCORE), rule + OF_THE_WRITER  # "I must be retarded"
            elif table.code is Code.personal_attack and context.inside_a_mention(start, end):
                score, rule = min(score, MENTIONED_SCORE), rule + MENTIONED  # "stop calling me an 'idiot'"
            elif table.code is Code.personal_attack and (insult_reported(context.text, start, end)
                                                         or quoted_insult_reported(context.text, start, end)):
                # "Şerefsiz dedi diye dava açıldı", "the minister called them 'traitors'"
                score, rule = min(score, REPORTED_SCORE), rule + REPORTED
            elif (match.table in self._claims and context.inside_a_mention(start, end)
                  and rejected_as_untrue(context.text, start, end)):
                score, rule = min(score, MENTIONED_SCORE), rule + MENTIONED  # "'عبدة الشيطان' كذبة"
            best = hits[table.code].get((start, end))
            if best is None or best[0] < score:
                evidence = Evidence(start, end, context.text[start:end], rule)
                hits[table.code][(start, end)] = (score, evidence)
        findings = []
        for code, spans in hits.items():
            by_word: dict[str, float] = {}
            for score, evidence in spans.values():
                word = evidence.text.casefold()
                by_word[word] = max(by_word.get(word, 0.0), score)
            evidence = tuple(e for _, e in sorted(spans.values(), key=lambda item: item[1].start))
            findings.append(Finding(code, combine(list(by_word.values())), evidence, self.name, self.version))
        return findings


ABUSE_CODES = frozenset(code for code in Code if code.value.startswith("abuse."))
MASK = "*"
_MASKED_TOKEN = re.compile(r"[^\s]*\*[^\s]*")


def _masked_as_another_group(matched: str, code: Code) -> bool:
    """Whether a masked word of the match also fits the name of a group of another code."""
    from moderation.checks.abuse import masked_group_codes

    return any(masked_group_codes(token.strip(".,;:!?\"'()")) - {code} for token in _MASKED_TOKEN.findall(matched))


# Where a clause ends: nothing but spaces, signs and emoji before a full stop, a line's end or the text's; a comma
# goes on ("Yazar eşek, at ve katır yetiştiriyor": the writer breeds donkeys, horses and mules).
_CLAUSE_END = re.compile(r"[^\w,;:،؛]*?(?:[.!?…؟\n]|\Z)")

# A question particle after the negation makes a tag question that asserts the claim: Turkish "hain değil mi?"
# ("traitors, aren't they?").
TAG_QUESTION = frozenset({"mi", "mı", "mu", "mü"})


def _undone(text: str, end: int, undoers: frozenset[str]) -> bool:
    following = _NEXT_WORD.match(text, end)
    if following is None or following.group(1).casefold() not in undoers:
        return False
    tag = _NEXT_WORD.match(text, following.end())
    return tag is None or tag.group(1).casefold() not in TAG_QUESTION
