"""Celery tasks: thin adapters from a message (an id, never an object) to the service layer."""

from __future__ import annotations

import gc
import logging
import os
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from celery import Celery
from celery.signals import beat_init, worker_init, worker_process_init, worker_ready
from sqlalchemy.exc import DBAPIError, OperationalError

from moderation import audit, services
from moderation.checks import Pipeline
from moderation.checks.pipeline import build_pipeline
from moderation.db import SessionFactory, make_engine
from moderation.lifetime import die_with_parent
from moderation.observability import CHECK_SECONDS, CHECKS, start_metrics_server
from moderation.policy import Policy, load_policy
from moderation.settings import Settings
from workers import embedded_broker
from workers.celery_app import CHECK_BATCH_TASK, CHECK_TASK, HOUSEKEEPING_TASK, SWEEP_TASK
from workers.sightings import RedisSightings

IDEMPOTENCY_KEY_LIFETIME = timedelta(hours=24)
READY_FILE_VARIABLE = "EMBEDDED_WORKER_READY_FILE"
DELIVERED_MESSAGE_LIFETIME = timedelta(hours=1)

log = logging.getLogger(__name__)


class Runtime:
    """What a worker process builds once: the database engine and the checks."""

    def __init__(self, settings: Settings, policy: Policy):
        self.settings = settings
        self.sessions = SessionFactory(make_engine(settings.sqlalchemy_url))
        self.policy = policy
        self.pipeline: Pipeline = build_pipeline(self.policy)
        self.pipeline.observe = lambda checker, seconds: CHECK_SECONDS.labels(checker).observe(seconds)
        self.sightings: services.ContactSightings = (
            RedisSightings.from_url(settings.broker_url) if settings.broker_url.startswith(("redis://", "rediss://"))
            else services.DatabaseSightings(self.sessions)
        )


def register_tasks(app: Celery, settings: Settings, policy_at_start: Policy | None = None) -> None:
    started_with: list[Policy] = [policy_at_start] if policy_at_start is not None else []

    def policy() -> Policy:
        """The policy file as the worker read it when it started, in the parent before it forks: a pool child
        replaced later (a crash, --max-tasks-per-child) must not read a file edited since, and run a second
        policy beside the first or, if the edit is broken, fail every check it gets. An edit takes effect when
        the worker restarts."""
        if not started_with:
            started_with.append(load_policy(settings.policy))
        return started_with[0]

    @lru_cache(maxsize=1)
    def runtime() -> Runtime:
        return Runtime(settings, policy())

    @worker_init.connect(weak=False)
    def _prepare(**_kwargs: object) -> None:
        # Build the checks before the first comment (forked children inherit them); serve metrics if asked.
        build_pipeline(policy())
        gc.freeze()  # built for good: collections skip them, and forked children keep sharing their pages
        if settings.worker_metrics_port:
            start_metrics_server(settings.worker_metrics_port)

    @beat_init.connect(weak=False)
    def _beat_dies_with_its_worker(**_kwargs: object) -> None:
        die_with_parent()  # the worker's embedded beat (--beat) must not run on alone if the worker is killed

    @worker_ready.connect(weak=False)
    def _announce(**_kwargs: object) -> None:
        ready_file = os.environ.get(READY_FILE_VARIABLE)
        if ready_file:  # `moderation serve` waits for this before it opens the API
            Path(ready_file).write_text(str(os.getpid()))

    @worker_process_init.connect(weak=False)
    def _fresh_runtime_after_fork(**_kwargs: object) -> None:
        runtime.cache_clear()  # never share a parent's database connections with a forked child
        runtime()  # build the checks now (language models, lexicons, weights), not on the first comment

    retrying = dict(
        acks_late=True,
        reject_on_worker_lost=True,
        autoretry_for=(OperationalError, DBAPIError),
        retry_backoff=True,
        retry_backoff_max=300,
        retry_jitter=True,
        max_retries=12,
    )

    def check(comment_ids: list[int]) -> dict[int, str]:
        rt = runtime()
        outcomes = services.check_comments(rt.sessions, rt.pipeline, rt.policy, comment_ids, rt.sightings)
        for comment_id, outcome in outcomes.items():
            CHECKS.labels(outcome).inc()
            log.info("comment %s: %s", comment_id, outcome)
        return outcomes

    # shared=False: Celery would add a shared task to every app made later, bound to this app's settings
    @app.task(name=CHECK_BATCH_TASK, shared=False, **retrying)
    def check_comments(comment_ids: list[int]) -> dict[int, str]:
        return check(comment_ids)

    @app.task(name=CHECK_TASK, shared=False, **retrying)
    def check_comment(comment_id: int) -> str:
        """One comment per message: what an API of the previous release still sends."""
        return check([comment_id])[comment_id]

    @app.task(name=SWEEP_TASK, shared=False, acks_late=True, ignore_result=True)
    def sweep_pending() -> int:
        recorded = audit.record_receipts(runtime().sessions)  # submissions no check has put on the record yet
        if recorded:
            log.info("put %d waiting submissions on the audit record", recorded)
        age = timedelta(seconds=settings.pending_max_age)
        ids = services.claim_stale_pending(runtime().sessions, age)
        for start in range(0, len(ids), settings.check_batch_size):
            check_comments.apply_async(args=[ids[start:start + settings.check_batch_size]])
        if ids:
            log.warning("re-enqueued %d comments left pending for over %s", len(ids), age)
        return len(ids)

    @app.task(name=HOUSEKEEPING_TASK, shared=False, ignore_result=True)
    def housekeeping() -> dict[str, int]:
        removed = {
            "idempotency_keys": services.forget_idempotency_keys(runtime().sessions, IDEMPOTENCY_KEY_LIFETIME),
            "contact_sightings": services.forget_contact_sightings(runtime().sessions),
        }
        if settings.uses_embedded_broker:
            removed["delivered_messages"] = embedded_broker.prune_delivered(
                settings.embedded_broker_path, DELIVERED_MESSAGE_LIFETIME
            )
        log.info("housekeeping removed %s", removed)
        return removed
