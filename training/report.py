"""Metrics of the exported artifact, measured through the runtime checker, and the model card built from them.

Scoring goes through `LearnedChecker` on the written files, so the numbers describe what the service runs.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from pathlib import Path

from moderation.checks import CheckContext, Finding
from moderation.checks import learned
from training import data, heads
from training.data import Row

THRESHOLD = 0.5
METRICS_FILE = "metrics.json"


def label_matches(label: str, code: str) -> bool:
    """The contract's families: `abuse`, `promotion` match their sub-codes; `obscene` is profanity or vulgarity."""
    if label == "obscene":
        return code in ("profanity", "vulgarity")
    return code == label or code.startswith(label + ".")


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def counts(pairs: Iterable[tuple[bool, bool]]) -> tuple[int, int, int, int]:
    tp = fp = fn = support = 0
    for truth, predicted in pairs:
        tp += truth and predicted
        fp += predicted and not truth
        fn += truth and not predicted
        support += truth
    return tp, fp, fn, support


def evaluate(rows: list[Row], checker: learned.LearnedChecker) -> dict:
    """Per dataset: `flagged`, a row per label family as the contract's eval scores it, and each head alone."""
    scorer = checker.scorer
    found: list[list[Finding]] = [[f for f in checker.check(CheckContext(text=r.text)) if f.score >= THRESHOLD]
                                  for r in rows]
    head_scores = [scorer.score(r.text).scores for r in rows]
    result: dict[str, dict] = {}
    for name in sorted({r.dataset for r in rows}):
        idx = [i for i, r in enumerate(rows) if r.dataset == name]
        tp, fp, fn, support = counts((rows[i].violation, bool(found[i])) for i in idx)
        entry: dict = {"rows": len(idx), "flagged": {**prf(tp, fp, fn), "support": support}, "categories": {},
                       "heads": {}}
        for label in sorted({code for i in idx for code in rows[i].labels} - {"violation"}):
            tp, fp, fn, support = counts(
                (label in rows[i].labels, any(label_matches(label, f.code.value) for f in found[i])) for i in idx)
            entry["categories"][label] = {**prf(tp, fp, fn), "support": support}
        for head in heads.HEADS:
            if name not in head.evaluated_on:
                continue
            tp, fp, fn, support = counts(
                (bool(heads.eval_label(head.name, rows[i])), head_scores[i][head.name] >= THRESHOLD) for i in idx)
            entry["heads"][head.name] = {**prf(tp, fp, fn), "support": support}
        result[name] = entry
    return result


def speed(texts: list[str]) -> dict[str, float]:
    """Single-thread texts/s of `LearnedChecker.check`: a fresh word cache, then the same texts again."""
    checker = learned.LearnedChecker(learned.Scorer(learned.model()))
    checker.check(CheckContext(text="warm up"))
    out: dict[str, float] = {}
    for label in ("cold_cache_texts_per_s", "warm_cache_texts_per_s"):
        started = time.perf_counter()
        for text in texts:
            checker.check(CheckContext(text=text))
        out[label] = round(len(texts) / (time.perf_counter() - started), 1)
    typical = [t for t in texts if 250 <= len(t) <= 350][:500] or texts[:500]
    started = time.perf_counter()
    for _ in range(3):
        for text in typical:
            checker.check(CheckContext(text=text))
    out["ms_per_300_char_text"] = round((time.perf_counter() - started) * 1000 / (3 * len(typical)), 4)
    out["texts"] = len(texts)
    return out


def _table(metrics: dict, split: str) -> list[str]:
    lines = [f"#### {split}", "", "| dataset | rows | flagged P | flagged R | flagged F1 | categories (F1, support) "
             "| heads alone (F1) |", "| --- | ---: | ---: | ---: | ---: | --- | --- |"]
    for name, m in metrics.items():
        fl = m["flagged"]
        cats = ", ".join(f"{c} {v['f1']:.2f} ({v['support']})" for c, v in m["categories"].items()) or "-"
        hs = ", ".join(f"{h} {v['f1']:.2f}" for h, v in m["heads"].items()) or "-"
        lines.append(f"| {name} | {m['rows']} | {fl['precision']:.3f} | {fl['recall']:.3f} | {fl['f1']:.3f} | "
                     f"{cats} | {hs} |")
    return lines + [""]


def write(out: Path, *, version: str, size: int, training_log: list[str], seconds: float) -> dict:
    learned.forget_model()  # score what was just written, not an earlier artifact
    checker = learned.LearnedChecker()
    metrics = {split: evaluate(list(data.rows(split=split)), checker) for split in ("dev", "holdout")}
    metrics["speed"] = speed([r.text for r in data.rows(split="holdout")])
    metrics["version"] = version
    metrics["artifact_bytes"] = size
    (out / METRICS_FILE).write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    for split in ("dev", "holdout"):
        print("\n".join(_table(metrics[split], split)))
    print(json.dumps(metrics["speed"]))
    template = (Path(__file__).with_name("MODEL_CARD.template.md")).read_text(encoding="utf-8")
    card = template.format(
        version=version, size_mb=f"{size / 1e6:.2f}",
        dev_table="\n".join(_table(metrics["dev"], "dev")),
        holdout_table="\n".join(_table(metrics["holdout"], "holdout")),
        training_log="\n".join(training_log), seconds=f"{seconds:.0f}",
        speed=", ".join(f"{k} {v}" for k, v in metrics["speed"].items()),
    )
    (out / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    return metrics


def main() -> None:
    """`python -m training.report`: the committed artifact's metrics and speed, without retraining."""
    checker = learned.LearnedChecker()
    for split in ("dev", "holdout"):
        print("\n".join(_table(evaluate(list(data.rows(split=split)), checker), split)))
    print(json.dumps(speed([r.text for r in data.rows(split="holdout")])))


if __name__ == "__main__":
    main()
