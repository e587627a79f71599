"""A poll's question in the reader's language: the original stays in the
meeting's language, translations given while the vote is prepared stand
beside it; the ballot, the meeting page and its live messages, the voting
record and the API show the reader's, marked with its language, else the
original."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from council import live, services
from council.forms import PollForm
from council.models import BallotBox, Poll
from council.services import QUESTION_MAX_LENGTH

from .factories import (
    build_meeting,
    draft_poll,
    election,
    mark_present,
    meeting_html,
    open_poll,
    refusal,
    vote,
    vote_for,
)

pytestmark = pytest.mark.django_db

ORIGINAL = "Czy Rada przyjmuje wniosek?"
UKRAINIAN = "Чи приймає Рада пропозицію?"
ENGLISH = "Does the council adopt the motion?"
TRANSLATIONS = {"uk": UKRAINIAN, "en": ENGLISH}


def lose_the_box():
    """What a crash does to the ballot box, an unlogged table (as in ``test_ballot_box``)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {BallotBox._meta.db_table}")
    else:
        BallotBox.objects.all().delete()


def ballot_heading(html):
    return html.split('<h2 id="question"', 1)[1].split("</h2>", 1)[0]


def live_panel(html):
    return html.split('class="live-panel"', 1)[1]


@pytest.fixture
def voting(council, meeting):
    """An open poll with its question in Ukrainian and English, and a member to vote."""
    mark_present(council, meeting)
    return open_poll(council, meeting, translations=TRANSLATIONS)


# --- the model and the services ---------------------------------------------------------------


def test_the_question_is_shown_in_the_readers_language_when_translated(voting):
    with translation.override("uk"):
        assert voting.question_shown == (UKRAINIAN, "uk")


def test_an_untranslated_question_falls_back_to_the_original_in_the_meetings_language(voting):
    with translation.override("ru"):
        assert (voting.question_text, voting.question_language) == (ORIGINAL, "pl")


def test_translations_are_cleaned_as_the_question_is(council, meeting):
    poll = draft_poll(council, meeting, translations={"uk": "  Чи\tприймає\x07 Рада\nпропозицію?  ", "ru": " \x00 "})
    assert (poll.question_uk, poll.question_ru) == (UKRAINIAN, "")


def test_a_translation_into_the_meetings_own_language_is_left_out(council, meeting):
    poll = draft_poll(council, meeting, question=ORIGINAL, translations={"pl": "Inne pytanie"})
    assert poll.question_pl == ""
    with translation.override("pl"):
        assert poll.question_shown == (ORIGINAL, "pl")


def test_a_too_long_translation_is_refused_in_the_readers_language_and_nothing_is_saved(council, meeting):
    too_long = "я" * (QUESTION_MAX_LENGTH + 1)
    with translation.override("uk"):
        message = refusal(lambda: draft_poll(council, meeting, translations={"uk": too_long}))
    assert message == (
        f"Переклад питання (Українська) може містити щонайбільше {QUESTION_MAX_LENGTH} символів;"
        f" у цьому їх {QUESTION_MAX_LENGTH + 1}."
    )
    assert not Poll.objects.exists()


def test_the_next_round_of_an_election_keeps_the_translations(council, meeting):
    mark_present(council, meeting)
    poll = election(council, meeting, ("Anna", "Borys", "Chen"), translations={"uk": "Вибори"})
    vote_for(council, poll, "m1", "Anna", "Borys")
    vote_for(council, poll, "m2", "Anna", "Chen")
    closed = services.poll_close(poll=poll, user=council.chair)
    second = services.poll_next_round(poll=closed, user=council.chair)
    assert (second.round, second.question_uk, second.question_en) == (2, "Вибори", "")


def test_a_vote_repeated_after_its_box_was_lost_keeps_the_translations(council, meeting):
    mark_present(council, meeting)
    poll = open_poll(council, meeting, kind=Poll.Kind.SECRET, translations=TRANSLATIONS)
    vote(council, poll, "m1", "yes")
    lose_the_box()
    closed = services.poll_close(poll=poll, user=council.chair)
    assert closed.outcome == Poll.Outcome.VOID
    assert (closed.repeated_by.question_uk, closed.repeated_by.question_en) == (UKRAINIAN, ENGLISH)


# --- the form in the console ------------------------------------------------------------------


def test_the_poll_form_offers_the_question_in_each_language_but_the_meetings(meeting):
    form = PollForm(language=meeting.language)
    assert [name for name in form.fields if name.startswith("question_")] == [
        "question_en",
        "question_uk",
        "question_ru",
    ]
    assert form.fields["question_uk"].widget.attrs["lang"] == "uk"


def test_the_console_prepares_a_vote_with_its_question_translated(client, council, meeting):
    client.force_login(council.chair)
    data = {"question": ORIGINAL, "question_uk": UKRAINIAN, "question_pl": "Inne", "method": "yes_no"}
    data |= {"kind": "named", "majority": "simple"}
    response = client.post(reverse("council:poll_create", args=[meeting.pk, meeting.agenda_items.first().pk]), data)
    assert response.status_code == 302
    poll = Poll.objects.get()
    assert (poll.question, poll.question_uk, poll.question_pl) == (ORIGINAL, UKRAINIAN, "")


def test_the_console_refuses_a_too_long_translation_and_prepares_nothing(client, council, meeting):
    client.force_login(council.chair)
    data = {"question": ORIGINAL, "question_uk": "я" * (QUESTION_MAX_LENGTH + 1), "method": "yes_no"}
    data |= {"kind": "named", "majority": "simple"}
    with translation.override("en"):
        path = reverse("council:poll_create", args=[meeting.pk, meeting.agenda_items.first().pk])
    response = client.post(path, data)
    assert response.status_code == 400
    assert f"Ensure this value has at most {QUESTION_MAX_LENGTH} characters" in response.content.decode()
    assert not Poll.objects.exists()


# --- the pages ---------------------------------------------------------------------------------


def test_a_ukrainian_reader_sees_the_ballot_question_in_ukrainian(client, council, voting, meeting):
    client.force_login(council.people["m1"])
    heading = ballot_heading(meeting_html(client, "ballot", meeting, "uk"))
    assert heading == f' lang="uk">{UKRAINIAN}'


def test_a_reader_of_a_language_without_a_translation_sees_the_original_on_the_ballot(client, council, voting, meeting):
    client.force_login(council.people["m1"])
    heading = ballot_heading(meeting_html(client, "ballot", meeting, "ru"))
    assert heading == f' lang="pl">{ORIGINAL}'


def test_the_live_panel_shows_and_announces_the_question_in_the_readers_language(client, voting, meeting):
    panel = live_panel(meeting_html(client, "meeting", meeting, "uk"))
    assert f'<span lang="uk">{UKRAINIAN}</span>' in panel
    assert UKRAINIAN in panel.split('data-announce="', 1)[1].split('"', 1)[0]
    assert ORIGINAL not in panel


def test_the_live_message_carries_each_languages_question(voting, meeting):
    message = live.meeting_message(meeting.pk, 1, languages=("pl", "en", "uk", "ru"))
    panels = {code: fragments["panel"] for code, fragments in message["html"].items()}
    assert f'<span lang="pl">{ORIGINAL}</span>' in panels["pl"]
    assert f'<span lang="en">{ENGLISH}</span>' in panels["en"]
    assert f'<span lang="uk">{UKRAINIAN}</span>' in panels["uk"]
    assert f'<span lang="pl">{ORIGINAL}</span>' in panels["ru"]
    assert message["state"]["poll"]["question"] == ORIGINAL  # the state is one for every language


def test_a_closed_poll_still_shows_its_translated_question(client, council, voting, meeting):
    vote(council, voting, "m1", "yes")
    services.poll_close(poll=voting, user=council.chair)
    html = meeting_html(client, "meeting", meeting, "uk")
    assert html.count(f'<span lang="uk">{UKRAINIAN}</span>') == 2  # in the agenda and in the live panel


def test_the_members_voting_record_gives_the_question_in_the_readers_language(client, council, voting):
    vote(council, voting, "m1", "yes")
    services.poll_close(poll=voting, user=council.chair)
    with translation.override("uk"):
        path = reverse("council:member", args=[council.seats["m1"].pk])
    html = client.get(path).content.decode()
    assert f'lang="uk">{UKRAINIAN}</td>' in html


def test_the_pages_take_no_more_queries_with_a_translated_question(
    client, council, meeting, django_assert_max_num_queries
):
    mark_present(council, meeting)
    poll = open_poll(council, meeting)
    client.force_login(council.chair)
    pages = ("ballot", "meeting", "projector", "console")
    counts = {}
    for name in pages:
        with django_assert_max_num_queries(100) as plain:
            meeting_html(client, name, meeting, "uk")
        counts[name] = len(plain.captured_queries)
    Poll.objects.filter(pk=poll.pk).update(question_uk=UKRAINIAN)
    for name in pages:
        with django_assert_max_num_queries(counts[name]):
            assert UKRAINIAN in meeting_html(client, name, meeting, "uk")


# --- the API -----------------------------------------------------------------------------------


def test_the_api_gives_the_question_in_lang_beside_the_original(client, voting):
    body = client.get(f"/api/v1/council/polls/{voting.pk}/?lang=uk").json()
    assert (body["question"], body["question_shown"], body["question_language"]) == (ORIGINAL, UKRAINIAN, "uk")


def test_the_api_without_lang_or_without_a_translation_gives_the_question_as_written(client, voting):
    for query in ("", "?lang=ru"):
        body = client.get(f"/api/v1/council/polls/{voting.pk}/{query}").json()
        assert (body["question_shown"], body["question_language"]) == (ORIGINAL, "pl")


def test_the_api_lists_polls_with_their_question_in_lang(client, voting, meeting):
    (row,) = client.get("/api/v1/council/polls/?lang=en").json()["results"]
    assert (row["question_shown"], row["question_language"]) == (ENGLISH, "en")
    (row,) = client.get(f"/api/v1/council/meetings/{meeting.pk}/?lang=uk").json()["polls"]
    assert (row["question_shown"], row["question_language"]) == (UKRAINIAN, "uk")


def test_a_meeting_in_english_gives_its_polish_readers_the_polish_question(client, council):
    meeting = build_meeting(council, start=False)
    meeting.language = "en"
    meeting.save(update_fields=["language"])
    meeting = services.meeting_start(meeting=meeting, user=council.chair)
    poll = draft_poll(council, meeting, question=ENGLISH, translations={"pl": ORIGINAL, "en": "Other"})
    assert poll.question_en == ""
    with translation.override("pl"):
        assert poll.question_shown == (ORIGINAL, "pl")
    with translation.override("uk"):
        assert poll.question_shown == (ENGLISH, "en")
