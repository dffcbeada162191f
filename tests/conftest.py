"""Fixtures: an app on a fresh SQLite file, and the machine's real PostgreSQL and Redis for integration tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
import redis
from sqlalchemy.engine import make_url

from moderation import migrate
from moderation.db import SessionFactory, make_engine
from moderation.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_ADMIN_URL = os.environ.get("MODERATION_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("MODERATION_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")

for _name in [n for n in os.environ if n.startswith("MODERATION_") and not n.startswith("MODERATION_TEST_")]:
    del os.environ[_name]  # tests choose every setting themselves


def make_settings(data_dir: Path, **values: Any) -> Settings:
    return Settings.model_validate({"data_dir": data_dir, **values})


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    result = make_settings(tmp_path / "data", site_token="site-secret-token")
    migrate.upgrade(result.sqlalchemy_url)
    return result


@pytest.fixture
def app(settings: Settings):
    from api import create_app

    application = create_app(settings)
    application.config["TESTING"] = True
    yield application
    application.extensions["moderation"].sessions.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def sessions(settings: Settings) -> Iterator[SessionFactory]:
    factory = SessionFactory(make_engine(settings.sqlalchemy_url))
    yield factory
    factory.engine.dispose()


# --- the machine's real services --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server() -> str:
    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3):
            pass
    except psycopg.OperationalError as error:
        pytest.fail(f"PostgreSQL is required for integration tests ({POSTGRES_ADMIN_URL}): {error}")
    return POSTGRES_ADMIN_URL


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A database of its own for each test, dropped afterwards."""
    name = f"moderation_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    yield url
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def redis_url() -> str:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        pytest.fail(f"Redis is required for integration tests ({REDIS_URL}): {error}")
    return REDIS_URL


@pytest.fixture
def check_queue(redis_url: str) -> Iterator[str]:
    """A queue name of its own, so tests never take messages meant for anything else on the shared Redis."""
    name = f"moderation.test.{uuid.uuid4().hex[:12]}"
    yield name
    client = redis.Redis.from_url(redis_url)
    client.delete(name)


def service_env(settings: Settings) -> dict[str, str]:
    """The environment a separate process needs to run with the same settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    for field, value in settings.model_dump(mode="json", exclude_defaults=True).items():
        if value is None:
            continue
        if isinstance(value, list):
            value = ",".join(value)
        if field in {"secret_key", "site_token"}:
            value = getattr(settings, field).get_secret_value()
        env[f"MODERATION_{field.upper()}"] = str(value)
    env["PYTHONPATH"] = str(ROOT)
    return env


class Process:
    """A real service process (worker, beat, gunicorn, serve) with its output kept for failure messages."""

    def __init__(self, args: list[str], env: dict[str, str], log_path: Path, cwd: Path | None = None):
        self.log_path = log_path
        self._log = open(log_path, "wb")
        self.popen = subprocess.Popen(args, env=env, cwd=cwd or ROOT, stdout=self._log, stderr=subprocess.STDOUT,
                                      start_new_session=True)

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for_output(self, needle: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.output():
                return
            if self.popen.poll() is not None:
                raise AssertionError(f"process exited ({self.popen.returncode}):\n{self.output()[-4000:]}")
            time.sleep(0.1)
        raise AssertionError(f"{needle!r} not seen within {timeout}s:\n{self.output()[-4000:]}")

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        self._log.close()


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Any]:
    started: list[Process] = []

    def start(name: str, args: list[str], env: dict[str, str], cwd: Path | None = None) -> Process:
        process = Process(args, env, tmp_path / f"{name}.log", cwd)
        started.append(process)
        return process

    yield start
    for process in reversed(started):
        process.stop()


def celery_worker_args(*extra: str) -> list[str]:
    return [sys.executable, "-m", "celery", "-A", "workers", "worker", "--loglevel", "INFO",
            "--concurrency", "2", *extra]


def wait_until(predicate: Any, timeout: float = 20, interval: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        time.sleep(interval)
