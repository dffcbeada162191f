"""Settings come from the environment only, so one image runs anywhere; a typo fails loudly at start."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

ENV_PREFIX = "MODERATION_"
TEST_PREFIX = "MODERATION_TEST_"  # the test suite's own variables, never the service's
DEFAULT_SECRET_KEY = "insecure-development-secret-change-me"


class SettingsError(Exception):
    """Raised with a message meant for the operator who started the service."""


class Environment(str, Enum):
    development = "development"
    production = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, frozen=True, extra="forbid")

    env: Environment = Field(
        Environment.development,
        description="`production` refuses the built-in secret key.",
    )
    data_dir: Path = Field(
        Path("moderation-data"),
        description="Folder for the embedded default's SQLite database and broker.",
    )
    database_url: str = Field(
        "",
        description="SQLAlchemy URL; empty means an SQLite file in the data folder.",
    )
    broker_url: str = Field(
        "embedded",
        description="Celery broker URL; `embedded` means an SQLite file in the data folder (no server).",
    )
    secret_key: SecretStr = Field(SecretStr(DEFAULT_SECRET_KEY), min_length=16)
    allowed_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated origins allowed to call the public API from a browser.",
    )
    policy: Path | None = Field(None, description="A TOML policy file; empty means the built-in policy.")
    auto_create_articles: bool = True
    site_token: SecretStr | None = Field(
        None, min_length=16,
        description="Bearer token with which the site's backend may create and update articles; empty: none.",
    )
    pending_max_age: float = Field(
        30.0, gt=0, description="Seconds a comment may stay `pending` before the sweep enqueues it again."
    )
    sweep_interval: float = Field(15.0, gt=0, description="Seconds between two sweeps of `pending` comments.")
    check_batch_wait: float = Field(
        0.05, ge=0, le=5,
        description="Seconds the API gathers new comments into one check message; 0 sends one per comment at once.",
    )
    check_batch_size: int = Field(50, ge=1, le=1000, description="Most comments in one check message.")
    check_queue: str = Field("moderation.checks", min_length=1, pattern=r"^[\w.\-]+$")
    trusted_proxies: int = Field(
        0, ge=0, le=5, description="Reverse proxies in front of the API whose X-Forwarded-For is trusted."
    )
    max_request_bytes: int = Field(64 * 1024, ge=1024)
    submit_rate_limit: str = Field(
        "30/minute;300/hour",
        description="Submissions per client address and per e-mail, in flask-limiter's notation.",
    )
    worker_metrics_port: int | None = Field(
        None, ge=1, le=65535, description="Port on which each Celery worker serves its Prometheus metrics.")

    @field_validator("submit_rate_limit")
    @classmethod
    def _limits_parse(cls, value: str) -> str:
        from limits import parse_many

        try:
            items = parse_many(value)
        except ValueError as error:
            raise ValueError(f"not a rate limit such as 5/minute;50/hour ({error})") from None
        if any(item.amount < 1 for item in items):
            raise ValueError("a limit of 0 would refuse every comment; raise it instead (say 1000/minute)")
        return value

    @field_validator("broker_url")
    @classmethod
    def _known_broker(cls, url: str) -> str:
        # Celery takes an empty URL for its own default, a RabbitMQ on localhost, without a word; and an unknown
        # scheme fails only when the first message is sent.
        if not url.strip():
            raise ValueError("empty: give `embedded` or a broker URL such as redis://host:6379/0")
        if url != "embedded" and not re.match(r"(?:redis|rediss|sentinel|amqp|amqps|pyamqp|sqs|sqla\+[\w+]+)://", url):
            raise ValueError(f"{url.split('://')[0]!r} is not a broker this service runs on: use embedded, "
                             "redis://, rediss://, sentinel://, amqp:// or amqps://")
        return url

    @field_validator("worker_metrics_port", mode="before")
    @classmethod
    def _empty_port_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("policy", mode="before")
    @classmethod
    def _empty_policy_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("policy")
    @classmethod
    def _policy_file_exists(cls, path: Path | None) -> Path | None:
        if path is not None and not path.is_file():
            raise ValueError(f"no policy file at {path}")
        return path

    @field_validator("site_token", mode="before")
    @classmethod
    def _empty_token_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("allowed_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("allowed_origins")
    @classmethod
    def _origins_are_urls(cls, origins: list[str]) -> list[str]:
        """As browsers send them: scheme and host, lower case, no path ("https://news.example/" never matches)
        and no default port (a browser sends "https://news.example", never with ":443")."""
        normalised = []
        for origin in origins:
            parts = urlsplit(origin)
            if origin != "*" and (parts.scheme not in ("http", "https") or not parts.netloc
                                  or parts.path not in ("", "/") or parts.query or parts.fragment):
                raise ValueError(f"{origin!r} is not an origin such as https://news.example")
            if origin == "*":
                normalised.append(origin)
                continue
            host = parts.netloc.lower()
            default_port = {"http": ":80", "https": ":443"}[parts.scheme]
            normalised.append(f"{parts.scheme}://{host.removesuffix(default_port)}")
        return normalised

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, url: str) -> str:
        if url and not url.startswith(("sqlite:", "postgresql", "postgres:")):
            raise ValueError("only sqlite:/// and postgresql:// URLs are supported")
        return url

    @field_validator("secret_key")
    @classmethod
    def _secret_has_substance(cls, secret: SecretStr) -> SecretStr:
        value = secret.get_secret_value()
        if len(value.strip()) < 16 or len(set(value)) < 6:
            raise ValueError("must be at least 16 characters, not blanks or one character repeated: "
                             "`python -c 'import secrets; print(secrets.token_urlsafe(32))'` makes one")
        return secret

    @model_validator(mode="after")
    def _production_needs_secret(self) -> Settings:
        if self.env is Environment.production and self.secret_key.get_secret_value() == DEFAULT_SECRET_KEY:
            raise ValueError("MODERATION_SECRET_KEY must be set to a secret of your own in production")
        return self

    @property
    def sqlalchemy_url(self) -> str:
        """The database URL with the driver this project installs (psycopg 3 for PostgreSQL)."""
        url = self.database_url or f"sqlite:///{self.data_dir / 'moderation.sqlite3'}"
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix):]
        return url

    @property
    def uses_embedded_broker(self) -> bool:
        return self.broker_url == "embedded"

    @property
    def embedded_broker_path(self) -> Path:
        return self.data_dir / "broker.sqlite3"


def _unknown_names(environ: Mapping[str, str]) -> list[str]:
    known = {ENV_PREFIX + name.upper() for name in Settings.model_fields}
    problems = []
    for name in sorted(environ):
        if name.startswith(ENV_PREFIX) and not name.startswith(TEST_PREFIX) and name not in known:
            hint = difflib.get_close_matches(name, known, n=1)
            problems.append(f"{name} is not a setting" + (f" (did you mean {hint[0]}?)" if hint else ""))
    return problems


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read the settings, refusing unknown MODERATION_* names and malformed values."""
    environ = os.environ if environ is None else environ
    problems = _unknown_names(environ)
    values = {name[len(ENV_PREFIX):].lower(): value for name, value in environ.items()
              if name.startswith(ENV_PREFIX) and not name.startswith(TEST_PREFIX) and not problems}
    if not problems:
        try:
            return Settings.model_validate(values)
        except ValidationError as error:
            for detail in error.errors(include_url=False, include_input=False):
                field = ".".join(str(part) for part in detail["loc"]) or "settings"
                name = ENV_PREFIX + field.upper() if detail["loc"] else "settings"
                problems.append(f"{name}: {detail['msg']}")
    raise SettingsError("invalid settings:\n  " + "\n  ".join(problems))
