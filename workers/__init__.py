"""The Celery worker and beat: `celery -A workers worker` and `celery -A workers beat`."""

import sys

from moderation.policy import PolicyError, load_policy
from moderation.settings import load_settings
from workers.celery_app import create_celery
from workers.tasks import register_tasks

settings = load_settings()
try:
    policy = load_policy(settings.policy)  # a broken policy file stops the worker at start, not at its first comment
except PolicyError as error:
    sys.exit(f"Error: {error}")  # one line naming the file and the fault, not a traceback
app = create_celery(settings)
register_tasks(app, settings, policy)

__all__ = ["app"]
