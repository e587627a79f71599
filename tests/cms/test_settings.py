import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings.base import env

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "x7!" * 20 + "a-long-random-production-secret",
    "ALLOWED_HOSTS": "rada.example.org",
    "DATABASE_URL": "sqlite:///" + str(ROOT / "never-created.sqlite3"),
}


# What `check --deploy` may report under production settings, each explained in
# the README's section on it (HSTS for subdomains and preloading are the domain
# owner's decision; the admin's preview frames pages of the same origin).
DEPLOY_CHECK_ALLOWED = {"security.W005", "security.W019", "security.W021"}


def run_django(code, env_overrides, settings_module="config.settings.production"):
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV and key != "REDIS_URL"}
    env.update({"DJANGO_SETTINGS_MODULE": settings_module, **env_overrides})
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_of(module, environ, monkeypatch):
    """The settings ``module`` would give in an environment holding ``environ``
    (and none of the production variables or REDIS_URL otherwise): the modules are
    evaluated afresh in this process and the loaded ones put back afterwards, so
    the running test settings are untouched.  Starting a whole Django for each
    case took seconds; the one start-up that matters is tested below."""
    for name in [*PRODUCTION_ENV, "REDIS_URL", "TASKS_BACKEND"]:
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    loaded = {name: sys.modules.pop(name) for name in list(sys.modules) if name.startswith("config.settings.")}
    try:
        return importlib.import_module(module)
    finally:
        for name in [name for name in sys.modules if name.startswith("config.settings.")]:
            del sys.modules[name]
        sys.modules.update(loaded)
        for name, module in loaded.items():
            setattr(sys.modules["config.settings"], name.rpartition(".")[2], module)


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_settings_refuse_to_start_without(missing, monkeypatch):
    environ = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    with pytest.raises(ImproperlyConfigured, match=missing):
        settings_of("config.settings.production", environ, monkeypatch)


def test_production_settings_start_with_the_three_variables():
    result = run_django(
        "from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS)", PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['rada.example.org']"


def test_deploy_check_reports_only_what_the_readme_explains():
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV and key != "REDIS_URL"}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **PRODUCTION_ENV})
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    reported = set(re.findall(r"\(([a-z_]+\.[EW]\d+)\)", result.stdout + result.stderr))
    assert reported <= DEPLOY_CHECK_ALLOWED, result.stdout + result.stderr
    readme = (ROOT / "README.md").read_text()
    section = readme.split("### What `manage.py check --deploy` still reports, and why")[1].split("\n## ")[0]
    assert all(f"`{check}`" in section for check in DEPLOY_CHECK_ALLOWED)


def test_redis_url_switches_cache_and_channel_layer_to_redis(monkeypatch):
    dev = settings_of("config.settings.dev", {"REDIS_URL": "redis://127.0.0.1:6379/5"}, monkeypatch)
    assert dev.CACHES["default"]["BACKEND"] == "core.cache.ResilientRedisCache"
    assert dev.CHANNEL_LAYERS["default"]["BACKEND"] == "channels_redis.core.RedisChannelLayer"


def test_without_redis_url_cache_and_channel_layer_stay_in_memory(monkeypatch):
    dev = settings_of("config.settings.dev", {}, monkeypatch)
    assert dev.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert dev.CHANNEL_LAYERS["default"]["BACKEND"] == "channels.layers.InMemoryChannelLayer"


def test_database_url_selects_postgresql(monkeypatch):
    dev = settings_of("config.settings.dev", {"DATABASE_URL": "postgres://rada@db.internal:5432/rada"}, monkeypatch)
    assert dev.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("1", True), ("off", False), ("", False)])
def test_env_reads_booleans(monkeypatch, raw, expected):
    monkeypatch.setenv("RADA_TEST_FLAG", raw)
    assert env("RADA_TEST_FLAG", cast=bool) is expected


def test_env_names_the_variable_of_a_malformed_number(monkeypatch):
    monkeypatch.setenv("RADA_TEST_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="RADA_TEST_NUMBER"):
        env("RADA_TEST_NUMBER", cast=int)


def test_env_splits_lists_on_commas(monkeypatch):
    monkeypatch.setenv("RADA_TEST_LIST", "a.example, b.example,,")
    assert env("RADA_TEST_LIST", cast=list) == ["a.example", "b.example"]


def test_production_queues_background_tasks_in_the_database(monkeypatch):
    production = settings_of("config.settings.production", PRODUCTION_ENV, monkeypatch)
    assert production.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_an_unknown_tasks_backend_is_refused_by_name(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="TASKS_BACKEND"):
        settings_of("config.settings.production", {**PRODUCTION_ENV, "TASKS_BACKEND": "carrier-pigeon"}, monkeypatch)
