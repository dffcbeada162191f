"""What the API holds for its lifetime: settings, database sessions, the queue it hands checks to and the counters
of failed logins."""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
from dataclasses import dataclass

from celery import Celery
from flask import current_app

from api.limits import LoginThrottle
from moderation.db import SessionFactory
from moderation.settings import Settings
from workers.celery_app import CHECK_BATCH_TASK

log = logging.getLogger(__name__)


MOST_WAITING = 10_000  # ids an API process holds for a broker that does not answer; the sweep has the rest
ONE_RETRY = {"max_retries": 1, "interval_start": 0.1, "interval_step": 0, "interval_max": 0.1}


class CheckQueue:
    """Hands stored comments to the workers, several ids per `check_comments` message.

    The comment is committed before it is handed over, so a message only wakes a worker: ids that arrive
    within `batch_wait` seconds go out together, and a worker checks them with one read, one transaction and
    one append to the audit chain. A broker outage, or a process that dies before it publishes, loses nothing:
    the beat sweep enqueues every comment left `pending`."""

    def __init__(self, celery: Celery, batch_wait: float = 0.0, batch_size: int = 50):
        self.celery = celery
        self.batch_wait = batch_wait
        self.batch_size = batch_size
        self._waiting: list[int] = []
        self._arrived = threading.Condition()
        self._idle = False  # the publisher waits for a first id; during a batch's wait it sleeps on its own
        self._publisher_pid: int | None = None  # a forked process (a gunicorn worker) starts its own

    def enqueue(self, comment_id: int) -> None:
        if self.batch_wait <= 0:
            self._publish([comment_id])
            return
        with self._arrived:
            if len(self._waiting) >= MOST_WAITING:  # the broker is stuck: leave the rest to the sweep
                return
            self._waiting.append(comment_id)
            if self._publisher_pid != os.getpid():
                self._start_publisher()
            # Wake the publisher only when it waits for a first id or a batch is full: woken for every id
            # while it gathers, it would check, find the batch short and sleep again, once per submission.
            if self._idle or len(self._waiting) >= self.batch_size:
                self._arrived.notify()

    def flush(self) -> None:
        """Publishes what waits now (at exit, so a clean shutdown does not leave it to the sweep)."""
        with self._arrived:
            waiting, self._waiting = self._waiting, []
        for start in range(0, len(waiting), self.batch_size):
            self._publish(waiting[start:start + self.batch_size])

    def _start_publisher(self) -> None:
        self._publisher_pid = os.getpid()
        threading.Thread(target=self._publish_forever, name="check-publisher", daemon=True).start()
        atexit.register(self.flush)

    def _publish_forever(self) -> None:
        while True:
            with self._arrived:
                while not self._waiting:
                    self._idle = True
                    self._arrived.wait()
                self._idle = False
                deadline = time.monotonic() + self.batch_wait
                while len(self._waiting) < self.batch_size and (left := deadline - time.monotonic()) > 0:
                    self._arrived.wait(left)
                batch, self._waiting = self._waiting[:self.batch_size], self._waiting[self.batch_size:]
            if batch:  # empty if `flush` took them meanwhile
                self._publish(batch)

    def _publish(self, comment_ids: list[int]) -> None:
        try:  # one quick reconnection covers a dropped connection; an outage is the sweep's
            self.celery.send_task(CHECK_BATCH_TASK, args=[comment_ids], retry=True, retry_policy=ONE_RETRY)
        except Exception as error:  # the comments are already stored; the sweep will enqueue them
            with self._arrived:  # and those waiting behind: during an outage nothing piles up in memory
                dropped, self._waiting = self._waiting, []
            log.warning("could not enqueue comments %s and %d more (%s); the sweep will enqueue them",
                        comment_ids, len(dropped), error)

    def ping(self) -> None:
        with self.celery.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    sessions: SessionFactory
    checks: CheckQueue
    login_throttle: LoginThrottle


def runtime() -> Runtime:
    return current_app.extensions["moderation"]
