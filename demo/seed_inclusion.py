"""Demo of language access (inclusion.toml): an approved volunteer translator
who has translated two residents' comments into Polish (the other comments in
her languages wait for her in the queue), a workshop of the information-point
consultation for which residents asked for an interpreter, a sign-language
interpreter and childcare, one request already confirmed, two events of their
own (a training, an information session) with a thematic area each, a comment a resident
wrote on a paper form there, typed in by a facilitator with the resident's
consent, and invitation codes of a partner organisation.

People act through the services (``translators``, ``events``,
``consultations``, ``accounts``), so the demo obeys the same rules as real use.
Events have no service: officials enter them in the admin, and the seed makes
the workshop as the admin does.  Runs again without changing anything.
"""

import datetime

from django.utils import timezone

from accounts import services as account_services
from accounts.models import InvitationCode
from consultations import services as consultation_services
from consultations.models import Comment, ConsultationPage
from events import services as event_services
from events.models import AccessRequest, Event, Registration
from translators import services as translator_services
from translators.models import Translator

from . import data
from .seed_consultations import keyed_comments


def seed_inclusion(seeder):
    records = data.load("inclusion")
    for event in records.get("standalone_event", ()):
        _event(seeder, None, event)
    consultation = ConsultationPage.objects.filter(
        slug=records["consultation"], locale__language_code=seeder.source
    ).first()
    if consultation is None:
        return
    _translator(seeder, records["translator"])
    for event in records["event"]:
        _event(seeder, consultation, event)
    _paper_comment(seeder, consultation, records["paper_comment"])
    _invitation_codes(seeder, records["invitation_codes"])


def _translator(seeder, record):
    person = seeder.person(record, "user")
    if Translator.objects.filter(user=person).exists():
        return
    translator = translator_services.translator_register(
        user=person,
        pairs=[(pair["source"], pair["target"]) for pair in record["pairs"]],
        is_listed=record.get("listed", False),
    )
    translator_services.translator_decide(
        translator=translator, status=Translator.Status.APPROVED, official=seeder.person(record, "approved_by")
    )
    seeder.log(f"translator: {person.display_name} ({record['user']})")
    comments = keyed_comments()
    for translation in record.get("translation", ()):
        key = translation["comment"]
        if key not in comments:
            raise translation.invalid(
                "comment", f'names "{key}", which is not the key of a comment in consultations.toml'
            )
        comment = Comment.objects.filter(text=comments[key]["text"], state=Comment.State.PUBLISHED).first()
        if comment is None or translator_services.why_not_translatable(comment, timezone.now(), user=person):
            continue
        translator_services.translation_submit(
            item=comment, translator=person, language=translation["language"], text=translation["text"]
        )
        seeder.log(f"translation of comment {comment.pk} into {translation['language']}")


def _event(seeder, consultation, record):
    if Event.objects.filter(title=record["title"]).exists():
        return
    day = timezone.localdate() + datetime.timedelta(days=record["in_days"])
    starts = timezone.make_aware(datetime.datetime.combine(day, record["starts_at"]))
    event = Event.objects.create(
        consultation_key=consultation.translation_key if consultation is not None else None,
        area=record.get("area", ""),
        title=record["title"],
        kind=record["kind"],
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=record["hours"]),
        place=record["place"],
        capacity=record["capacity"],
        description=record["description"],
        language=record["language"],
        spoken_languages=list(record["spoken_languages"]),
    )
    seeder.log(f"event: {event.title}")
    decided = 0
    for registration_record in record.get("registration", ()):
        requests = {
            name: registration_record[name]
            for name in (
                "interpreter_language",
                "other_language",
                "sign_language",
                "children",
                "children_ages",
                "step_free",
                "note",
            )
            if name in registration_record
        }
        registration = event_services.registration_create(
            user=seeder.person(registration_record, "user"), event=event, **requests
        )
        for decision in registration_record.get("decision", ()):
            access_request = AccessRequest.objects.filter(registration=registration, kind=decision["request"]).first()
            if access_request is None:
                raise decision.invalid("request", "is not something this registration asked for")
            event_services.request_decide(
                access_request=access_request,
                official=seeder.person(decision, "by"),
                status=decision["status"],
                answer=decision.get("answer", ""),
            )
            decided += 1
    seeder.log(f"registrations: {Registration.objects.filter(event=event).count()}, {decided} request(s) decided")


def _paper_comment(seeder, consultation, record):
    if Comment.objects.filter(text=record["text"]).exists():
        return
    sections = {block.value["title"]: block.id for block in consultation.sections}
    if "section" in record and record["section"] not in sections:
        raise record.invalid("section", f"is not the title of a section of {consultation.slug}")
    opened = timezone.localdate(consultation.opens_at)
    entered = timezone.make_aware(
        datetime.datetime.combine(opened + datetime.timedelta(days=record["days_after_opening"]), record["entered_at"])
    )
    comment = consultation_services.comment_enter_for_resident(
        consultation=consultation,
        facilitator=seeder.person(record, "facilitator"),
        text=record["text"],
        language=record["language"],
        source=record["source"],
        consent=True,
        resident_name=record.get("resident_name", ""),
        section_id=sections[record["section"]] if "section" in record else "",
        now=min(entered, timezone.now()),
    )
    seeder.log(f"comment {comment.pk} from a paper form, entered by a facilitator")


def _invitation_codes(seeder, record):
    """Nobody knows the codes (they are shown once to the partner); to try
    registering with one, log in as the partner and issue a new one."""
    partner = seeder.person(record, "issued_by")
    if InvitationCode.objects.filter(issued_by=partner).exists():
        return
    account_services.invitation_codes_issue(
        issued_by=partner, organisation=record["organisation"], count=record["count"], days=record["valid_days"]
    )
    withdrawn = record.get("withdrawn", 0)
    for lost in InvitationCode.objects.filter(issued_by=partner).order_by("pk")[:withdrawn]:
        account_services.invitation_code_withdraw(code_id=lost.pk, by=partner)
    seeder.log(f"invitation codes: {record['count']} issued by {record['organisation']}, {withdrawn} withdrawn")
