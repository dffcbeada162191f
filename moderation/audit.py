"""The decision record: every event appended to one SHA-256 chain, verifiable by anyone with read access.

Each entry's hash covers its own fields and the previous entry's hash, so changing or deleting any entry
breaks every link after it. Appends take a lock (PostgreSQL advisory lock; SQLite already serialises
writers), so the chain has exactly one order: the order of ids.

A submission does not take that lock: it leaves a receipt (`audit_receipts`, in the same transaction as the
comment), and whoever appends next records every waiting receipt first. The check of a comment appends
within moments, the sweep records what is left, and no event about a comment can precede its `received`.

Every change of a comment's state is written in the same transaction as its entry, so verifying compares each
comment's state with the one its entries say it is in: a status set behind the service's back shows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import bindparam, case, delete, func, insert
from sqlmodel import Session, col, select

from moderation.db import SessionFactory
from moderation.hashing import canonical_digest
from moderation.models import AuditEvent, AuditReceipt, Comment, CommentStatus, User, utcnow

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


def content_digest(comment: Any) -> str:
    """What the author submitted, as one digest: the record shows the text it was about never changed.

    Takes a Comment or any row with the DIGESTED_COLUMNS."""
    return canonical_digest({name: getattr(comment, name) for name in DIGESTED_COLUMNS})


@dataclass(frozen=True)
class Entry:
    """An event to append: what happened, to which comment, by whom."""

    action: str
    actor: str
    actor_role: str
    comment_id: int | None = None
    content_sha256: str | None = None
    details: dict[str, Any] | None = None
    occurred_at: datetime | None = None


def append(
    session: Session, *, action: str, actor: str, actor_role: str, comment_id: int | None = None,
    content_sha256: str | None = None, details: dict[str, Any] | None = None, occurred_at: datetime | None = None,
) -> AuditEvent:
    """Adds an event at the end of the chain, inside the caller's transaction (waiting receipts first)."""
    tip = _lock_chain(session)
    event = _event(Entry(action, actor, actor_role, comment_id, content_sha256, details, occurred_at))
    event.prev_hash = _insert_chained(session, tip, _waiting_receipts(session, {}))
    return _insert(session, event)


def append_all(session: Session, entries: list[Entry], known_contents: dict[int, str] | None = None) -> int:
    """Adds events in order with one INSERT, waiting receipts first; returns how many receipts it recorded.

    `known_contents` spares re-reading the comments whose content digest the caller already has."""
    tip = _lock_chain(session)
    receipts = _waiting_receipts(session, known_contents or {})
    _insert_chained(session, tip, receipts + [_event(entry) for entry in entries])
    return len(receipts)


def _event(entry: Entry) -> AuditEvent:
    return AuditEvent(
        comment_id=entry.comment_id, action=entry.action, actor=entry.actor, actor_role=entry.actor_role,
        occurred_at=entry.occurred_at or utcnow(), content_sha256=entry.content_sha256,
        details=_plain(entry.details or {}), prev_hash="", entry_hash="",
    )


def record_receipts(sessions: SessionFactory) -> int:
    """Puts every waiting submission on the record now (the sweep calls this); returns how many."""
    with sessions() as session:
        if not session.execute(select(func.count()).select_from(AuditReceipt)).scalar_one():
            return 0  # nothing waits: the chain's lock is not taken
        recorded = append_all(session, [])
        session.commit()
        return recorded


def _lock_chain(session: Session) -> str:
    """Takes the chain's lock for the rest of the transaction; returns the last entry's hash."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        # Its own statement: SQL does not promise to run a lock before a subquery in the same SELECT.
        connection.execute(CHAIN_LOCK)
    return connection.execute(CHAIN_TIP).scalar() or GENESIS


CHAIN_LOCK = select(func.pg_advisory_xact_lock(CHAIN_LOCK_KEY))
CHAIN_TIP = select(AuditEvent.__table__.c.entry_hash).order_by(AuditEvent.__table__.c.id.desc()).limit(1)
TAKE_RECEIPTS = delete(AuditReceipt.__table__).returning(*AuditReceipt.__table__.c)


def _insert_chained(session: Session, prev_hash: str, events: list[AuditEvent]) -> str:
    """Links the events in order after `prev_hash` and inserts them with one statement; returns the new tip."""
    if not events:
        return prev_hash
    rows = []
    for event in events:
        event.prev_hash = prev_hash
        event.entry_hash = prev_hash = entry_digest(prev_hash, event)
        rows.append({name: getattr(event, name) for name in EVENT_COLUMNS})
    session.connection().execute(insert(AuditEvent.__table__), rows)  # in order: ids follow the chain
    return prev_hash


def _waiting_receipts(session: Session, known_contents: dict[int, str]) -> list[AuditEvent]:
    """Takes every receipt committed so far, as a `received` event each, in comment order (not yet chained).

    Called under the chain's lock. Receipts still inside an open transaction are invisible here and wait for
    the next append. Nothing else touches a receipt row; the events' key on their comment takes a share lock
    on it, which nothing of ours contends with (comments are locked at most FOR NO KEY UPDATE, and never
    deleted). After a long broker outage the whole backlog is recorded by the first append, in one batch:
    about a second for ten thousand."""
    taken = [(r.comment_id, r.article_key, r.received_at) for r in session.connection().execute(TAKE_RECEIPTS)]
    if not taken:
        return []
    contents = dict(known_contents)
    unknown = [t[0] for t in taken if t[0] not in contents]
    if unknown:
        contents.update((c.id, content_digest(c)) for c in session.connection().execute(
            select(*[Comment.__table__.c[name] for name in ("id", *DIGESTED_COLUMNS)])
            .where(Comment.__table__.c.id.in_(unknown))))
    return [_event(Entry("received", "author", "author", comment_id, contents[comment_id], {"article": article_key},
                         received_at))
            for comment_id, article_key, received_at in sorted(taken)]


def _insert(session: Session, event: AuditEvent) -> AuditEvent:
    event.entry_hash = entry_digest(event.prev_hash, event)
    event.id = session.connection().execute(
        EVENT_INSERT, {name: getattr(event, name) for name in EVENT_COLUMNS}).scalar_one()
    return event


EVENT_COLUMNS = ("comment_id", "action", "actor", "actor_role", "occurred_at", "content_sha256", "details",
                 "prev_hash", "entry_hash")
EVENT_INSERT = insert(AuditEvent.__table__).returning(AuditEvent.__table__.c.id)
DIGESTED_COLUMNS = ("article_id", "author_name", "author_email_hash", "body", "parent_id")


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


def recorded(session: Session, comment_id: int, action: str) -> bool:
    """Whether the record holds an entry of this action about the comment (an appeal asked for, say)."""
    return session.exec(select(AuditEvent.id).where(AuditEvent.comment_id == comment_id,
                                                    AuditEvent.action == action).limit(1)).first() is not None


def verify_contents(sessions: SessionFactory, batch: int = 5000) -> Verification:
    """Each recorded comment as it is now against the digest of what its `received` entry says was submitted.

    The chain proves the record was not rewritten; this proves the comments it speaks of were not either (the
    database's triggers refuse such an UPDATE, but someone who can drop a trigger can also run one)."""
    events, comments = AuditEvent.__table__, Comment.__table__
    columns = [comments.c[name] for name in ("id", *DIGESTED_COLUMNS)]
    query = (select(events.c.id.label("event_id"), events.c.content_sha256, *columns)
             .join(comments, comments.c.id == events.c.comment_id).where(events.c.action == "received")
             .order_by(events.c.id).limit(batch))
    last_id, checked = 0, 0
    while True:
        with sessions.reading() as session:
            rows = session.connection().execute(query.where(events.c.id > last_id)).all()
        if not rows:
            return Verification(True, checked)
        for row in rows:
            if content_digest(row) != row.content_sha256:
                return Verification(False, checked, row.event_id, f"comment {row.id} no longer holds what was "
                                    "submitted (its text, author or article changed after this entry)")
            checked += 1
        last_id = rows[-1].event_id


# What an entry says a comment became. A claim changes nothing; a reversal turns the decision it reverses
# around and an upheld one keeps it (both name it in `previous_status`); an appeal leaves a rejection waiting.
PROGRESS = {"received": CommentStatus.pending.value, "checked": CommentStatus.needs_review.value}
DECISIONS = {"auto_rejected": CommentStatus.rejected.value, "approved": CommentStatus.approved.value,
             "rejected": CommentStatus.rejected.value, "confirmed": CommentStatus.rejected.value,
             "reversed": None, "upheld": None}
APPEAL = "appeal_requested"
OPPOSITE = {CommentStatus.approved.value: CommentStatus.rejected.value,
            CommentStatus.rejected.value: CommentStatus.approved.value}


@dataclass(frozen=True)
class State:
    """A comment's moderation as its row holds it, or as its record says it should be."""

    status: str
    awaiting_confirmation: bool = False
    appealed: bool = False
    decided_at: datetime | None = None
    decided_by: str | None = None  # a user's name, as decisions are recorded; none for a policy rule's

    def describe(self) -> str:
        return self.status + (" awaiting confirmation" if self.awaiting_confirmation else "") + (
            " under appeal" if self.appealed else "")

    def decision(self) -> str:
        if self.decided_at is None and self.decided_by is None:
            return "never decided"
        when = _timestamp(self.decided_at) if self.decided_at else "no time"
        return f"decided at {when} by {self.decided_by or 'no person'}"


@dataclass(frozen=True)
class Ending:
    """The entry a comment's record ends in, as far as its state goes, and the state it implies."""

    entry_id: int | None
    says: str
    state: State


def recorded_state(row: Any) -> Ending | None:
    """What a comment's last entries make of it: its last decision (an appeal after it leaves it under
    appeal), else its last check or receipt; None when nothing about it is on record."""
    if row.decision_id is not None:
        previous = (row.decision_details or {}).get("previous_status")
        status = DECISIONS[row.decision_action] or (
            OPPOSITE.get(previous) if row.decision_action == "reversed" else previous)
        automatic = row.decision_action == "auto_rejected"
        appealed = row.appeal_id is not None and row.appeal_id > row.decision_id
        state = State(str(status), automatic, appealed, row.decision_at, None if automatic else row.decision_actor)
        if appealed:
            return Ending(row.appeal_id, APPEAL, state)
        return Ending(row.decision_id, row.decision_action, state)
    if row.progress_id is not None:
        return Ending(row.progress_id, row.progress_action, State(PROGRESS[row.progress_action]))
    if row.receipt_id is not None:  # accepted and committed; the next append records it
        return Ending(None, "its receipt, not yet recorded", State(CommentStatus.pending.value))
    return None


def _state_pages() -> tuple[Any, Any]:
    """The end of the next page of comments, and one statement reading each comment of a page with its receipt
    and the last entries that set its state (a grouped read of the page's entries, no query per comment)."""
    events, comments, receipts, users = (AuditEvent.__table__, Comment.__table__, AuditReceipt.__table__,
                                         User.__table__)
    after, upto, batch = bindparam("after"), bindparam("upto"), bindparam("batch")
    page = select(comments.c.id).where(comments.c.id > after).order_by(comments.c.id).limit(batch).subquery()
    page_end = select(func.max(page.c.id))

    def last(actions: Any) -> Any:
        return func.max(case((events.c.action.in_(actions), events.c.id)))

    ends = (select(events.c.comment_id, last(list(PROGRESS)).label("progress_id"),
                   last(list(DECISIONS)).label("decision_id"), last([APPEAL]).label("appeal_id"))
            .where(events.c.comment_id > after, events.c.comment_id <= upto)
            .group_by(events.c.comment_id).subquery())
    progress, decision = events.alias("progress"), events.alias("decision")
    states = (
        select(comments.c.id, comments.c.status, comments.c.awaiting_confirmation, comments.c.appealed_at,
               comments.c.decided_at, users.c.name.label("decided_by"), receipts.c.comment_id.label("receipt_id"),
               progress.c.id.label("progress_id"), progress.c.action.label("progress_action"),
               decision.c.id.label("decision_id"), decision.c.action.label("decision_action"),
               decision.c.actor.label("decision_actor"), decision.c.occurred_at.label("decision_at"),
               decision.c.details.label("decision_details"), ends.c.appeal_id)
        .select_from(comments.outerjoin(users, users.c.id == comments.c.decided_by)
                     .outerjoin(receipts, receipts.c.comment_id == comments.c.id)
                     .outerjoin(ends, ends.c.comment_id == comments.c.id)
                     .outerjoin(progress, progress.c.id == ends.c.progress_id)
                     .outerjoin(decision, decision.c.id == ends.c.decision_id))
        .where(comments.c.id > after, comments.c.id <= upto).order_by(comments.c.id))
    return page_end, states


def verify_states(sessions: SessionFactory, batch: int = 5000) -> Verification:
    """Each comment's status (and whether it awaits confirmation, is under appeal, when and by whom it was
    decided) against what its record says: an UPDATE run behind the service's back publishes or hides a
    comment with no decision on record, and the chain alone cannot see it.

    A comment's row, its receipt and its entries are read by one statement, so by one snapshot: its state
    and the entry about it commit together, and a comment accepted but not yet on record is seen with its
    receipt, never as a break."""
    page_end, states = _state_pages()
    last_id, checked = 0, 0
    while True:
        with sessions.reading() as session:
            connection = session.connection()
            upto = connection.execute(page_end, {"after": last_id, "batch": batch}).scalar()
            if upto is None:
                return Verification(True, checked)
            rows = connection.execute(states, {"after": last_id, "upto": upto}).all()
        for row in rows:
            broken = _state_break(row)
            if broken is not None:
                return Verification(False, checked, *broken)
            checked += 1
        last_id = upto


def _state_break(row: Any) -> tuple[int | None, str] | None:
    """The entry a comment's state contradicts and why, or None when its record backs it."""
    actual = State(str(row.status), bool(row.awaiting_confirmation), row.appealed_at is not None, row.decided_at,
                   row.decided_by)
    ending = recorded_state(row)
    if ending is None:
        return None, f"comment {row.id} is {actual.describe()} but nothing about it is on record"
    expected = ending.state
    if (actual.status, actual.awaiting_confirmation, actual.appealed) != (
            expected.status, expected.awaiting_confirmation, expected.appealed):
        return ending.entry_id, (f"comment {row.id} is {actual.describe()} but its record ends in {ending.says} "
                                 f"({expected.describe()})")
    if (actual.decided_at, actual.decided_by) != (expected.decided_at, expected.decided_by):
        return ending.entry_id, (f"comment {row.id} says it was {actual.decision()} but its record ends in "
                                 f"{ending.says}: {expected.decision()}")
    return None


def verify_record(sessions: SessionFactory) -> Verification:
    """The chain, then the comments it vouches for: what they say and what state they are in; the first break
    found is named."""
    chain = verify_chain(stream_events(sessions))
    if not chain.ok:
        return chain
    for comments in (verify_contents, verify_states):
        result = comments(sessions)
        if not result.ok:
            return Verification(False, chain.checked, result.first_bad_id, result.reason)
    return chain


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
