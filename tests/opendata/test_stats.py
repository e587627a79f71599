"""Participation in numbers, counted on hand-built data: the selectors, the
small-count rule, secrecy of hidden comments and secret ballots, query counts."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from vote.models import UP, Vote

from consultations.models import Comment, ConsultationPage, OutcomeAnswer, OutcomePage, Proposal
from council.models import Poll
from opendata import stats
from opendata.stats import FEWER_THAN_5, WITHHELD, public_count, suppress_column
from tests.accounts.factories import UserFactory
from tests.cms.factories import translate
from tests.consultations.factories import make_consultation
from tests.council.factories import build_council, build_meeting, mark_present, open_poll, submitted_motion, vote

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 15, 12, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


# --- the small-count rule ----------------------------------------------------------------


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, FEWER_THAN_5), (4, FEWER_THAN_5), (5, 5), (120, 120)])
def test_counts_from_one_to_four_are_shown_as_fewer_than_five(count, shown):
    assert public_count(count) == shown


def test_fewer_than_five_reads_as_text_and_as_a_code():
    assert str(FEWER_THAN_5) == "fewer than 5"
    assert FEWER_THAN_5.code == "<5"
    assert public_count(3) != 3


def test_a_single_hidden_count_takes_the_smallest_shown_one_with_it_as_withheld():
    # With the total known, 20 - 10 - 7 would give the hidden 3 away; 7 is not "fewer than 5".
    assert suppress_column([10, 3, 7]) == [10, FEWER_THAN_5, WITHHELD]


# One small count beside shown ones: the total would give it away, so one more is
# withheld -- the smallest that hides it, never the largest while a smaller one exists.
W, F = WITHHELD, FEWER_THAN_5


@pytest.mark.parametrize(
    ("counts", "shown"),
    [
        ([10, 3, 7], [10, F, W]),  # the next smallest
        ([120, 3, 40, 9, 60], [120, F, 40, W, 60]),
        ([3, 9, 120], [F, W, 120]),  # the small one first: still the next smallest
        ([120, 1, 0, 0, 0], [120, F, W, 0, 0]),  # only zeros besides the largest: the first zero
        ([120, 2, 0, 30], [120, F, 0, W]),  # a non-zero count hides better than a zero
        ([50, 3, 8, 8], [50, F, W, 8]),  # tied next smallest: the first of them
        ([50, 50, 3], [W, 50, F]),  # tied largest: withholding either hides no more than needed
        ([50, 3], [W, F]),  # the one other count, whatever its size
        ([0, 3, 0], [0, F, 0]),  # the total is the small count, itself shown as "fewer than 5"
        ([3], [F]),
        ([10, 3, 2, 0], [10, F, F, 0]),  # two hidden counts hide each other
        ([10, 0, 6], [10, 0, 6]),
    ],
)
def test_a_lone_small_count_takes_the_smallest_count_needed_with_it(counts, shown):
    assert suppress_column(counts) == shown


def test_the_largest_count_is_never_withheld_while_a_smaller_one_could_be():
    for counts in ([200, 4, 0, 0, 0], [200, 4, 5, 0], [7, 200, 1, 6]):
        shown = suppress_column(counts)
        assert shown[counts.index(max(counts))] == max(counts)
        assert shown.count(WITHHELD) == 1


def test_withheld_reads_as_text_and_as_a_code_and_is_suppressed():
    assert (str(WITHHELD), WITHHELD.code) == ("withheld", "withheld")
    assert stats.is_suppressed(WITHHELD) and WITHHELD != FEWER_THAN_5


def test_two_hidden_counts_hide_each_other_and_zeros_stay():
    assert suppress_column([10, 3, 2, 0]) == [10, FEWER_THAN_5, FEWER_THAN_5, 0]
    assert suppress_column([10, 0, 6]) == [10, 0, 6]


# --- hand-built participation ---------------------------------------------------------------


def comment(consultation, author, language, *, at=NOW, state=Comment.State.PUBLISHED, official=False, parent=None):
    return Comment.objects.create(
        consultation_key=consultation.translation_key,
        author=author,
        text="Tekst." if state != Comment.State.DELETED else "",
        language=language,
        state=state,
        created_at=at,
        is_official=official,
        parent=parent,
    )


def proposal(consultation, author, language, *, at=NOW, hidden=False, answer=""):
    return Proposal.objects.create(
        consultation_key=consultation.translation_key,
        author=author,
        title="Propozycja",
        text="Treść.",
        language=language,
        created_at=at,
        is_hidden=hidden,
        answer_status=answer,
        answer="Uzasadnienie." if answer else "",
        answered_at=at if answer else None,
    )


def support(proposal, user, at=NOW):
    made = Vote.objects.create(
        user_id=user.pk, content_type=ContentType.objects.get_for_model(Proposal), object_id=proposal.pk, action=UP
    )
    Vote.objects.filter(pk=made.pk).update(create_at=at)
    return made


@pytest.fixture
def clean_slate():
    """Consultations already on the site (``public_site``, in the modules that
    build it) leave the public site, so that only this test's count."""
    ConsultationPage.objects.update(live=False)


@pytest.fixture
def data(clean_slate):
    people = SimpleNamespace(**{f"u{n}": UserFactory() for n in range(1, 10)})
    education = make_consultation(
        opens_at=NOW - 40 * DAY, closes_at=NOW + 40 * DAY, areas=["education"], slug="edu", allow_proposals=True
    )
    shared = make_consultation(
        opens_at=NOW - 90 * DAY, closes_at=NOW - 10 * DAY, areas=["education", "health"], slug="shared"
    )
    upcoming = make_consultation(opens_at=NOW + 5 * DAY, closes_at=NOW + 50 * DAY, areas=["work"], slug="later")
    draft = make_consultation(opens_at=NOW - 5 * DAY, closes_at=NOW + 5 * DAY, areas=["health"], slug="draft")
    ConsultationPage.objects.filter(pk=draft.pk).update(live=False)  # taken off the site
    february = NOW - 30 * DAY
    threads = [comment(education, people.u1, "uk", at=february) for _ in range(3)]
    comment(education, people.u2, "pl")
    comment(education, people.u3, "ru", state=Comment.State.HIDDEN)  # a moderator hid it
    comment(education, people.u3, "ru", state=Comment.State.DELETED)
    comment(education, people.u9, "pl", official=True, parent=threads[0])  # the city's answer
    on_shared = comment(shared, people.u1, "en")
    visible = proposal(shared, people.u4, "ru", answer="accepted")
    hidden = proposal(shared, people.u5, "uk", hidden=True)
    support(visible, people.u6)
    support(visible, people.u7, at=february)
    support(hidden, people.u8)
    return SimpleNamespace(
        people=people,
        education=education,
        shared=shared,
        upcoming=upcoming,
        threads=threads,
        on_shared=on_shared,
        visible=visible,
        hidden=hidden,
    )


def test_totals_count_published_comments_visible_proposals_and_their_supports(data):
    assert stats.participation_totals() == {"comments": 5, "proposals": 1, "supports": 2, "participants": 5}


def test_totals_of_an_area_count_its_consultations_only(data):
    assert stats.participation_totals(area="health") == {
        "comments": 1,
        "proposals": 1,
        "supports": 2,
        "participants": 4,
    }
    assert stats.participation_totals(area="housing") == {
        "comments": 0,
        "proposals": 0,
        "supports": 0,
        "participants": 0,
    }


def test_hidden_and_deleted_comments_and_their_authors_are_never_counted(data):
    Comment.objects.filter(author=data.people.u2).update(state=Comment.State.HIDDEN)
    totals = stats.participation_totals()
    assert totals["comments"] == 4
    assert totals["participants"] == 4  # u2 wrote only a hidden comment now; u3 only hidden and deleted ones
    languages = {row["language"]: row["comments"] for row in stats.participation_by_language()}
    assert languages == {"pl": 0, "en": 1, "uk": 3, "ru": 0}


def test_participation_by_language_is_the_language_residents_wrote_in(data):
    assert stats.participation_by_language() == [
        {"language": "pl", "comments": 1, "proposals": 0},
        {"language": "en", "comments": 1, "proposals": 0},
        {"language": "uk", "comments": 3, "proposals": 0},
        {"language": "ru", "comments": 0, "proposals": 1},
    ]
    assert {row["language"]: row["comments"] for row in stats.participation_by_language(area="health")} == {
        "pl": 0,
        "en": 1,
        "uk": 0,
        "ru": 0,
    }


def test_participation_by_month_has_every_month_up_to_this_one(data):
    rows = stats.participation_by_month(today=datetime.date(2026, 4, 2))
    assert [row["month"] for row in rows] == [
        datetime.date(2026, 2, 1),
        datetime.date(2026, 3, 1),
        datetime.date(2026, 4, 1),
    ]
    assert [(row["comments"], row["proposals"], row["supports"]) for row in rows] == [(3, 0, 1), (2, 1, 1), (0, 0, 0)]


def test_participation_by_area_counts_a_shared_consultation_in_both_areas(data):
    rows = {row["area"]: row for row in stats.participation_by_area()}
    assert list(rows) == [
        "education",
        "local-communities",
        "culture",
        "violence-discrimination",
        "health",
        "work",
        "social-welfare",
        "housing",
    ]
    education = rows["education"]
    assert (education["consultations"], education["comments"], education["proposals"]) == (2, 5, 1)
    assert (education["supports"], education["participants"]) == (2, 5)
    health = rows["health"]  # the unpublished consultation in health does not count
    assert (health["consultations"], health["comments"], health["supports"], health["participants"]) == (1, 1, 2, 4)
    assert rows["work"]["consultations"] == 1
    assert rows["housing"] == {**rows["housing"], "consultations": 0, "comments": 0, "participants": 0}


def test_consultations_by_status_count_each_consultation_once(data):
    translate(data.education, "en", title="Polish lessons")
    ConsultationPage.objects.filter(translation_key=data.shared.translation_key).update(
        outcome_published_at=NOW - 2 * DAY
    )
    assert stats.consultations_by_status(now=NOW) == {
        "upcoming": 1,
        "open": 1,
        "closed": 0,
        "outcome_published": 1,
    }
    assert stats.consultations_by_status(area="education", now=NOW) == {
        "upcoming": 0,
        "open": 1,
        "closed": 0,
        "outcome_published": 1,
    }


def test_answers_given_count_proposals_and_answered_comment_threads(data):
    outcome = OutcomePage(title="Wyniki", slug="wyniki", summary="<p>Usłyszeliśmy.</p>")
    outcome.answers.add(OutcomeAnswer(comment=data.on_shared, status="rejected", justification="Nie teraz."))
    hidden_thread = comment(data.shared, data.people.u2, "pl", state=Comment.State.HIDDEN)
    outcome.answers.add(OutcomeAnswer(comment=hidden_thread, status="noted", justification="Przyjęte."))
    data.shared.add_child(instance=outcome)
    outcome.save_revision().publish()
    assert stats.answers_given() == {"accepted": 1, "partly_accepted": 0, "rejected": 1, "noted": 0}
    assert stats.answers_given(area="work") == {"accepted": 0, "partly_accepted": 0, "rejected": 0, "noted": 0}


def test_a_draft_outcome_gives_no_answers_yet(data):
    outcome = OutcomePage(title="Wyniki", slug="wyniki", summary="<p>Usłyszeliśmy.</p>")
    outcome.answers.add(OutcomeAnswer(comment=data.on_shared, status="rejected", justification="Nie teraz."))
    data.shared.add_child(instance=outcome)
    outcome.save_revision()
    OutcomePage.objects.filter(pk=outcome.pk).update(live=False)
    assert stats.answers_given()["rejected"] == 0


def test_comments_by_channel_counts_facilitated_comments_apart_by_source(data):
    Comment.objects.filter(pk__in=[data.threads[1].pk, data.threads[2].pk]).update(
        submitted_via="paper", consent_recorded_at=NOW
    )
    Comment.objects.filter(pk=data.on_shared.pk).update(submitted_via="phone", consent_recorded_at=NOW)
    assert stats.comments_by_channel() == [
        {"channel": "online", "comments": 2},
        {"channel": "paper", "comments": 2},
        {"channel": "phone", "comments": 1},
        {"channel": "workshop", "comments": 0},
        {"channel": "other", "comments": 0},
    ]
    by_area = {row["channel"]: row["comments"] for row in stats.comments_by_channel(area="health")}
    assert by_area == {"online": 0, "paper": 0, "phone": 1, "workshop": 0, "other": 0}


def test_comments_by_channel_leaves_out_hidden_comments_and_the_citys_answers(data):
    Comment.objects.filter(author=data.people.u3).update(submitted_via="workshop", consent_recorded_at=NOW)
    Comment.objects.filter(is_official=True).update(submitted_via="other", consent_recorded_at=NOW)
    counts = {row["channel"]: row["comments"] for row in stats.comments_by_channel()}
    assert counts["workshop"] == counts["other"] == 0
    assert sum(counts.values()) == stats.participation_totals()["comments"]


def test_selectors_take_the_same_number_of_queries_with_ten_times_the_data(data, django_assert_max_num_queries):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            stats.participation_totals()
            stats.participation_by_month(today=NOW.date())
            stats.participation_by_area()
            stats.participation_by_language()
            stats.comments_by_channel()
            stats.consultations_by_status(now=NOW)
            stats.answers_given()
        return len(queries)

    before = count_queries()
    residents = [UserFactory() for _ in range(10)]
    for index, person in enumerate(residents):
        for _ in range(3):
            comment(data.education, person, ["pl", "uk", "ru"][index % 3], at=NOW - index * 20 * DAY)
        support(proposal(data.shared, person, "uk", at=NOW - index * 7 * DAY), residents[0])
    assert count_queries() == before
    with django_assert_max_num_queries(18):
        count_queries()


def test_the_statistics_page_takes_the_same_number_of_queries_with_more_data(client, data, settings):
    settings.PAGE_CACHE_SECONDS = 0  # counts the queries of rendering, not of the page cache
    url = reverse("statistics:overview")

    def page_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    page_queries()  # caches of the site and content types warm up
    before = page_queries()
    for index in range(30):
        comment(data.education, UserFactory(), "uk", at=NOW - index * 9 * DAY)
    assert page_queries() == before
    assert before <= 35


# --- the council ---------------------------------------------------------------------------


@pytest.fixture
def council_record():
    """A term with two meetings: named and secret votes, some on a health motion."""
    council = build_council(members=5)
    motion = submitted_motion(council)
    motion.area = "health"
    motion.save(update_fields=["area"])
    first = build_meeting(council, motion=motion)
    mark_present(council, first, "chair", "secretary", "m1", "m2", "m3")
    named = open_poll(council, first, on_motion=True)
    vote(council, named, "chair", "yes")
    vote(council, named, "m1", "yes")
    vote(council, named, "m2", "no")
    vote(council, named, "m3", "abstain")
    from council import services

    services.poll_close(poll=named, user=council.chair)
    secret = open_poll(council, first, kind=Poll.Kind.SECRET)
    for key in ("chair", "m1", "m2"):
        vote(council, secret, key, "no")
    services.poll_close(poll=secret, user=council.chair)
    services.meeting_close(meeting=first, user=council.chair)
    second = build_meeting(council, number=2)
    mark_present(council, second, "chair", "m4")
    council.first, council.second, council.named, council.secret = first, second, named, secret
    return council


def test_attendance_per_meeting_is_present_against_members(council_record):
    rows = stats.attendance_by_meeting(term=council_record.term)
    assert [(row["number"], row["present"], row["entitled"]) for row in rows] == [(1, 5, 7), (2, 2, 7)]
    health = stats.attendance_by_meeting(term=council_record.term, area="health")
    assert [row["number"] for row in health] == [1]


def test_council_totals_count_meetings_votes_and_motions(council_record):
    assert stats.council_totals(term=council_record.term) == {
        "meetings": 2,
        "polls_named": 1,
        "polls_secret": 1,
        "motions": 1,
        "motions_adopted": 1,
    }
    assert stats.council_totals(term=council_record.term, area="work") == {
        "meetings": 0,
        "polls_named": 0,
        "polls_secret": 0,
        "motions": 0,
        "motions_adopted": 0,
    }


def test_voting_records_come_from_named_votes_only(council_record):
    records = {row["name"]: row for row in stats.voting_records(term=council_record.term)}
    chair, m2, m4 = records["Chair"], records["Member 2"], records["Member 4"]
    # Chair and Member 2 also voted "no" in the secret ballot: nothing of it shows.
    assert (chair["yes"], chair["no"], chair["abstain"], chair["voted"]) == (1, 0, 0, 1)
    assert (m2["yes"], m2["no"], m2["voted"], m2["polls"], m2["not_voted"]) == (0, 1, 1, 1, 0)
    assert (m4["voted"], m4["polls"], m4["not_voted"]) == (0, 1, 1)
    assert sum(row["no"] for row in records.values()) == 1
    assert sum(row["voted"] for row in records.values()) == 4
    assert stats.voting_records(term=council_record.term, area="work")[0]["polls"] == 0


def test_council_selectors_need_a_fixed_number_of_queries(council_record, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        stats.voting_records(term=council_record.term)
    with django_assert_max_num_queries(1):
        stats.attendance_by_meeting(term=council_record.term)
    with django_assert_max_num_queries(3):
        stats.council_totals(term=council_record.term)


def test_nothing_about_secret_ballots_reaches_the_voting_record_download(client, council_record):
    response = client.get(reverse("statistics:data", args=["voting-records", "json"]))
    rows = response.json()["rows"]
    assert sum(row["no"] for row in rows) == 1
    assert sum(row["yes"] + row["no"] + row["abstain"] + row["other"] for row in rows) == 4
    assert all(set(row) == {"name", "yes", "no", "abstain", "other", "not_voted", "polls"} for row in rows)
