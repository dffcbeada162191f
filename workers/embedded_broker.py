"""The embedded default's broker: kombu's SQLAlchemy transport on an SQLite file, polled often.

kombu hands every transport option to `create_engine`, so the polling interval is set on the class.
The transport marks delivered messages invisible and never deletes them, so housekeeping does.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from kombu.transport import sqlalchemy as kombu_sqlalchemy
from sqlalchemy import text

from moderation.db import make_engine

POLLING_INTERVAL_SECONDS = 0.05


class Transport(kombu_sqlalchemy.Transport):
    polling_interval = POLLING_INTERVAL_SECONDS


def prune_delivered(path: Path, older_than: timedelta) -> int:
    """Deletes messages delivered long ago; one that is unacknowledged is re-queued as a new row anyway."""
    if not path.exists():
        return 0
    engine = make_engine(f"sqlite:///{path}")
    cutoff = datetime.now() - older_than  # kombu stamps delivery in naive local time
    try:
        with engine.begin() as connection:
            exists = connection.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'kombu_message'")).first()
            if not exists:
                return 0
            return connection.execute(
                text("DELETE FROM kombu_message WHERE visible = 0 AND timestamp < :cutoff"), {"cutoff": cutoff}
            ).rowcount
    finally:
        engine.dispose()
