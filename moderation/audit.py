"""The decision record: every event appended to one SHA-256 chain, verifiable by anyone with read access.

Each entry's hash covers its own fields and the previous entry's hash, so changing or deleting any entry
breaks every link after it. Appends take a lock (PostgreSQL advisory lock; SQLite already serialises
writers), so the chain has exactly one order: the order of ids.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, insert
from sqlmodel import Session, col, select

from moderation.db import SessionFactory
from moderation.models import AuditEvent, utcnow

GENESIS = "0" * 64
CHAIN_LOCK_KEY = 7_301_946_221  # any constant: names the chain's advisory lock in PostgreSQL


def entry_digest(prev_hash: str, event: AuditEvent) -> str:
    fields = {
        "comment_id": event.comment_id,
        "action": event.action,
        "actor": event.actor,
        "actor_role": event.actor_role,
        "occurred_at": _timestamp(event.occurred_at),
        "content_sha256": event.content_sha256,
        "details": event.details,
    }
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}\n{canonical}".encode("utf-8")).hexdigest()


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def append(
    session: Session, *, action: str, actor: str, actor_role: str, comment_id: int | None = None,
    content_sha256: str | None = None, details: dict[str, Any] | None = None, occurred_at: datetime | None = None,
) -> AuditEvent:
    """Adds an event at the end of the chain, inside the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        # Its own statement: SQL does not promise to run a lock before a subquery in the same SELECT.
        session.execute(select(func.pg_advisory_xact_lock(CHAIN_LOCK_KEY)))
    prev_hash = session.execute(
        select(AuditEvent.entry_hash).order_by(col(AuditEvent.id).desc()).limit(1)).scalar() or GENESIS
    event = AuditEvent(
        comment_id=comment_id, action=action, actor=actor, actor_role=actor_role,
        occurred_at=occurred_at or utcnow(),
        content_sha256=content_sha256, details=_plain(details or {}), prev_hash=prev_hash, entry_hash="",
    )
    event.entry_hash = entry_digest(prev_hash, event)
    event.id = session.execute(
        insert(AuditEvent).values(**{name: getattr(event, name) for name in EVENT_COLUMNS})
        .returning(col(AuditEvent.id))
    ).scalar_one()
    return event


EVENT_COLUMNS = ("comment_id", "action", "actor", "actor_role", "occurred_at", "content_sha256", "details",
                 "prev_hash", "entry_hash")


def _plain(details: dict[str, Any]) -> dict[str, Any]:
    """What JSON storage gives back, so the digest computed now is the one verify recomputes later."""
    return json.loads(json.dumps(details, ensure_ascii=False))


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str = ""


def verify_chain(events: Iterable[AuditEvent]) -> Verification:
    """Walks the entries in id order; the first that does not follow from the one before is named."""
    prev_hash = GENESIS
    checked = 0
    for event in events:
        if event.prev_hash != prev_hash:
            return Verification(False, checked, event.id, "its link to the previous entry is broken "
                                "(an entry before it was changed, removed or inserted)")
        if entry_digest(prev_hash, event) != event.entry_hash:
            return Verification(False, checked, event.id, "its content does not match its hash (it was changed)")
        prev_hash = event.entry_hash
        checked += 1
    return Verification(True, checked)


def stream_events(sessions: SessionFactory, batch: int = 5000) -> Iterator[AuditEvent]:
    """Every entry in id order, a batch per short read transaction, so no lock is held while a client reads."""
    last_id = 0
    while True:
        with sessions.reading() as session:
            page = session.exec(
                select(AuditEvent).where(col(AuditEvent.id) > last_id).order_by(col(AuditEvent.id)).limit(batch)
            ).all()
        if not page:
            return
        yield from page
        last_id = page[-1].id or last_id
