"""The Celery side on the embedded broker: configuration and housekeeping."""

import logging
import re
import time
from datetime import timedelta

from api.runtime import CheckQueue
from tests.conftest import free_port, make_settings
from workers.celery_app import CHECK_BATCH_TASK, CHECK_TASK, create_celery
from workers.embedded_broker import prune_delivered


def test_tasks_are_acknowledged_late_and_given_back_when_a_worker_dies(tmp_path):
    conf = create_celery(make_settings(tmp_path)).conf
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.task_default_queue == "moderation.checks"
    assert {entry["task"] for entry in conf.beat_schedule.values()} == {"moderation.sweep_pending",
                                                                         "moderation.housekeeping"}


def test_the_embedded_broker_prunes_only_delivered_messages(tmp_path):
    settings = make_settings(tmp_path)
    app = create_celery(settings)
    app.send_task(CHECK_TASK, args=[1])
    app.send_task(CHECK_TASK, args=[2])
    with app.connection_for_read() as connection:
        queue = connection.SimpleQueue(settings.check_queue)
        delivered = queue.get(timeout=5)
        assert delivered.payload[0] == [1]
        delivered.ack()
        assert prune_delivered(settings.embedded_broker_path, timedelta(hours=1)) == 0  # too recent
        assert prune_delivered(settings.embedded_broker_path, timedelta(0)) == 1
        assert queue.get(timeout=5).payload[0] == [2]  # the undelivered one was kept
        queue.close()


def _published(app, queue_name, count):
    with app.connection_for_read() as connection:
        queue = connection.SimpleQueue(queue_name)
        messages = [queue.get(timeout=5) for _ in range(count)]
        for message in messages:
            message.ack()
        queue.close()
    return [(m.headers["task"], m.payload[0]) for m in messages]


def test_the_api_gathers_new_comments_into_one_message_per_batch(tmp_path):
    settings = make_settings(tmp_path)
    app = create_celery(settings)
    checks = CheckQueue(app, batch_wait=1.5, batch_size=3)
    started = time.monotonic()
    for comment_id in range(1, 6):
        checks.enqueue(comment_id)
    assert _published(app, settings.check_queue, 1) == [(CHECK_BATCH_TASK, [[1, 2, 3]])]  # full: sent at once
    assert time.monotonic() - started < 1.2
    checks.flush()  # what waits goes out now (at exit), not after the wait
    assert _published(app, settings.check_queue, 1) == [(CHECK_BATCH_TASK, [[4, 5]])]
    time.sleep(2)  # past the publisher's wait for the second batch, which `flush` took
    checks.enqueue(6)
    assert _published(app, settings.check_queue, 1) == [(CHECK_BATCH_TASK, [[6]])]  # after the wait, alone
    with app.connection_for_read() as connection:  # nothing published twice, nothing empty
        assert connection.SimpleQueue(settings.check_queue).qsize() == 0


def test_without_a_wait_each_comment_is_published_at_once(tmp_path):
    settings = make_settings(tmp_path)
    app = create_celery(settings)
    checks = CheckQueue(app, batch_wait=0)
    checks.enqueue(7)
    checks.enqueue(8)
    assert _published(app, settings.check_queue, 2) == [(CHECK_BATCH_TASK, [[7]]), (CHECK_BATCH_TASK, [[8]])]


def test_when_the_broker_is_unreachable_nothing_waits_in_memory_for_it(tmp_path, caplog):
    """The comments are stored; the sweep enqueues them once the broker is back."""
    app = create_celery(make_settings(tmp_path, broker_url=f"redis://127.0.0.1:{free_port()}/0"))
    checks = CheckQueue(app, batch_wait=0.2, batch_size=2)
    with caplog.at_level(logging.WARNING, logger="api.runtime"):
        for comment_id in range(1, 8):
            checks.enqueue(comment_id)
        deadline = time.monotonic() + 20
        while not caplog.records and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # what arrived behind the failed batch is dropped with it
        failures = [r.getMessage() for r in caplog.records]
        checks.flush()  # nothing left to try
        assert [r.getMessage() for r in caplog.records] == failures
    assert len(failures) == 1 and re.search(r"could not enqueue comments \[1, 2\] and \d more", failures[0])


def test_a_pool_child_started_after_the_policy_file_was_edited_keeps_the_workers_policy(tmp_path):
    """Until the worker restarts, every pool child checks with the policy the worker started with: a child
    replaced after an edit (a crash, --max-tasks-per-child) must not run a second policy, nor a broken one."""
    from celery.signals import worker_init, worker_process_init
    from sqlmodel import select

    from moderation import migrate, services
    from moderation.db import SessionFactory, make_engine
    from moderation.models import CheckResult
    from workers.tasks import register_tasks

    policy_file = tmp_path / "policy.toml"
    policy_file.write_text('version = "as-started"\n[terms]\nbanned = ["wibble"]\n')
    settings = make_settings(tmp_path / "data", policy=policy_file)
    migrate.upgrade(settings.sqlalchemy_url)
    app = create_celery(settings)
    register_tasks(app, settings)
    worker_init.send(sender=None)  # the worker starts and reads the file
    policy_file.write_text("[thresholds")  # edited, and broken, while it runs
    worker_process_init.send(sender=None)  # a pool child replaced after the edit
    sessions = SessionFactory(make_engine(settings.sqlalchemy_url))
    accepted = services.submit_comment(sessions, services.NewComment("a", "Reader", "r@example.org", "wibble"),
                                       auto_create_articles=True, secret="s" * 32)
    assert app.tasks[CHECK_BATCH_TASK]([accepted.id]) == {accepted.id: "checked"}
    with sessions() as session:
        results = session.exec(select(CheckResult).where(CheckResult.comment_id == accepted.id)).all()
    assert {r.policy_version for r in results} == {"as-started"} and any(r.flagged for r in results)


def test_a_taken_metrics_port_is_said_in_the_log(caplog):
    """Celery swallows an error raised while a worker starts: a second worker on the host said nothing."""
    import socket

    from moderation.observability import start_metrics_server

    with socket.socket() as holder:
        holder.bind(("0.0.0.0", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with caplog.at_level(logging.ERROR, logger="moderation.observability"):
            assert start_metrics_server(port) is False
    assert f"cannot serve on port {port}" in caplog.text and "MODERATION_WORKER_METRICS_PORT" in caplog.text
