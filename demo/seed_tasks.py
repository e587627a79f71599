"""The Model's tasks in the demo (tasks.toml, <language>/tasks.toml): the city
units and partner organisations, and the tasks of the Model's map with their
areas, statuses, dates, links to the demo's consultations, resolutions and
indicators, and dated progress notes, in four languages, made through
``cms.services``.  Runs again without changing anything.
"""

from django.utils import timezone

from cms import services
from consultations.models import ConsultationPage
from core.language import LANGUAGE_CODES
from council.models import Resolution
from opendata.models import Indicator

from . import data

DATES = ("starts_on", "planned_end", "ended_on")


def seed_tasks(seeder):
    records = data.load("tasks")
    texts = {code: data.load("tasks", code) for code in LANGUAGE_CODES}
    organisations = {}
    for record in records["organisation"]:
        slug = record["slug"]
        names = {f"name_{code}": text["organisation"][slug] for code, text in texts.items()}
        organisations[slug], made = services.organisation_ensure(slug=slug, kind=record["kind"], **names)
        if made:
            seeder.log(f"organisation {slug}")
    motions = {motion["key"]: motion["title"] for motion in data.load("council")["motion"]}
    indicator_names = data.load("indicators", seeder.source)["names"]
    today = timezone.localdate()
    for record in records["task"]:
        slug = record["slug"]
        words = {code: text["task"][slug] for code, text in texts.items()}
        task, made = services.task_ensure(
            slug=slug,
            lead=organisations[record["lead"]],
            areas=record["areas"],
            partners=[organisations[partner] for partner in record.get("partners", ())],
            consultations=ConsultationPage.objects.filter(
                slug__in=record.get("consultations", ()), locale__language_code=seeder.source
            ),
            resolutions=Resolution.objects.filter(
                motion__title__in=[motions[key] for key in record.get("resolutions", ())]
            ),
            indicators=[
                indicator
                for area, name in record.get("indicators", ())
                if (indicator := Indicator.objects.filter(area=area, name_pl=indicator_names[name]).first())
            ],
            status=record["status"],
            **{field: record[field] for field in DATES if field in record},
            **{f"title_{code}": text["title"] for code, text in words.items()},
            **{f"summary_{code}": text["summary"] for code, text in words.items()},
        )
        if made:
            seeder.log(f"task {slug}")
        for note in record.get("note", ()):
            key = note["key"]
            services.task_note_add(
                task=task,
                written_on=note["date"],
                today=today,
                **{f"text_{code}": text["notes"][key] for code, text in words.items()},
            )
