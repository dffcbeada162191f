"""The Celery side on the embedded broker: configuration and housekeeping."""

from datetime import timedelta

from tests.conftest import make_settings
from workers.celery_app import CHECK_TASK, create_celery
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
