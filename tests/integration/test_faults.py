"""Faults on the real services: Redis going away, a worker killed mid-check, a task delivered twice."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import psycopg
import pytest
from sqlmodel import col, select

from api import create_app
from moderation import migrate, services
from moderation.db import SessionFactory, make_engine
from moderation.models import AuditEvent, CheckResult, Comment
from tests.conftest import celery_worker_args, free_port, make_settings, service_env, wait_until
from workers.celery_app import CHECK_TASK, create_celery

pytestmark = pytest.mark.integration
GOOD = {"author_name": "Reader", "author_email": "reader@example.org"}


def checked_events(sessions: SessionFactory, comment_id: int) -> int:
    with sessions() as session:
        return len(session.exec(select(AuditEvent).where(AuditEvent.comment_id == comment_id,
                                                         AuditEvent.action == "checked")).all())


def statuses(sessions: SessionFactory, ids: list[int]) -> set[str]:
    with sessions() as session:
        return set(session.exec(select(Comment.status).where(col(Comment.id).in_(ids))).all())


def test_redis_stopped_while_comments_arrive(postgres_url, check_queue, processes, tmp_path):
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    settings = make_settings(tmp_path / "data", database_url=postgres_url, broker_url=f"redis://127.0.0.1:{port}/0",
                             check_queue=check_queue, pending_max_age=1, sweep_interval=1,
                             submit_rate_limit="10000/minute")
    migrate.upgrade(settings.sqlalchemy_url)
    sessions = SessionFactory(make_engine(settings.sqlalchemy_url))
    redis_args = [redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    redis = processes("redis", redis_args, service_env(settings))
    redis.wait_for_output("Ready to accept connections")
    processes("worker", celery_worker_args("--beat", "--schedule", str(tmp_path / "beat")), service_env(settings))
    client = create_app(settings).test_client()

    def submit(i: int) -> int:
        response = client.post("/v1/articles/outage/comments", json=dict(GOOD, body=f"Comment number {i}"))
        assert response.status_code == 202, response.get_json()
        return response.get_json()["id"]

    before = [submit(i) for i in range(5)]
    wait_until(lambda: statuses(sessions, before) == {"needs_review"}, timeout=30, interval=0.2)
    redis.popen.send_signal(signal.SIGKILL)
    redis.popen.wait()
    started = time.monotonic()
    during = [submit(i) for i in range(5, 10)]
    assert time.monotonic() - started < 15, "an unreachable broker must not hold submissions"
    assert statuses(sessions, during) == {"pending"}
    processes("redis-again", redis_args, service_env(settings)).wait_for_output("Ready to accept connections")
    wait_until(lambda: statuses(sessions, during) == {"needs_review"}, timeout=90, interval=0.5)
    assert all(checked_events(sessions, i) == 1 for i in before + during)
    sessions.engine.dispose()


def _child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


def _one_comment(tmp_path, postgres_url, redis_url, check_queue, article, body):
    """A migrated database with one pending comment, and the settings a worker on it needs."""
    settings = make_settings(tmp_path / "data", database_url=postgres_url, broker_url=redis_url,
                             check_queue=check_queue)
    migrate.upgrade(settings.sqlalchemy_url)
    sessions = SessionFactory(make_engine(settings.sqlalchemy_url))
    comment_id = services.submit_comment(sessions, services.NewComment(article, "Reader", "reader@example.org", body),
                                         auto_create_articles=True, secret="s" * 32).id
    return settings, sessions, comment_id


def test_a_worker_killed_mid_check_is_redelivered_and_counts_once(postgres_url, redis_url, check_queue, processes,
                                                                  tmp_path):
    settings, sessions, comment_id = _one_comment(tmp_path, postgres_url, redis_url, check_queue, "kill",
                                                  "What a load of shit.")
    worker = processes("worker", celery_worker_args("--concurrency", "1", "--pool", "prefork"),
                       service_env(settings))
    worker.wait_for_output("ready.", timeout=60)
    plain = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain) as blocker:
        blocker.execute("SELECT id FROM comments WHERE id = %s FOR UPDATE", (comment_id,))  # hold the row
        create_celery(settings).send_task(CHECK_TASK, args=[comment_id])
        with psycopg.connect(plain, autocommit=True) as watcher:
            def worker_waits_on_our_lock() -> bool:
                row = watcher.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                      "AND query LIKE '%%FROM comments%%FOR NO KEY UPDATE'").fetchone()
                return bool(row and row[0])

            wait_until(worker_waits_on_our_lock, timeout=30, interval=0.1)
        [child] = _child_pids(worker.popen.pid)
        os.kill(child, signal.SIGKILL)  # mid-check: its findings are computed, its write is not done
        time.sleep(0.5)
        blocker.rollback()
    wait_until(lambda: statuses(sessions, [comment_id]) == {"needs_review"}, timeout=60, interval=0.2)
    with sessions() as session:
        findings = session.exec(select(CheckResult).where(CheckResult.comment_id == comment_id)).all()
    assert checked_events(sessions, comment_id) == 1
    assert len(findings) == len({(f.code, f.checker) for f in findings}) > 0
    assert "WorkerLostError" in worker.output() or "Process" in worker.output()
    sessions.engine.dispose()


def test_the_same_task_delivered_twice_has_one_effect(postgres_url, redis_url, check_queue, processes, tmp_path):
    settings, sessions, comment_id = _one_comment(tmp_path, postgres_url, redis_url, check_queue, "twice",
                                                  "Twice checked, once counted.")
    celery = create_celery(settings)
    for _ in range(3):
        celery.send_task(CHECK_TASK, args=[comment_id])
    worker = processes("worker", celery_worker_args(), service_env(settings))
    wait_until(lambda: worker.output().count("succeeded") >= 3, timeout=60, interval=0.2)
    assert statuses(sessions, [comment_id]) == {"needs_review"}
    assert checked_events(sessions, comment_id) == 1
    assert worker.output().count(": 'already_checked'") == 2 and worker.output().count(": 'checked'") == 1
    sessions.engine.dispose()


def test_redis_lost_while_a_check_is_in_flight(postgres_url, check_queue, processes, tmp_path):
    """The worker holds an unacknowledged check when the broker goes away: it must reconnect, not die."""
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    redis_args = [redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    redis = processes("redis", redis_args, {})
    redis.wait_for_output("Ready to accept connections")
    settings, sessions, comment_id = _one_comment(tmp_path, postgres_url, f"redis://127.0.0.1:{port}/0",
                                                  check_queue, "in-flight", "Checked across an outage.")
    settings = settings.model_copy(update={"pending_max_age": 1, "sweep_interval": 1})
    plain = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain) as blocker:
        # Locked before the worker starts: its sweep skips a locked comment, so it cannot check this one first.
        blocker.execute("SELECT id FROM comments WHERE id = %s FOR UPDATE", (comment_id,))
        worker = processes("worker", celery_worker_args("--beat", "--schedule", str(tmp_path / "beat")),
                           service_env(settings))
        worker.wait_for_output("ready.", timeout=60)
        create_celery(settings).send_task(CHECK_TASK, args=[comment_id])
        with psycopg.connect(plain, autocommit=True) as watcher:
            wait_until(lambda: watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND query LIKE '%%FROM comments%%FOR NO KEY UPDATE'").fetchone()[0], timeout=30, interval=0.1)
        redis.popen.send_signal(signal.SIGKILL)
        redis.popen.wait()
        time.sleep(1)
        blocker.rollback()
    processes("redis-again", redis_args, {}).wait_for_output("Ready to accept connections")
    wait_until(lambda: statuses(sessions, [comment_id]) == {"needs_review"}, timeout=60, interval=0.2)
    later = services.submit_comment(sessions, services.NewComment("in-flight", "Reader", "reader@example.org",
                                                                  "Sent once the broker is back."),
                                    auto_create_articles=True, secret="s" * 32).id
    create_celery(settings).send_task(CHECK_TASK, args=[later])  # the same worker, still consuming
    wait_until(lambda: statuses(sessions, [later]) == {"needs_review"} or worker.popen.poll() is not None,
               timeout=60, interval=0.2)
    assert worker.popen.poll() is None, "the worker died with the broker: " + worker.output()[-3000:]
    assert statuses(sessions, [later]) == {"needs_review"}
    assert checked_events(sessions, comment_id) == 1 and checked_events(sessions, later) == 1
    sessions.engine.dispose()
