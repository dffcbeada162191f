"""The Celery application, configured from the service's settings."""

from __future__ import annotations

from celery import Celery
from kombu import Queue

from moderation.settings import Settings

CHECK_TASK = "moderation.check_comment"  # one id per message (earlier releases)
CHECK_BATCH_TASK = "moderation.check_comments"  # a list of ids per message
SWEEP_TASK = "moderation.sweep_pending"
HOUSEKEEPING_TASK = "moderation.housekeeping"


def broker_options(settings: Settings) -> dict[str, object]:
    if settings.uses_embedded_broker:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return {
            "broker_url": f"sqlite:///{settings.embedded_broker_path.resolve()}",
            "broker_transport": "workers.embedded_broker:Transport",
            "broker_transport_options": {"connect_args": {"timeout": 30}},
        }
    return {
        "broker_url": settings.broker_url,
        # A task whose worker died unacknowledged is handed out again after this long (Redis).
        "broker_transport_options": {"visibility_timeout": 600, "socket_timeout": 5, "socket_connect_timeout": 2},
    }


def create_celery(settings: Settings) -> Celery:
    # beat keeps its schedule in the data folder and exits at start if the folder is missing: without beat no
    # sweep runs, and comments accepted while the broker was down would stay pending
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only image: beat is then given --schedule elsewhere, workers need no folder
        pass
    app = Celery("moderation", set_as_current=False)
    app.conf.update(
        **broker_options(settings),
        task_default_queue=settings.check_queue,
        task_queues=[Queue(settings.check_queue)],
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        result_backend=None,
        # A check is acknowledged only once it is done, and given back if its worker process dies.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=4,
        broker_connection_retry_on_startup=True,
        broker_connection_timeout=2,
        timezone="UTC",
        enable_utc=True,
        beat_schedule={
            "sweep-pending-comments": {"task": SWEEP_TASK, "schedule": settings.sweep_interval},
            "housekeeping": {"task": HOUSEKEEPING_TASK, "schedule": 3600.0},
        },
        beat_schedule_filename=str(settings.data_dir / "celerybeat-schedule"),
        worker_hijack_root_logger=False,
    )
    return app
