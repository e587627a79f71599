"""The suite's database is made from the models with Rada's migration steps
replayed (``tests/database.py``); the served sites are made by the real
``migrate``.  Both must come out the same, or the tests before the browser
tests would test a database no deployment has: the same tables and columns,
the same indexes and constraints (whatever their names: a renamed index keeps
its old name after a migration), the same triggers and functions (not those of
an extension a test installs, such as ``pageinspect``).

On PostgreSQL only: its catalog says all of that in a few queries.  The
migrated database is the browser tests' site template, which ``make test``
builds in the background while these tests run (``tests/run.py``)."""

import pytest
from django.db import connection

from tests.browser import site_template

# Transactional, so that pytest-django runs it after the other tests: by then the
# template is built, and the test reads it at once instead of waiting.
pytestmark = [pytest.mark.django_db(transaction=True)]

# Each query gives rows that say what one kind of object is, without its name
# where the name is generated.
CATALOG = {
    "columns": """
        SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, is_identity
        FROM information_schema.columns WHERE table_schema = 'public'
    """,
    "indexes": """
        SELECT tablename, regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \\S+ ON', 'CREATE \\1INDEX ON')
        FROM pg_indexes WHERE schemaname = 'public'
    """,
    "constraints": """
        SELECT rel.relname, con.contype, pg_get_constraintdef(con.oid)
        FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
        JOIN pg_namespace ns ON ns.oid = rel.relnamespace WHERE ns.nspname = 'public'
    """,
    "triggers": """
        SELECT rel.relname, tg.tgname, pg_get_triggerdef(tg.oid)
        FROM pg_trigger tg JOIN pg_class rel ON rel.oid = tg.tgrelid
        JOIN pg_namespace ns ON ns.oid = rel.relnamespace WHERE ns.nspname = 'public' AND NOT tg.tgisinternal
    """,
    "functions": """
        SELECT p.proname, pg_get_function_identity_arguments(p.oid), md5(p.prosrc)
        FROM pg_proc p JOIN pg_namespace ns ON ns.oid = p.pronamespace WHERE ns.nspname = 'public'
        AND NOT EXISTS (
            SELECT 1 FROM pg_depend d
            WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
        )
    """,
}


# The one known difference: made from the models, the join tables of these
# many-to-many fields number their rows with an ``integer``; made by Django's and
# Wagtail's migrations, with a ``bigint``.  Only the width of a counter differs.
JOIN_TABLES_NUMBERED_EITHER_WAY = {
    "auth_group_permissions",
    "wagtailcore_collectionviewrestriction_groups",
    "wagtailcore_groupapprovaltask_groups",
    "wagtailcore_pageviewrestriction_groups",
}


def _described(kind, row):
    row = tuple(str(value) for value in row)
    if kind == "columns" and row[0] in JOIN_TABLES_NUMBERED_EITHER_WAY and row[1] == "id":
        row = (*row[:2], "integer or bigint", *row[3:])
    return row


def _catalog(cursor):
    found = {}
    for kind, sql in CATALOG.items():
        cursor.execute(sql)
        found[kind] = {_described(kind, row) for row in cursor.fetchall()}
    return found


def test_the_suites_database_has_the_schema_the_migrations_make():
    if connection.vendor != "postgresql":
        pytest.skip("compares PostgreSQL catalogs: set DATABASE_URL to a PostgreSQL database")
    with site_template.opened() as migrated, migrated.cursor() as cursor:
        by_migrations = _catalog(cursor)
    with connection.cursor() as cursor:
        by_models = _catalog(cursor)
    differences = {}
    for kind in CATALOG:
        only_migrated = sorted(by_migrations[kind] - by_models[kind])
        only_models = sorted(by_models[kind] - by_migrations[kind])
        if only_migrated or only_models:
            differences[kind] = {"by the migrations only": only_migrated, "by the models only": only_models}
    assert differences == {}
