"""Demo of interpreters for city units (interpreting.toml): a second approved
translator, and requests officials made, some offered to a translator and
accepted, some waiting, two in languages nobody in the base speaks.

Officials and translators act through ``translators.interpreting``, so the demo
obeys the same rules (matching, no double booking) as real use.  Runs again
without changing anything: a request already there (by subject) is left alone.
"""

import datetime

from django.utils import timezone

from translators import interpreting
from translators import services as translator_services
from translators.models import InterpretingRequest, Translator

from . import data


def seed_interpreting(seeder):
    records = data.load("interpreting")
    for record in records["translator"]:
        _translator(seeder, record)
    for record in records["request"]:
        _request(seeder, record)


def _translator(seeder, record):
    person = seeder.person(record, "user")
    if Translator.objects.filter(user=person).exists():
        return
    translator = translator_services.translator_register(
        user=person,
        pairs=[(pair["source"], pair["target"]) for pair in record["pairs"]],
        other_languages=record.get("other_languages", ""),
    )
    translator_services.translator_decide(
        translator=translator, status=Translator.Status.APPROVED, official=seeder.person(record, "approved_by")
    )
    seeder.log(f"translator: {person.display_name} ({record['user']})")


def _request(seeder, record):
    if InterpretingRequest.objects.filter(subject=record["subject"]).exists():
        return
    official = seeder.person(record, "official")
    day = timezone.localdate() + datetime.timedelta(days=record["in_days"])
    starts_at = timezone.make_aware(datetime.datetime.combine(day, record["starts_at"]))
    made = interpreting.interpreting_request_create(
        official=official,
        kind=record["kind"],
        source_language=record["source"],
        target_language=record["target"],
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=record["hours"]),
        place=record["place"],
        is_online=record.get("online", False),
        subject=record["subject"],
        unit=record["unit"],
        needs_sworn=record.get("sworn", False),
    )
    seeder.log(f"interpreting request: {made}")
    if "assign" not in record:
        return
    person = seeder.person(record, "assign")
    translator = Translator.objects.filter(user=person).first()
    if translator is None:
        raise record.invalid("assign", "is not a translator in the demo")
    made = interpreting.interpreting_assign(interpreting=made, translator=translator, official=official)
    answer = record.get("answer")
    if answer not in (None, "accept", "decline"):
        raise record.invalid("answer", 'is neither "accept" nor "decline"')
    if answer:
        interpreting.interpreting_answer(interpreting=made, user=person, accept=answer == "accept")
