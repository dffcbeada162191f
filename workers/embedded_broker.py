"""The embedded default's broker: kombu's SQLAlchemy transport on an SQLite file, polled often.

kombu hands every transport option to `create_engine`, so the polling interval is set on the class.
"""

from __future__ import annotations

from kombu.transport import sqlalchemy as kombu_sqlalchemy

POLLING_INTERVAL_SECONDS = 0.05


class Transport(kombu_sqlalchemy.Transport):
    polling_interval = POLLING_INTERVAL_SECONDS
