"""The demo information centre (support.toml, <language>/support.toml): a
directory of services for migrants in Gdańsk in four languages, residents'
questions answered through the services and published as frequently asked
questions in every language, and two questions still waiting in the queue.

Services are snippets, which officials make in the admin without a service; the
seed makes them as the admin does, and translates them as wagtail-localize's
"Translate" action does.  Each step looks for what it would make, so running it
again changes nothing.
"""

from support import services
from support.models import Question, Report, ReportEntry, Service

from . import data

SERVICE_TEXTS = ("name", "helps_with", "address", "hours_note", "accessibility", "easy_read", "notes")


def seed_support(seeder, locales):
    records = data.load("support")
    texts = {code: data.load("support", code) for code in locales}
    seed_directory(seeder, locales, records, texts)
    seed_questions(seeder, locales, records, texts)
    seed_reports(seeder, records)


def _hours(record):
    return [
        {
            "type": "hours",
            "value": {"days": [str(day) for day in block["days"]], "opens": block["opens"], "closes": block["closes"]},
        }
        for block in record.get("hours", ())
    ]


def seed_directory(seeder, locales, records, texts):
    for record in records["service"]:
        slug = record["slug"]
        original = Service.objects.filter(locale=locales[seeder.source], slug=slug).first()
        if original is None:
            original = Service.objects.create(
                locale=locales[seeder.source],
                slug=slug,
                kind=record["kind"],
                area=record["area"],
                languages=record["languages"],
                is_help_point=record.get("help_point", False),
                phone=record.get("phone", ""),
                email=record.get("email", ""),
                website=record.get("website", ""),
                hours=_hours(record),
                **_texts(texts[seeder.source]["service"][slug]),
            )
            seeder.log(f"service {original.name}")
        for code, locale in locales.items():
            translated = texts[code].get("service", {}).get(slug)
            if code == seeder.source or translated is None or original.has_translation(locale):
                continue
            translation = original.copy_for_translation(locale)
            for name, value in _texts(translated).items():
                setattr(translation, name, value)
            translation.save()
            seeder.log(f"service {code}: {translation.name}")


def _texts(table):
    return {name: table[name] for name in SERVICE_TEXTS}


def seed_questions(seeder, locales, records, texts):
    official = seeder.account("official", records, "service")
    for record in records["faq"]:
        asked = Question.objects.filter(email=record["email"], text=record["asked"]).first()
        if asked is None:
            asked = services.question_ask(
                text=record["asked"], language=record["language"], email=record["email"], may_publish=True
            )
            published = texts[record["language"]]["faq"][record["slug"]]
            services.question_answer(
                question=asked,
                official=official,
                answer=record["answer"],
                publish=True,
                faq_question=published["question"],
                faq_answer=published["answer"],
                area=record["area"],
            )
            asked.refresh_from_db()
            seeder.log(f"question answered and published: {published['question']}")
        faq = asked.faq
        if faq is None:
            continue
        for code, locale in locales.items():
            if code == record["language"] or faq.has_translation(locale):
                continue
            translated = texts[code]["faq"][record["slug"]]
            translation = faq.copy_for_translation(locale)
            translation.question, translation.answer = translated["question"], translated["answer"]
            translation.save()
            seeder.log(f"frequently asked question {code}: {translation.question}")
    for record in records.get("question", ()):
        if Question.objects.filter(email=record["email"], text=record["text"]).exists():
            continue
        services.question_ask(
            text=record["text"],
            language=record["language"],
            email=record["email"],
            may_publish=record.get("may_publish", False),
        )
        seeder.log(f"question waiting ({record['language']})")


def seed_reports(seeder, records):
    """Reports as residents send them, then what a case worker records in the admin."""
    for record in records.get("report", ()):
        if Report.objects.filter(what_happened=record["what_happened"]).exists():
            continue
        report = services.report_submit(
            what_happened=record["what_happened"],
            where=record.get("where", ""),
            when=record.get("when", ""),
            still_happening=record["still_happening"],
            contact=record.get("contact", ""),
            contact_email=record.get("contact_email", ""),
            counted=record.get("counted", False),
            language=record["language"],
        )
        previous = report.status
        report.status, report.kind, report.area = record["status"], record["kind"], record["area"]
        services.report_closed_now(report, previous_status=previous)
        report.save()
        for entry in record.get("entries", ()):
            ReportEntry.objects.create(
                report=report, kind=entry["kind"], referred_to=entry.get("referred_to", ""), text=entry["text"]
            )
        seeder.log(f"report ({record['language']}, {report.get_status_display()})")
