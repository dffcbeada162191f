"""Prometheus metrics shared by the API and the workers.

With PROMETHEUS_MULTIPROC_DIR set (gunicorn workers, Celery's prefork children, `moderation serve`), every
process writes its samples there and one collector adds them up at scrape time.
"""

from __future__ import annotations

import logging
import os

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
    start_http_server,
)

log = logging.getLogger(__name__)

# Every line of ours, under gunicorn as under `moderation serve` (whose CLI sets the same format itself: it
# must not import prometheus_client before it has chosen the metrics folder): when, how bad, and from where.
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_with_times() -> None:
    """Gives the root logger a timestamped handler where nobody set one up (gunicorn configures only its own
    loggers, so the app's warnings came out bare, undatable between gunicorn's lines)."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)

SUBMISSIONS = Counter("moderation_submissions_total", "Comment submissions answered", ["outcome"])
DECISIONS = Counter("moderation_decisions_total", "Decisions taken", ["decision", "actor"])
CHECKS = Counter("moderation_checks_total", "Comments checked", ["outcome"])
CHECK_SECONDS = Histogram("moderation_check_seconds", "Time one checker took on one comment", ["checker"],
                          buckets=(0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0))
QUEUE_DEPTH = Gauge("moderation_queue_depth", "Comments waiting for a decision, per flagged code", ["code"],
                    multiprocess_mode="mostrecent")
# An alert on the depth must know whether the numbers are current: they are not while the database is down.
QUEUE_COUNTED = Gauge("moderation_queue_depth_counted_timestamp_seconds",
                      "When the queue depth was last counted (Unix time)", multiprocess_mode="max")


def _registry() -> CollectorRegistry:
    """Every process's samples when they share a directory, else this process's."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return REGISTRY


def exposition() -> bytes:
    return generate_latest(_registry())


def start_metrics_server(port: int) -> bool:
    """A worker's own /metrics, for deployments where workers run on other machines than the API. A port
    already taken (a second worker on the host) is said in the log: Celery would swallow the error."""
    try:
        start_http_server(port, registry=_registry())
    except OSError as error:
        shared = " (it serves this worker's samples too: they share PROMETHEUS_MULTIPROC_DIR)" if os.environ.get(
            "PROMETHEUS_MULTIPROC_DIR") else ""
        log.error("metrics: cannot serve on port %s (%s): another process holds it%s; give each worker on a host "
                  "its own MODERATION_WORKER_METRICS_PORT", port, error.strerror or error, shared)
        return False
    return True
