"""The database itself refuses to change a closed poll, its options or its
ballots, and accepts ballots only while a poll is open — whoever sends the
statement (a view, the admin, a shell, a script).  Inserts and updates are
refused; deleting is stopped one level up, by PROTECT foreign keys."""

from django.db import migrations

MESSAGE_POLL = "council: a closed poll cannot change"
MESSAGE_BALLOT = "council: ballots and tallies change only while their poll is open"

POSTGRESQL = [
    f"""
    CREATE OR REPLACE FUNCTION council_refuse_closed_poll() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE_POLL}' USING ERRCODE = '23000';
    END $$;
    """,
    """
    CREATE TRIGGER council_poll_frozen BEFORE UPDATE ON council_poll
    FOR EACH ROW WHEN (OLD.state = 'closed') EXECUTE FUNCTION council_refuse_closed_poll();
    """,
    f"""
    CREATE OR REPLACE FUNCTION council_require_open_poll() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF (SELECT state FROM council_poll WHERE id = NEW.poll_id) IS DISTINCT FROM 'open' THEN
            RAISE EXCEPTION '{MESSAGE_BALLOT}' USING ERRCODE = '23000';
        END IF;
        RETURN NEW;
    END $$;
    """,
    """
    CREATE TRIGGER council_ballot_open_poll BEFORE INSERT OR UPDATE ON council_ballot
    FOR EACH ROW EXECUTE FUNCTION council_require_open_poll();
    """,
    """
    CREATE TRIGGER council_option_open_poll BEFORE UPDATE ON council_polloption
    FOR EACH ROW EXECUTE FUNCTION council_require_open_poll();
    """,
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS council_option_open_poll ON council_polloption",
    "DROP TRIGGER IF EXISTS council_ballot_open_poll ON council_ballot",
    "DROP TRIGGER IF EXISTS council_poll_frozen ON council_poll",
    "DROP FUNCTION IF EXISTS council_require_open_poll()",
    "DROP FUNCTION IF EXISTS council_refuse_closed_poll()",
]

_NOT_OPEN = "(SELECT state FROM council_poll WHERE id = NEW.poll_id) IS NOT 'open'"
SQLITE = [
    f"""
    CREATE TRIGGER council_poll_frozen BEFORE UPDATE ON council_poll
    FOR EACH ROW WHEN OLD.state = 'closed' BEGIN SELECT RAISE(ABORT, '{MESSAGE_POLL}'); END
    """,
    f"""
    CREATE TRIGGER council_ballot_insert_open_poll BEFORE INSERT ON council_ballot
    FOR EACH ROW WHEN {_NOT_OPEN} BEGIN SELECT RAISE(ABORT, '{MESSAGE_BALLOT}'); END
    """,
    f"""
    CREATE TRIGGER council_ballot_update_open_poll BEFORE UPDATE ON council_ballot
    FOR EACH ROW WHEN {_NOT_OPEN} BEGIN SELECT RAISE(ABORT, '{MESSAGE_BALLOT}'); END
    """,
    f"""
    CREATE TRIGGER council_option_open_poll BEFORE UPDATE ON council_polloption
    FOR EACH ROW WHEN {_NOT_OPEN} BEGIN SELECT RAISE(ABORT, '{MESSAGE_BALLOT}'); END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS council_option_open_poll",
    "DROP TRIGGER IF EXISTS council_ballot_update_open_poll",
    "DROP TRIGGER IF EXISTS council_ballot_insert_open_poll",
    "DROP TRIGGER IF EXISTS council_poll_frozen",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("council", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        ),
    ]
