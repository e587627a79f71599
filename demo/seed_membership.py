"""The council's membership over time (membership.toml, <language>/membership.toml):
term IV's call for candidates, open on the day the demo is loaded, with
applications in their authors' languages and its list published; term III's
ranked substitutes, the first of whom took the seat of a member who resigned.

Applications, decisions and vacated seats go through
``council.recruitment_services``, back-dated with ``now``; a term and a call
have no service (officials enter them in the admin), so the seed makes them as
the admin does.  Loaded again, it adds nothing."""

import datetime

from django.utils import timezone

from core.language import LANGUAGE_CODES
from council import recruitment_services
from council.models import Membership, Term
from council.recruitment import CandidateCall, Substitute, Vacancy

from . import data


def seed_membership(seeder):
    records = data.load("membership")
    texts = {code: data.load("membership", code) for code in LANGUAGE_CODES}
    official = seeder.person(records, "official")
    _call(seeder, records, texts)
    _substitutes(seeder, records, official)


def _call(seeder, records, texts):
    record = records["call"]
    term, _made = Term.objects.get_or_create(
        number=record["term"], defaults={"starts_on": record["term_starts_on"], "ends_on": record["term_ends_on"]}
    )
    if CandidateCall.objects.filter(term=term).exists():
        return
    now = timezone.now()
    opens_at = now - datetime.timedelta(days=record["opened_days_ago"])
    words = {}
    for code, text in texts.items():
        words[f"title_{code}"] = text["call"]["title"]
        words[f"description_{code}"] = text["call"]["description"]
    call = CandidateCall.objects.create(
        term=term,
        opens_at=opens_at,
        closes_at=now + datetime.timedelta(days=record["closes_in_days"]),
        candidates_published=record["candidates_published"],
        **words,
    )
    for application in records["application"]:
        recruitment_services.candidacy_submit(
            call=call,
            user=seeder.person(application, "user"),
            motivation=application["motivation"],
            languages=application["languages"],
            community=application.get("community", ""),
            language=application["language"],
            consent_to_publish=application["consent_to_publish"],
            now=opens_at + datetime.timedelta(days=application["days_after_opening"]),
        )
    seeder.log(f"council: call for candidates for term {term.number}, {len(records['application'])} applications")


def _substitutes(seeder, records, official):
    term = Term.objects.order_by("starts_on").filter(number__lt=records["call"]["term"]).last()
    if term is None or Substitute.objects.filter(term=term).exists():
        return
    for record in records["substitute"]:
        Substitute.objects.create(
            term=term, user=seeder.person(record, "user"), rank=record["rank"], public=record["public"]
        )
    vacancy = records["vacancy"]
    seat = Membership.objects.get(term=term, user=seeder.person(vacancy, "member"))
    recruitment_services.seat_vacate(
        membership=seat,
        vacated_on=vacancy["vacated_on"],
        reason=vacancy["reason"],
        note=vacancy["note"],
        substitute_from=vacancy["substitute_from"],
        user=official,
    )
    seeder.log(f"council: {len(records['substitute'])} substitutes, {Vacancy.objects.count()} seat vacated")
