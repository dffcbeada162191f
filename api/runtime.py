"""What the API holds for its lifetime: settings, database sessions and the queue it hands checks to."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from celery import Celery
from flask import current_app

from moderation.db import SessionFactory
from moderation.settings import Settings
from workers.celery_app import CHECK_TASK

log = logging.getLogger(__name__)


class CheckQueue:
    """Publishes `check_comment(id)`; a broker outage is logged, and the beat sweep catches up later."""

    def __init__(self, celery: Celery):
        self.celery = celery

    def enqueue(self, comment_id: int) -> bool:
        try:
            self.celery.send_task(CHECK_TASK, args=[comment_id], retry=False)
            return True
        except Exception as error:  # the comment is already stored; the sweep will enqueue it
            log.warning("could not enqueue comment %s (%s); the sweep will retry", comment_id, error)
            return False

    def ping(self) -> None:
        with self.celery.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    sessions: SessionFactory
    checks: CheckQueue


def runtime() -> Runtime:
    return current_app.extensions["moderation"]
