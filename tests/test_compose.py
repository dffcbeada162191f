"""docker-compose.yml is parsed and checked against the code; test_production_path runs its commands."""

import importlib
import re
from pathlib import Path

import pytest
import yaml

from moderation.settings import ENV_PREFIX, Settings

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
APP_SERVICES = ("api", "worker", "beat", "migrate")


def test_the_contract_services_are_there():
    assert {"api", "worker", "beat", "redis", "postgres"} <= set(SERVICES)


@pytest.mark.parametrize("name, command", [
    ("api", ["gunicorn", "api:create_app()"]),
    ("worker", ["celery", "-A", "workers", "worker"]),
    ("beat", ["celery", "-A", "workers", "beat"]),
    ("migrate", ["moderation", "db", "upgrade"]),
])
def test_app_commands_are_the_contract_commands(name, command):
    actual = SERVICES[name]["command"]
    assert actual[0] == command[0]
    assert all(part in actual for part in command[1:])


def test_commands_name_objects_that_exist():
    module, _, factory = "api:create_app()".partition(":")
    assert callable(getattr(importlib.import_module(module), factory.removesuffix("()")))
    scripts = (ROOT / "pyproject.toml").read_text()
    assert re.search(r'^moderation = "moderation\.cli:main"$', scripts, re.M)


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_environment_names_only_real_settings(name):
    environment = SERVICES[name]["environment"]
    known = {ENV_PREFIX + field.upper() for field in Settings.model_fields}
    assert {key for key in environment if key.startswith(ENV_PREFIX)} <= known
    assert set(environment) - known <= {"PROMETHEUS_MULTIPROC_DIR"}
    assert environment["MODERATION_ENV"] == "production"
    assert environment["MODERATION_DATABASE_URL"].startswith("postgresql://")
    assert "@postgres:5432/" in environment["MODERATION_DATABASE_URL"]
    assert environment["MODERATION_BROKER_URL"] == "redis://redis:6379/0"
    assert ":?" in environment["MODERATION_SECRET_KEY"], "the secret must be required, never defaulted"


def test_app_services_wait_for_healthy_dependencies_and_the_migration():
    assert SERVICES["worker"]["environment"]["MODERATION_WORKER_METRICS_PORT"] == "9100"
    for name in ("api", "worker", "beat"):
        depends = SERVICES[name]["depends_on"]
        assert depends["postgres"]["condition"] == "service_healthy"
        assert depends["redis"]["condition"] == "service_healthy"
        assert depends["migrate"]["condition"] == "service_completed_successfully"
    assert SERVICES["migrate"]["restart"] == "no"


@pytest.mark.parametrize("name", ["api", "worker", "redis", "postgres"])
def test_long_running_services_have_health_checks(name):
    assert SERVICES[name]["healthcheck"]["test"]


def test_data_lives_on_named_volumes():
    declared = set(COMPOSE["volumes"])
    used = {mount.split(":")[0] for svc in SERVICES.values() for mount in svc.get("volumes", [])}
    assert used <= declared
    assert any(m.endswith(":/var/lib/postgresql/data") for m in SERVICES["postgres"]["volumes"])
    assert any(m.endswith(":/data") for m in SERVICES["redis"]["volumes"])
    postgres_env = SERVICES["postgres"]["environment"]
    assert f"{postgres_env['POSTGRES_USER']}:" in SERVICES["api"]["environment"]["MODERATION_DATABASE_URL"]


def test_the_image_installs_the_packages_the_commands_need():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for package in ("moderation", "api", "workers"):
        assert f"COPY {package} ./{package}" in dockerfile
    assert SERVICES["api"]["build"] == "."


def test_the_api_access_log_leaves_out_query_strings():
    """An author's receipt travels in the query string (?receipt=...): it is their key, not a log line."""
    command = SERVICES["api"]["command"]
    log_format = command[command.index("--access-logformat") + 1]
    assert "%(U)s" in log_format and not {"%(r)s", "%(q)s"} & set(re.findall(r"%\(\w+\)s", log_format))
