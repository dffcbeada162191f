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
from moderation.db import SessionFactory, make_engine
from moderation.models import Role
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


def test_twenty_simultaneous_decisions_give_exactly_one_success(postgres_url):
    url = Settings.model_validate({"database_url": postgres_url}).sqlalchemy_url
    migrate.upgrade(url)
    sessions = SessionFactory(make_engine(url, pool_size=25, max_overflow=5))
    comment_id = new_comment(sessions, "shit")
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
