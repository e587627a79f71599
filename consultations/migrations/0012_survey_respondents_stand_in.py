"""Every survey response now stands under an account, so that whoever answered
counts among those who took part: a response typed in from paper, and one whose
author deleted their account, had none.  Each gets a stand-in account of its own
(as a facilitated comment and a deleted account's contributions do): nobody can
log in with it, and nothing joins two responses."""

import secrets

from django.contrib.auth.hashers import make_password
from django.db import migrations


def stand_in_for_each_response_without_respondent(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    SurveyResponse = apps.get_model("consultations", "SurveyResponse")
    for response in SurveyResponse.objects.filter(respondent__isnull=True).order_by("pk"):
        on_paper = bool(response.submitted_via)
        response.respondent = User.objects.create(
            username=f"{'resident' if on_paper else 'former'}-{secrets.token_hex(8)}",
            placeholder="assisted" if on_paper else "former",
            password=make_password(None),
            is_active=False,
            notify_replies=False,
        )
        response.save(update_fields=["respondent"])


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0011_wording_proposals_and_drafts"),
        ("accounts", "0007_handover_marks"),
    ]

    operations = [
        migrations.RunPython(stand_in_for_each_response_without_respondent, migrations.RunPython.noop),
    ]
