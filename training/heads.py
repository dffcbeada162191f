"""Which rows teach which head.

A row is a negative for a head where its dataset carries that label, or where it is acceptable (no label at
all); a labelled row of a dataset that never gives this label says nothing about the head.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from training import data
from training.data import Row

SUBTYPES: tuple[str, ...] = ("abuse.sexism", "abuse.racism", "abuse.homophobia", "abuse.xenophobia", "abuse.religion")
TOXIC = ("davidson", "jigsaw_train5k", "olid_train", "hatexplain_val")


@lru_cache(maxsize=1)
def olid_individual_targets() -> dict[str, bool]:
    """OLID's level C from the raw file: text -> True for an insult aimed at an individual (OFF/TIN/IND).

    The evaluation file only says `violation`; the raw file says whom it targets, which is what a personal
    attack is. Rows of the raw file that do not match an evaluation text are simply not used.
    """
    path = data.data_dir() / "raw" / "olid-training-v1.0.tsv"
    result: dict[str, bool] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            result[record["tweet"].strip()] = (record["subtask_a"], record["subtask_b"], record["subtask_c"]) == (
                "OFF", "TIN", "IND")
    return result


def _personal_attack(row: Row) -> bool | None:
    if row.dataset == "jigsaw_train5k":
        return "personal_attack" in row.labels
    if row.dataset == "olid_train":
        if not row.labels:
            return False
        return olid_individual_targets().get(row.text.strip())  # None: level C unknown, row left out
    return False if not row.labels else None


def _in(datasets: tuple[str, ...], test: Callable[[Row], bool]) -> Callable[[Row], bool | None]:
    """Labelled where the dataset carries the label; elsewhere only an acceptable comment is a negative.

    In the contract's format an empty label means an acceptable comment, so it is a negative for every head
    (a threat or an advert would have been marked, or is vanishingly rare); a labelled row of another
    dataset says nothing about this head.
    """
    def label(row: Row) -> bool | None:
        if row.dataset in datasets:
            return test(row)
        return False if not row.labels else None
    return label


@dataclass(frozen=True)
class Head:
    name: str
    label: Callable[[Row], bool | None]  # True/False, or None when the row says nothing about this head
    evaluated_on: tuple[str, ...]  # datasets whose evaluation labels carry this head

    @property
    def home(self) -> tuple[str, ...]:
        """Datasets that teach positives; the other rows the head sees are borrowed negatives."""
        return ("jigsaw_train5k", "olid_train") if self.name == "personal_attack" else self.evaluated_on


def _abuse(row: Row) -> bool:
    return any(code == "abuse" or code.startswith("abuse.") for code in row.labels)


HEADS: tuple[Head, ...] = (
    Head("violation", _in(TOXIC, lambda r: bool(r.labels)), TOXIC),
    Head("obscene", _in(("jigsaw_train5k",), lambda r: "obscene" in r.labels), ("jigsaw_train5k",)),
    Head("threat", _in(("jigsaw_train5k",), lambda r: "threat" in r.labels), ("jigsaw_train5k",)),
    Head("personal_attack", _personal_attack, ("jigsaw_train5k",)),
    Head("abuse", _in(("jigsaw_train5k", "davidson", "hatexplain_val"), _abuse),
         ("jigsaw_train5k", "davidson", "hatexplain_val")),
    Head("promotion", _in(("youtube_dev",), lambda r: "promotion" in r.labels), ("youtube_dev",)),
)


def eval_label(head: str, row: Row) -> bool | None:
    """The head's truth as the evaluation files state it (no raw extras), for reporting."""
    spec = next(h for h in HEADS if h.name == head)
    if row.dataset not in spec.evaluated_on:
        return None
    if head == "personal_attack":
        return "personal_attack" in row.labels
    return spec.label(row)

