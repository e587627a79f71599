"""Demo surveys inside consultations (``survey`` of a consultation in
consultations.toml; its questions' texts under ``consultations.<slug>.survey``
in <language>/consultations.toml) and the answers given to them: online by
demo residents, and from paper forms typed in by the demo facilitator.

A question's and an option's block id is made from the consultation's slug and
their keys, so the original and every translation carry the same ids, as
wagtail-localize keeps them, and answers in any language count together.
"""

import datetime
import uuid

from django.utils import timezone

from consultations import surveys

NAMESPACE = uuid.UUID("6f1d3c4e-8f52-4a0b-9a57-5b1e2b7f0c11")


def _id(*parts):
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def survey_blocks(slug, record, texts):
    """The page's ``survey`` field in one language; none when the consultation has no survey."""
    if "survey" not in record:
        return []
    blocks = []
    for question in record["survey"]["questions"]:
        key, kind = question["key"], question["kind"]
        words = texts["survey"][key]
        value = {"text": words["text"], "hint": words.get("hint", ""), "required": question.get("required", False)}
        if kind in ("single_choice", "multiple_choice"):
            value["options"] = [
                {"type": "item", "value": words["options"][option], "id": _id(slug, key, option)}
                for option in question["options"]
            ]
        if kind == "multiple_choice":
            value.update(min_choices=question.get("min_choices", 1), max_choices=question.get("max_choices"))
        elif kind == "scale":
            value.update(
                minimum=question["minimum"],
                maximum=question["maximum"],
                minimum_label=words["minimum_label"],
                maximum_label=words["maximum_label"],
            )
        elif kind == "short_text":
            value["max_length"] = question.get("max_length", 300)
        blocks.append({"type": kind, "value": value, "id": _id(slug, key)})
    return blocks


def _answers(slug, questions, given):
    answers = {}
    for question in questions:
        key = question["key"]
        if key not in given:
            continue
        value = given[key]
        if question["kind"] == "single_choice":
            answers[_id(slug, key)] = _id(slug, key, value)
        elif question["kind"] == "multiple_choice":
            answers[_id(slug, key)] = [_id(slug, key, option) for option in value]
        else:
            answers[_id(slug, key)] = str(value)
    return answers


def add_survey_answers(seeder, page, record):
    """The answers, spread over the first days the consultation was open:
    ``by`` a demo account online, or ``count`` paper forms alike (``source``)."""
    if "survey" not in record:
        return 0
    survey = record["survey"]
    facilitator = seeder.account("facilitator", survey, "answers")
    now = timezone.now()
    given = 0
    for number, entry in enumerate(survey["answers"]):
        moment = min(page.opens_at + datetime.timedelta(hours=5 + 7 * number), now)
        answers = _answers(page.slug, survey["questions"], entry)
        if "by" in entry:
            surveys.survey_answer(
                consultation=page,
                user=seeder.person(entry, "by"),
                answers=answers,
                language=entry["language"],
                now=moment,
            )
            given += 1
        else:
            for _copy in range(entry.get("count", 1)):
                surveys.survey_enter_on_paper(
                    consultation=page,
                    facilitator=facilitator,
                    answers=answers,
                    language=entry["language"],
                    source=entry["source"],
                    now=moment,
                )
                given += 1
    seeder.log(f"{given} survey answers on {page.slug}")
    return given
