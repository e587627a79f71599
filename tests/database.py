"""The test database: made from the models, then given what Rada's migrations
do beyond making tables.

Running every migration (Wagtail's alone are more than a hundred) takes about
25 seconds of CPU before the first test; making the tables straight from the
models (pytest-django's ``--nomigrations``, in ``pyproject.toml``) takes one.
What migrations do besides that Rada relies on -- Rada's own triggers and rows,
Wagtail's root page, root collection and first locale, wagtail-localize's
permission to submit translations, Wagtail's full-text search table on SQLite,
the (empty) table of applied migrations -- is done here.  ``makemigrations --check``
(in ``make test``) keeps the models and the migrations in step, and the browser
tests' site is made by the real ``migrate`` (``tests/test_migrations.py``
compares the two databases).
"""

import contextlib
import importlib
import pkgutil

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection, migrations, transaction
from django.db.migrations.recorder import MigrationRecorder
from wagtail.models import Collection, Locale, Page

from accounts.groups import ensure_staff_groups
from core.areas import Area, ThematicArea

RADA_APPS = ["accounts", "cms", "consultations", "council", "events", "opendata", "plainlanguage", "translators"]


def _database_operations(operations):
    for operation in operations:
        if isinstance(operation, migrations.SeparateDatabaseAndState):
            yield from _database_operations(operation.database_operations)
        elif isinstance(operation, migrations.RunSQL | migrations.RunPython):
            yield operation


def replay_rada_migrations():
    """Run the SQL and Python steps of Rada's own migrations, in order, on
    tables that already exist: triggers, rows a migration adds."""
    with connection.schema_editor() as editor:
        for app in RADA_APPS:
            package = importlib.import_module(f"{app}.migrations")
            for module in sorted(info.name for info in pkgutil.iter_modules(package.__path__)):
                migration = importlib.import_module(f"{app}.migrations.{module}").Migration
                for operation in _database_operations(migration.operations):
                    if isinstance(operation, migrations.RunPython):
                        operation.code(apps, editor)
                    else:
                        for statement in operation.sql if isinstance(operation.sql, list | tuple) else [operation.sql]:
                            editor.execute(statement)


def sqlite_search_index():
    """On SQLite, Wagtail's search reads a full-text (FTS5) virtual table kept
    by triggers, which its migration 0006 makes; made from the model it would
    be a plain table, and every search would fail."""
    if connection.vendor != "sqlite":
        return
    from wagtail.search.models import SQLiteFTSIndexEntry

    migration = importlib.import_module("wagtail.search.migrations.0006_customise_indexentry").Migration
    with connection.schema_editor() as editor:
        editor.delete_model(SQLiteFTSIndexEntry)
        for operation in _database_operations(migration.operations):
            editor.execute(operation.sql)


def base_rows():
    """What Wagtail's and Rada's data migrations leave in an empty database,
    again after a transactional test flushed the tables."""
    locale, _made = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    ThematicArea.objects.bulk_create([ThematicArea(code=code) for code in Area.values], ignore_conflicts=True)
    # wagtail-localize's migration 0006 hangs this permission off a content type of its own.
    translation_type, _made = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=translation_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    ensure_staff_groups()


def prepare():
    # wagtail-localize reads the last migration applied to an app when it submits a
    # translation; on PostgreSQL a missing table is an error it does not expect.
    MigrationRecorder(connection).ensure_schema()
    replay_rada_migrations()
    sqlite_search_index()
    base_rows()


@contextlib.contextmanager
def wagtail_indexes(kept):
    """Whether Wagtail keeps its search index and its reference index of every page
    and snippet saved (``kept``), inside.  It does so in a task, run at once in the
    tests: about a quarter of the time of a test that builds a few pages, for
    indexes that only the tests of search and of deletion guards read.  So the
    pytest process keeps them only for tests (or modules) marked
    ``wagtail_indexes``; the browser tests' served sites keep both, as production does."""
    from wagtail.signal_handlers import reference_index_auto_update_disabled

    backends = settings.WAGTAILSEARCH_BACKENDS
    was_disabled = getattr(reference_index_auto_update_disabled, "value", False)
    settings.WAGTAILSEARCH_BACKENDS = {name: {**config, "AUTO_UPDATE": kept} for name, config in backends.items()}
    reference_index_auto_update_disabled.value = not kept
    try:
        yield
    finally:
        settings.WAGTAILSEARCH_BACKENDS = backends
        reference_index_auto_update_disabled.value = was_disabled


def built_once_per_module(build):
    """A module-scoped fixture whose records ``build()`` makes once for all the
    tests of a module, in a transaction rolled back after the last of them.
    Each test runs in a savepoint inside it, so what a test changes is rolled
    back after it as usual.  For worlds that take seconds to build and that
    many tests only read (a whole site, a council's record).  In a module marked
    ``wagtail_indexes`` the world is indexed as it is built."""

    @pytest.fixture(scope="module")
    def fixture(request, django_db_setup, django_db_blocker):
        indexed = request.node.get_closest_marker("wagtail_indexes") is not None
        with django_db_blocker.unblock(), wagtail_indexes(indexed), transaction.atomic():
            yield build()
            transaction.set_rollback(True)

    fixture.__doc__ = build.__doc__
    return fixture


# Tables a flush leaves alone: what ``post_migrate`` would put back straight away
# (content types and permissions, which a test does not change).
KEPT_BY_FLUSH = ("django_content_type", "auth_permission")


def _tables_with_rows(connection):
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True, include_views=False)
        if table not in KEPT_BY_FLUSH
    ]
    quote = connection.ops.quote_name
    found = []
    with connection.cursor() as cursor:
        for start in range(0, len(tables), 200):  # SQLite allows 500 terms in one compound SELECT
            chunk = tables[start : start + 200]
            cursor.execute(
                " UNION ALL ".join(f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(table)})" for table in chunk),  # noqa: S608 (table names from the models, quoted)
                chunk,
            )
            found += [row[0] for row in cursor.fetchall()]
    return found


def flush_written_tables(test_case):
    """A transactional test's teardown, as Django's (every table emptied), at a
    fraction of its cost.  Django truncates all three hundred tables and then
    makes every content type and permission again (``post_migrate``): about two
    seconds a test on PostgreSQL.  This empties only the tables holding rows and
    keeps the content types and permissions, which are then exactly what
    ``post_migrate`` would have made.  On PostgreSQL it deletes rather than
    truncates: a ``TRUNCATE`` gives each table new files, a ``DELETE`` of a few
    rows costs nothing, and Django's foreign keys are checked only at the commit,
    when every table holding rows has been emptied."""
    from django.core.management.color import no_style
    from django.db import connections

    for alias in test_case._databases_names(include_mirrors=False):
        connection = connections[alias]
        tables = _tables_with_rows(connection)
        if not tables:
            continue
        if connection.vendor == "postgresql":
            quote = connection.ops.quote_name
            with transaction.atomic(using=alias), connection.cursor() as cursor:
                cursor.execute("; ".join(f"DELETE FROM {quote(table)}" for table in tables))  # noqa: S608 (as above)
        else:
            connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables, allow_cascade=True))
