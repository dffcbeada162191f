"""The labelled development data, read in place and split by a hash of the text.

The split depends on the text alone, so a comment lands in the same split in every dataset and every run,
and the benchmarks can score exactly the holdout rows the models never saw. Data is never copied into the
repository: set SHARED_DATA_DIR to the folder holding `eval/` and `raw/` when it is not beside the repo.
"""

from __future__ import annotations

import csv
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Split = Literal["train", "dev", "holdout"]
SPLITS: tuple[Split, ...] = ("train", "dev", "holdout")
PUBLIC: tuple[str, ...] = ("davidson", "jigsaw_train5k", "olid_train", "hatexplain_val", "youtube_dev")
# Written for this project (training/written/): acceptable comments of a newsroom's own kind, war reporting
# above all, which the public sets (tweets, talk pages, video comments) barely hold. Training only: the
# newsroom set in bench/ and every public holdout stay the measures.
WRITTEN: tuple[str, ...] = ("newsroom_acceptable",)
DATASETS: tuple[str, ...] = PUBLIC + WRITTEN

_REPO = Path(__file__).resolve().parent.parent
WRITTEN_DIR = _REPO / "training" / "written"


def data_dir() -> Path:
    """The shared data folder: $SHARED_DATA_DIR, else `shared/data` beside the repo, else /work/shared/data."""
    if env := os.environ.get("SHARED_DATA_DIR"):
        return Path(env)
    for candidate in (_REPO.parent / "shared" / "data", Path("/work/shared/data")):
        if (candidate / "eval").is_dir():
            return candidate
    return _REPO.parent / "shared" / "data"


def bucket(text: str) -> int:
    """0-9 from the SHA-1 of the stripped text; the one definition every consumer must share."""
    return int(hashlib.sha1(text.strip().encode()).hexdigest()[:8], 16) % 10


def split_of(text: str) -> Split:
    b = bucket(text)
    return "train" if b <= 7 else "dev" if b == 8 else "holdout"


@dataclass(frozen=True)
class Row:
    dataset: str
    text: str
    labels: tuple[str, ...]  # contract codes or families; empty = acceptable
    split: Split

    @property
    def violation(self) -> bool:
        return bool(self.labels)


def path_of(dataset: str) -> Path:
    return (WRITTEN_DIR if dataset in WRITTEN else data_dir() / "eval") / f"{dataset}.csv"


def _read(dataset: str) -> Iterator[Row]:
    path = path_of(dataset)
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            text = record["text"]
            key = text.strip()
            if key in seen:  # the first copy wins; duplicates would leak between train and tuning
                continue
            seen.add(key)
            labels = tuple(sorted({code.strip() for code in (record.get("labels") or "").split(";") if code.strip()}))
            yield Row(dataset, text, labels, split_of(text))


def rows(datasets: Iterable[str] | str | None = None, split: Split | Iterable[Split] | None = None) -> Iterator[Row]:
    """The de-duplicated rows of the datasets (default: all) in the split(s) (default: all), in file order."""
    names = DATASETS if datasets is None else (datasets,) if isinstance(datasets, str) else tuple(datasets)
    wanted = set(SPLITS) if split is None else {split} if isinstance(split, str) else set(split)
    for name in names:
        if name not in DATASETS:
            raise ValueError(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}")
        for row in _read(name):
            if row.split in wanted:
                yield row


def holdout(dataset: str) -> list[Row]:
    """The rows reserved for reporting: never trained or tuned on."""
    return list(rows(dataset, "holdout"))


def available() -> bool:
    return all(path_of(name).is_file() for name in DATASETS)
