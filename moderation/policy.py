"""The moderation policy: thresholds, auto-actions, and the newsroom's own terms and domains.

A policy is a TOML file (`MODERATION_POLICY`); without one the built-in policy applies. Its version is
stored with every check result, so a finding can always be traced to the rules that produced it.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moderation.guidelines import NOTE_CODES, Code

DEFAULT_REVIEW_THRESHOLD = 0.5
BUILTIN_VERSION = "builtin-2"


class PolicyError(ValueError):
    """The policy file says something the service cannot honour; the message names the key."""


LANGUAGES = ("en", "tr", "ar", "fa", "ckb", "kmr")  # the languages the checks read (moderation.checks.language)


@dataclass(frozen=True)
class Policy:
    version: str = BUILTIN_VERSION
    review_thresholds: dict[Code, float] = field(default_factory=dict)
    auto_reject: dict[Code, float] = field(default_factory=dict)
    banned_terms: tuple[str, ...] = ()
    suspect_terms: tuple[str, ...] = ()
    allowed_terms: tuple[str, ...] = ()
    extra_terms: dict[Code, tuple[str, ...]] = field(default_factory=dict)
    allowed_domains: tuple[str, ...] = ()
    covered_languages: tuple[str, ...] = LANGUAGES
    checker_timeout_seconds: float = 2.0

    def review_threshold(self, code: Code) -> float:
        return self.review_thresholds.get(code, DEFAULT_REVIEW_THRESHOLD)

    def reaches_review(self, code: Code, score: float) -> bool:
        return score >= self.review_threshold(code)

    def auto_reject_threshold(self, code: Code) -> float | None:
        return self.auto_reject.get(code)


DEFAULT_POLICY = Policy(review_thresholds={Code.off_topic: 0.7})


def load_policy(path: Path | None) -> Policy:
    if path is None:
        return DEFAULT_POLICY
    try:
        raw = path.read_bytes()
        document = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise PolicyError(f"cannot read the policy file {path}: {error}") from error
    return parse_policy(document, default_version=f"{path.stem}-{hashlib.sha256(raw).hexdigest()[:12]}")


MAX_VERSION_LENGTH = 64  # stored with every check result (check_results.policy_version)
SECTIONS: dict[str, set[str] | None] = {  # a section's known keys; None: any guideline code
    "version": set(), "thresholds": None, "auto_reject": None, "terms": None, "domains": {"allowed"},
    "languages": {"covered"}, "checks": {"timeout_seconds"},
}


def parse_policy(document: dict[str, Any], default_version: str = "custom") -> Policy:
    """A policy, or a PolicyError that names the key at fault: a typo must not silently mean the default."""
    unknown = set(document) - set(SECTIONS)
    if unknown:
        raise PolicyError(f"unknown policy keys: {', '.join(sorted(unknown))} (known: {', '.join(sorted(SECTIONS))})")
    for section, keys in SECTIONS.items():
        if section == "version" or section not in document:
            continue
        if not isinstance(document[section], dict):
            raise PolicyError(f"{section}: a table ([{section}]), not {document[section]!r}")
        if keys is not None and set(document[section]) - keys:
            extra = ", ".join(sorted(set(document[section]) - keys))
            raise PolicyError(f"{section}: unknown keys {extra} (known: {', '.join(sorted(keys))})")
    version = document.get("version")
    if version is None:  # "{file stem}-{digest}": a long file name is cut before its digest
        version = default_version if len(default_version) <= MAX_VERSION_LENGTH else \
            default_version[:MAX_VERSION_LENGTH - 13] + default_version[-13:]
    if not isinstance(version, str) or not 0 < len(version.strip()) <= MAX_VERSION_LENGTH:
        raise PolicyError(f"version: a name of 1 to {MAX_VERSION_LENGTH} characters, not {version!r}")
    thresholds = {**DEFAULT_POLICY.review_thresholds, **_code_scores(document.get("thresholds", {}), "thresholds")}
    auto_reject = _code_scores(document.get("auto_reject", {}), "auto_reject")
    for code in auto_reject:
        if code in NOTE_CODES or code is Code.off_topic:
            raise PolicyError(f"auto_reject.{code.value}: {code.value} is never a reason to reject on its own")
        if auto_reject[code] < thresholds.get(code, DEFAULT_REVIEW_THRESHOLD):
            raise PolicyError(f"auto_reject.{code.value} must not be below its review threshold")
    terms = document.get("terms", {})
    extra = {k: v for k, v in terms.items() if k not in {"banned", "suspect", "allowed"}}
    covered = _strings(document.get("languages", {}).get("covered", list(DEFAULT_POLICY.covered_languages)),
                       "languages.covered")
    if set(covered) - set(LANGUAGES):
        raise PolicyError(f"languages.covered: {', '.join(sorted(set(covered) - set(LANGUAGES)))} is not a language "
                          f"the checks read ({', '.join(LANGUAGES)})")
    timeout = document.get("checks", {}).get("timeout_seconds", 2.0)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 60:
        raise PolicyError(f"checks.timeout_seconds: seconds above 0 and at most 60, not {timeout!r}")
    return Policy(
        version=version.strip(),
        review_thresholds=thresholds,
        auto_reject=auto_reject,
        banned_terms=_strings(terms.get("banned", []), "terms.banned"),
        suspect_terms=_strings(terms.get("suspect", []), "terms.suspect"),
        allowed_terms=_strings(terms.get("allowed", []), "terms.allowed"),
        extra_terms={_code(k, "terms"): _strings(v, f"terms.{k}") for k, v in _flatten(extra).items()},
        allowed_domains=_strings(document.get("domains", {}).get("allowed", []), "domains.allowed"),
        covered_languages=covered,
        checker_timeout_seconds=float(timeout),
    )


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """TOML turns `abuse.racism = [...]` into nested tables; codes are dotted names."""
    flat: dict[str, Any] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def _code(name: str, section: str) -> Code:
    try:
        return Code(name)
    except ValueError:
        raise PolicyError(f"{section}.{name}: not a guideline code ({', '.join(c.value for c in Code)})") from None


def _code_scores(table: dict[str, Any], section: str) -> dict[Code, float]:
    scores = {}
    for name, value in _flatten(table).items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise PolicyError(f"{section}.{name}: a score between 0 and 1, not {value!r}")
        scores[_code(name, section)] = float(value)
    return scores


def _strings(value: Any, section: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PolicyError(f"{section}: a list of non-empty strings")
    return tuple(v.strip() for v in value)
