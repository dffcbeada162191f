"""The service layer on SQLite: submission rules, idempotency, checking once in effect, the sweep."""

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlmodel import select

from moderation import audit, services
from moderation.checks import Pipeline
from moderation.checks.terms import LexiconChecker
from moderation.errors import (
    ArticleClosed,
    ArticleNotFound,
    CommentNotFound,
    IdempotencyKeyReused,
    ImmutableContentError,
    InvalidCursor,
    InvalidParent,
)
from moderation.guidelines import Code
from moderation.hashing import email_hash
from moderation.models import Article, AuditEvent, AuditReceipt, CheckResult, Comment, CommentStatus, utcnow
from moderation.policy import DEFAULT_POLICY

SECRET = "test-secret-test-secret"


_sent = iter(range(10**6))


def submit(sessions, body=None, key="article-1", auto_create=True, **fields):
    body = body or f"A thoughtful comment ({next(_sent)})."
    new = services.NewComment(article_key=key, author_name=fields.pop("author_name", "Ann"),
                              author_email=fields.pop("author_email", "Ann@Example.org"), body=body, **fields)
    return services.submit_comment(sessions, new, auto_create_articles=auto_create, secret=SECRET)


def check(sessions, comment_id):
    return services.check_comment(sessions, Pipeline([LexiconChecker()]), DEFAULT_POLICY, comment_id)


def test_submission_is_stored_pending_with_its_receipt_then_recorded(sessions):
    accepted = submit(sessions, client_address="203.0.113.9")
    with sessions() as session:
        comment = session.get(Comment, accepted.id)
        receipt = session.get(AuditReceipt, accepted.id)
        assert session.exec(select(AuditEvent)).all() == []  # the request never took the chain's lock
    assert comment.status == CommentStatus.pending
    assert comment.author_email_hash == email_hash("ann@example.org")
    assert comment.client_fingerprint and "203.0.113.9" not in comment.client_fingerprint
    assert comment.receipt_hash != accepted.receipt
    assert receipt.article_key == "article-1" and receipt.received_at == comment.submitted_at

    assert audit.record_receipts(sessions) == 1
    assert audit.record_receipts(sessions) == 0
    with sessions() as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.comment_id == accepted.id)).all()
        assert session.get(AuditReceipt, accepted.id) is None
    assert [(e.action, e.occurred_at, e.content_sha256, e.details) for e in events] == [
        ("received", comment.submitted_at, audit.content_digest(comment), {"article": "article-1"})]


def test_every_event_about_a_comment_follows_its_received_entry(sessions):
    first, second, third = (submit(sessions, body=f"comment number {n}") for n in range(3))
    assert check(sessions, second.id) == "checked"  # the check's append records all three receipts first
    submit(sessions, body="a fourth, still waiting")
    with sessions() as session:
        trail = [(e.comment_id, e.action) for e in session.exec(select(AuditEvent).order_by(AuditEvent.id))]
        events = session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert trail == [(first.id, "received"), (second.id, "received"), (third.id, "received"),
                     (second.id, "checked")]
    assert audit.verify_chain(events).ok


def test_unknown_article_is_created_only_when_allowed(sessions):
    with pytest.raises(ArticleNotFound):
        submit(sessions, key="never-registered", auto_create=False)
    submit(sessions, key="new-article")
    with sessions() as session:
        assert session.exec(select(Article).where(Article.key == "new-article")).one().comments_open


def test_closed_article_refuses_comments(sessions):
    services.put_article(sessions, "closed", services.ArticleFields("Closed", None, "", False), actor="site")
    with pytest.raises(ArticleClosed):
        submit(sessions, key="closed")


def test_reply_must_be_to_a_published_comment_on_the_same_article(sessions):
    first = submit(sessions, key="a")
    with pytest.raises(InvalidParent, match="not published"):
        submit(sessions, key="a", parent_id=first.id)
    with sessions() as session:
        session.execute(text("UPDATE comments SET status = 'approved'"))
        session.commit()
    submit(sessions, key="a", parent_id=first.id)
    with pytest.raises(InvalidParent):
        submit(sessions, key="b", parent_id=first.id)
    with pytest.raises(InvalidParent):
        submit(sessions, key="a", parent_id=999999)


def test_idempotency_key_replays_the_first_response_and_stores_nothing_new(sessions):
    first = submit(sessions, body="Once only.", idempotency_key="retry-1")
    again = submit(sessions, body="Once only.", idempotency_key="retry-1")
    assert again.replayed and (again.id, again.receipt) == (first.id, first.receipt)
    with sessions() as session:
        assert len(session.exec(select(Comment)).all()) == 1
    with pytest.raises(IdempotencyKeyReused):
        submit(sessions, body="Something else entirely.", idempotency_key="retry-1")


def test_check_moves_to_review_once_with_findings(sessions):
    accepted = submit(sessions, body="This is shit.")
    assert check(sessions, accepted.id) == "checked"
    assert check(sessions, accepted.id) == "already_checked"
    assert check(sessions, 424242) == "missing"
    with sessions() as session:
        comment = session.get(Comment, accepted.id)
        results = session.exec(select(CheckResult)).all()
        actions = [e.action for e in session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()]
    assert comment.status == CommentStatus.needs_review and comment.checked_at is not None
    assert [(r.code, r.evidence[0]["text"], r.policy_version) for r in results] == [
        ("profanity", "shit", DEFAULT_POLICY.version)]
    assert actions == ["received", "checked"]


def test_the_authors_name_is_checked_and_its_findings_say_so(sessions):
    from moderation.checks.promotion import PromotionChecker

    pipeline = Pipeline([LexiconChecker(), PromotionChecker()])
    accepted = submit(sessions, body="A measured reply about the council budget.",
                      author_name="Cheap pills at pills-shop.example, shit")
    assert services.check_comment(sessions, pipeline, DEFAULT_POLICY, accepted.id) == "checked"
    with sessions() as session:
        results = session.exec(select(CheckResult).where(CheckResult.flagged)).all()
    assert {r.checker for r in results} >= {"author_name.lexicon"}
    profanity = next(r for r in results if r.code == "profanity")
    name = "Cheap pills at pills-shop.example, shit"
    assert [(e["text"], name[e["start"]:e["end"]], e["rule"].split(":")[0]) for e in profanity.evidence] == [
        ("shit", "shit", "author_name")]


def test_a_batch_is_checked_in_one_append_and_each_comment_once(sessions):
    done = submit(sessions, body="Checked on its own first.")
    check(sessions, done.id)
    clean, rude, spam = (submit(sessions, body=b).id for b in (
        "A fair point about the budget.", "This is shit.", "Read the minutes first."))
    policy = dataclasses.replace(DEFAULT_POLICY, auto_reject={Code.profanity: 0.9})
    outcomes = services.check_comments(sessions, Pipeline([LexiconChecker()]), policy,
                                       [spam, done.id, 424242, rude, clean])
    assert outcomes == {spam: "checked", done.id: "already_checked", 424242: "missing", rude: "auto_rejected",
                        clean: "checked"}
    with sessions() as session:
        statuses = {c.id: c.status for c in session.exec(select(Comment))}
        trail = [(e.comment_id, e.action) for e in session.exec(select(AuditEvent).order_by(AuditEvent.id))]
        events = session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
        flagged = [(r.comment_id, r.code) for r in session.exec(select(CheckResult).where(CheckResult.flagged))]
    assert statuses == {done.id: CommentStatus.needs_review, clean: CommentStatus.needs_review,
                        rude: CommentStatus.rejected, spam: CommentStatus.needs_review}
    # receipts first, then the batch in id order; the earlier comment's entries are not repeated
    assert trail[2:] == [(clean, "received"), (rude, "received"), (spam, "received"), (clean, "checked"),
                         (rude, "checked"), (rude, "auto_rejected"), (spam, "checked")]
    assert audit.verify_chain(events).ok
    assert [e.content_sha256 for e in events if e.comment_id == rude] == [events[3].content_sha256] * 3
    assert flagged == [(rude, "profanity")]
    assert services.check_comments(sessions, Pipeline([LexiconChecker()]), policy, [clean, rude]) == {
        clean: "already_checked", rude: "already_checked"}


def test_sweep_claims_only_stale_pending_comments_once_per_period(sessions):
    waiting = [submit(sessions).id, submit(sessions).id]
    check(sessions, submit(sessions).id)
    age = timedelta(seconds=30)
    assert services.claim_stale_pending(sessions, age) == []  # nothing is stale yet
    later = utcnow() + timedelta(minutes=5)
    assert services.claim_stale_pending(sessions, age, now=later) == waiting
    assert services.claim_stale_pending(sessions, age, now=later + timedelta(seconds=10)) == []  # claimed
    assert services.claim_stale_pending(sessions, age, now=later + timedelta(minutes=1)) == waiting
    assert services.claim_stale_pending(sessions, age, limit=1, now=later + timedelta(minutes=2)) == waiting[:1]


def test_public_page_shows_approved_comments_newest_first_with_a_cursor(sessions):
    ids = [submit(sessions, body=f"comment {i}").id for i in range(5)]
    with sessions() as session:
        session.execute(text("UPDATE comments SET status = 'approved' WHERE id != :id"), {"id": ids[2]})
        session.commit()
    page = services.approved_comments(sessions, "article-1", 2, None)
    assert [c.id for c in page.items] == [ids[4], ids[3]]
    page = services.approved_comments(sessions, "article-1", 2, page.next_cursor)
    assert [c.id for c in page.items] == [ids[1], ids[0]] and page.next_cursor is None
    assert not hasattr(page.items[0], "author_email")
    with pytest.raises(InvalidCursor):
        services.approved_comments(sessions, "article-1", 2, "bm90LWEtY3Vyc29y")
    assert services.approved_comments(sessions, "no-such-article", 10, None).items == []


def test_author_view_needs_the_receipt(sessions):
    accepted = submit(sessions)
    assert services.comment_for_author(sessions, accepted.id, accepted.receipt).status == CommentStatus.pending
    with pytest.raises(CommentNotFound):
        services.comment_for_author(sessions, accepted.id, "guess")
    with pytest.raises(CommentNotFound):
        services.comment_for_author(sessions, accepted.id + 1, accepted.receipt)


@pytest.mark.parametrize("field, value", [
    ("body", "edited"), ("author_name", "Someone else"), ("author_email", "x@example.org"), ("article_id", 99),
])
def test_the_orm_refuses_to_change_what_was_submitted(sessions, field, value):
    accepted = submit(sessions)
    with sessions() as session:
        comment = session.get(Comment, accepted.id)
        with pytest.raises(ImmutableContentError):
            setattr(comment, field, value)
        comment.status = CommentStatus.approved  # the state may change; the content may not
        session.commit()


def test_idempotency_keys_are_forgotten_after_their_lifetime(sessions):
    submit(sessions, body="First text.", idempotency_key="old-key")
    assert services.forget_idempotency_keys(sessions, timedelta(hours=24)) == 0
    assert services.forget_idempotency_keys(sessions, timedelta(hours=24), now=utcnow() + timedelta(days=2)) == 1
    assert not submit(sessions, body="Second text.", idempotency_key="old-key").replayed  # a new submission now


def test_a_contact_posted_under_other_articles_is_counted(sessions):
    sightings = services.DatabaseSightings(sessions)
    body = "Great deals at shinywatches.shop today"
    first = submit(sessions, body=body, key="a", author_email="one@example.org")
    second = submit(sessions, body=body, key="b", author_email="two@example.org")
    third = submit(sessions, body=body, key="c", author_email="two@example.org")
    pipeline = Pipeline([LexiconChecker()])
    for accepted in (first, second):
        services.check_comment(sessions, pipeline, DEFAULT_POLICY, accepted.id, sightings)
    with sessions() as session:
        comment = session.get(Comment, third.id)
    assert sightings.seen_elsewhere(["url:shinywatches.shop"], comment) == {"url:shinywatches.shop": 2}
    assert sightings.seen_elsewhere(["url:other.shop"], comment) == {}


def test_a_spam_run_sent_within_one_batch_counts_as_one(sessions):
    """Sightings are recorded once a batch commits; the comments inside one batch still see each other."""
    from moderation.checks.promotion import PromotionChecker

    body = "More on this at shinywatches.example.com"
    ids = [submit(sessions, body=body, key=key, author_email=f"{key}@example.org").id for key in "abcd"]
    services.check_comments(sessions, Pipeline([PromotionChecker()]), DEFAULT_POLICY, ids)
    with sessions() as session:
        scores = [max(r.score for r in session.exec(select(CheckResult).where(CheckResult.comment_id == i)))
                  for i in ids]
    assert scores[0] < DEFAULT_POLICY.review_threshold(Code.promotion_personal)  # a lone link: maybe a citation
    assert all(score >= 0.85 for score in scores[1:]) and scores[1] < scores[2] < scores[3]


def test_a_comment_whose_check_breaks_goes_to_a_person_and_its_batch_goes_on(sessions):
    first, broken, last = (submit(sessions).id for _ in range(3))

    class BrokenFor(services.DatabaseSightings):
        def seen_elsewhere(self, fingerprints, comment):
            if comment.id == broken:
                raise ValueError("a contact this code cannot read")
            return super().seen_elsewhere(fingerprints, comment)

    outcomes = services.check_comments(sessions, Pipeline([LexiconChecker()]), DEFAULT_POLICY, [first, broken, last],
                                       BrokenFor(sessions))
    assert outcomes == {first: "checked", broken: "checked", last: "checked"}
    with sessions() as session:
        assert session.get(Comment, broken).status == CommentStatus.needs_review  # never a silent pass
        findings = session.exec(select(CheckResult).where(CheckResult.comment_id == broken)).all()
    assert [(f.code, f.flagged) for f in findings] == [("check_unavailable", True)]


def test_the_same_text_again_within_minutes_is_refused_as_a_resend(sessions):
    submit(sessions, body="Exactly this.")
    with pytest.raises(services.RepeatedComment):
        submit(sessions, body="Exactly this.")
    submit(sessions, body="Exactly this.", key="another-article")  # elsewhere it is a comment of its own
    submit(sessions, body="Exactly this.", author_email="someone.else@example.org")
