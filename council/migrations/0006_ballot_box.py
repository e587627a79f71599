"""The ballot box of secret polls: a table PostgreSQL does not log.

``SET UNLOGGED`` rather than ``CREATE UNLOGGED TABLE`` so that the same step
also serves a database made straight from the models (the tests'
``--nomigrations``, which replay these steps on existing tables).  Its rows
never reach the WAL, so neither replicas nor WAL archives nor base backups
(``pg_basebackup`` skips unlogged tables) ever hold a choice; after a crash
PostgreSQL empties it, and ``council.services`` declares the poll void.

Like the ballots, the box accepts rows only while their poll is open
(the function comes from migration 0002)."""

import django.db.models.deletion
import uuid
from django.db import migrations, models


POSTGRESQL = [
    "ALTER TABLE council_ballotbox SET UNLOGGED",
    """
    CREATE TRIGGER council_ballotbox_open_poll BEFORE INSERT OR UPDATE ON council_ballotbox
    FOR EACH ROW EXECUTE FUNCTION council_require_open_poll();
    """,
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS council_ballotbox_open_poll ON council_ballotbox",
    "ALTER TABLE council_ballotbox SET LOGGED",
]
_MESSAGE = "council: ballots and tallies change only while their poll is open"
_NOT_OPEN = "(SELECT state FROM council_poll WHERE id = NEW.poll_id) IS NOT 'open'"
SQLITE = [
    f"""
    CREATE TRIGGER council_ballotbox_open_poll BEFORE INSERT ON council_ballotbox
    FOR EACH ROW WHEN {_NOT_OPEN} BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END
    """,
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS council_ballotbox_open_poll"]


def _run(statements):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("council", "0005_meeting_guest_seats"),
    ]

    operations = [
        migrations.AlterField(
            model_name="poll",
            name="outcome",
            field=models.CharField(
                blank=True,
                choices=[
                    ("passed", "Passed"),
                    ("rejected", "Rejected"),
                    ("chosen", "Decided"),
                    ("no_decision", "No option won the required majority"),
                    ("no_quorum", "No quorum; the vote is not valid"),
                    ("void", "Void: the ballot box was lost in a server failure"),
                ],
                max_length=12,
            ),
        ),
        migrations.CreateModel(
            name="BallotBox",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                (
                    "option",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="council.polloption",
                    ),
                ),
                (
                    "poll",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="council.poll",
                    ),
                ),
            ],
            options={
                "verbose_name": "ballot box",
            },
        ),
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        ),
    ]
