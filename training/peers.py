"""The peers on our holdout rows: `.venv/bin/python -m training.peers [--apc-python PATH]`.

better-profanity runs in this process. alt-profanity-check pins its own scikit-learn, so it runs in a venv
of its own (`python3 -m venv /tmp/apc-venv && /tmp/apc-venv/bin/pip install alt-profanity-check`), fed
the texts as JSON on standard input. A text is "flagged" by better-profanity when it contains a listed
word, by alt-profanity-check when its probability is at least 0.5; both against "labels not empty".
"""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

from training import data
from training.report import counts, prf

_APC = (
    "import json, sys\n"
    "from profanity_check import predict_prob\n"
    "texts = json.load(sys.stdin)\n"
    "json.dump([float(p) for p in predict_prob(texts)], sys.stdout)\n"
)


def better_profanity_flags(texts: list[str]) -> list[bool]:
    from better_profanity import profanity

    profanity.load_censor_words()
    return [profanity.contains_profanity(text) for text in texts]


def alt_profanity_check_flags(texts: list[str], python: Path) -> list[bool]:
    done = subprocess.run([str(python), "-c", _APC], input=json.dumps(texts), capture_output=True, text=True,
                          check=True)
    return [p >= 0.5 for p in json.loads(done.stdout)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apc-python", type=Path, default=Path("/tmp/apc-venv/bin/python"))
    parser.add_argument("--split", default="holdout", choices=data.SPLITS)
    args = parser.parse_args(argv)
    result: dict[str, dict] = {}
    for name in data.PUBLIC:
        rows = list(data.rows(name, args.split))
        texts = [r.text for r in rows]
        truth = [r.violation for r in rows]
        peers = {"better_profanity": better_profanity_flags(texts)}
        if args.apc_python.exists():
            peers["alt_profanity_check"] = alt_profanity_check_flags(texts, args.apc_python)
        result[name] = {}
        for peer, flags in peers.items():
            tp, fp, fn, support = counts(zip(truth, flags))
            result[name][peer] = {**prf(tp, fp, fn), "support": support, "rows": len(rows)}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
