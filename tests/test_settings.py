import pytest

from moderation.settings import DEFAULT_SECRET_KEY, Settings, SettingsError, load_settings


def test_defaults_are_the_embedded_default(tmp_path):
    settings = load_settings({})
    assert settings.sqlalchemy_url == "sqlite:///moderation-data/moderation.sqlite3"
    assert settings.uses_embedded_broker
    assert settings.auto_create_articles is True
    assert settings.allowed_origins == []


def test_values_are_read_from_the_environment():
    settings = load_settings({
        "MODERATION_DATABASE_URL": "postgresql://db.internal/news",
        "MODERATION_BROKER_URL": "redis://cache:6379/0",
        "MODERATION_ALLOWED_ORIGINS": "https://news.example, https://www.news.example",
        "MODERATION_AUTO_CREATE_ARTICLES": "false",
        "MODERATION_SECRET_KEY": "k3v-9a1Lq-72bXo-Wd4",
    })
    assert settings.sqlalchemy_url == "postgresql+psycopg://db.internal/news"
    assert not settings.uses_embedded_broker
    assert settings.allowed_origins == ["https://news.example", "https://www.news.example"]
    assert settings.auto_create_articles is False


def test_an_unknown_setting_fails_with_a_suggestion():
    with pytest.raises(SettingsError, match="MODERATION_DATABSE_URL is not a setting.*MODERATION_DATABASE_URL"):
        load_settings({"MODERATION_DATABSE_URL": "sqlite:///x.db"})


@pytest.mark.parametrize("name, value, message", [
    ("MODERATION_AUTO_CREATE_ARTICLES", "perhaps", "MODERATION_AUTO_CREATE_ARTICLES"),
    ("MODERATION_ALLOWED_ORIGINS", "news.example", "is not an origin"),
    ("MODERATION_DATABASE_URL", "mysql://x/y", "only sqlite"),
    ("MODERATION_PENDING_MAX_AGE", "-1", "MODERATION_PENDING_MAX_AGE"),
    ("MODERATION_SECRET_KEY", "short", "MODERATION_SECRET_KEY"),
    ("MODERATION_SECRET_KEY", " " * 20, "16 characters, not blanks"),
    ("MODERATION_SECRET_KEY", "x" * 32, "one character repeated"),
    ("MODERATION_BROKER_URL", "", "MODERATION_BROKER_URL.*empty"),  # Celery would take a RabbitMQ on localhost
    ("MODERATION_BROKER_URL", "htp://nothing", "not a broker"),
    ("MODERATION_ALLOWED_ORIGINS", "https://news.example/comments", "is not an origin"),
    ("MODERATION_SUBMIT_RATE_LIMIT", "0/minute", "refuse every comment"),
])
def test_a_malformed_setting_fails_naming_it(name, value, message):
    with pytest.raises(SettingsError, match=message):
        load_settings({name: value})


def test_production_refuses_the_built_in_secret():
    with pytest.raises(SettingsError, match="secret of your own"):
        load_settings({"MODERATION_ENV": "production"})
    assert load_settings({"MODERATION_ENV": "production", "MODERATION_SECRET_KEY": "a secret of our own, 2026"}).env.value == "production"
    assert Settings().secret_key.get_secret_value() == DEFAULT_SECRET_KEY


def test_an_empty_site_token_means_none_and_a_short_one_is_refused():
    assert load_settings({"MODERATION_SITE_TOKEN": ""}).site_token is None
    with pytest.raises(SettingsError, match="MODERATION_SITE_TOKEN"):
        load_settings({"MODERATION_SITE_TOKEN": "abc"})


def test_the_test_suites_own_variables_are_not_settings():
    assert load_settings({"MODERATION_TEST_POSTGRES_URL": "postgresql://elsewhere/test"}).uses_embedded_broker


def test_an_origin_is_kept_as_browsers_send_it():
    settings = load_settings({"MODERATION_ALLOWED_ORIGINS": "https://News.Example/, http://localhost:8080, "
                                                            "https://www.news.example:443, http://news.example:80, "
                                                            "https://news.example:8443"})
    assert settings.allowed_origins == ["https://news.example", "http://localhost:8080", "https://www.news.example",
                                        "http://news.example", "https://news.example:8443"]
