"""The reference for bench/submit.py: a bare Flask app that parses the same JSON and answers 202."""

from flask import Flask, jsonify, request


def create_app() -> Flask:
    app = Flask(__name__)

    @app.post("/v1/articles/<article_key>/comments")
    def submit(article_key: str):  # type: ignore[no-untyped-def]
        body = request.get_json()
        response = jsonify(id=1, status="pending", receipt="x" * 32, article=article_key, size=len(body["body"]))
        response.status_code = 202
        return response

    return app
