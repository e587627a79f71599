"""Services of the directory (with translations), questions and reports."""

import datetime

from wagtail.models import Locale

from accounts.groups import CASE_WORKERS
from core import ratelimit
from support import services
from support.models import Question, Report, Service
from tests.accounts.factories import member_of

WEEKDAYS = ["0", "1", "2", "3", "4"]


def hours(days=WEEKDAYS, opens="08:00", closes="16:00"):
    return {"type": "hours", "value": {"days": list(days), "opens": opens, "closes": closes}}


def service(name="Centrum Wsparcia Imigrantów", *, language="pl", of=None, **fields):
    """A service in Polish, or in another language as a translation of ``of``."""
    locale = Locale.objects.get(language_code=language)
    if of is not None:
        translation = of.copy_for_translation(locale)
        for key, value in {"name": name, **fields}.items():
            setattr(translation, key, value)
        translation.save()
        return translation
    values = {
        "kind": Service.Kind.NGO,
        "area": "social-welfare",
        "helps_with": "Porady w sprawach pobytu i pracy.",
        "languages": "pl uk ru en",
        "address": "ul. Jaśkowa Dolina 6, Gdańsk",
        "hours": [hours()],
        **fields,
    }
    return Service.objects.create(locale=locale, name=name, **values)


def case_worker(**fields):
    return member_of(CASE_WORKERS, **{"display_name": "Marta (case worker)", **fields})


def question(text="Jak zapisać dziecko do szkoły?", *, language="pl", **fields):
    values = {"email": "pytajacy@example.net", **fields}
    if values.get("user") is not None:
        values["email"] = ""
    return Question.objects.create(text=text, language=language, **values)


def report(what_happened="Ktoś krzyczał na mnie w tramwaju.", **fields):
    values = {"still_happening": Report.StillHappening.NO, "language": "pl", **fields}
    with ratelimit.suspended():
        return services.report_submit(what_happened=what_happened, address="10.0.0.1", **values)


def closed_report(*, closed_at, **fields):
    found = report(**fields)
    Report.objects.filter(pk=found.pk).update(status=Report.Status.CLOSED, closed_at=closed_at)
    found.refresh_from_db()
    return found


DAY = datetime.timedelta(days=1)
