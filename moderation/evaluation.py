"""Scoring the checks against labelled comments, in the contract's evaluation format.

Labels are guideline codes or families: `abuse` and `promotion` match any of their codes, `obscene`
matches profanity or vulgarity, and `violation` (ground not given) counts only for `flagged`. A code counts
for its family (a row labelled `abuse.racism` is an `abuse` row); a family label says nothing of which code
(an `abuse` row is neither found nor missed for `abuse.racism`). Note codes are never labels.
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from moderation.checks import CheckContext, Pipeline
from moderation.checks.pipeline import violations
from moderation.guidelines import NOTE_CODES, Code
from moderation.policy import Policy

FAMILIES: dict[str, frozenset[Code]] = {
    "abuse": frozenset(c for c in Code if c.value.startswith("abuse.")),
    "promotion": frozenset(c for c in Code if c.value.startswith("promotion.")),
    "obscene": frozenset({Code.profanity, Code.vulgarity}),
}
VIOLATION = "violation"


class EvaluationError(ValueError):
    """The data file is not in the evaluation format; the message says what is wrong."""


@dataclass(frozen=True)
class Row:
    text: str
    labels: frozenset[str]
    article_title: str = ""
    article_text: str = ""


def codes_of(label: str) -> frozenset[Code]:
    if label in FAMILIES:
        return FAMILIES[label]
    try:
        code = Code(label)
    except ValueError:
        known = sorted([*FAMILIES, VIOLATION, *(c.value for c in Code if c not in NOTE_CODES)])
        raise EvaluationError(f"unknown label {label!r}; labels are {', '.join(known)}") from None
    if code in NOTE_CODES:
        raise EvaluationError(f"{label!r} is a note for moderators, never a violation: it cannot be a label")
    return frozenset({code})


def _gold_for(labels: frozenset[str], category: str) -> bool | None:
    """Whether a row is gold for a category: True when a label is the category or a code of it, None when only
    a broader label overlaps it (a family says nothing of which code), else False."""
    target = codes_of(category)
    named = [codes_of(label) for label in labels - {VIOLATION}]
    if any(codes <= target for codes in named):
        return True
    return None if any(codes & target for codes in named) else False


def read_rows(path: Path) -> list[Row]:
    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:  # a spreadsheet's "CSV UTF-8" starts with a BOM
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "text" not in reader.fieldnames:
                raise EvaluationError(f"{path}: the header must name a `text` column")
            rows = []
            for record in reader:
                labels = frozenset(part.strip() for part in (record.get("labels") or "").split(";") if part.strip())
                for label in labels - {VIOLATION}:
                    codes_of(label)
                rows.append(Row(record["text"] or "", labels, record.get("article_title") or "",
                                record.get("article_text") or ""))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise EvaluationError(f"cannot read {path}: {error}") from error
    return rows


def _scores(true_positive: int, false_positive: int, false_negative: int) -> dict[str, float]:
    precision = true_positive / (true_positive + false_positive) if true_positive + false_positive else 0.0
    recall = true_positive / (true_positive + false_negative) if true_positive + false_negative else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def predict(rows: Iterable[Row], pipeline: Pipeline, policy: Policy) -> tuple[list[set[Code]], float]:
    """The violation codes found for each row, and the seconds the checks took."""
    found = []
    elapsed = 0.0
    for row in rows:
        context = CheckContext(text=row.text, article_title=row.article_title, article_text=row.article_text)
        started = time.perf_counter()
        findings = pipeline.run(context)
        elapsed += time.perf_counter() - started
        found.append(violations(findings, policy))
    return found, elapsed


def score(rows: list[Row], found: list[set[Code]], seconds: float) -> dict[str, Any]:
    flagged = [0, 0, 0]
    categories = sorted({label for row in rows for label in row.labels} - {VIOLATION})
    counts = {label: [0, 0, 0, 0] for label in categories}  # tp, fp, fn, support
    for row, codes in zip(rows, found):
        gold, predicted = bool(row.labels), bool(codes)
        flagged[0] += gold and predicted
        flagged[1] += predicted and not gold
        flagged[2] += gold and not predicted
        for label in categories:
            gold_here = _gold_for(row.labels, label)
            if gold_here is None:
                continue
            is_gold = gold_here
            is_found = bool(codes & codes_of(label))
            tally = counts[label]
            tally[0] += is_gold and is_found
            tally[1] += is_found and not is_gold
            tally[2] += is_gold and not is_found
            tally[3] += is_gold
    per_category = {label: {**_scores(*tally[:3]), "support": tally[3]} for label, tally in counts.items()}
    macro = sum(c["f1"] for c in per_category.values()) / len(per_category) if per_category else 0.0
    return {
        "rows": len(rows),
        "flagged": _scores(*flagged),
        "categories": per_category,
        "macro_f1": round(macro, 4),
        "comments_per_second": round(len(rows) / seconds, 1) if seconds else 0.0,
    }


def evaluate(rows: list[Row], pipeline: Pipeline, policy: Policy) -> dict[str, Any]:
    found, seconds = predict(rows, pipeline, policy)
    return score(rows, found, seconds)
