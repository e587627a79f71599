"""Procedures chosen per poll: the majority's base and threshold, the quorum
rule, elections with several seats and rounds, paper counts in the room.
Existing polls keep their meaning through the defaults.

The ballot box's option may be empty (an unused vote of a ballot with several).
On SQLite these changes rebuild the poll's tables, which the triggers of
migrations 0002 and 0006 name: they are dropped first and made again last.
PostgreSQL alters the tables in place and keeps its triggers."""

import importlib

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _earlier(name):
    return importlib.import_module(f"council.migrations.{name}")


def _drop_sqlite_triggers(apps, schema_editor):
    """SQLite rebuilds a table to add a foreign key; a trigger naming the old
    table would stop the rebuild, so the council's triggers step aside."""
    if schema_editor.connection.vendor == "sqlite":
        for sql in [
            *_earlier("0006_ballot_box").SQLITE_REVERSE,
            *_earlier("0002_closed_polls_are_frozen").SQLITE_REVERSE,
        ]:
            schema_editor.execute(sql)


def _make_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in [*_earlier("0002_closed_polls_are_frozen").SQLITE, *_earlier("0006_ballot_box").SQLITE]:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("council", "0010_membership_over_time_and_speaking_time"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(_drop_sqlite_triggers, _make_sqlite_triggers),
        migrations.AddField(
            model_name="poll",
            name="base",
            field=models.CharField(
                choices=[
                    ("cast", "Votes cast (yes, no and abstain)"),
                    ("yes_no", "Yes and no votes (abstentions left out)"),
                    ("present", "Members present"),
                    ("statutory", "Statutory membership (all seats of the council)"),
                ],
                default="cast",
                max_length=10,
                verbose_name="majority counted of",
            ),
        ),
        migrations.AddField(
            model_name="poll",
            name="base_count",
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="poll",
            name="invalid_ballots",
            field=models.PositiveSmallIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="poll",
            name="paper_ballots",
            field=models.PositiveSmallIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="poll",
            name="paper_entered_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="poll",
            name="previous_round",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="next_rounds",
                to="council.poll",
            ),
        ),
        migrations.AddField(
            model_name="poll",
            name="quorum_rule",
            field=models.CharField(
                choices=[
                    ("half", "Half of the statutory membership"),
                    ("two_thirds", "Two thirds of the statutory membership"),
                ],
                default="half",
                max_length=10,
                verbose_name="quorum rule",
            ),
        ),
        migrations.AddField(
            model_name="poll",
            name="round",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="round"),
        ),
        migrations.AddField(
            model_name="poll",
            name="seats",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="seats to fill"),
        ),
        migrations.AddField(
            model_name="poll",
            name="tie",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="poll",
            name="votes_needed",
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="poll",
            name="votes_per_ballot",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="votes per ballot"),
        ),
        migrations.AddField(
            model_name="polloption",
            name="elected",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="polloption",
            name="paper_votes",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AlterField(
            model_name="ballotbox",
            name="option",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="council.polloption",
            ),
        ),
        migrations.AlterField(
            model_name="poll",
            name="majority",
            field=models.CharField(
                choices=[
                    ("simple", "Simple majority"),
                    ("absolute", "Absolute majority"),
                    ("two_thirds", "Two-thirds majority"),
                    ("three_fifths", "Three-fifths majority"),
                ],
                default="simple",
                max_length=12,
                verbose_name="majority required",
            ),
        ),
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
                    ("partial", "Some seats filled; the others remain open"),
                    ("no_quorum", "No quorum; the vote is not valid"),
                    ("void", "Void: the ballot box was lost in a server failure"),
                ],
                max_length=12,
            ),
        ),
        migrations.CreateModel(
            name="PaperCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("entered_at", models.DateTimeField()),
                ("ballots", models.PositiveSmallIntegerField()),
                ("invalid", models.PositiveSmallIntegerField()),
                ("counts", models.JSONField()),
                (
                    "entered_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "poll",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="paper_entries", to="council.poll"
                    ),
                ),
            ],
            options={
                "verbose_name": "paper count",
                "ordering": ["entered_at", "pk"],
            },
        ),
        migrations.RunPython(_make_sqlite_triggers, _drop_sqlite_triggers),
    ]
