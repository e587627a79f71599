"""Demo of language access: an approved volunteer translator who has
translated two residents' Ukrainian comments into Polish (the other Ukrainian
comments wait for her in the queue), a workshop of the information-point
consultation for which residents asked for an interpreter, a sign-language
interpreter and childcare, one request already confirmed, and a comment a
resident wrote on a paper form there, typed in by a facilitator with the
resident's consent.

Everything goes through the services, so the demo obeys the same rules as
real use.  Runs again without changing anything."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import services as account_services
from accounts.models import InvitationCode
from consultations import services as consultation_services
from consultations.models import Comment, ConsultationPage, Source
from events import services as event_services
from events.models import AccessRequest, Event, Registration
from translators import services as translator_services
from translators.models import Translator

CONSULTATION = "punkt-informacyjny-dla-migrantow"
WORKSHOP = "Warsztat: jak ma działać punkt informacyjny?"


def seed_inclusion(seeder):
    users = get_user_model().objects
    official = users.get(username="official")
    consultation = ConsultationPage.objects.filter(slug=CONSULTATION, locale__language_code="pl").first()
    if consultation is None:
        return
    _translator(seeder, users.get(username="resident1"), official)
    _workshop(seeder, consultation, official)
    _paper_comment(seeder, consultation, users.get(username="facilitator"))
    _invitation_codes(seeder, users.get(username="partner"))


def _translator(seeder, person, official):
    if Translator.objects.filter(user=person).exists():
        return
    translator = translator_services.translator_register(
        user=person, pairs=[("uk", "pl"), ("pl", "uk")], is_listed=True
    )
    translator_services.translator_decide(translator=translator, status=Translator.Status.APPROVED, official=official)
    seeder.log("translator: Iryna (uk ↔ pl)")
    for original, polish in TRANSLATIONS.items():
        comment = Comment.objects.filter(text=original, state=Comment.State.PUBLISHED).first()
        if comment is None or translator_services.why_not_translatable(comment, timezone.now()):
            continue
        translator_services.translation_submit(item=comment, translator=person, language="pl", text=polish)
        seeder.log(f"translation of comment {comment.pk} into Polish")


# Residents' Ukrainian comments of the demo, translated into Polish.
TRANSLATIONS = {
    "Пропоную додати спільне готування: кілька громад готують одну страву разом, а не кожна на своєму стенді. "
    "Саме так люди по-справжньому знайомляться.": (
        "Proponuję dodać wspólne gotowanie: kilka społeczności przygotowuje razem jedną potrawę, zamiast każda "
        "na swoim stoisku. Właśnie tak ludzie naprawdę się poznają."
    ),
    "Дуже важливо, щоб консультант пояснював не лише рідною мовою, а й простими словами. Навіть українською "
    "офіційні листи іноді незрозумілі.": (
        "Bardzo ważne, żeby osoba doradzająca tłumaczyła nie tylko w języku ojczystym, ale i prostymi słowami. "
        "Nawet po ukraińsku urzędowe pisma bywają niezrozumiałe."
    ),
}


def _workshop(seeder, consultation, official):
    if Event.objects.filter(title=WORKSHOP).exists():
        return
    day = timezone.localdate() + datetime.timedelta(days=7)
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(17, 0)))
    event = Event.objects.create(
        consultation_key=consultation.translation_key,
        title=WORKSHOP,
        kind=Event.Kind.WORKSHOP,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        place="Centrum Integracji Imigrantów, ul. Jaśkowa Dolina 4, Gdańsk",
        capacity=25,
        description="Porozmawiajmy o godzinach otwarcia, językach i sprawach, z którymi punkt ma pomagać.",
        language="pl",
        spoken_languages=["pl", "uk"],
    )
    seeder.log(f"event: {WORKSHOP}")
    users = get_user_model().objects
    pedro = event_services.registration_create(
        user=users.get(username="resident2"), event=event, interpreter_language="en"
    )
    event_services.registration_create(
        user=users.get(username="resident3"), event=event, sign_language=True, children=2, children_ages="4, 7"
    )
    interpreter = AccessRequest.objects.get(registration=pedro, kind=AccessRequest.Kind.INTERPRETER)
    event_services.request_decide(
        access_request=interpreter,
        official=official,
        status=AccessRequest.Status.CONFIRMED,
        answer="Tłumacz języka angielskiego będzie na miejscu.",
    )
    seeder.log(f"registrations: {Registration.objects.filter(event=event).count()}, one request confirmed")


# A resident's comment from a paper form at the information point, in her words.
PAPER_COMMENT = {
    "resident_name": "Галина",
    "language": "ru",
    "section": 0,  # opening hours
    "text": (
        "Мне 68 лет, интернетом пользуюсь мало. Прошу, чтобы в пункт можно было прийти без записи, хотя бы "
        "в какие-то дни, и чтобы там помогали заполнить бумаги. Позвонить мне тоже легче, чем писать через "
        "формуляр."
    ),
}


def _paper_comment(seeder, consultation, facilitator):
    if Comment.objects.filter(text=PAPER_COMMENT["text"]).exists():
        return
    # Typed in on the consultation's second day, around noon: among the first comments.
    entered = timezone.localtime(consultation.opens_at + datetime.timedelta(days=1)).replace(hour=12, minute=40)
    comment = consultation_services.comment_enter_for_resident(
        consultation=consultation,
        facilitator=facilitator,
        text=PAPER_COMMENT["text"],
        language=PAPER_COMMENT["language"],
        source=Source.PAPER,
        consent=True,
        resident_name=PAPER_COMMENT["resident_name"],
        section_id=[block.id for block in consultation.sections][PAPER_COMMENT["section"]],
        now=min(entered, timezone.now()),
    )
    seeder.log(f"comment {comment.pk} from a paper form, entered by a facilitator")


def _invitation_codes(seeder, partner):
    """Codes the partner organisation handed out: nobody knows them (they were
    shown once), so one is withdrawn as if its sheet had been lost.  To try
    registering with a code, log in as ``partner`` and issue a new one."""
    if InvitationCode.objects.filter(issued_by=partner).exists():
        return
    account_services.invitation_codes_issue(issued_by=partner, organisation="Fundacja demo", count=3, days=60)
    lost = InvitationCode.objects.filter(issued_by=partner).order_by("pk").first()
    account_services.invitation_code_withdraw(code_id=lost.pk, by=partner)
    seeder.log("invitation codes: 3 issued by the partner organisation, 1 withdrawn")
