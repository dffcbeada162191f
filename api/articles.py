"""The site's backend registers articles: their title and text (for the topic check) and whether comments are open."""

from __future__ import annotations

import hmac

from flask import Response, jsonify, request
from flask_openapi3 import APIBlueprint, Tag
from werkzeug.exceptions import Unauthorized

from api.problems import problem_responses
from api.runtime import runtime
from api.schemas import ArticleIn, ArticleOut, ArticlePath
from moderation import services

articles = APIBlueprint("articles", __name__, abp_tags=[Tag(name="articles", description="For the site's backend")])

SITE_SECURITY = [{"bearer": []}]


@articles.before_request
def _require_site_token() -> None:
    """Checked before the body is read, so a stranger learns nothing about what a valid request looks like."""
    expected = runtime().settings.site_token
    scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
    if expected is None or scheme.lower() != "bearer" or not hmac.compare_digest(
        presented.strip().encode(), expected.get_secret_value().encode()
    ):
        raise Unauthorized("a valid site token is required: Authorization: Bearer <MODERATION_SITE_TOKEN>")


@articles.put(
    "/v1/articles/<article_key>",
    responses={200: ArticleOut, 201: ArticleOut, **problem_responses(400, 401, 415, 422, 503)},
    security=SITE_SECURITY,
    summary="Create or update an article",
)
def put_article(path: ArticlePath, body: ArticleIn) -> Response:
    article, created = services.put_article(
        runtime().sessions,
        path.article_key,
        services.ArticleFields(
            title=body.title, url=str(body.url) if body.url else None, text=body.text,
            comments_open=body.comments_open,
        ),
        actor="site",
    )
    response = jsonify(ArticleOut.model_validate(article, from_attributes=True).model_dump(mode="json"))
    response.status_code = 201 if created else 200
    return response
