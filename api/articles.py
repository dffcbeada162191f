"""The site's backend registers articles: their title and text (for the topic check) and whether comments are open."""

from __future__ import annotations

import hmac

from flask import Response, g, jsonify, request
from flask_openapi3 import APIBlueprint, Tag
from werkzeug.exceptions import Forbidden, Unauthorized

from api.problems import problem_responses
from api.requests import require_json_body
from api.runtime import runtime
from api.schemas import ArticleIn, ArticleOut, ArticlePath
from moderation import accounts, services
from moderation.models import Role

articles = APIBlueprint("articles", __name__, abp_tags=[Tag(name="articles", description="For the site's backend")])

SITE_SECURITY = [{"bearer": []}]


@articles.before_request
def _require_site_or_admin() -> None:
    """The site's backend (MODERATION_SITE_TOKEN) or an admin; checked before the body is read."""
    expected = runtime().settings.site_token
    scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
    presented = presented.strip()
    if scheme.lower() != "bearer" or not presented:
        raise Unauthorized("send Authorization: Bearer <MODERATION_SITE_TOKEN or an admin's token>")
    if expected is not None and hmac.compare_digest(presented.encode(), expected.get_secret_value().encode()):
        g.article_actor = ("site", "site")
        return
    principal = accounts.authenticate_token(runtime().sessions, presented)
    if principal is None:
        raise Unauthorized("that token is not valid")
    if principal.role is not Role.admin:
        raise Forbidden(f"the {principal.role.value} role may not change articles (allowed: admin, site)")
    g.article_actor = (principal.name, principal.role.value)


articles.before_request(require_json_body)


@articles.put(
    "/v1/articles/<article_key>",
    responses={200: ArticleOut, 201: ArticleOut, **problem_responses(400, 401, 403, 415, 422, 503)},
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
        actor=g.article_actor[0], role=g.article_actor[1],
    )
    response = jsonify(ArticleOut.model_validate(article, from_attributes=True).model_dump(mode="json"))
    response.status_code = 201 if created else 200
    return response
