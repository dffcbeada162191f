"""alt-profanity-check's probabilities for a batch of texts: JSON list of strings on stdin, JSON list of floats out.

Runs under the separate venv that holds alt-profanity-check (it pins its own scikit-learn, which must not
meet the project's): `/tmp/apc-venv/bin/python bench/apc_worker.py < texts.json`. bench/peers.py starts it;
one batch call is how the library is meant to be used and is its fastest mode.
"""

from __future__ import annotations

import json
import sys


def main() -> None:
    from profanity_check import predict_prob

    texts = json.load(sys.stdin)
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        sys.exit("apc_worker: expected a JSON list of strings on standard input")
    probabilities = predict_prob(texts) if texts else []
    json.dump([float(p) for p in probabilities], sys.stdout)


if __name__ == "__main__":
    main()
