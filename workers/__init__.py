"""The Celery worker and beat: `celery -A workers worker` and `celery -A workers beat`."""

from moderation.settings import load_settings
from workers.celery_app import create_celery
from workers.tasks import register_tasks

settings = load_settings()
app = create_celery(settings)
register_tasks(app, settings)

__all__ = ["app"]
