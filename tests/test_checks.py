"""The pipeline's contract: findings with evidence that points into the text as submitted; never fail open."""

from moderation.checks import CheckContext, Evidence, Finding, Pipeline
from moderation.checks.terms import LexiconChecker
from moderation.guidelines import GUIDELINES, Code


def test_a_failing_checker_never_lets_a_comment_through():
    class Broken:
        name = "broken"
        version = "0"

        def check(self, context):
            raise RuntimeError("model file missing")

    findings = Pipeline([Broken(), LexiconChecker()]).run(CheckContext(text="shit"))
    assert [f.code for f in findings] == [Code.check_unavailable, Code.profanity]
    assert findings[0].checker == "broken"


def test_a_checker_that_runs_too_long_is_stopped_and_noted():
    class Slow:
        name = "slow"
        version = "0"

        def check(self, context):
            while True:
                pass

    [finding] = Pipeline([Slow()], timeout_seconds=0.2).run(CheckContext(text="anything"))
    assert (finding.code, finding.checker) == (Code.check_unavailable, "slow")


def test_every_code_has_published_wording():
    assert set(GUIDELINES) == set(Code)
    assert all(g.wording.endswith(".") for g in GUIDELINES.values())


def test_finding_serialises_to_the_contract_shape():
    finding = Finding(Code.profanity, 0.923456, (Evidence(3, 7, "shit", "lexicon:en:profanity"),), "lexicon", "2")
    assert finding.to_dict() == {
        "code": "profanity", "score": 0.9235, "checker": "lexicon", "version": "2",
        "evidence": [{"start": 3, "end": 7, "text": "shit", "rule": "lexicon:en:profanity"}],
    }
