"""Shared plumbing for the benchmark scripts: where things are, what ran where, and table formatting.

Not a benchmark itself. The scripts in bench/ import it by name (bench/ is on sys.path when a script there
runs), and it puts the repository root on sys.path so `training` (not an installed package) imports too.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import random
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

T = TypeVar("T")


def eval_dir() -> Path:
    """The contract-format CSVs: the same folder training.data reads, so both see the same files."""
    from training.data import data_dir

    return data_dir() / "eval"


def eval_files() -> list[Path]:
    return sorted(eval_dir().glob("*.csv"))


def seeded_sample(items: Sequence[T], size: int, seed: str) -> list[T]:
    """`size` items in their original order, the same ones for the same seed; all of them when size <= 0."""
    if size <= 0 or size >= len(items):
        return list(items)
    chosen = sorted(random.Random(seed).sample(range(len(items)), size))
    return [items[i] for i in chosen]


def pin_to_one_core(core: int = 0) -> str:
    """Pins this process (and children it starts later) to one core, so rates are per-core and comparable."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this platform)"
    try:
        os.sched_setaffinity(0, {core})
    except OSError as error:
        return f"not pinned ({error})"
    return f"pinned to core {core}"


def move_off_core(core: int = 0) -> str:
    """Moves this process to every core but one, so a child pinned there has that core to itself."""
    if not hasattr(os, "sched_setaffinity"):
        return "shares the core (no sched_setaffinity on this platform)"
    others = set(range(os.cpu_count() or 1)) - {core}
    if not others:
        return f"shares core {core} (a single-core machine)"
    os.sched_setaffinity(0, others)
    return f"on core{'s' if len(others) > 1 else ''} {','.join(map(str, sorted(others)))}"


def prf(true_positive: int, false_positive: int, false_negative: int) -> dict[str, float]:
    """Precision, recall and F1 with the same zero conventions as moderation.evaluation."""
    precision = true_positive / (true_positive + false_positive) if true_positive + false_positive else 0.0
    recall = true_positive / (true_positive + false_negative) if true_positive + false_negative else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return done.stdout.strip()


def commit() -> str:
    """Short HEAD, marked when the tracked files differ from it: results then describe uncommitted code."""
    head = _git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = _git("status", "--porcelain", "--", "moderation", "training")
    return f"{head} (+ uncommitted changes in moderation/ or training/)" if dirty else head


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{platform.node()}: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def command_line(script: str, argv: Sequence[str]) -> str:
    return shlex.join([".venv/bin/python", f"bench/{script}", *argv])


def header(title: str, script: str, argv: Sequence[str]) -> list[str]:
    """The lines every results file starts with: what, when, where, which code, and how to repeat it."""
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return [
        f"# {title}",
        "",
        f"- date: {now}",
        f"- machine: {machine()}",
        f"- commit: {commit()}",
        f"- command: `{command_line(script, argv)}`",
        "",
    ]


def table(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """A Markdown table; numbers are formatted by the caller so each column reads consistently."""
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join(" --- " for _ in columns) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def f3(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def signed(value: float | None) -> str:
    return "–" if value is None else f"{value:+.3f}"
