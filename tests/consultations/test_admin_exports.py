"""Officials' and moderators' downloads in the admin: moderation decisions,
reports and participation per consultation, as XLSX and CSV."""

import csv
import io

import pytest
from openpyxl import load_workbook

from consultations import services
from tests.accounts.factories import UserFactory, admin_login, official
from tests.consultations.factories import make_consultation

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderated(moderator):
    consultation = make_consultation(opens_at=NOW - DAY, closes_at=NOW + DAY, slug="exports", title="Eksport danych")
    author = UserFactory(display_name="Оксана")
    kept = services.comment_post(consultation=consultation, author=author, text="Добра ідея", language="uk")
    services.comment_post(consultation=consultation, author=UserFactory(), text="Zgoda", language="pl", parent=kept)
    hidden = services.comment_post(consultation=consultation, author=author, text="=cmd|' /C calc'!A0", language="ru")
    services.comment_hide(comment=hidden, moderator=moderator, reason="Spam z formułą")
    return consultation, moderator


def as_official(client):
    return admin_login(client, official())


def test_the_exports_screen_is_for_officials_and_moderators_only(client, moderated):
    client.force_login(UserFactory())
    assert client.get("/admin/exports/moderation.xlsx").status_code in (302, 403)
    admin_login(client, moderated[1])
    assert client.get("/admin/exports/").status_code == 200
    assert "Data exports" in as_official(client).get("/admin/exports/").content.decode()


def test_moderation_decisions_download_as_a_workbook_with_reason_and_moderator(client, moderated):
    response = as_official(client).get("/admin/exports/moderation.xlsx")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows())
    assert [cell.value for cell in rows[0][:4]] == ["Decided at", "Decision", "Reason", "Moderator"]
    row = next(r for r in rows[1:] if r[2].value == "Spam z formułą")
    assert row[5].value == "Eksport danych" and row[6].value == "ru"
    # A formula written by a resident is kept as written, as text that never runs.
    assert row[8].value == "=cmd|' /C calc'!A0"
    assert row[8].data_type == "s"


def test_participation_counts_each_consultation_by_language(client, moderated):
    response = as_official(client).get("/admin/exports/participation.csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    row = next(r for r in rows if r["Consultation"] == "Eksport danych")
    assert (row["Comments published"], row["Of which replies"], row["Comments hidden"]) == ("2", "1", "1")
    assert (row["Comments in uk"], row["Comments in pl"], row["Comments in ru"]) == ("1", "1", "0")
    assert row["Participants"] == "2"


def test_an_unknown_table_or_format_is_a_404(client, moderated):
    as_official(client)
    assert client.get("/admin/exports/ballots.xlsx").status_code == 404
    assert client.get("/admin/exports/moderation.pdf").status_code == 404


def test_reports_download_with_reason_details_and_whether_resolved(client, moderated):
    from consultations.models import Comment, Report

    comment = Comment.objects.get(text="Добра ідея")
    services.comment_report(comment=comment, reporter=UserFactory(), reason=Report.Reason.values[0], details="Ad")
    sheet = load_workbook(io.BytesIO(as_official(client).get("/admin/exports/reports.xlsx").content)).active
    rows = list(sheet.iter_rows(values_only=True))
    row = next(r for r in rows[1:] if r[4] == comment.pk)
    assert (row[2], row[3], row[6]) == ("Ad", "no", "uk")
