"""The production path on the machine's real PostgreSQL and Redis, with real gunicorn and Celery processes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import yaml
from sqlmodel import select

from moderation.db import SessionFactory, make_engine
from moderation.models import AuditEvent, CheckResult, Comment, CommentStatus
from tests.conftest import ROOT, celery_worker_args, free_port, make_settings, service_env, wait_until

pytestmark = pytest.mark.integration

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
BIN = Path(sys.executable).parent


def compose_environment(overrides: dict[str, str]) -> dict[str, str]:
    """The app services' environment from docker-compose.yml, `${VAR:-default}` resolved to its default."""
    resolved = {}
    for name, value in COMPOSE["services"]["api"]["environment"].items():
        resolved[name] = re.sub(r"\$\{[A-Z_]+(?::-([^}]*)|:\?[^}]*)\}", lambda m: m.group(1) or "", str(value))
    resolved.update(overrides)
    resolved.pop("PROMETHEUS_MULTIPROC_DIR", None)  # a tmpfs in the container; processes keep their own here
    base = service_env(make_settings(Path("unused")))
    base = {k: v for k, v in base.items() if not k.startswith("MODERATION_")}
    base["PATH"] = f"{BIN}:{base.get('PATH', '')}"
    return {**base, **resolved}


def http(method: str, url: str, body: dict | None = None) -> tuple[int, dict, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read() or b"{}")


def test_beat_starts_where_the_data_folder_does_not_exist_yet(redis_url, check_queue, processes, tmp_path):
    data = tmp_path / "not" / "yet"  # a fresh machine: ./moderation-data is made by whichever process needs it
    env = compose_environment({
        "MODERATION_DATABASE_URL": f"sqlite:///{tmp_path / 'unused.db'}",
        "MODERATION_BROKER_URL": redis_url,
        "MODERATION_SECRET_KEY": uuid.uuid4().hex * 2,
        "MODERATION_DATA_DIR": str(data),
        "MODERATION_CHECK_QUEUE": check_queue,
    })
    beat = processes("beat", COMPOSE["services"]["beat"]["command"], env, cwd=tmp_path)
    beat.wait_for_output("beat: Starting", timeout=60)
    wait_until(lambda: any(data.glob("celerybeat-schedule*")), timeout=30, interval=0.2)
    time.sleep(1)
    assert beat.popen.poll() is None, beat.output()[-4000:]


def test_compose_commands_take_a_comment_to_review(postgres_url, redis_url, check_queue, processes, tmp_path):
    port = free_port()
    env = compose_environment({
        "MODERATION_DATABASE_URL": postgres_url,
        "MODERATION_BROKER_URL": redis_url,
        "MODERATION_SECRET_KEY": uuid.uuid4().hex * 2,
        "MODERATION_DATA_DIR": str(tmp_path / "data"),
        "MODERATION_CHECK_QUEUE": check_queue,
    })
    services = COMPOSE["services"]
    migrated = subprocess.run(services["migrate"]["command"], env=env, cwd=tmp_path, capture_output=True, text=True,
                              timeout=120)
    assert migrated.returncode == 0, migrated.stderr
    assert "is at revision" in migrated.stdout

    api_command = [f"127.0.0.1:{port}" if part == "0.0.0.0:8000" else part for part in services["api"]["command"]]
    api = processes("api", api_command, env, cwd=tmp_path)
    worker = processes("worker", services["worker"]["command"], env, cwd=tmp_path)
    beat = processes("beat", services["beat"]["command"], env, cwd=tmp_path)
    worker.wait_for_output("ready.", timeout=60)
    beat.wait_for_output("beat: Starting", timeout=60)
    base = f"http://127.0.0.1:{port}"
    wait_until(lambda: _ready(base), timeout=60, interval=0.2)

    status, headers, accepted = http("POST", f"{base}/v1/articles/war-report/comments", {
        "author_name": "Reader", "author_email": "reader@example.org", "body": "What a load of shit.",
    })
    assert status == 202, accepted
    started = time.monotonic()
    view = wait_until(lambda: (v := http("GET", base + headers["Location"])[2])["status"] != "pending" and v,
                      timeout=30)
    elapsed = time.monotonic() - started
    assert view["status"] == "needs_review", api.output()
    print(f"pending -> needs_review through gunicorn, Redis and a Celery worker in {elapsed * 1000:.0f} ms")

    sessions = SessionFactory(make_engine(postgres_url.replace("postgresql://", "postgresql+psycopg://")))
    with sessions() as session:
        findings = session.exec(select(CheckResult).where(CheckResult.comment_id == accepted["id"])).all()
    sessions.engine.dispose()
    profanity = [f for f in findings if f.code == "profanity" and f.checker == "lexicon"]
    assert [e["text"] for f in profanity for e in f.evidence] == ["shit"]


def _ready(base: str) -> bool:
    try:
        return http("GET", f"{base}/readyz")[0] == 200
    except OSError:
        return False


def test_a_comment_accepted_while_the_broker_is_down_is_checked_once_it_is_back(
    postgres_url, check_queue, processes, tmp_path, caplog
):
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        pytest.skip("redis-server is not installed")
    from api import create_app
    from moderation import migrate

    port = free_port()
    settings = make_settings(
        tmp_path / "data", database_url=postgres_url, broker_url=f"redis://127.0.0.1:{port}/0",
        check_queue=check_queue, pending_max_age=1, sweep_interval=1,
    )
    migrate.upgrade(settings.sqlalchemy_url)
    client = create_app(settings).test_client()
    started = time.monotonic()
    response = client.post("/v1/articles/a/comments", json={
        "author_name": "Reader", "author_email": "reader@example.org", "body": "Posted during an outage."})
    assert response.status_code == 202, response.get_json()
    assert time.monotonic() - started < 10, "an unreachable broker must not hold the submission for long"
    comment_id = response.get_json()["id"]
    assert client.get("/readyz").get_json()["checks"]["broker"] == "unreachable"

    sessions = SessionFactory(make_engine(settings.sqlalchemy_url))
    with sessions() as session:
        assert session.get(Comment, comment_id).status == CommentStatus.pending
    # The API's publisher retries for a moment; once it gives up, only the sweep can bring the comment back.
    wait_until(lambda: "could not enqueue comments" in caplog.text, timeout=30, interval=0.1)

    processes("redis", [redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
              service_env(settings)).wait_for_output("Ready to accept connections")
    worker = processes("worker", celery_worker_args("--beat", "--schedule", str(tmp_path / "beat-schedule")),
                       service_env(settings))

    def checked() -> bool:
        with sessions() as session:
            return session.get(Comment, comment_id).status == CommentStatus.needs_review

    try:
        wait_until(checked, timeout=60, interval=0.2)
    except AssertionError:
        raise AssertionError(worker.output()[-4000:]) from None
    with sessions() as session:
        events = session.exec(select(AuditEvent.action).where(AuditEvent.comment_id == comment_id)).all()
    sessions.engine.dispose()
    assert sorted(events) == ["checked", "received"]
    assert "re-enqueued 1 comments" in worker.output()
