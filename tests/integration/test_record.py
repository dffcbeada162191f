"""The decision record and concurrent decisions on the real databases."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from moderation import accounts, audit, migrate, review, services
from moderation.checks import Pipeline
from moderation.checks.terms import LexiconChecker
from moderation.db import SessionFactory, make_engine
from moderation.models import Role
from moderation.policy import DEFAULT_POLICY
from moderation.settings import Settings

pytestmark = pytest.mark.integration
MODERATION = str(Path(sys.executable).parent / "moderation")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'record.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    return Settings.model_validate({"database_url": url}).sqlalchemy_url


@pytest.fixture
def sessions(database_url):
    migrate.upgrade(database_url)
    factory = SessionFactory(make_engine(database_url, **({} if database_url.startswith("sqlite") else
                                                          {"pool_size": 25, "max_overflow": 5})))
    yield factory
    factory.engine.dispose()


def new_comment(sessions, body="a comment") -> int:
    """A submission, put on the record at once (as the check or the sweep would)."""
    comment_id = services.submit_comment(sessions, services.NewComment("a", "Ann", "ann@example.org", body),
                                         auto_create_articles=True, secret="s" * 32).id
    audit.record_receipts(sessions)
    return comment_id


@pytest.mark.parametrize("statement", [
    "UPDATE audit_events SET actor = 'someone else'",
    "DELETE FROM audit_events",
])
def test_the_record_refuses_update_and_delete(sessions, statement):
    new_comment(sessions)
    with sessions.engine.connect() as connection:
        with pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text(statement))
        connection.rollback()
        assert connection.execute(text("SELECT count(*) FROM audit_events")).scalar() == 1


def _drop_append_only_triggers(connection, dialect: str) -> None:
    if dialect == "postgresql":
        connection.execute(text("DROP TRIGGER audit_events_append_only ON audit_events"))
    else:
        connection.execute(text("DROP TRIGGER audit_events_no_update"))
        connection.execute(text("DROP TRIGGER audit_events_no_delete"))


@pytest.mark.parametrize("tampering", ["edit", "delete"])
def test_verify_names_the_first_tampered_entry(sessions, database_url, tampering, tmp_path):
    for i in range(4):
        new_comment(sessions, f"comment {i}")
    result = audit.verify_chain(audit.stream_events(sessions))
    assert result.ok and result.checked == 4
    with sessions.engine.begin() as connection:
        _drop_append_only_triggers(connection, sessions.engine.dialect.name)
        if tampering == "edit":
            connection.execute(text("UPDATE audit_events SET actor = 'forger' WHERE id = 3"))
        else:
            connection.execute(text("DELETE FROM audit_events WHERE id = 3"))
    result = audit.verify_chain(audit.stream_events(sessions))
    assert not result.ok and result.first_bad_id == (3 if tampering == "edit" else 4)
    plain_url = database_url.replace("postgresql+psycopg://", "postgresql://")
    command = subprocess.run([MODERATION, "audit", "verify"], capture_output=True, text=True, cwd=tmp_path,
                             env={"MODERATION_DATABASE_URL": plain_url, "PATH": "/usr/bin:/bin"})
    assert command.returncode == 1
    assert f"broken at entry {result.first_bad_id}" in command.stderr


def test_verify_finds_a_comment_changed_behind_the_records_back(sessions, database_url, tmp_path):
    ids = [new_comment(sessions, f"comment {i}") for i in range(3)]
    assert audit.verify_record(sessions).ok
    with sessions.engine.begin() as connection:  # someone able to drop the trigger rewrites what a reader said
        connection.execute(text("DROP TRIGGER comments_immutable_content" + (
            " ON comments" if sessions.engine.dialect.name == "postgresql" else "")))
        connection.execute(text("UPDATE comments SET body = 'I was never rude, honest' WHERE id = :id"),
                           {"id": ids[1]})
    assert audit.verify_chain(audit.stream_events(sessions)).ok  # the chain alone cannot see it
    result = audit.verify_record(sessions)
    assert not result.ok and f"comment {ids[1]}" in result.reason
    plain_url = database_url.replace("postgresql+psycopg://", "postgresql://")
    command = subprocess.run([MODERATION, "audit", "verify"], capture_output=True, text=True, cwd=tmp_path,
                             env={"MODERATION_DATABASE_URL": plain_url, "PATH": "/usr/bin:/bin"})
    assert command.returncode == 1 and f"comment {ids[1]}" in command.stderr


def test_verify_finds_a_status_changed_behind_the_records_back(sessions, database_url, tmp_path):
    """QA's case: a comment published by an UPDATE, its record only received, checked and claimed."""
    pipeline = Pipeline([LexiconChecker()])
    mia, ada = (accounts.create_user(sessions, name, role)[0] for name, role in (("mia", Role.moderator),
                                                                                ("ada", Role.admin)))
    moderator, admin = accounts.Principal(mia.id, "mia", Role.moderator), accounts.Principal(ada.id, "ada", Role.admin)
    accepted = [services.submit_comment(sessions, services.NewComment("a", "Ann", f"a{i}@example.org", f"shit {i}"),
                                        auto_create_articles=True, secret="s" * 32) for i in range(5)]
    ids = [a.id for a in accepted]
    assert audit.verify_record(sessions).ok  # accepted, not yet on record: pending by its receipt
    services.check_comments(sessions, pipeline, DEFAULT_POLICY, ids)
    reject = review.DecisionRequest(review.Decision.reject, (review.Code.profanity,))
    review.claim(sessions, ids[0], moderator)
    review.decide(sessions, ids[1], moderator, review.DecisionRequest(review.Decision.approve))
    review.decide(sessions, ids[2], moderator, reject)
    review.reverse(sessions, ids[2], admin, review.DecisionRequest(review.Decision.approve))
    review.decide(sessions, ids[3], moderator, reject)
    services.request_appeal(sessions, ids[3], accepted[3].receipt, "I was quoting")
    assert audit.verify_record(sessions).ok
    review.reverse(sessions, ids[3], admin, reject)  # upheld
    assert audit.verify_record(sessions).ok

    with sessions.engine.begin() as connection:  # no trigger to drop: status is the service's to change
        connection.execute(text("UPDATE comments SET status = 'approved' WHERE id = :id"), {"id": ids[0]})
    assert [c.id for c in services.approved_comments(sessions, "a", 10, None).items] == [ids[2], ids[1], ids[0]]
    assert audit.verify_chain(audit.stream_events(sessions)).ok  # the chain alone cannot see it
    result = audit.verify_record(sessions)
    assert not result.ok
    assert result.reason == f"comment {ids[0]} is approved but its record ends in checked (needs_review)"
    plain_url = database_url.replace("postgresql+psycopg://", "postgresql://")
    command = subprocess.run([MODERATION, "audit", "verify"], capture_output=True, text=True, cwd=tmp_path,
                             env={"MODERATION_DATABASE_URL": plain_url, "PATH": "/usr/bin:/bin"})
    assert command.returncode == 1
    assert f"comment {ids[0]} is approved but its record ends in checked (needs_review)" in command.stderr


def test_verify_sees_no_break_while_comments_are_submitted_checked_and_decided(sessions):
    """Verify reads a comment, its receipt and its entries in one statement: under load it never reports a
    comment caught between its state and its entry, nor one accepted but not yet on record."""
    pipeline = Pipeline([LexiconChecker()])
    mia = accounts.create_user(sessions, "mia", Role.moderator)[0]
    moderator = accounts.Principal(mia.id, "mia", Role.moderator)
    stop = threading.Event()
    errors: list[str] = []
    submitted: list[int] = []

    def submit() -> None:
        for i in range(100_000):
            if stop.is_set():
                return
            submitted.append(services.submit_comment(
                sessions, services.NewComment("load", "Ann", f"a{i}@example.org", f"shit number {i}"),
                auto_create_articles=True, secret="s" * 32).id)

    def check_and_decide() -> None:
        done = 0
        while not stop.is_set():
            batch = submitted[done:done + 10]
            if not batch:
                time.sleep(0.005)
                continue
            services.check_comments(sessions, pipeline, DEFAULT_POLICY, batch)
            for comment_id in batch[::2]:
                review.decide(sessions, comment_id, moderator, review.DecisionRequest(review.Decision.approve))
            done += len(batch)

    def guarded(work) -> None:
        try:
            work()
        except Exception as error:  # the test is that there are none
            errors.append(repr(error))
            stop.set()

    threads = [threading.Thread(target=guarded, args=(work,)) for work in (submit, check_and_decide)]
    for thread in threads:
        thread.start()
    verified = []
    try:
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline and not stop.is_set():
            verified.append(audit.verify_record(sessions))
            assert verified[-1].ok, verified[-1]
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    assert errors == []
    assert len(verified) > 1 and len(submitted) > 20
    assert audit.verify_record(sessions).ok


def test_twenty_simultaneous_decisions_give_exactly_one_success(postgres_url):
    url = Settings.model_validate({"database_url": postgres_url}).sqlalchemy_url
    migrate.upgrade(url)
    sessions = SessionFactory(make_engine(url, pool_size=25, max_overflow=5))
    comment_id = new_comment(sessions, "shit")
    services.check_comment(sessions, Pipeline([LexiconChecker()]), DEFAULT_POLICY, comment_id)  # awaits a person
    moderators = [accounts.create_user(sessions, f"mod{i}", Role.moderator)[0] for i in range(20)]
    start = threading.Barrier(20)
    outcomes: list[str] = []
    lock = threading.Lock()

    def decide(user) -> None:
        principal = accounts.Principal(user.id, user.name, Role.moderator)
        start.wait()
        try:
            review.decide(sessions, comment_id, principal, review.DecisionRequest(
                review.Decision.reject, (review.Code.profanity,)))
            result = "ok"
        except review.AlreadyDecided:
            result = "conflict"
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=decide, args=(user,)) for user in moderators]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict"] * 19 + ["ok"]
    with sessions() as session:
        decisions = session.execute(text(
            "SELECT count(*) FROM audit_events WHERE action = 'rejected' AND comment_id = :c"), {"c": comment_id})
        assert decisions.scalar() == 1
    assert audit.verify_chain(audit.stream_events(sessions)).ok
    sessions.engine.dispose()


def test_one_submission_retried_at_once_with_its_key_is_stored_once_and_answered_alike(postgres_url):
    """A frontend that retries on a timeout may send the same request while the first is still running."""
    url = Settings.model_validate({"database_url": postgres_url}).sqlalchemy_url
    migrate.upgrade(url)
    sessions = SessionFactory(make_engine(url, pool_size=12, max_overflow=0))
    key = f"retry-{time.time_ns()}"
    new = services.NewComment("retried", "Ann", "ann@example.org", f"the same comment ({key})", idempotency_key=key)
    services.submit_comment(sessions, services.NewComment("retried", "Bo", "bo@example.org", "first on the article"),
                            auto_create_articles=True, secret="s" * 32)  # the article exists: the fast path races
    start = threading.Barrier(10)
    answers: list[object] = []
    lock = threading.Lock()

    def send() -> None:
        start.wait()
        try:
            accepted = services.submit_comment(sessions, new, auto_create_articles=True, secret="s" * 32)
            answer: object = (accepted.id, accepted.receipt)
        except Exception as error:  # the test is that there are none
            answer = repr(error)
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=send) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(answers)) == 1 and isinstance(answers[0], tuple), answers
    with sessions() as session:
        stored = session.execute(text("SELECT count(*) FROM comments WHERE body = :b"), {"b": new.body}).scalar()
    assert stored == 1
    sessions.engine.dispose()


def test_overlapping_batches_submissions_and_decisions_keep_one_check_each_and_one_chain(postgres_url):
    """Workers given overlapping batches (as when the sweep re-enqueues what an API message also carries), new
    submissions and a moderator's decisions, all at once: every comment is checked once, nothing deadlocks,
    and the chain verifies with each comment's `received` first."""
    from moderation.checks import Pipeline
    from moderation.checks.terms import LexiconChecker
    from moderation.policy import DEFAULT_POLICY

    url = Settings.model_validate({"database_url": postgres_url}).sqlalchemy_url
    migrate.upgrade(url)
    sessions = SessionFactory(make_engine(url, pool_size=20, max_overflow=5))
    ids = [services.submit_comment(sessions, services.NewComment("batches", "Ann", f"a{i}@example.org",
                                                                  f"comment {i}, and it is shit" if i % 3 else
                                                                  f"comment {i}"),
                                   auto_create_articles=True, secret="s" * 32).id for i in range(60)]
    moderator = accounts.create_user(sessions, "batch-mod", Role.moderator)[0]
    principal = accounts.Principal(moderator.id, moderator.name, Role.moderator)
    pipeline = Pipeline([LexiconChecker()])
    start = threading.Barrier(7)
    errors: list[str] = []
    outcomes: list[dict[int, str]] = []
    lock = threading.Lock()

    def check(batch: list[int]) -> None:
        start.wait()
        try:
            result = services.check_comments(sessions, pipeline, DEFAULT_POLICY, batch)
            with lock:
                outcomes.append(result)
        except Exception as error:  # the test is that there are none (a deadlock would be one)
            errors.append(repr(error))

    def submit_more() -> None:
        start.wait()
        for i in range(20):
            services.submit_comment(sessions, services.NewComment("batches", "Bo", f"b{i}@example.org", f"late {i}"),
                                    auto_create_articles=True, secret="s" * 32)

    def decide_checked() -> None:
        """Approves comments as soon as they wait for review, while the other batches still run."""
        start.wait()
        decided: set[int] = set()
        deadline = time.monotonic() + 60
        while len(decided) < 10 and time.monotonic() < deadline:
            with sessions.reading() as session:
                waiting = session.execute(text("SELECT id FROM comments WHERE status = 'needs_review'")).scalars()
                waiting = [comment_id for comment_id in waiting if comment_id not in decided]
            for comment_id in waiting[:10 - len(decided)]:
                try:
                    review.decide(sessions, comment_id, principal, review.DecisionRequest(review.Decision.approve, ()))
                    decided.add(comment_id)
                except Exception as error:
                    errors.append(repr(error))
                    return

    batches = [ids[0:40], ids[20:60], ids[::-1], ids[10:50], ids[30:60] + ids[0:10]]
    threads = [threading.Thread(target=check, args=(b,)) for b in batches]
    threads += [threading.Thread(target=submit_more), threading.Thread(target=decide_checked)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    checked_by = {}
    for result in outcomes:
        for comment_id, outcome in result.items():
            if outcome == "checked":
                assert comment_id not in checked_by, f"comment {comment_id} checked twice"
                checked_by[comment_id] = True
    audit.record_receipts(sessions)
    events = list(audit.stream_events(sessions))
    assert audit.verify_chain(events).ok
    actions: dict[int, list[str]] = {}
    for event in events:
        if event.comment_id is not None:
            actions.setdefault(event.comment_id, []).append(event.action)
    assert {trail[0] for trail in actions.values()} == {"received"}
    assert len(actions) == len(ids) + 20
    assert sorted(checked_by) == sorted(ids)  # each checked once (a second check would be a second entry)
    for comment_id in ids:
        assert actions[comment_id] in (["received", "checked"], ["received", "checked", "approved"]), \
            actions[comment_id]
    assert sum(trail[-1] == "approved" for trail in actions.values()) == 10
    sessions.engine.dispose()


def test_a_submission_writes_its_comment_receipt_and_key_at_once_or_not_at_all(sessions):
    """On PostgreSQL one statement writes all three; either database refuses a resend or a closed article whole."""
    from moderation.errors import ArticleClosed

    def counts() -> tuple[int, int, int]:
        with sessions.engine.connect() as connection:
            return tuple(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                         for table in ("comments", "audit_receipts", "idempotency_keys"))

    first = services.submit_comment(sessions, services.NewComment("once", "Ann", "ann@example.org", "First."),
                                    auto_create_articles=True, secret="s" * 32)  # a new article: the slow path
    with sessions.engine.begin() as connection:  # a reply answers a published comment
        connection.execute(text("UPDATE comments SET status = 'approved'"))
    keyed = services.NewComment("once", "Bo", "bo@example.org", "A reply.", parent_id=first.id, idempotency_key="k-1")
    reply = services.submit_comment(sessions, keyed, auto_create_articles=True, secret="s" * 32)
    assert counts() == (2, 2, 1)
    again = services.submit_comment(sessions, keyed, auto_create_articles=True, secret="s" * 32)
    assert (again.id, again.receipt, again.replayed) == (reply.id, reply.receipt, True)
    with pytest.raises(services.RepeatedComment):
        services.submit_comment(sessions, services.NewComment("once", "Ann", "ann@example.org", "First."),
                                auto_create_articles=True, secret="s" * 32)
    with sessions.engine.begin() as connection:
        connection.execute(text("UPDATE articles SET comments_open = false WHERE key = 'once'"))
    with pytest.raises(ArticleClosed):
        services.submit_comment(sessions, services.NewComment("once", "Cy", "cy@example.org", "Too late.",
                                                              idempotency_key="k-2"),
                                auto_create_articles=True, secret="s" * 32)
    assert counts() == (2, 2, 1)
    with sessions.engine.connect() as connection:
        receipts = connection.execute(text("SELECT comment_id, article_key FROM audit_receipts ORDER BY 1")).all()
    assert [tuple(r) for r in receipts] == [(first.id, "once"), (reply.id, "once")]
