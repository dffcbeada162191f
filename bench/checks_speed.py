"""How fast the guideline checks are: the whole pipeline against better-profanity, on one core, in one run.

Measures, on a seeded sample of --texts comments drawn evenly from every eval CSV (default 2000):

  - first, the full pipeline in this process (default policy, `pipeline.run` plus the policy's verdicts, one
    comment at a time, after a warm-up on other comments) and better-profanity's `contains_profanity` side by
    side on a subsample of --bp-texts of those comments (default 600; better-profanity manages only tens per
    second), block by block (--block comments of one, then the same of the other, the order alternating): the
    ratio of their rates on exactly those comments (target: the pipeline at least 30x better-profanity);
  - then the pipeline alone on the other comments: comments per second and p50/p95/p99 latency per comment;
  - `moderation check -` as a subprocess pinned with `taskset -c 0`, fed the comments as JSON lines on
    stdin by this process from the other cores: the first line alone (the start-up: time to its answer), then
    the other N - 1 in blocks, better-profanity timed on core 0 on its share of the subsample between blocks
    while the command waits for input; the steady-state rate is (N - 1) / (the blocks' time).

This machine's speed drifts by a third within a minute, more than the margin over the target: timed one after
the other, the two sides of a ratio met different machines. Interleaved in blocks of a fraction of a second,
both meet the same one.

The process pins itself to core 0 first, so every in-process number is a one-core number.

Run from the repository root:

    .venv/bin/python bench/checks_speed.py          # writes bench/RESULTS_SPEED.md and prints it
    .venv/bin/python bench/checks_speed.py --json   # machine-readable results on stdout
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

import benchlib  # puts the repository root on sys.path
from benchlib import BENCH, REPO, header, seeded_sample, table

RATIO_TARGET = 30.0
CORE = 0


def sample_texts(total: int, seed: int) -> list[str]:
    """An even share of every eval file, so no single dataset's comment lengths dominate the rate."""
    from moderation.evaluation import read_rows

    files = benchlib.eval_files()
    per_file = max(1, total // len(files))
    texts: list[str] = []
    for path in files:
        texts += [row.text for row in seeded_sample(read_rows(path), per_file, f"{seed}:speed:{path.stem}")]
    return texts


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: a latency some comment actually had."""
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


# --- in process ------------------------------------------------------------------------------------------


def warmup_texts(count: int, seed: int) -> list[str]:
    """Newsroom comments, not eval rows: a cache keyed on text must not make the measured comments faster."""
    from moderation.evaluation import read_rows

    rows = read_rows(BENCH / "newsroom_comments.csv") + read_rows(BENCH / "newsroom_violations.csv")
    return [row.text for row in seeded_sample(rows, count, f"{seed}:warmup")]


def build_pipeline(warmup: list[str]) -> tuple[Callable[[str], object], dict[str, Any]]:
    """The pipeline as the worker runs it (checks, then the policy's verdicts), built and warmed up."""
    started = time.perf_counter()
    from moderation.checks import CheckContext
    from moderation.checks.pipeline import build_pipeline as build, violations
    from moderation.policy import DEFAULT_POLICY

    pipeline = build(DEFAULT_POLICY)
    build_seconds = time.perf_counter() - started

    def check(text: str) -> object:
        return violations(pipeline.run(CheckContext(text=text)), DEFAULT_POLICY)

    started = time.perf_counter()
    for text in warmup:  # lazy loads (language detector, learned weights) happen here, not below
        check(text)
    return check, {"build_seconds": round(build_seconds, 3), "warmup_texts": len(warmup),
                   "warmup_seconds": round(time.perf_counter() - started, 3)}


def better_profanity() -> Callable[[str], object]:
    from better_profanity import profanity

    profanity.load_censor_words()
    profanity.contains_profanity("warm up")
    return profanity.contains_profanity


def latencies_of(check: Callable[[str], object], texts: list[str]) -> list[float]:
    latencies = []
    for text in texts:
        began = time.perf_counter()
        check(text)
        latencies.append(time.perf_counter() - began)
    return latencies


def blocks(count: int, parts: int) -> list[range]:
    """`count` indices in `parts` consecutive ranges of near-equal length (none empty)."""
    parts = max(1, min(parts, count))
    edges = [count * k // parts for k in range(parts + 1)]
    return [range(edges[k], edges[k + 1]) for k in range(parts)]


def side_by_side(ours: Callable[[str], object], theirs: Callable[[str], object], texts: list[str],
                 block: int) -> dict[str, Any]:
    """Both checks timed on the same comments, block by block: each block by one and then by the other, the
    order alternating. Once only, before the pipeline has seen these comments: its caches of words must hold
    what earlier comments left, not these ones."""
    mine: list[float] = []
    reference: list[float] = []
    for number, part in enumerate(blocks(len(texts), -(-len(texts) // block))):
        chunk = [texts[i] for i in part]
        for check, into in ((ours, mine), (theirs, reference))[:: 1 if number % 2 == 0 else -1]:
            into += latencies_of(check, chunk)
    return {"pipeline": mine, "better_profanity": reference, "ratio": round(sum(reference) / sum(mine), 1),
            "block": block}


def latency_summary(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "comments": len(latencies),
        "seconds": round(sum(latencies), 4),
        "per_second": round(len(latencies) / sum(latencies), 1),
        "p50_ms": round(percentile(ordered, 0.50) * 1000, 3),
        "p95_ms": round(percentile(ordered, 0.95) * 1000, 3),
        "p99_ms": round(percentile(ordered, 0.99) * 1000, 3),
        "max_ms": round(ordered[-1] * 1000, 3),
    }


# --- the command line as a subprocess --------------------------------------------------------------------


def check_command() -> list[str]:
    command = [".venv/bin/moderation", "check", "-"]  # run with cwd=REPO
    return ["taskset", "-c", str(CORE), *command] if shutil.which("taskset") else command


class CheckProcess:
    """`moderation check -` answering JSON lines, fed and read by this process with as little in its way as
    possible: lines are written with a blocking `os.write` loop in a thread (the write waits in the kernel, not
    for this process's GIL) and answers are counted as raw bytes as they arrive, parsed only at the end. An
    earlier harness that wrote through a text stream and parsed each answer on arrival held the command up by
    12-20% (interleaved runs on 2026-12-03)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(check_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, cwd=REPO)
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin, self.stdout = self.process.stdin.fileno(), self.process.stdout.fileno()
        self.received: list[bytes] = []
        self.lines = 0
        self._pending = b""  # bytes read past the last full answer

    def answer(self, encoded: list[bytes]) -> float:
        """Sends these lines and waits for as many answers; returns the seconds from sending to the last."""
        began = time.perf_counter()

        def feed() -> None:
            remaining = memoryview(b"".join(encoded))
            try:
                while remaining:
                    remaining = remaining[os.write(self.stdin, remaining):]
            except BrokenPipeError:  # the command failed: `close` says why
                pass

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        wanted = self.lines + len(encoded)
        while self.lines < wanted:
            chunk = os.read(self.stdout, 1 << 16)
            if not chunk:
                break
            self.received.append(chunk)
            self.lines += chunk.count(b"\n")
        ended = time.perf_counter()
        feeder.join()
        return ended - began

    def close(self, expected: int) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        while chunk := os.read(self.stdout, 1 << 16):
            self.received.append(chunk)
        answers = b"".join(self.received).decode().splitlines()
        if self.process.wait() != 0 or len(answers) != expected:
            error = self.process.stderr.read().decode() if self.process.stderr else ""
            raise RuntimeError(f"`moderation check -` gave {len(answers)} answers for {expected} lines: {error[-2000:]}")
        for answer in answers:
            if "findings" not in json.loads(answer):
                raise RuntimeError(f"`moderation check -` answered {answer!r}")


def run_check(texts: list[str], reference: Callable[[str], object], reference_texts: list[str],
              parts: int) -> dict[str, float]:
    """One run of the command: the first line alone (its start-up), then the others in `parts` blocks, and
    between blocks better-profanity on core 0 on its share of `reference_texts`, while the command waits."""
    encoded = [(json.dumps({"text": text}, ensure_ascii=False) + "\n").encode() for text in texts]
    began = time.perf_counter()
    command = CheckProcess()
    harness = benchlib.move_off_core(CORE)
    try:
        command.answer(encoded[:1])
        start_up = time.perf_counter() - began  # from starting the command to its first answer
        steady = reference_seconds = 0.0
        for lines, theirs in zip(blocks(len(encoded) - 1, parts), blocks(len(reference_texts), parts)):
            steady += command.answer([encoded[1 + i] for i in lines])
            benchlib.pin_to_one_core(CORE)
            reference_seconds += sum(latencies_of(reference, [reference_texts[i] for i in theirs]))
            benchlib.move_off_core(CORE)
    finally:
        benchlib.pin_to_one_core(CORE)
    command.close(len(encoded))
    rate = (len(encoded) - 1) / steady
    reference_rate = len(reference_texts) / reference_seconds
    return {"start_up": start_up, "steady_seconds": steady, "per_second": rate,
            "reference_per_second": reference_rate, "ratio": rate / reference_rate, "harness": harness}


def time_subprocess(texts: list[str], runs: int, reference: Callable[[str], object], reference_texts: list[str],
                    parts: int) -> dict[str, Any]:
    """The median of several runs, since one start-up can be noisy (page cache, imports)."""
    timings = [run_check(texts, reference, reference_texts, parts) for _ in range(runs)]
    return {"lines": len(texts), "runs": runs, "blocks": parts,
            "one_line_seconds": round(statistics.median(t["start_up"] for t in timings), 3),
            "all_lines_seconds": round(statistics.median(t["start_up"] + t["steady_seconds"] for t in timings), 3),
            "steady_state_per_second": round(statistics.median(t["per_second"] for t in timings), 1),
            "reference_per_second": [round(t["reference_per_second"], 1) for t in timings],
            "command": shlex.join(check_command()), "harness": timings[-1]["harness"],
            "ratios": [round(t["ratio"], 1) for t in timings],
            "ratio": round(statistics.median(t["ratio"] for t in timings), 1)}


# --- the report ------------------------------------------------------------------------------------------


def render(results: dict[str, Any], argv: list[str]) -> str:
    pipeline, same, process = results["pipeline"], results["same_texts"], results["subprocess"]
    ours, bp = same["pipeline"], same["better_profanity"]
    lines = header("Speed: the guideline checks on one core", "checks_speed.py", argv)
    lines += [
        (f"{pipeline['comments']} comments, an even seeded sample of every eval CSV; in-process measurements "
         f"{results['affinity']}. The pipeline is the full default pipeline plus the policy's verdicts; built in "
         f"{results['build_seconds']:.2f}s, warmed up on {results['warmup_texts']} other comments (newsroom) in "
         f"{results['warmup_seconds']:.2f}s (excluded below)."),
        "",
        "## Comments per second and latency per comment",
        "",
        (f"First both side by side on {same['comments']} of the comments, in blocks of {same['block']} (one "
         f"side, then the other, the order alternating); then the pipeline alone on the others."),
        "",
    ]
    rows = [["pipeline (the other comments)", pipeline],
            [f"pipeline (the {same['comments']} comments, side by side)", ours],
            ["better-profanity `contains_profanity` (the same, side by side)", bp]]
    lines += table(["what", "comments timed", "per second", "p50 ms", "p95 ms", "p99 ms", "max ms"], [
        [name, s["comments"], f"{s['per_second']:,.1f}", s["p50_ms"], s["p95_ms"], s["p99_ms"], s["max_ms"]]
        for name, s in rows
    ])
    met = "yes" if same["ratio"] >= RATIO_TARGET else "**no**"
    lines += ["", (f"Pipeline / better-profanity on the same {same['comments']} comments, side by side: "
                   f"**{same['ratio']:.1f}x** (target >= {RATIO_TARGET:.0f}x: {met})."), "",
              "## `moderation check -` as a subprocess, JSON lines on stdin", "",
              (f"`{process['command']}`, median of {process['runs']} runs; the harness that feeds it and reads its "
               f"answers runs {process['harness']}. After the first line, the other {process['lines'] - 1} go in "
               f"{process['blocks']} blocks; between blocks, while the command waits, better-profanity is timed "
               f"on core 0 on its share of the {same['comments']} comments."), ""]
    lines += table(["measure", "value"], [
        ["start-up (to the first answer)", f"{process['one_line_seconds']:.3f} s"],
        [f"wall time, {process['lines']} lines, not counting better-profanity's turns",
         f"{process['all_lines_seconds']:.3f} s"],
        ["steady state, the blocks after the first line", f"{process['steady_state_per_second']:,.1f} lines/s"],
        ["better-profanity between the blocks (each run)",
         ", ".join(f"{r:,.1f}/s" for r in process["reference_per_second"])],
        ["steady state / better-profanity in the same run (median; each run)",
         f"{process['ratio']:.1f}x ({', '.join(f'{r:.1f}' for r in process['ratios'])}) "
         f"(target >= {RATIO_TARGET:.0f}x)"],
    ])
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=2000, help="comments sampled across the eval files")
    parser.add_argument("--bp-texts", type=int, default=600, help="of those, how many better-profanity checks")
    parser.add_argument("--block", type=int, default=10, help="comments per side-by-side block")
    parser.add_argument("--blocks", type=int, default=20, help="blocks of lines per `check -` run")
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3, help="subprocess runs per measurement (median)")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--output", default=str(BENCH / "RESULTS_SPEED.md"), help="Markdown report; '-' for none")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of the table")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    options = parse_args(argv)
    affinity = benchlib.pin_to_one_core(CORE)
    texts = sample_texts(options.texts, options.seed)
    chosen = set(seeded_sample(range(len(texts)), options.bp_texts, f"{options.seed}:bp"))
    subsample = [texts[i] for i in sorted(chosen)]
    check, built = build_pipeline(warmup_texts(options.warmup, options.seed))
    reference = better_profanity()
    print(f"{len(texts)} comments; the pipeline and better-profanity side by side on {len(subsample)}...",
          file=sys.stderr)
    pair = side_by_side(check, reference, subsample, options.block)
    print("the pipeline on the others...", file=sys.stderr)
    pipeline_others = latency_summary(latencies_of(check, [t for i, t in enumerate(texts) if i not in chosen]))
    print("timing `moderation check -`...", file=sys.stderr)
    results = {
        "commit": benchlib.commit(),
        "affinity": affinity,
        **built,
        "pipeline": pipeline_others,
        "same_texts": {"comments": len(subsample), "block": pair["block"],
                       "pipeline": latency_summary(pair["pipeline"]),
                       "better_profanity": latency_summary(pair["better_profanity"]), "ratio": pair["ratio"]},
        "ratio_target": RATIO_TARGET,
        "subprocess": time_subprocess(texts, options.runs, reference, subsample, options.blocks),
    }
    report = render(results, argv)
    if options.output != "-":
        Path(options.output).write_text(report, encoding="utf-8")
    print(json.dumps(results, indent=2) if options.json else report)


if __name__ == "__main__":
    main()
