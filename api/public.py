"""Routes for the site's frontend: submit a comment, read approved ones, follow your own."""

from __future__ import annotations

from flask import Response, jsonify, request, url_for
from flask_openapi3 import APIBlueprint, Tag

from api.problems import problem_responses
from api.requests import require_json_body
from api.runtime import runtime
from api.schemas import (
    AppealIn,
    ArticlePath,
    StatementOut,
    AuthorCommentOut,
    CommentPage,
    CommentPath,
    CommentSubmission,
    PageQuery,
    PublicCommentOut,
    ReceiptQuery,
    SubmissionAccepted,
    SubmissionHeaders,
)
from moderation import services, statements
from moderation.observability import SUBMISSIONS

public = APIBlueprint("public", __name__, abp_tags=[Tag(name="public", description="For the site's frontend")])
public.before_request(require_json_body)
# The counter's two children, looked up once instead of under the counter's lock per submission.
_ACCEPTED, _REPLAYED = SUBMISSIONS.labels("accepted"), SUBMISSIONS.labels("replayed")


@public.post(
    "/v1/articles/<article_key>/comments",
    responses={202: SubmissionAccepted, **problem_responses(400, 404, 409, 413, 415, 422, 503)},
    summary="Submit a comment for moderation",
)
def submit_comment(path: ArticlePath, body: CommentSubmission, header: SubmissionHeaders) -> Response:
    """Stores the comment as `pending` before answering; it is published only once a moderator approves it."""
    rt = runtime()
    accepted = services.submit_comment(
        rt.sessions,
        services.NewComment(
            article_key=path.article_key,
            author_name=body.author_name,
            author_email=str(body.author_email),
            body=body.body,
            parent_id=body.parent_id,
            client_address=request.remote_addr,
            idempotency_key=header.idempotency_key,
        ),
        auto_create_articles=rt.settings.auto_create_articles,
        secret=rt.settings.secret_key.get_secret_value(),
    )
    if not accepted.replayed:
        rt.checks.enqueue(accepted.id)
    (_REPLAYED if accepted.replayed else _ACCEPTED).inc()
    response = jsonify(accepted.document())  # already SubmissionAccepted's shape (the spec documents it)
    response.status_code = 202
    response.headers["Location"] = url_for(
        "public.comment_status", comment_id=accepted.id, receipt=accepted.receipt
    )
    if accepted.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response


@public.get(
    "/v1/articles/<article_key>/comments",
    responses={200: CommentPage, **problem_responses(400, 422, 503)},
    summary="Approved comments on an article, newest first",
)
def list_comments(path: ArticlePath, query: PageQuery) -> Response:
    page = services.approved_comments(runtime().sessions, path.article_key, query.limit, query.cursor)
    return jsonify(CommentPage(
        items=[PublicCommentOut.model_validate(item, from_attributes=True) for item in page.items],
        next_cursor=page.next_cursor,
    ).model_dump(mode="json"))


@public.get(
    "/v1/comments/<int:comment_id>",
    responses={200: AuthorCommentOut, **problem_responses(404, 422, 503)},
    summary="The author's view of their comment, with its receipt",
)
def comment_status(path: CommentPath, query: ReceiptQuery) -> Response:
    return jsonify(_author_view(path.comment_id, query.receipt))


@public.post(
    "/v1/comments/<int:comment_id>/appeal",
    responses={202: AuthorCommentOut, **problem_responses(400, 404, 409, 415, 422)},
    summary="The author asks for a second look at a rejection",
)
def appeal(path: CommentPath, query: ReceiptQuery, body: AppealIn) -> Response:
    """Answers with the author's view as it now stands (the statement says the appeal waits), so a page can
    show it without asking again."""
    services.request_appeal(runtime().sessions, path.comment_id, query.receipt, body.message)
    response = jsonify(_author_view(path.comment_id, query.receipt))
    response.status_code = 202
    return response


def _author_view(comment_id: int, receipt: str) -> dict[str, object]:
    view = services.comment_for_author(runtime().sessions, comment_id, receipt)
    out = AuthorCommentOut.model_validate(view, from_attributes=True)
    statement = statements.statement_for(runtime().sessions, view.comment)
    if statement is not None:
        out.statement_of_reasons = StatementOut.model_validate(statement, from_attributes=True)
    return out.model_dump(mode="json")
