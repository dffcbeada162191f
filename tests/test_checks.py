from moderation.checks import CheckContext, Finding, Pipeline
from moderation.checks.profanity import WordlistProfanityChecker
from moderation.guidelines import GUIDELINES, Code


def test_profanity_points_at_the_words_in_the_original_text():
    text = "What the Fuck is this bull shit, honestly"
    [finding] = WordlistProfanityChecker().check(CheckContext(text=text))
    assert finding.code is Code.profanity
    assert [(e.text, text[e.start:e.end]) for e in finding.evidence] == [("Fuck", "Fuck"), ("bull shit", "bull shit")]


def test_clean_text_has_no_findings():
    assert WordlistProfanityChecker().check(CheckContext(text="The budget vote is on Tuesday in Essex.")) == []


class Broken:
    name = "broken"
    version = "0"

    def check(self, context):
        raise RuntimeError("model file missing")


def test_a_failing_checker_never_lets_a_comment_through():
    findings = Pipeline([Broken(), WordlistProfanityChecker()]).run(CheckContext(text="shit"))
    assert [f.code for f in findings] == [Code.check_unavailable, Code.profanity]
    assert findings[0].checker == "broken"


def test_every_code_has_published_wording():
    assert set(GUIDELINES) == set(Code)
    assert all(g.wording.endswith(".") for g in GUIDELINES.values())


def test_finding_serialises_to_the_contract_shape():
    [finding] = WordlistProfanityChecker().check(CheckContext(text="oh shit"))
    assert isinstance(finding, Finding)
    assert finding.to_dict() == {
        "code": "profanity", "score": 1.0, "checker": "profanity.wordlist", "version": "1",
        "evidence": [{"start": 3, "end": 7, "text": "shit", "rule": "wordlist"}],
    }
