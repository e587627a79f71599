"""Demo consultations with residents' comments, replies and ratings."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.models import ThematicArea
from consultations.models import (
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    OutcomeAnswer,
    OutcomePage,
    Proposal,
    Report,
)

from . import consultation_content as content

# slug: [(author, language, title, text, supporters)]
PROPOSALS = {
    "punkt-informacyjny-dla-migrantow": [
        (
            "resident1",
            "uk",
            "Консультації в суботу",
            "Прошу відкривати пункт хоча б одну суботу на місяць — багато хто з нас працює в будні.",
            ["resident2", "member1", "member3"],
        ),
        (
            "member4",
            "en",
            "A chat line in four languages",
            "Short questions could be answered in a chat in Polish, Ukrainian, Russian and English,\n"
            "so that people do not have to come in person for a simple answer.",
            ["resident1", "resident3"],
        ),
        (
            "resident2",
            "pl",
            "Dyżur prawnika raz w tygodniu",
            "Wiele pytań dotyczy legalizacji pobytu i umów o pracę. Przydałby się stały dyżur prawnika.",
            ["member2"],
        ),
    ],
    "jezyk-polski-dla-dzieci-w-szkolach": [
        (
            "member5",
            "ru",
            "Летние интенсивные курсы",
            "Предлагаю двухнедельные курсы польского языка в августе для детей, которые пойдут в школу в сентябре.",
            ["resident1", "member6"],
        ),
    ],
}


OUTCOME_SLUG = "festiwal-sasiedzki-wielu-kultur"
OUTCOME = {
    "pl": {
        "title": "Wyniki konsultacji programu festiwalu",
        "intro": "Co usłyszeliśmy od mieszkańców i mieszkanek i co zmieniliśmy w programie festiwalu.",
        "summary": "<p>Najczęściej prosiliście o wydarzenia dla rodzin z dziećmi w sobotę przed południem "
        "i o informacje w kilku językach.</p>",
        "changes": "<p>Program otwiera sobotni piknik rodzinny, a zapowiedzi ukażą się po polsku, "
        "ukraińsku, rosyjsku i angielsku.</p>",
        "answers": [
            ("accepted", "Piknik rodzinny w sobotę od 10:00."),
            ("noted", "Uwzględnimy to przy kolejnej edycji."),
        ],
    },
    "en": {
        "title": "Outcome of the consultation on the festival programme",
        "intro": "What we heard from residents and what we changed in the festival programme.",
        "summary": "<p>Most of you asked for events for families with children on Saturday morning "
        "and for information in several languages.</p>",
        "changes": "<p>The programme opens with a family picnic on Saturday, and announcements will "
        "be published in Polish, Ukrainian, Russian and English.</p>",
        "answers": [
            ("accepted", "A family picnic on Saturday from 10:00."),
            ("noted", "We will consider it next year."),
        ],
    },
    "uk": {
        "title": "Результати консультації щодо програми фестивалю",
        "intro": "Що ми почули від мешканців і мешканок і що змінили в програмі фестивалю.",
        "summary": "<p>Найчастіше ви просили заходів для родин з дітьми в суботу зранку "
        "та інформації кількома мовами.</p>",
        "changes": "<p>Програму відкриває сімейний пікнік у суботу, а анонси вийдуть польською, "
        "українською, російською та англійською.</p>",
        "answers": [("accepted", "Сімейний пікнік у суботу з 10:00."), ("noted", "Врахуємо це наступного року.")],
    },
    "ru": {
        "title": "Итоги консультации по программе фестиваля",
        "intro": "Что мы услышали от жителей и жительниц и что изменили в программе фестиваля.",
        "summary": "<p>Чаще всего вы просили мероприятий для семей с детьми в субботу утром "
        "и информации на нескольких языках.</p>",
        "changes": "<p>Программу открывает семейный пикник в субботу, а анонсы выйдут на польском, "
        "украинском, русском и английском языках.</p>",
        "answers": [("accepted", "Семейный пикник в субботу с 10:00."), ("noted", "Учтём это в следующем году.")],
    },
}


def add_outcome(seeder, page, locales):
    """The published outcome of the closed demo consultation, answering its first two threads."""
    if page.get_children().exists():
        return
    threads = list(
        Comment.objects.filter(consultation_key=page.translation_key, parent=None).order_by("created_at")[:2]
    )
    data = OUTCOME["pl"]
    outcome = OutcomePage(
        slug="wyniki", title=data["title"], intro=data["intro"], summary=data["summary"], changes=data["changes"]
    )
    for thread, (status, justification) in zip(threads, data["answers"], strict=False):
        outcome.answers.add(OutcomeAnswer(comment=thread, status=status, justification=justification))
    page.add_child(instance=outcome)
    outcome.save_revision().publish()
    seeder.synchronise(locales)
    for code, locale in locales.items():
        if code == "pl":
            continue
        data = OUTCOME[code]
        translation = seeder.translate(
            outcome, locale, title=data["title"], intro=data["intro"], summary=data["summary"], changes=data["changes"]
        )
        answers = list(translation.answers.order_by("sort_order"))
        for answer, (_status, justification) in zip(answers, data["answers"], strict=False):
            answer.justification = justification
        translation.answers.set(answers)  # in the page's cluster, so the revision carries them
        translation.save_revision().publish()
    seeder.log("published outcome of " + page.slug)


def page_fields(data, sections_from=None):
    """Field values for one language; ``sections_from`` keeps the original's block ids,
    so that comments on a section find it in every translation."""
    ids = [block.id for block in sections_from.sections] if sections_from is not None else []
    sections = []
    for number, section in enumerate(data["sections"]):
        block = {"type": "section", "value": {"title": section["title"], "body": section["body"]}}
        if number < len(ids):
            block["id"] = ids[number]
        sections.append(block)
    return {"title": data["title"], "intro": data["intro"], "summary": data["summary"], "sections": sections}


def seed_consultations(seeder, locales, home):
    index = seeder.child(
        home, ConsultationIndexPage, "consultations", show_in_menus=True, **content.CONSULTATION_INDEX["pl"]
    )
    today = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    made = []
    for item in content.CONSULTATIONS:
        existing = index.get_children().filter(slug=item["slug"]).first()
        if existing is not None:
            made.append((item, existing.specific, False))
            continue
        page = seeder.child(
            index,
            ConsultationPage,
            item["slug"],
            opens_at=today + datetime.timedelta(days=item["opens_in_days"]),
            closes_at=today + datetime.timedelta(days=item["closes_in_days"]) + datetime.timedelta(hours=14),
            allow_proposals=item["allow_proposals"],
            contact_name=item["contact_name"],
            contact_email=item["contact_email"],
            **page_fields(item["pl"]),
        )
        page.areas.set(ThematicArea.objects.filter(code__in=item["areas"]))
        page.save_revision().publish()
        made.append((item, page, True))

    seeder.synchronise(locales)
    for code, locale in locales.items():
        if code == "pl":
            continue
        seeder.translate(index, locale, **content.CONSULTATION_INDEX[code])
        for item, page, _new in made:
            seeder.translate(page, locale, **page_fields(item[code], sections_from=page))

    for item, page, new in made:
        if new:
            add_comments(page, item["comments"])
            if item["slug"] == OUTCOME_SLUG:
                add_outcome(seeder, page, locales)
            add_proposals(page, PROPOSALS.get(item["slug"], []))
            if item["comments"] and page.opens_at < timezone.now() < page.closes_at:
                report_last_comment(page)
            seeder.log(f"{len(item['comments'])} comment threads on {item['slug']}")


def add_proposals(page, proposals):
    users = {user.username: user for user in get_user_model().objects.all()}
    for number, (author, language, title, text, supporters) in enumerate(proposals):
        proposal = Proposal.objects.create(
            consultation_key=page.translation_key,
            author=users[author],
            title=title,
            text=text,
            language=language,
            created_at=daytime(page.opens_at + datetime.timedelta(days=1 + number), number),
        )
        for username in supporters:
            proposal.votes.up(users[username].pk)


def daytime(moment, number):
    """Demo comments are written between 8:00 and 21:00, not in the middle of the night."""
    return timezone.localtime(moment).replace(hour=8 + (number * 5) % 13, minute=(number * 17) % 60)


def add_comments(page, comments):
    users = {user.username: user for user in get_user_model().objects.all()}
    section_ids = [block.id for block in page.sections]
    moment = page.opens_at
    step = (min(page.closes_at, timezone.now()) - page.opens_at) / (len(comments) * 3 + 1)
    number = 0
    for data in comments:
        moment += step
        number += 1
        top = Comment.objects.create(
            consultation_key=page.translation_key,
            section_id=section_ids[data["section"]] if data["section"] is not None else "",
            author=users[data["author"]],
            text=data["text"],
            language=data["language"],
            created_at=daytime(moment, number),
        )
        for username in data["up"]:
            top.votes.up(users[username].pk)
        for username in data["down"]:
            top.votes.down(users[username].pk)
        for reply in data["replies"]:
            moment += step
            number += 1
            Comment.objects.create(
                consultation_key=page.translation_key,
                section_id=top.section_id,
                parent=top,
                author=users[reply["author"]],
                text=reply["text"],
                language=reply["language"],
                created_at=max(daytime(moment, number), top.created_at),
            )


def report_last_comment(page):
    """One open report, so that the moderators' queue has something in it."""
    last = Comment.objects.filter(consultation_key=page.translation_key, parent=None).order_by("-created_at").first()
    reporter_name = "resident2" if last.author.username == "resident3" else "resident3"
    reporter = get_user_model().objects.get(username=reporter_name)
    Report.objects.create(comment=last, reporter=reporter, reason=Report.Reason.OFF_TOPIC)
    Comment.objects.filter(pk=last.pk).update(needs_review=True)
