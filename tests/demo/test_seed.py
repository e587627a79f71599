"""The demo as ``seed_demo`` builds it: the same content every time, in four
languages, made through the services, and never in production."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from vote.models import Vote
from wagtail.models import Page, Revision, Site

from cms.models import HomePage, IntegrationModelPage, ModelTask, TaskNote, ThematicAreaPage
from consultations.models import Comment, Follow, Proposal, Report
from council.models import AgendaItem, Ballot, Meeting, Minutes, Motion, Poll, PollOption, Resolution
from demo.seed import Seeder, demo_accounts
from opendata.models import Indicator

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

User = get_user_model()


def usernames():
    return [account["username"] for account in demo_accounts()["account"]]


def snapshot():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "users": User.objects.count(),
        "emails": EmailAddress.objects.count(),
        "groups": Group.objects.count(),
        "sites": Site.objects.count(),
        "comments": Comment.objects.count(),
        "proposals": Proposal.objects.count(),
        "ratings and supports": Vote.objects.count(),
        "ballots": Ballot.objects.count(),
        "motions": Motion.objects.count(),
        "indicators": Indicator.objects.count(),
        "model tasks": ModelTask.objects.count(),
        "progress notes": TaskNote.objects.count(),
        "last change": max(filter(None, Page.objects.values_list("latest_revision_created_at", flat=True))),
    }


def test_seeding_twice_changes_nothing():
    before = snapshot()
    created = Seeder().run()
    assert created == []
    assert snapshot() == before


def test_seed_demo_command_says_nothing_changed_the_second_time(capsys):
    call_command("seed_demo")
    assert "nothing changed" in capsys.readouterr().out


def test_seed_demo_refuses_to_run_under_production_settings(settings):
    settings.RADA_ENVIRONMENT = "production"
    with pytest.raises(CommandError, match="never runs in production"):
        call_command("seed_demo")


def test_demo_site_serves_the_polish_home_page_by_default():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "pl"
    assert site.root_page.title == "Rada Imigrantów i Imigrantek — Gdańsk"


def test_every_page_exists_in_all_four_languages():
    for page in Page.objects.filter(locale__language_code="pl", depth__gte=2):
        assert page.get_translations(inclusive=True).count() == 4, page.url_path


@pytest.mark.parametrize("code", ["pl", "en", "uk", "ru"])
def test_home_page_and_area_pages_are_written_in_each_language(code):
    pages = [
        HomePage.objects.get(locale__language_code=code),
        *ThematicAreaPage.objects.filter(locale__language_code=code),
    ]
    assert len(pages) == 9
    assert all(page.alias_of_id is None for page in pages)


def test_the_area_page_titles_differ_between_languages():
    titles = set(ThematicAreaPage.objects.filter(slug="health").values_list("title", flat=True))
    assert titles == {"Zdrowie", "Health", "Здоров’я", "Здоровье"}


def test_english_has_the_whole_model_page():
    page = IntegrationModelPage.objects.get(locale__language_code="en")
    assert page.alias_of_id is None
    assert len(page.values) == 11


def test_news_items_are_translated_into_english_and_stay_polish_elsewhere():
    news = Page.objects.get(locale__language_code="pl", slug="platform-launch").get_translations(inclusive=True)
    assert {page.locale.language_code: page.alias_of_id is None for page in news} == {
        "pl": True,
        "en": True,
        "uk": False,
        "ru": False,
    }


def test_demo_accounts_log_in_with_the_demo_password(client):
    password = demo_accounts()["password"]
    assert password == "rada-demo-2026"
    for username in usernames():
        assert client.login(username=username, password=password), username
        client.logout()


def test_demo_accounts_have_verified_addresses():
    users = User.objects.filter(username__in=usernames())
    assert users.count() == len(usernames()) == 22
    assert EmailAddress.objects.filter(user__in=users, verified=True, primary=True).count() == len(usernames())


def test_official_and_moderator_are_in_their_groups():
    assert User.objects.get(username="official").groups.filter(name="Officials").exists()
    assert User.objects.get(username="moderator").groups.filter(name="Moderators").exists()


def test_new_polish_page_is_aliased_into_the_other_languages(client):
    """wagtail-localize keeps the trees in step when officials add pages."""
    from wagtail_localize.synctree import create_aliases_for_new_page

    from cms.models import ContentPage

    page = ContentPage(title="Statut Rady", slug="statut", intro="Statut.")
    HomePage.objects.get(locale__language_code="pl").add_child(instance=page)
    page.save_revision().publish()
    create_aliases_for_new_page(page)  # what Wagtail's after_create_page hook runs
    assert page.get_translations().count() == 3
    assert client.get("/ru/statut/").status_code == 200


def test_the_demo_shows_language_access_at_work():
    from events.models import AccessRequest
    from translators.models import Translation, Translator

    assert Translator.objects.get(user__username="resident1").status == Translator.Status.APPROVED
    assert Translation.objects.filter(language="pl").count() == 2
    assert AccessRequest.objects.filter(status=AccessRequest.Status.CONFIRMED).count() == 1
    assert Comment.objects.filter(facilitator__username="facilitator", submitted_via="paper").count() == 1


def test_the_demo_has_events_of_their_own_with_an_area():
    from events.models import Event

    standalone = Event.objects.filter(consultation_key=None)
    assert sorted(standalone.values_list("area", flat=True)) == ["housing", "social-welfare"]
    assert standalone.filter(registrations__requests__kind="step_free").exists()


def test_the_council_has_term_three_with_two_meetings_held_and_one_scheduled_today():
    meetings = Meeting.objects.filter(term__number=3).order_by("number")
    assert [meeting.status for meeting in meetings] == ["closed", "closed", "scheduled"]
    assert meetings.get(number=3).day == timezone.localdate()
    assert Resolution.objects.count() == 4  # three on city matters, one an opinion on a consultation
    assert Motion.objects.filter(state=Motion.State.REJECTED).count() == 1
    assert Motion.objects.filter(state=Motion.State.DRAFT).count() == 1


def test_the_demo_shows_an_election_in_two_rounds_a_statutory_majority_and_paper_counts():
    election = Poll.objects.get(question__startswith="Kto będzie reprezentować Radę", round=1)
    assert (election.seats, election.votes_per_ballot, election.outcome) == (2, 2, Poll.Outcome.PARTIAL)
    second = election.next_rounds.get()
    elected = PollOption.objects.filter(poll__in=[election, second], elected=True).order_by("poll__round")
    assert [option.text for option in elected] == ["Iryna M.", "Tamar G."]
    statute = Poll.objects.get(base=Poll.Base.STATUTORY)
    assert (statute.outcome, statute.base_count, statute.votes_needed) == (Poll.Outcome.PASSED, 11, 6)
    hybrid = Poll.objects.get(paper_entered_at__isnull=False)
    assert (hybrid.electronic, hybrid.paper_ballots, hybrid.invalid_ballots) == (7, 2, 1)


def test_every_demo_agenda_item_is_titled_in_the_three_languages_besides_the_meetings():
    items = AgendaItem.objects.filter(meeting__term__number=3, motion__isnull=True)
    assert items.exists()
    for item in items:
        assert item.title_en and item.title_uk and item.title_ru, item.title
        assert item.title_pl == ""  # the Polish original is the title itself


def test_the_demo_has_resolutions_motions_and_minutes_in_all_four_languages():
    four = {"pl", "en", "uk", "ru"}
    for resolution in Resolution.objects.filter(term__number=3):
        assert {resolution.language, *resolution.translations.values_list("language", flat=True)} == four
    interpreters = Motion.objects.get(term__number=3, title="Tłumacze w przychodniach miejskich")
    assert set(interpreters.translations.values_list("language", flat=True)) == {"en", "uk", "ru"}
    minutes = Minutes.objects.get(meeting__term__number=3, meeting__number=1)
    assert {minutes.meeting.language, *minutes.translations.values_list("language", flat=True)} == four


def test_a_demo_agenda_item_on_a_motion_reads_in_each_readers_language():
    item = AgendaItem.objects.get(meeting__term__number=3, motion__title="Tłumacze w przychodniach miejskich")
    with translation.override("uk"):
        text, language = item.title_shown
    assert (text.split(": ", 1)[1], language) == ("Перекладачі в міських поліклініках", "uk")
    assert text.startswith("Проєкт ухвали")


def test_the_demo_meetings_closing_item_reads_in_each_readers_language():
    item = AgendaItem.objects.get(meeting__term__number=3, meeting__number=3, title="Sprawy różne")
    shown = {"pl": "Sprawy różne", "en": "Any other business", "uk": "Різне", "ru": "Разное"}
    for code, text in shown.items():
        with translation.override(code):
            assert item.title_shown == (text, code)


def test_todays_meeting_left_scheduled_on_an_earlier_day_moves_to_the_day_the_demo_is_loaded_again():
    meeting = Meeting.objects.get(term__number=3, number=3)
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=meeting.starts_at - datetime.timedelta(days=5))
    assert Seeder().run() == [f"council: meeting 3 moved to {timezone.localdate()}"]
    meeting.refresh_from_db()
    assert meeting.day == timezone.localdate()
    assert timezone.localtime(meeting.starts_at).hour == 17


def test_residents_wrote_through_the_services_so_they_follow_what_they_commented_on():
    for comment in Comment.objects.exclude(author__placeholder__gt="").select_related("author"):
        assert Follow.objects.filter(user=comment.author, consultation_key=comment.consultation_key).exists()


def test_nothing_residents_wrote_is_dated_in_the_future():
    now = timezone.now()
    assert not Comment.objects.filter(created_at__gt=now).exists()
    assert not Proposal.objects.filter(created_at__gt=now).exists()


def test_the_moderators_queue_has_one_open_report_per_open_consultation_with_comments():
    reported = Report.objects.filter(resolved=False).values_list("comment__author__username", flat=True)
    assert sorted(reported) == ["member6", "member7"]
    assert Comment.objects.filter(needs_review=True).count() == 2


def test_mail_sent_while_the_seed_runs_goes_nowhere():
    from demo.seed import _mail_held_back

    with _mail_held_back():
        mail.send_mail("Subject", "Body", "rada@example.org", ["resident1@example.org"])
    assert mail.outbox == []
    mail.send_mail("Subject", "Body", "rada@example.org", ["resident1@example.org"])
    assert len(mail.outbox) == 1


def test_changes_made_while_the_seed_runs_announce_nothing_live(django_capture_on_commit_callbacks):
    from core import live

    with django_capture_on_commit_callbacks() as callbacks:
        with live.muted():
            live.on_commit("meeting-x", lambda: None)
        live.on_commit("meeting-y", lambda: None)
    assert len(callbacks) == 1  # only the one made outside


def test_the_demo_has_interpreting_requests_filled_waiting_and_lacking():
    from translators.interpreting_selectors import yearly_counts
    from translators.models import InterpretingRequest

    Status = InterpretingRequest.Status
    by_status = {status: InterpretingRequest.objects.filter(status=status).count() for status in Status.values}
    assert (by_status["accepted"], by_status["assigned"]) == (2, 1)
    # Georgian, Tigrinya and the workshop's English interpreter wait for somebody
    assert by_status["requested"] == 3
    workshop = InterpretingRequest.objects.get(target_language="en")
    assert workshop.access_requests.get().status == "confirmed"
    lacking = {
        (row["source"], row["target"])
        for year in {request.starts_at.year for request in InterpretingRequest.objects.all()}
        for row in yearly_counts(year)
        if row["filled"] == 0
    }
    assert {("pl", "ka"), ("ti", "pl")} <= lacking
