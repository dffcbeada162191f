"""The two peers the service is compared with, called the way their own documentation shows.

- better-profanity 0.7.0: `profanity.contains_profanity(text)` flags a text (in this venv; a dependency of
  the project). It is slow (tens of texts per second), so quality runs may spread it over processes; the
  speed benchmark calls `contains_profanity` directly on one core instead.
- alt-profanity-check: `predict_prob(texts)` in one batch, flagged at 0.5. It pins its own scikit-learn, so
  it lives in a separate venv and runs bench/apc_worker.py there, fed JSON on stdin.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from pathlib import Path

APC_PYTHON = Path("/tmp/apc-venv/bin/python")
APC_WORKER = Path(__file__).resolve().parent / "apc_worker.py"
APC_THRESHOLD = 0.5


def _load_better_profanity() -> None:
    from better_profanity import profanity

    profanity.load_censor_words()


def _contains_profanity(text: str) -> bool:
    from better_profanity import profanity

    return bool(profanity.contains_profanity(text))


def better_profanity_flags(texts: list[str], jobs: int = 1) -> list[bool]:
    """True where better-profanity finds a listed word; `jobs` > 1 splits the texts over processes."""
    if jobs <= 1 or len(texts) < 50:
        _load_better_profanity()
        return [_contains_profanity(text) for text in texts]
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_load_better_profanity) as pool:
        return pool.map(_contains_profanity, texts, chunksize=max(1, len(texts) // (jobs * 8)))


def ensure_apc_venv(python: Path = APC_PYTHON) -> Path:
    """Creates the separate venv with alt-profanity-check the first time; later runs reuse it."""
    if not python.exists():
        venv = python.parent.parent
        print(f"creating {venv} with alt-profanity-check (first run only)...", file=sys.stderr)
        subprocess.run(["python3", "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "alt-profanity-check"], check=True)
    return python


def alt_profanity_check_probabilities(texts: list[str], python: Path = APC_PYTHON) -> list[float]:
    """One batch through the worker in the peer's own venv; fails loudly rather than inventing scores."""
    done = subprocess.run([str(python), str(APC_WORKER)], input=json.dumps(texts), capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"alt-profanity-check worker failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    probabilities = json.loads(done.stdout)
    if len(probabilities) != len(texts):
        raise RuntimeError(f"alt-profanity-check returned {len(probabilities)} scores for {len(texts)} texts")
    return [float(p) for p in probabilities]


def alt_profanity_check_flags(texts: list[str], python: Path = APC_PYTHON) -> list[bool]:
    return [p >= APC_THRESHOLD for p in alt_profanity_check_probabilities(texts, python)]
