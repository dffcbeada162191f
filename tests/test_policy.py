"""The policy file: what it may say, and the clear refusals when it says something else."""

from pathlib import Path

import pytest

from moderation.guidelines import Code
from moderation.policy import DEFAULT_POLICY, PolicyError, load_policy, parse_policy
from moderation.settings import SettingsError, load_settings

EXAMPLE = Path(__file__).resolve().parent.parent / "policy.example.toml"


def test_the_example_policy_loads():
    policy = load_policy(EXAMPLE)
    assert policy.version == "newsroom-2026-11"
    assert policy.review_threshold(Code.promotion_personal) == 0.6
    assert policy.review_threshold(Code.threat) == 0.5
    assert policy.auto_reject == {}
    assert policy.allowed_terms == ("bloody mary",)


def test_without_a_version_the_file_digest_names_it(tmp_path):
    path = tmp_path / "ours.toml"
    path.write_text('[thresholds]\nthreat = 0.4\n')
    policy = load_policy(path)
    assert policy.version.startswith("ours-") and len(policy.version) == len("ours-") + 12
    assert policy.reaches_review(Code.threat, 0.45)


def test_a_long_file_name_still_gives_a_version_that_fits_its_column(tmp_path):
    path = tmp_path / ("newsroom-policy-" + "x" * 60 + ".toml")
    path.write_text('[thresholds]\nthreat = 0.4\n')
    version = load_policy(path).version
    assert len(version) == 64 and version.startswith("newsroom-policy-") and version[-13] == "-"


def test_the_default_policy_sends_nothing_to_auto_reject():
    assert DEFAULT_POLICY.auto_reject == {}
    assert load_policy(None) is DEFAULT_POLICY


@pytest.mark.parametrize("document, message", [
    ({"tresholds": {}}, "unknown policy keys: tresholds"),
    ({"thresholds": {"swearing": 0.5}}, "thresholds.swearing: not a guideline code"),
    ({"thresholds": {"threat": 2}}, "between 0 and 1"),
    ({"auto_reject": {"off_topic": 0.9}}, "never a reason to reject on its own"),
    ({"auto_reject": {"unsupported_language": 0.9}}, "never a reason to reject"),
    ({"auto_reject": {"threat": 0.3}}, "must not be below its review threshold"),
    ({"terms": {"banned": "word"}}, "terms.banned: a list"),
    ({"terms": {"threat": [""]}}, "terms.threat: a list of non-empty strings"),
    ({"terms": 5}, "terms: a table"),
    ({"domains": ["a"]}, "domains: a table"),
    ({"thresholds": [1]}, "thresholds: a table"),
    ({"domains": {"allow": ["x.org"]}}, "domains: unknown keys allow"),
    ({"checks": {"timeout": 5}}, "checks: unknown keys timeout"),
    ({"checks": {"timeout_seconds": "abc"}}, "checks.timeout_seconds"),
    ({"checks": {"timeout_seconds": 0}}, "checks.timeout_seconds"),
    ({"thresholds": {"personal_attack": True}}, "between 0 and 1"),
    ({"languages": {"covered": ["xx"]}}, "xx is not a language"),
    ({"version": "v" * 65}, "1 to 64 characters"),
    ({"version": 3}, "version"),
])
def test_a_policy_that_cannot_be_honoured_is_refused(document, message):
    with pytest.raises(PolicyError, match=message):
        parse_policy(document)


def test_auto_reject_nests_dotted_codes():
    policy = parse_policy({"auto_reject": {"abuse": {"racism": 0.95}}})
    assert policy.auto_reject_threshold(Code.abuse_racism) == 0.95


def test_a_missing_or_broken_policy_file_stops_the_service(tmp_path):
    with pytest.raises(SettingsError, match="no policy file"):
        load_settings({"MODERATION_POLICY": str(tmp_path / "absent.toml")})
    broken = tmp_path / "broken.toml"
    broken.write_text("version = [unclosed")
    with pytest.raises(PolicyError, match="cannot read the policy file"):
        load_policy(broken)
