"""One of every record Rada keeps about a person, made directly (the services
are tested on their own): for the data download and the erasure tests."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from accounts.models import InvitationCode
from consultations.models import ConsultationPseudonym, Follow, Report, WordingProposal
from council.models import Attendance, Ballot, Membership, Motion, Poll, RecordTranslation, SpeakerRequest
from events.models import AccessRequest, Registration
from support.models import Question
from tests.accounts.factories import UserFactory
from tests.consultations.factories import make_comment, make_proposal
from tests.council.factories import build_council, build_meeting
from tests.events.factories import make_event
from tests.translators.factories import make_translator
from translators.models import Translation

DAY = datetime.timedelta(days=1)


def resident_records(person, consultation, *, tag, others):
    """``person`` writes, gives, follows, reports, registers and translates once
    each on ``consultation``; ``others`` (another person's records) are what they
    support, rate, report and translate.  Every text carries ``tag``."""
    now = timezone.now()
    comment = make_comment(consultation, author=person, text=f"Komentarz {tag}")
    reply = make_comment(consultation, author=person, text=f"Odpowiedź {tag}", parent=others.comment)
    proposal = make_proposal(consultation, author=person, title=f"Propozycja {tag}", text=f"Treść {tag}")
    WordingProposal.objects.create(
        consultation_key=consultation.translation_key,
        section_id="s1",
        base_text="Tekst projektu.",
        author=person,
        text=f"Nowe brzmienie {tag}",
        language="pl",
    )
    others.proposal.votes.up(person.pk)
    others.comment.votes.down(person.pk)
    Report.objects.create(comment=others.comment, reporter=person, reason="spam", details=f"Zgłoszenie {tag}")
    Follow.objects.create(user=person, consultation_key=consultation.translation_key)
    Follow.objects.create(user=person, area="health")
    ConsultationPseudonym.objects.create(user=person, consultation_key=consultation.translation_key, name=f"Ps {tag}")
    InvitationCode.objects.create(
        code_hash=f"{tag:0>64}"[-64:],
        hint="AB12",
        organisation=f"Fundacja {tag}",
        used_by=person,
        used_at=now,
        expires_at=now + DAY,
    )
    event = make_event(consultation, title=f"Warsztat {tag}")
    registration = Registration.objects.create(user=person, event=event, note=f"Notatka {tag}")
    AccessRequest.objects.create(registration=registration, kind=AccessRequest.Kind.INTERPRETER, language="uk")
    make_translator(person, pairs=(("uk", "pl"),))
    Translation.objects.create(comment=others.comment, language="en", translator=person, text=f"Przekład {tag}")
    Question.objects.create(user=person, text=f"Pytanie {tag}", language="pl")
    council = build_council(members=1)
    motion = Motion.objects.create(
        term=council.term,
        number=1,
        state=Motion.State.SUBMITTED,
        title="Wniosek",
        text="Treść.",
        language="pl",
        submitter=council.chair,
    )
    RecordTranslation.objects.create(
        motion=motion,
        language="uk",
        title=f"Назва {tag}",
        text=f"Переклад {tag}",
        origin=RecordTranslation.Origin.TRANSLATOR,
        translated_by=person,
    )
    return SimpleNamespace(comment=comment, reply=reply, proposal=proposal, event=event, registration=registration)


def council_records(person, council, *, tag):
    """``person`` sits on ``council``, submits and co-sponsors a motion, checks in,
    speaks and votes by name once."""
    now = timezone.now()
    seat = Membership.objects.create(term=council.term, user=person, starts_on=council.term.starts_on)
    meeting = build_meeting(council)
    motion = Motion.objects.create(
        term=council.term, title=f"Wniosek {tag}", text="Treść.", language="pl", submitter=person
    )
    sponsored = Motion.objects.create(
        term=council.term, title=f"Współwniosek {tag}", text="Treść.", language="pl", submitter=council.chair
    )
    sponsored.sponsors.add(person)
    Attendance.objects.create(meeting=meeting, membership=seat, state=Attendance.State.PRESENT, changed_at=now)
    SpeakerRequest.objects.create(meeting=meeting, user=person, requested_at=now)
    poll = Poll.objects.create(
        agenda_item=meeting.agenda_items.first(), question=f"Pytanie {tag}", state=Poll.State.OPEN, opened_at=now
    )
    yes = poll.options.create(position=0, kind="yes")
    Ballot.objects.create(poll=poll, member=seat, secret=False, option=yes)
    return SimpleNamespace(seat=seat, meeting=meeting, motion=motion, poll=poll)


def someone_with_records(consultation, *, tag, name):
    """A second person with their own comment and proposal, for others to act on."""
    person = UserFactory(display_name=name)
    return SimpleNamespace(
        person=person,
        comment=make_comment(consultation, author=person, text=f"Cudzy komentarz {tag}"),
        proposal=make_proposal(consultation, author=person, title=f"Cudza propozycja {tag}"),
    )
