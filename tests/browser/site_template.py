"""One migrated and seeded site per test run, copied for every served site.

Migrating from nothing and seeding the demo costs about a minute of CPU; a
copy costs a second or two (``CREATE DATABASE … TEMPLATE`` on PostgreSQL, a
file copy on SQLite).  The first pytest process that needs a site builds the
template under a file lock (``make test`` builds it in the background while
the tests before the browser tests run, ``tests/run.py``); the others wait for
it and copy.  Whoever names the template in ``RADA_SITE_TEMPLATE`` discards it
when the run ends, after every worker has made its copies: ``make test``'s
runner, or else the run's controller (the only process that is not a
pytest-xdist worker), which names it before the workers start.
"""

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = (
    "import django; django.setup(); from django.core.management import call_command; "
    "call_command('migrate', interactive=False, verbosity=0); call_command('seed_demo')"
)


def _name():
    return os.environ.setdefault("RADA_SITE_TEMPLATE", f"rada_site_{uuid.uuid4().hex[:10]}")


def _on_postgres():
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


def _sqlite_path():
    return Path(tempfile.gettempdir()) / f"{_name()}.sqlite3"


@contextmanager
def _postgres():
    """A connection to the server's maintenance database, and a function making URLs of others."""
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    connection = psycopg2.connect(
        dbname="postgres", user=config["USER"], password=config["PASSWORD"], host=config["HOST"], port=config["PORT"]
    )
    connection.autocommit = True
    auth = config["USER"] + (f":{config['PASSWORD']}" if config["PASSWORD"] else "")

    def url(name):
        return f"postgres://{auth}@{config['HOST']}:{config['PORT']}/{name}"

    try:
        yield connection, url
    finally:
        connection.close()


def _build(database_url):
    """Migrates and seeds ``database_url`` in one process, as ``make run`` does."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": database_url}
    env.pop("PYTEST_XDIST_WORKER", None)
    subprocess.run([sys.executable, "-c", BUILD], cwd=ROOT, env=env, check=True, capture_output=True)


def _ensure_built():
    """Builds the run's template unless another process has: under a lock, with a mark left once it is complete."""
    done = Path(tempfile.gettempdir()) / f"{_name()}.built"
    with open(Path(tempfile.gettempdir()) / f"{_name()}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists():
            return
        if _on_postgres():
            with _postgres() as (connection, url), connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{_name()}"')
                cursor.execute(f'CREATE DATABASE "{_name()}"')
                _build(url(_name()))
        else:
            _sqlite_path().unlink(missing_ok=True)
            _build("sqlite:///" + str(_sqlite_path()))
        done.touch()


def build():
    """Builds the run's template now (``make test`` does, in the background, while
    the tests before the browser tests run), unless it is built."""
    _ensure_built()


def copy(folder):
    """A new database holding the seeded site: ``(database_url, drop)``, ``drop`` None for SQLite."""
    _ensure_built()
    if not _on_postgres():
        target = Path(folder) / "rada.sqlite3"
        shutil.copyfile(_sqlite_path(), target)
        return "sqlite:///" + str(target), None
    name = f"rada_browser_{uuid.uuid4().hex[:8]}"
    with _postgres() as (connection, url), connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{_name()}"')

    def drop():
        with _postgres() as (connection, _url), connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return url(name), drop


@contextmanager
def opened():
    """A connection to the run's template (built if need be), on PostgreSQL: to read it, never to change it."""
    import psycopg2

    _ensure_built()
    with _postgres() as (_maintenance, url):
        connection = psycopg2.connect(url(_name()))
    try:
        yield connection
    finally:
        connection.close()


def discard():
    """Removes the run's template, if one was built."""
    name = os.environ.get("RADA_SITE_TEMPLATE")
    if not name:
        return
    folder = Path(tempfile.gettempdir())
    built = folder / f"{name}.built"
    if not built.exists():
        return
    if _on_postgres():
        with _postgres() as (connection, _url), connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    for leftover in (folder / f"{name}.sqlite3", built, folder / f"{name}.lock"):
        leftover.unlink(missing_ok=True)
