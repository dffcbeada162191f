"""Engines and sessions for SQLite (the embedded default) and PostgreSQL (production)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlmodel import Session


SQLITE_BEGIN = "sqlite_begin"


def make_engine(url: str, **options: Any) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, **options)
        _serialise_sqlite_writers(engine)
        return engine
    options.setdefault("pool_size", 10)
    options.setdefault("max_overflow", 20)
    options.setdefault("connect_args", {"connect_timeout": 5})
    engine = create_engine(url, **options)
    _ping_when_idle(engine)
    return engine


IDLE_PING_SECONDS = 5.0


def _ping_when_idle(engine: Engine) -> None:
    """SQLAlchemy's pessimistic disconnect handling, but only for a connection idle a while.

    `pool_pre_ping` pings on every checkout: a round trip per transaction, an eighth of a check's time
    under load. A connection used moments ago is alive; one that sat idle (the database may have restarted)
    is pinged, and a dead one is replaced before anyone uses it."""

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if time.monotonic() - record.info.get("idle_since", 0.0) < IDLE_PING_SECONDS:
            return
        try:
            cursor = dbapi_connection.cursor()
            cursor.execute("SELECT 1")
            cursor.close()
            dbapi_connection.rollback()
        except Exception as error:
            raise DisconnectionError(str(error)) from error  # the pool drops it and connects afresh


def _serialise_sqlite_writers(engine: Engine) -> None:
    """WAL and BEGIN IMMEDIATE: the API and the worker write the same file without 'database is locked'."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's begin event open transactions
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")  # a committed comment survives a power cut, not only a crash
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(SQLITE_BEGIN, "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")


class SessionFactory:
    """Opens sessions on one engine; the one object adapters hand to the service layer."""

    def __init__(self, engine: Engine):
        self.engine = engine
        if engine.dialect.name == "sqlite":
            # A reader must not take the write lock: a long export would stall every submission.
            self._reader = engine.execution_options(**{SQLITE_BEGIN: "DEFERRED"})
        else:
            # Read Committed takes a snapshot per statement anyway; without a transaction, BEGIN and ROLLBACK
            # are two round trips fewer per read.
            self._reader = engine.execution_options(isolation_level="AUTOCOMMIT")

    @contextmanager
    def __call__(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @property
    def writes_in_one_statement(self) -> bool:
        """PostgreSQL runs INSERTs inside a WITH, so several rows can be written atomically in one round trip."""
        return self.engine.dialect.name == "postgresql"

    @contextmanager
    def one_statement(self) -> Iterator[Connection]:
        """A connection whose every statement commits on its own (PostgreSQL): no BEGIN, no COMMIT round trip."""
        if not self.writes_in_one_statement:
            raise RuntimeError("statements that write several tables at once need PostgreSQL")
        with self._reader.connect() as connection:  # the readers' engine: AUTOCOMMIT on PostgreSQL
            yield connection

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only: on PostgreSQL each statement is its own transaction."""
        with Session(self._reader, expire_on_commit=False) as session:
            yield session

    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
