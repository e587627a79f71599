"""Site search on PostgreSQL: the pg_trgm extension for trigram similarity, and
GIN indexes on the column that grows with the site (comments' text), both for
the full-text ('simple' configuration) and for the trigram side of a search.
SQLite searches without them (see cms.search)."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_comment_text_fts ON consultations_comment "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(text, ''::text)))",
    "CREATE INDEX IF NOT EXISTS search_comment_text_trgm ON consultations_comment USING gin (text gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_comment_text_trgm",
    "DROP INDEX IF EXISTS search_comment_text_fts",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_model_tasks"),
        ("consultations", "0001_initial"),
    ]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
