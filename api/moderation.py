"""Routes for moderators and admins: the review queue, one comment in full, claims and decisions."""

from __future__ import annotations

from datetime import timedelta

from flask import Response, jsonify
from flask_openapi3 import APIBlueprint, Tag
from pydantic import ConfigDict, Field

from api.auth import BEARER, allow, current_principal, require_allowed_role
from api.problems import problem_responses
from api.requests import require_json_body
from api.runtime import runtime
from api.schemas import (
    ArticleBrief,
    AuditEventOut,
    BulkDecisionsIn,
    BulkDecisionsOut,
    BulkResultOut,
    ClaimOut,
    CommentPath,
    DecisionIn,
    DecisionOut,
    EvidenceOut,
    FindingOut,
    ModerationCommentOut,
    QueueItemOut,
    QueueOut,
    QueueQuery,
    RequestParts,
    StatsOut,
)
from moderation import review, stats
from moderation.guidelines import Code
from moderation.models import Role
from moderation.observability import DECISIONS

moderation = APIBlueprint("moderation", __name__, abp_tags=[Tag(name="moderation", description="For moderators")],
                          abp_security=BEARER)
moderation.before_request(require_allowed_role)
moderation.before_request(require_json_body)

MODERATORS = (Role.moderator, Role.admin)
AUTH_ERRORS = (401, 403)


def _request(body: DecisionIn) -> review.DecisionRequest:
    return review.DecisionRequest(body.decision, tuple(Code(r) for r in body.reasons), body.note)


def _decision(outcome: review.DecisionOutcome) -> DecisionOut:
    DECISIONS.labels(outcome.status, "person").inc()
    return DecisionOut(comment_id=outcome.comment_id, status=outcome.status, event_id=outcome.event_id,
                       overridden=outcome.overridden)


@moderation.get("/v1/moderation/queue", responses={200: QueueOut, **problem_responses(400, *AUTH_ERRORS, 422)},
                summary="Comments waiting for a decision")
@allow(*MODERATORS)
def queue(query: QueueQuery) -> Response:
    rt = runtime()
    page = review.queue(
        rt.sessions, current_principal(),
        review.QueueFilter(query.status, query.category, query.article, query.sort, query.include_claimed),
        query.limit, query.cursor, timedelta(seconds=rt.settings.pending_max_age),
    )
    return jsonify(QueueOut(
        items=[QueueItemOut.model_validate(item, from_attributes=True) for item in page.items],
        next_cursor=page.next_cursor, counts=page.counts,
    ).model_dump(mode="json"))


@moderation.get("/v1/moderation/comments/<int:comment_id>",
                responses={200: ModerationCommentOut, **problem_responses(*AUTH_ERRORS, 404, 422)},
                summary="A comment as submitted, its findings, the author's history and its audit trail")
@allow(Role.moderator, Role.admin, Role.auditor)
def comment(path: CommentPath) -> Response:
    found = review.detail(runtime().sessions, path.comment_id)
    c, a = found.comment, found.article
    return jsonify(ModerationCommentOut(
        id=c.id, article=ArticleBrief(key=a.key, title=a.title, url=a.url), parent_id=c.parent_id,
        author_name=c.author_name, author_email=c.author_email, body=c.body, status=str(c.status.value
        if hasattr(c.status, "value") else c.status), submitted_at=c.submitted_at, decided_at=c.decided_at,
        awaiting_confirmation=c.awaiting_confirmation, appealed_at=c.appealed_at, claimed_until=c.claimed_until,
        findings=[FindingOut(code=f.code, score=round(f.score, 4), flagged=f.flagged,
                             evidence=[EvidenceOut(**e) for e in f.evidence], checker=f.checker,
                             checker_version=f.checker_version, policy_version=f.policy_version)
                  for f in found.findings],
        author_history=found.history,
        audit_trail=[AuditEventOut.model_validate(e, from_attributes=True) for e in found.trail],
    ).model_dump(mode="json"))


class ClaimQuery(RequestParts):
    model_config = ConfigDict(extra="forbid")

    minutes: int = Field(review.CLAIM_MINUTES, ge=1, le=30)


@moderation.post("/v1/moderation/comments/<int:comment_id>/claim",
                 responses={200: ClaimOut, **problem_responses(*AUTH_ERRORS, 404, 409, 422)},
                 summary="Claim a comment for a few minutes, so two people do not read the same one")
@allow(*MODERATORS)
def claim(path: CommentPath, query: ClaimQuery) -> Response:
    until = review.claim(runtime().sessions, path.comment_id, current_principal(), query.minutes)
    return jsonify(ClaimOut(comment_id=path.comment_id, claimed_until=until).model_dump(mode="json"))


@moderation.delete("/v1/moderation/comments/<int:comment_id>/claim",
                   responses={204: None, **problem_responses(*AUTH_ERRORS, 422)}, summary="Release your claim")
@allow(*MODERATORS)
def release(path: CommentPath) -> Response:
    review.release(runtime().sessions, path.comment_id, current_principal())
    return Response(status=204)


@moderation.post("/v1/moderation/comments/<int:comment_id>/decision",
                 responses={200: DecisionOut, **problem_responses(400, *AUTH_ERRORS, 404, 409, 415, 422)},
                 summary="Approve or reject (never edit); a rejection names its guideline codes")
@allow(*MODERATORS)
def decide(path: CommentPath, body: DecisionIn) -> Response:
    rt = runtime()
    outcome = review.decide(rt.sessions, path.comment_id, current_principal(), _request(body),
                            timedelta(seconds=rt.settings.pending_max_age))
    return jsonify(_decision(outcome).model_dump(mode="json"))


@moderation.post("/v1/moderation/comments/<int:comment_id>/reversal",
                 responses={200: DecisionOut, **problem_responses(400, *AUTH_ERRORS, 404, 409, 415, 422)},
                 summary="An admin's second look: a new decision on the record, the first one kept")
@allow(Role.admin)
def reverse(path: CommentPath, body: DecisionIn) -> Response:
    outcome = review.reverse(runtime().sessions, path.comment_id, current_principal(), _request(body))
    return jsonify(_decision(outcome).model_dump(mode="json"))


@moderation.post("/v1/moderation/decisions",
                 responses={200: BulkDecisionsOut, **problem_responses(400, *AUTH_ERRORS, 415, 422)},
                 summary="Decide up to 200 comments at once, with a result for each")
@allow(*MODERATORS)
def decide_many(body: BulkDecisionsIn) -> Response:
    requests = [(item.comment_id, _request(item)) for item in body.decisions]
    rt = runtime()
    results = review.decide_many(rt.sessions, current_principal(), requests,
                                 timedelta(seconds=rt.settings.pending_max_age))
    return jsonify(BulkDecisionsOut(results=[
        BulkResultOut(comment_id=r.comment_id, ok=r.ok, status=r.status,
                      result=_decision(r.outcome) if r.outcome else None, error=r.error)
        for r in results
    ]).model_dump(mode="json"))


@moderation.get("/v1/moderation/stats", responses={200: StatsOut, **problem_responses(*AUTH_ERRORS)},
                summary="Queue depth, time to decision, decisions per moderator, overrides per code")
@allow(Role.moderator, Role.admin, Role.auditor)
def moderation_stats() -> Response:
    return jsonify(StatsOut(**stats.moderation_stats(runtime().sessions)).model_dump(mode="json"))

