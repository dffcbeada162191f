"""Routes for auditors and admins: the decision record, filtered, exported, and checked."""

from __future__ import annotations

import json
from collections.abc import Iterator

from flask import Response, jsonify
from flask_openapi3 import APIBlueprint, Tag
from pydantic import BaseModel
from sqlmodel import col, select

from api.auth import BEARER, allow, require_allowed_role
from api.problems import problem_responses
from api.requests import require_json_body
from api.runtime import runtime
from api.schemas import AuditEventOut, AuditPage, AuditQuery, ExportQuery
from moderation import audit
from moderation.models import AuditEvent, Role

records = APIBlueprint("audit", __name__, abp_tags=[Tag(name="audit", description="For auditors")],
                       abp_security=BEARER)
records.before_request(require_allowed_role)
records.before_request(require_json_body)
AUDITORS = (Role.auditor, Role.admin)


def _filtered(query: AuditQuery):  # type: ignore[no-untyped-def]
    statement = select(AuditEvent)
    if query.comment_id is not None:
        statement = statement.where(AuditEvent.comment_id == query.comment_id)
    if query.actor:
        statement = statement.where(AuditEvent.actor == query.actor)
    if query.action:
        statement = statement.where(AuditEvent.action == query.action)
    if query.since:
        statement = statement.where(col(AuditEvent.occurred_at) >= query.since)
    if query.until:
        statement = statement.where(col(AuditEvent.occurred_at) < query.until)
    if query.after_id is not None:
        statement = statement.where(col(AuditEvent.id) > query.after_id)
    return statement.order_by(col(AuditEvent.id))


@records.get("/v1/audit", responses={200: AuditPage, **problem_responses(*(401, 403), 422)},
             summary="The decision record, filtered by comment, actor, action and time")
@allow(*AUDITORS)
def audit_log(query: AuditQuery) -> Response:
    with runtime().sessions.reading() as session:
        rows = session.exec(_filtered(query).limit(query.limit + 1)).all()
    items = [AuditEventOut.model_validate(e, from_attributes=True) for e in rows[:query.limit]]
    next_after = items[-1].id if len(rows) > query.limit and items else None
    return jsonify(AuditPage(items=items, next_after_id=next_after).model_dump(mode="json"))


@records.get("/v1/audit/export", responses={200: {"description": "JSON lines, one entry each, in id order",
                                                  "content": {"application/x-ndjson": {}}},
                                            **problem_responses(401, 403, 422)},
             summary="The whole record as JSON lines, streamed")
@allow(*AUDITORS)
def export(query: ExportQuery) -> Response:
    sessions = runtime().sessions

    def lines() -> Iterator[str]:
        for event in audit.stream_events(sessions):
            yield json.dumps(AuditEventOut.model_validate(event, from_attributes=True).model_dump(mode="json"),
                             ensure_ascii=False) + "\n"

    return Response(lines(), mimetype="application/x-ndjson",
                    headers={"Content-Disposition": "attachment; filename=audit.jsonl"})


class VerificationOut(BaseModel):
    ok: bool
    checked: int
    first_bad_id: int | None
    reason: str


@records.get("/v1/audit/verify", responses={200: VerificationOut, **problem_responses(401, 403)},
             summary="Walk the SHA-256 chain, then each comment's text and state against it; name the first break")
@allow(*AUDITORS)
def verify() -> Response:
    result = audit.verify_record(runtime().sessions)
    return jsonify(VerificationOut(ok=result.ok, checked=result.checked, first_bad_id=result.first_bad_id,
                                   reason=result.reason).model_dump(mode="json"))
