"""Every route of /openapi.json, fed generated valid and invalid data (schemathesis), with and without a
token: never a 5xx, and every response matches the spec. Bounded examples keep it within the test run."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import hypothesis
import schemathesis
from schemathesis import checks

from api import create_app
from moderation import accounts, migrate
from moderation.models import Role
from tests.conftest import make_settings

_folder = Path(tempfile.mkdtemp(prefix="moderation-schemathesis-"))
_settings = make_settings(_folder / "data", site_token="site-secret-token-for-fuzzing",
                          submit_rate_limit="100000/minute")
migrate.upgrade(_settings.sqlalchemy_url)
app = create_app(_settings)
_, ADMIN_TOKEN = accounts.create_user(app.extensions["moderation"].sessions, "fuzz", Role.admin)

schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
# Data the schema allows may still break a rule the schema cannot state (an opaque cursor, a receipt, an
# e-mail domain that cannot exist, NUL in text): those get a 4xx problem, which is not a failure here.
SEMANTIC_REFUSALS = [checks.positive_data_acceptance]
EXAMPLES = int(os.environ.get("MODERATION_FUZZ_EXAMPLES", "25"))


@schema.parametrize()
@hypothesis.settings(max_examples=EXAMPLES, deadline=None,
                     suppress_health_check=list(hypothesis.HealthCheck), derandomize=True)
def test_api_without_credentials(case):
    case.call_and_validate(excluded_checks=SEMANTIC_REFUSALS)


@schema.parametrize()
@hypothesis.settings(max_examples=EXAMPLES, deadline=None,
                     suppress_health_check=list(hypothesis.HealthCheck), derandomize=True)
def test_api_as_an_admin(case):
    case.call_and_validate(headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}, excluded_checks=SEMANTIC_REFUSALS)
