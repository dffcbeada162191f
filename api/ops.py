"""Routes for the operator: liveness and readiness."""

from __future__ import annotations

import logging

from flask import Response, jsonify
from prometheus_client import CONTENT_TYPE_LATEST
from flask_openapi3 import APIBlueprint, Tag

from api.problems import problem, problem_responses
from api.runtime import runtime
from api.schemas import Health, Readiness
from moderation import review
from moderation.guidelines import Code
from moderation.observability import QUEUE_COUNTED, QUEUE_DEPTH, exposition

log = logging.getLogger(__name__)

ops = APIBlueprint("ops", __name__, abp_tags=[Tag(name="operations", description="For the operator")])


@ops.get("/healthz", responses={200: Health}, summary="The process is alive")
def healthz() -> Response:
    return jsonify(status="ok")


@ops.get("/metrics", responses={200: {"description": "Prometheus text format",
                                      "content": {"text/plain": {"schema": {"type": "string"}}}}},
         summary="Prometheus metrics: submissions, check durations per checker, queue depth, decisions")
def metrics() -> Response:
    rt = runtime()
    try:
        with rt.sessions.reading() as session:
            counts = review.queue_counts(session)
        # every code, not only those waiting: a queue that drains must read 0, not its last depth
        for code in [*(c.value for c in Code), "total"]:
            QUEUE_DEPTH.labels(code).set(counts.get(code, 0))
        QUEUE_COUNTED.set_to_current_time()
    except Exception as error:  # metrics must answer even when the database does not
        log.warning("metrics: queue depth unavailable: %s", error)
    return Response(exposition(), mimetype="text/plain", headers={"Content-Type": CONTENT_TYPE_LATEST})


@ops.get("/readyz", responses={200: Readiness, **problem_responses(503)}, summary="Database and broker reachable")
def readyz() -> Response:
    rt = runtime()
    checks: dict[str, str] = {}
    for name, ping in (("database", rt.sessions.ping), ("broker", rt.checks.ping)):
        try:
            ping()
            checks[name] = "ok"
        except Exception as error:
            log.warning("readiness: %s unreachable: %s", name, error)
            checks[name] = "unreachable"
    down = [name for name, state in checks.items() if state != "ok"]
    if down:
        return problem(503, f"not ready: {', '.join(down)} unreachable", "Service unavailable",
                       headers={"Retry-After": "5"}, code="not_ready", checks=checks)
    return jsonify(status="ready", checks=checks)
