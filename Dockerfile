# One image for every role: api (gunicorn), worker and beat (celery), migrate (moderation db upgrade).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    MODERATION_DATA_DIR=/var/lib/moderation

WORKDIR /app
COPY pyproject.toml README.md ./
COPY moderation ./moderation
COPY api ./api
COPY workers ./workers
RUN pip install . \
    && useradd --system --uid 10001 --home-dir /var/lib/moderation moderation \
    && mkdir -p /var/lib/moderation \
    && chown moderation /var/lib/moderation

USER moderation
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--reuse-port", "api:create_app()"]
