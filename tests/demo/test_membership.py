"""The demo's membership over time: an open call for term IV with applications
in several languages (only those who agreed listed), and term III's ranked
substitutes, the first of whom took a vacated seat."""

import pytest
from django.conf import settings
from django.utils import timezone, translation

from council import recruitment_selectors
from council.models import Meeting, Membership
from council.recruitment import Candidacy, CandidateCall, Substitute, Vacancy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_the_call_for_term_four_is_open_and_titled_in_every_language():
    call = CandidateCall.objects.get(term__number=4)
    assert call.is_open_at(timezone.now())
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            assert call.title_shown[1] == code


def test_residents_applied_in_several_languages_and_only_those_who_agreed_are_listed():
    assert set(Candidacy.objects.values_list("language", flat=True)) == {"uk", "en", "ru"}
    listed = {c.user.username for c in recruitment_selectors.published_candidacies()}
    assert listed == {"resident1", "resident2"}


def test_a_member_resigned_and_the_first_substitute_took_the_seat():
    vacancy = Vacancy.objects.select_related("membership__user", "filled_by__user").get()
    assert vacancy.membership.user.username == "member8"
    assert vacancy.filled_by.user.username == "substitute1"
    assert list(Substitute.objects.filter(seat__isnull=True).values_list("user__username", flat=True)) == [
        "substitute2"
    ]


def test_todays_meeting_counts_the_substitute_and_not_the_member_who_left():
    meeting = Meeting.objects.with_members_entitled().get(term__number=3, number=3)
    on_the_day = Membership.objects.current_on(meeting.day).filter(term__number=3)
    assert meeting.members_entitled == on_the_day.count() == 11
    assert not on_the_day.filter(user__username="member8").exists()
    assert on_the_day.filter(user__username="substitute1").exists()
