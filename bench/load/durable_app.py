"""A second reference for bench/submit.py: the bare app plus the least any durable submission must do, one
INSERT committed on PostgreSQL before answering. It shows how much of the gap to the bare app is the database
write itself (on the same cores) and how much is the service's own work. bench/submit.py creates its table."""

import os

from flask import Flask, jsonify, request
from sqlalchemy import create_engine, text


def create_app() -> Flask:
    app = Flask(__name__)
    engine = create_engine(os.environ["MODERATION_DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://", 1),
                           pool_size=10)
    insert = text("INSERT INTO durable_floor (email, body) VALUES (:email, :body) RETURNING id")

    @app.post("/v1/articles/<article_key>/comments")
    def submit(article_key: str):  # type: ignore[no-untyped-def]
        body = request.get_json()
        with engine.begin() as connection:
            new_id = connection.execute(insert, {"email": body["author_email"], "body": body["body"]}).scalar_one()
        response = jsonify(id=new_id, status="pending", receipt="x" * 32, article=article_key)
        response.status_code = 202
        return response

    return app
