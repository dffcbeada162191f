"""The words a rule needs, read off its expression: a rule is skipped only where it could not have matched."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.checks.abuse import RULES as ABUSE_RULES
from moderation.checks.abuse import GroupAbuseChecker
from moderation.checks.attacks import RULES as ATTACK_RULES
from moderation.checks.attacks import PersonalAttackChecker
from moderation.checks.normalize import normalize
from moderation.checks.patterns import Rule
from moderation.checks.required import PresentWords, required_search, required_words
from moderation.checks.threats import RULES as THREAT_RULES
from moderation.checks.threats import ThreatChecker

RULES: list[Rule] = THREAT_RULES + ATTACK_RULES + ABUSE_RULES
BENCH = Path(__file__).resolve().parent.parent / "bench"


def words(pattern: str, flags: int = 0) -> set[str] | None:
    found = required_words(re.compile(pattern, flags))
    return None if found is None else set(found)


def test_words_written_out_are_required():
    assert words(r"\bdrink\s+bleach\b") == {"bleach"}  # either word would do: the longer is the rarer
    assert words(r"\bkys\b|\bneck\s+yourself\b") == {"kys", "yourself"}


def test_optional_letters_and_small_classes_are_spelled_out():
    assert words(r"\bkafa(?:s[iı]|lar[iı])\s+kes") == {"kafası", "kafasi", "kafaları", "kafalari"}
    assert words(r"(?:yo)?urself") == {"urself", "yourself"}


def test_no_requirement_where_a_branch_could_match_anything():
    assert words(r"\bkill\b|\w+") is None
    assert words(r"[^\W\d_]{2,20}") is None
    assert words(r"(?:kill)?\s+") is None


def test_a_requirement_of_one_or_two_letters_is_no_use():
    assert words(r"\b(?:u|ya)\s+\w+") is None


def test_case_insensitive_rules_need_their_words_in_any_case():
    needs = required_search(re.compile(r"\bKILL\s+them\b", re.IGNORECASE))
    assert needs is not None and needs.search("Kill THEM") and not needs.search("help them out")


def test_a_repeated_piece_still_needs_its_words():
    assert words(r"(?:stab\s+)+you") == {"stab"}


@pytest.mark.parametrize("item", [r for r in RULES if r.needs is not None], ids=lambda r: r.name)
def test_whatever_a_rule_matches_holds_a_word_it_needs(item: Rule):
    @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(item.regex))
    def check(text: str) -> None:
        assert item.needs is not None and item.needs.search(text), text

    check()


def _repository_texts() -> list[str]:
    texts = []
    for path in sorted(BENCH.glob("newsroom_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            texts += [row["text"] for row in csv.DictReader(handle)]
    return texts


def test_no_rule_is_skipped_on_a_newsroom_comment_it_matches():
    texts = [normalize(text).text for text in _repository_texts()]
    assert len(texts) > 500
    for item in RULES:
        if item.needs is None:
            continue
        for text in texts:
            if item.regex.search(text):
                assert item.needs.search(text), (item.name, text)


def test_most_threat_rules_need_words():
    """The threat rules run on comments that name harm; most of them still skip most of those comments."""
    assert sum(item.needs is not None for item in THREAT_RULES) >= 0.8 * len(THREAT_RULES)


@settings(max_examples=300, deadline=None)
@given(st.sets(st.text(alphabet="abk", min_size=1, max_size=4), max_size=12), st.text(alphabet="abk ", max_size=30))
def test_one_scan_finds_every_word_a_text_holds(words: set[str], text: str):
    """Words that overlap ("kab" in "akabk") or begin one another ("ka", "kab") are all found."""
    assert PresentWords(words)(text) == {word for word in words if word in text}


def test_a_checker_runs_a_rule_exactly_where_its_own_search_finds_its_words():
    texts = [normalize(text).text for text in _repository_texts()]
    for checker in (ThreatChecker(), PersonalAttackChecker(), GroupAbuseChecker()):
        assert [item for item, _ in checker._gates] == checker.rules
        assert sum(words is not None for _, words in checker._gates) >= 0.6 * len(checker.rules)
        for text in texts:
            found = checker._present(text)
            for item, words in checker._gates:
                runs = not words.isdisjoint(found) if words is not None else (
                    item.needs is None or bool(item.needs.search(text)))
                assert runs == (item.needs is None or bool(item.needs.search(text))), (item.name, text)
