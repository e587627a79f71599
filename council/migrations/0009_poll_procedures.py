"""Procedures chosen per poll: the majority's base and threshold, the quorum
rule, elections with several seats and rounds, paper counts in the room.
Existing polls keep their meaning through the defaults.

The ballot box's option may be empty (an unused vote of a ballot with several).
On SQLite that change rebuilds the table and drops its trigger (migration
0006), so the trigger is made again here; PostgreSQL keeps it."""


import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


SQLITE_TRIGGER = [
    "DROP TRIGGER IF EXISTS council_ballotbox_open_poll",
    """
    CREATE TRIGGER council_ballotbox_open_poll BEFORE INSERT ON council_ballotbox
    FOR EACH ROW WHEN (SELECT state FROM council_poll WHERE id = NEW.poll_id) IS NOT 'open'
    BEGIN SELECT RAISE(ABORT, 'council: ballots and tallies change only while their poll is open'); END
    """,
]


def _ballot_box_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in SQLITE_TRIGGER:
            schema_editor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ('council', '0008_agenda_item_translations'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='poll',
            name='base',
            field=models.CharField(choices=[('cast', 'Votes cast (yes, no and abstain)'), ('yes_no', 'Yes and no votes (abstentions left out)'), ('present', 'Members present'), ('statutory', 'Statutory membership (all seats of the council)')], default='cast', max_length=10, verbose_name='majority counted of'),
        ),
        migrations.AddField(
            model_name='poll',
            name='base_count',
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='poll',
            name='invalid_ballots',
            field=models.PositiveSmallIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name='poll',
            name='paper_ballots',
            field=models.PositiveSmallIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name='poll',
            name='paper_entered_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='poll',
            name='previous_round',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='next_rounds', to='council.poll'),
        ),
        migrations.AddField(
            model_name='poll',
            name='quorum_rule',
            field=models.CharField(choices=[('half', 'Half of the statutory membership'), ('two_thirds', 'Two thirds of the statutory membership')], default='half', max_length=10, verbose_name='quorum rule'),
        ),
        migrations.AddField(
            model_name='poll',
            name='round',
            field=models.PositiveSmallIntegerField(default=1, verbose_name='round'),
        ),
        migrations.AddField(
            model_name='poll',
            name='seats',
            field=models.PositiveSmallIntegerField(default=1, verbose_name='seats to fill'),
        ),
        migrations.AddField(
            model_name='poll',
            name='tie',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='poll',
            name='votes_needed',
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='poll',
            name='votes_per_ballot',
            field=models.PositiveSmallIntegerField(default=1, verbose_name='votes per ballot'),
        ),
        migrations.AddField(
            model_name='polloption',
            name='elected',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='polloption',
            name='paper_votes',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AlterField(
            model_name='ballotbox',
            name='option',
            field=models.ForeignKey(db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='council.polloption'),
        ),
        migrations.AlterField(
            model_name='poll',
            name='majority',
            field=models.CharField(choices=[('simple', 'Simple majority'), ('absolute', 'Absolute majority'), ('two_thirds', 'Two-thirds majority'), ('three_fifths', 'Three-fifths majority')], default='simple', max_length=12, verbose_name='majority required'),
        ),
        migrations.AlterField(
            model_name='poll',
            name='outcome',
            field=models.CharField(blank=True, choices=[('passed', 'Passed'), ('rejected', 'Rejected'), ('chosen', 'Decided'), ('no_decision', 'No option won the required majority'), ('partial', 'Some seats filled; the others remain open'), ('no_quorum', 'No quorum; the vote is not valid'), ('void', 'Void: the ballot box was lost in a server failure')], max_length=12),
        ),
        migrations.CreateModel(
            name='PaperCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('entered_at', models.DateTimeField()),
                ('ballots', models.PositiveSmallIntegerField()),
                ('invalid', models.PositiveSmallIntegerField()),
                ('counts', models.JSONField()),
                ('entered_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('poll', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='paper_entries', to='council.poll')),
            ],
            options={
                'verbose_name': 'paper count',
                'ordering': ['entered_at', 'pk'],
            },
        ),
        migrations.RunPython(_ballot_box_trigger, migrations.RunPython.noop),
]
