"""The Celery worker and beat: `celery -A workers worker` and `celery -A workers beat`."""

from moderation.policy import load_policy
from moderation.settings import load_settings
from workers.celery_app import create_celery
from workers.tasks import register_tasks

settings = load_settings()
load_policy(settings.policy)  # a broken policy file stops the worker at start, not at its first comment
app = create_celery(settings)
register_tasks(app, settings)

__all__ = ["app"]
