"""Demo consultations (consultations.toml, <language>/consultations.toml) and
what residents wrote in them: comments and replies with their ratings, a
report, proposals with their supports, and the published outcome of a closed
consultation.

Officials' pages are made as in the admin (``cms.services``); residents write
through ``consultations.services``, back-dated with ``now`` to when they wrote,
so the demo meets the rules a resident meets: one comments only while a
consultation is open, never rates one's own comment, and so on.
"""

import datetime

from django.utils import timezone

from consultations import services
from consultations.models import ConsultationIndexPage, ConsultationPage, OutcomeAnswer, OutcomePage
from core.areas import ThematicArea
from core.opinions import opinions_of

from . import data
from .seed_surveys import add_survey_answers, survey_blocks


def seed_consultations(seeder, locales, home):
    records = data.load("consultations")
    texts = {code: data.load("consultations", code) for code in locales}
    original = texts[seeder.source]
    index = seeder.child(
        home,
        ConsultationIndexPage,
        records["index"]["slug"],
        show_in_menus=records["index"].get("in_menus", False),
        **original["index"],
    )
    today = timezone.localdate()
    consultations = []
    for record in records["consultation"]:
        opens_on = today + datetime.timedelta(days=record["opens_in_days"])
        closes_on = today + datetime.timedelta(days=record["closes_in_days"])
        page, new = seeder.add(
            index,
            ConsultationPage,
            record["slug"],
            opens_at=_at(opens_on, records["opens_at"]),
            closes_at=_at(closes_on, records["closes_at"]),
            allow_proposals=record["allow_proposals"],
            contact_name=record["contact_name"],
            contact_email=record["contact_email"],
            areas=list(ThematicArea.objects.filter(code__in=record["areas"])),
            **page_fields(original["consultations"][record["slug"]]),
            survey=survey_blocks(record["slug"], record, original["consultations"][record["slug"]]),
        )
        consultations.append((record, page, new))

    seeder.synchronise(locales)
    for code, locale in locales.items():
        if code == seeder.source:
            continue
        if "index" in texts[code]:
            seeder.translate(index, locale, **texts[code]["index"])
        for record, page, _new in consultations:
            if record["slug"] in texts[code].get("consultations", {}):
                translated = texts[code]["consultations"][record["slug"]]
                seeder.translate(
                    page,
                    locale,
                    **page_fields(translated, sections_from=page),
                    survey=survey_blocks(record["slug"], record, translated),
                )

    for record, page, new in consultations:
        if not new:
            continue
        comments = add_comments(seeder, page, record)
        add_proposals(seeder, page, record)
        add_survey_answers(seeder, page, record)
        add_wordings(seeder, page, record)
        if "draft2" in record:
            publish_draft2(seeder, page, record, texts)
        if "outcome" in record:
            add_outcome(seeder, page, record, comments, texts, locales)
        seeder.log(f"{len(record.get('comment', ()))} comment threads on {record['slug']}")


def keyed_comments():
    """{key: the comment's record} of the comments that other parts of the demo refer to."""
    return {
        comment["key"]: comment
        for record in data.load("consultations")["consultation"]
        for comment in record.get("comment", ())
        if "key" in comment
    }


def _at(day, time):
    return timezone.make_aware(datetime.datetime.combine(day, time))


def page_fields(texts, sections_from=None):
    """Field values in one language; ``sections_from`` keeps the original's block
    ids, so that comments on a section find it in every translation."""
    ids = [block.id for block in sections_from.sections] if sections_from is not None else []
    sections = []
    for number, section in enumerate(texts["section"]):
        block = {"type": "section", "value": {"title": section["title"], "body": section["body"]}}
        if number < len(ids):
            block["id"] = ids[number]
        sections.append(block)
    return {"title": texts["title"], "intro": texts["intro"], "summary": texts["summary"], "sections": sections}


def daytime(moment, number, now):
    """Residents write between 8:00 and 21:00, not in the middle of the night;
    and never later than now, which a demo loaded in the morning would show."""
    return min(timezone.localtime(moment).replace(hour=8 + (number * 5) % 13, minute=(number * 17) % 60), now)


def add_comments(seeder, page, record):
    """The comments and their replies, in order, spread evenly over the time the
    consultation has been open; others rate each comment right after it is
    written.  Returns {key: comment} of those with a key."""
    comments = record.get("comment", ())
    sections = {block.value["title"]: block.id for block in page.sections}
    now = timezone.now()
    moment = page.opens_at
    step = (min(page.closes_at, now) - page.opens_at) / (len(comments) * 3 + 1)
    number = 0
    keyed = {}
    for comment in comments:
        moment += step
        number += 1
        if "section" in comment and comment["section"] not in sections:
            raise comment.invalid("section", f"is not the title of a section of {page.slug}")
        top = services.comment_post(
            consultation=page,
            author=seeder.person(comment, "author"),
            text=comment["text"],
            language=comment["language"],
            section_id=sections[comment["section"]] if "section" in comment else "",
            now=daytime(moment, number, now),
        )
        for rating in ("up", "down"):
            for rater in seeder.people(comment, rating):
                services.comment_rate(comment=top, user=rater, rating=rating, now=top.created_at)
        if "report" in comment:
            report = comment["report"]
            services.comment_report(comment=top, reporter=seeder.person(report, "by"), reason=report["reason"])
        for reply in comment.get("reply", ()):
            moment += step
            number += 1
            services.comment_post(
                consultation=page,
                author=seeder.person(reply, "author"),
                text=reply["text"],
                language=reply["language"],
                parent=top,
                now=max(daytime(moment, number, now), top.created_at),
            )
        if "key" in comment:
            keyed[comment["key"]] = top
    return keyed


def add_proposals(seeder, page, record):
    """The proposals, one a day from the day after the consultation opened,
    each supported by others right after it was submitted."""
    now = timezone.now()
    for number, proposal in enumerate(record.get("proposal", ())):
        made = services.proposal_submit(
            consultation=page,
            author=seeder.person(proposal, "author"),
            title=proposal["title"],
            text=proposal["text"],
            language=proposal["language"],
            now=daytime(page.opens_at + datetime.timedelta(days=1 + number), number, now),
        )
        for supporter in seeder.people(proposal, "supporters"):
            services.proposal_support(proposal=made, user=supporter, now=made.created_at)


def outcome_fields(texts):
    return {name: texts[name] for name in ("title", "intro", "summary", "changes")}


def add_outcome(seeder, page, record, comments, texts, locales):
    """The outcome an official published after the consultation closed, answering
    the comments it names, translated where a language has its texts."""
    outcome = record["outcome"]
    answers = outcome["answer"]
    for answer in answers:
        if answer["comment"] not in comments:
            raise answer.invalid("comment", f"is not the key of a comment on {page.slug}")
    original = texts[seeder.source]["outcomes"][page.slug]
    published = seeder.child(
        page,
        OutcomePage,
        outcome["slug"],
        answers=[
            OutcomeAnswer(
                comment=comments[answer["comment"]],
                status=answer["status"],
                justification=original["answers"][answer["comment"]],
            )
            for answer in answers
        ],
        **outcome_fields(original),
    )
    seeder.synchronise(locales)
    for code, locale in locales.items():
        if code == seeder.source or page.slug not in texts[code].get("outcomes", {}):
            continue
        translated = texts[code]["outcomes"][page.slug]
        translation = seeder.translate(published, locale, **outcome_fields(translated))
        # A translation starts with the original's answers; the editor then
        # translates their justifications and publishes again.
        translated_answers = list(translation.answers.order_by("sort_order"))
        for answer, record_answer in zip(translated_answers, answers, strict=True):
            answer.justification = translated["answers"][record_answer["comment"]]
        translation.answers.set(translated_answers)  # in the page's cluster, so the revision carries them
        translation.save_revision().publish()
    seeder.log(f"published outcome of {page.slug}")


def answer_council_opinions(seeder, locales):
    """The city answers, in an outcome, the council's opinion on its consultation
    (after the council's resolutions exist): an answer added to the outcome in
    every language that has its justification, published again."""
    records = data.load("consultations")
    for record in records["consultation"]:
        answer = record.get("outcome", {}).get("council_opinion")
        if answer is None:
            continue
        page = ConsultationPage.objects.get(slug=record["slug"], locale__language_code=seeder.source)
        [opinion, *_more] = opinions_of(page.translation_key) or [None]
        if opinion is None:
            raise answer.invalid("status", f"answers an opinion, but the council gave none on {page.slug}")
        answered = 0
        for code in locales:
            texts = data.load("consultations", code).get("outcomes", {}).get(page.slug, {})
            outcome = OutcomePage.objects.filter(
                slug=record["outcome"]["slug"],
                locale__language_code=code,
                path__startswith=_in_language(page, code).path,
            ).first()
            if outcome is None or "council_opinion" not in texts:
                continue
            if outcome.answers.filter(opinion=opinion.key).exists():
                continue
            outcome = outcome.get_latest_revision_as_object()
            answers = list(outcome.answers.all())
            answers.append(
                OutcomeAnswer(
                    opinion=opinion.key,
                    status=answer["status"],
                    justification=texts["council_opinion"]["justification"],
                )
            )
            outcome.answers.set(answers)
            outcome.save_revision().publish()
            answered += 1
        if answered:
            seeder.log(f"answered the council's opinion on {page.slug}")


def _in_language(page, language):
    return ConsultationPage.objects.get(translation_key=page.translation_key, locale__language_code=language)


def add_wordings(seeder, page, record):
    """Residents' proposed wordings, each on the section's text in the language
    they read (the section's text with the record's ``replace`` pairs applied),
    one a day from the second day, supported by others right away."""
    now = timezone.now()
    sections = {block.value["title"]: block.id for block in page.sections}
    for number, wording in enumerate(record.get("wording", ())):
        if wording["section"] not in sections:
            raise wording.invalid("section", f"is not the title of a section of {page.slug}")
        translated = _in_language(page, wording["language"])
        _title, text = services.section_text(translated, sections[wording["section"]])
        for old, new in wording["replace"]:
            if old not in text:
                raise wording.invalid("replace", f'"{old}" is not in the section\'s text in {wording["language"]}')
            text = text.replace(old, new)
        made = services.wording_propose(
            consultation=translated,
            author=seeder.person(wording, "author"),
            section_id=sections[wording["section"]],
            text=text,
            note=wording.get("note", ""),
            now=daytime(page.opens_at + datetime.timedelta(days=1 + number), number + 3, now),
        )
        for supporter in seeder.people(wording, "supporters"):
            services.wording_support(wording=made, user=supporter, now=made.created_at)
    if record.get("wording"):
        seeder.log(f"{len(record['wording'])} proposed wordings on {page.slug}")


def publish_draft2(seeder, page, record, texts):
    """The city publishes draft 2 in every language that has its texts: the
    sections named under ``draft2`` get their new text, and the page's draft
    number goes up, so the first draft stays for comparison."""
    for code, language_texts in texts.items():
        revised = language_texts.get("consultations", {}).get(page.slug, {}).get("draft2")
        if not revised:
            continue
        translated = _in_language(page, code).get_latest_revision_as_object()
        blocks = list(translated.sections.raw_data)
        for section in revised:
            blocks[section["section"] - 1]["value"]["body"] = section["body"]
        translated.sections = blocks
        translated.draft_number = 2
        translated.save_revision().publish()
    seeder.log(f"published draft 2 of {page.slug}")
