"""Inputs that once gave a 500: digits that are not ASCII, NUL bytes, JSON
nested too deep, websockets to unknown paths, control characters stored in
texts that feeds and spreadsheets write out.  Each now gets a plain answer,
and texts are cleaned as they are stored."""

import datetime
import io
import json
import xml.etree.ElementTree as ET

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.utils import timezone
from openpyxl import load_workbook

from consultations import services as consultation_services
from consultations.models import Comment, Report
from council import services as council_services
from council.models import Motion
from opendata.calendar import escape_text
from tests.accounts.factories import UserFactory, admin_login, moderator, official
from tests.consultations.factories import consultation_index, make_comment, make_consultation
from tests.council.factories import build_council, everyone_but, held_meeting, submitted_motion, yes_no

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
CONTROL = "\x01\x0b\x1f"


@pytest.fixture
def consultation(db):
    now = timezone.now()
    return make_consultation(opens_at=now - DAY, closes_at=now + DAY, slug="lekcje", title="Lekcje polskiego")


@pytest.mark.parametrize("path", ["/pl/council/members/", "/pl/council/motions/", "/pl/council/resolutions/"])
@pytest.mark.parametrize("term", ["²", "³", "٣", "-1", "99999999999999999999"])
def test_a_term_that_is_no_ascii_number_is_not_found(client, path, term):
    build_council()
    assert client.get(path, {"term": term}).status_code == 404


@pytest.mark.parametrize("reply", ["²", "³", "-1", "99999999999999999999"])
def test_a_reply_to_no_ascii_number_shows_the_page_without_a_reply(client, consultation, reply):
    response = client.get(consultation.url, {"reply": reply})
    assert response.status_code == 200
    assert response.context["replying_to"] is None


def test_a_search_with_nul_bytes_searches_without_them(client):
    response = client.get("/pl/search/", {"q": "lek\x00cje"})
    assert response.status_code == 200
    assert response.context["query"] == "lekcje"


@pytest.mark.parametrize("field", ["q", "area"])
def test_the_consultations_index_reads_its_filters_without_nul_bytes(client, consultation, field):
    index = consultation_index()
    value = {"q": "Lek\x00cje", "area": "edu\x00cation"}[field]
    response = client.get(index.url, {field: value})
    assert response.status_code == 200
    assert response.context["filters"][field] == value.replace("\x00", "")


def test_the_consultations_index_finds_text_typed_with_a_nul_byte(client, consultation):
    response = client.get(consultation_index().url, {"q": "Lek\x00cje"})
    assert [page.pk for page in response.context["consultations"]] == [consultation.pk]


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"text": 5}',
        b'{"text": ["tekst"]}',
        b"[1, 2]",
    ],
    ids=["nested array", "nested text", "number", "list", "not an object"],
)
def test_language_detection_refuses_json_that_is_no_text_with_a_400(client, body):
    response = client.post("/en/translators/detect/", body, content_type="application/json")
    assert response.status_code == 400
    assert "error" in response.json()


@pytest.mark.parametrize("path", ["/ws/unknown/", "/ws/meetings/abc/", "/ws/", "/elsewhere/"])
def test_a_websocket_to_an_unknown_path_is_refused_at_the_handshake(path):
    from config.asgi import websocket_application

    async def attempt():
        communicator = WebsocketCommunicator(websocket_application(), path, headers=[(b"origin", b"http://testserver")])
        connected, _code = await communicator.connect(timeout=5)
        await communicator.disconnect()
        return connected

    assert async_to_sync(attempt)() is False


def test_a_motion_is_stored_without_control_characters():
    council = build_council()
    motion = council_services.motion_draft(
        term=council.term,
        submitter=council.people["m1"],
        title=f"Tłumacze{CONTROL}w przychodniach",
        text=f"Rada wnosi{CONTROL}o tłumaczy.\r\nW każdej przychodni.",
        rationale=f"Bo{CONTROL}tak",
        language="pl",
    )
    assert motion.title == "Tłumacze w przychodniach"
    assert motion.text == "Rada wnosi\no tłumaczy.\nW każdej przychodni."
    assert motion.rationale == "Bo\ntak"


@pytest.mark.parametrize("feed", ["resolutions.atom", "resolutions.rss"])
def test_a_resolution_stored_with_control_characters_keeps_its_feeds_readable(client, feed):
    """A resolution is frozen once adopted: one stored with control characters
    (before texts were cleaned on the way in) must not break its feeds forever."""
    council = build_council(members=3)
    motion = submitted_motion(council)
    Motion.objects.filter(pk=motion.pk).update(title=f"Tłumacze{CONTROL}", text=f"Rada{CONTROL}wnosi.")
    motion.refresh_from_db()
    votes = dict.fromkeys(everyone_but(council), "yes")
    held_meeting(council, day=timezone.localdate() - 3 * DAY, polls=[yes_no("Czy przyjmujemy?", votes, motion=motion)])
    for language in ("pl", "en", "uk", "ru"):
        response = client.get(f"/{language}/feeds/{feed}")
        assert response.status_code == 200
        assert "Tłumacze" in "".join(ET.fromstring(response.content).itertext())  # noqa: S314 - our own feed


def test_a_report_with_words_manual_line_break_downloads_as_a_workbook(client, consultation):
    comment = make_comment(consultation, author=UserFactory())
    consultation_services.comment_report(
        comment=comment, reporter=UserFactory(), reason=Report.Reason.SPAM, details="Pierwsza\vdruga"
    )
    assert Report.objects.get().details == "Pierwsza\ndruga"
    Report.objects.update(details=f"Zapisane dawniej{CONTROL}")  # as stored before cleaning
    response = admin_login(client, official()).get("/admin/exports/reports.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert any("Zapisane dawniej" in str(cell.value) for row in sheet.iter_rows() for cell in row)


def test_a_hidden_comment_with_control_characters_downloads_in_the_moderation_workbook(client, consultation):
    comment = make_comment(consultation, author=UserFactory())
    Comment.objects.filter(pk=comment.pk).update(text=f"Tekst{CONTROL}komentarza")
    consultation_services.comment_hide(comment=comment, moderator=moderator(), reason=f"Powód{CONTROL}ukrycia")
    response = admin_login(client, official()).get("/admin/exports/moderation.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert any("Powód" in str(cell.value) for row in sheet.iter_rows() for cell in row)


def test_a_comment_is_stored_cleaned_and_composed(consultation):
    comment = consultation_services.comment_post(
        consultation=consultation, author=UserFactory(), text="Z\u0307ółw\x00 i\vkot\r\n", language="pl"
    )
    assert comment.text == "Żółw i\nkot"


def test_json_detection_still_answers_text(client):
    body = json.dumps({"text": "Dzień dobry"})
    response = client.post("/en/translators/detect/", body, content_type="application/json")
    assert response.status_code == 200


def test_calendar_text_carries_no_control_characters():
    assert escape_text("Sala\x01 105;\vpiętro 1\r\n") == "Sala 105\\;\\npiętro 1\\n"


def test_nul_characters_never_reach_a_view_through_the_query_string(rf):
    from config.middleware import NulFreeQueryMiddleware

    seen = {}

    def view(request):
        seen.update(request.GET.lists())
        return None

    NulFreeQueryMiddleware(view)(rf.get("/admin/choose-page/?q=ab%00c&p=1&%00x=2"))
    assert seen == {"q": ["abc"], "p": ["1"], "x": ["2"]}
