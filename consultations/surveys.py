"""Surveys inside consultations: every write (services) and every read (selectors).

The questions are blocks on the consultation page (:mod:`.survey_blocks`);
the answers are rows of :mod:`.survey_models`.  A resident answers once and may
change the answers while the consultation is open; a facilitator types in
answers from paper forms, which are counted apart.  After the consultation
closes the results are public, every count through the small-count rule
(:mod:`core.smallcounts`).  Short-text answers are never published: only how
many were given (people write names, addresses and stories into free text,
and a survey promises nothing about publication).

Every write goes through model ``save()`` and ``delete()``, never
``QuerySet.update()``, so that whatever listens to model signals (the page
cache's invalidation) sees it.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Placeholder, User
from core import smallcounts
from core.errors import RuleBroken
from core.language import LANGUAGE_CODES
from core.ratelimit import enforce
from core.text import clean_text

from . import permissions
from .models import Source, Status
from .survey_blocks import Kind, questions_of
from .survey_models import SurveyAnswer, SurveyResponse

SURVEY_ANSWERS_PER_MINUTE = 10
PAPER_ANSWERS_PER_MINUTE = 60
NO_ANSWER = "none"  # the row of people who left a question unanswered
ANSWERED = "answered"  # a short-text question's one counted row


class SurveyInvalid(RuleBroken):
    """Answers that break the survey's rules: ``errors`` maps a question's id to
    what is wrong with its answer (translated)."""

    def __init__(self, errors):
        super().__init__(_("Some answers need your attention; see the questions marked below."))
        self.errors = errors


# --- checking answers ---------------------------------------------------------------


def _values(raw):
    if raw is None:
        return []
    if isinstance(raw, str | int):
        raw = [raw]
    return [str(value).strip() for value in raw if str(value).strip()]


def _check(question, raw):
    """``(answers, error)``: the unsaved answer rows of one question, or what is wrong."""
    if question.kind == Kind.TEXT:
        text = clean_text(raw if isinstance(raw, str) else " ".join(_values(raw))).strip()
        if not text:
            return [], _("Please answer this question.") if question.required else None
        if len(text) > question.max_length:
            return [], _("An answer may be at most %(limit)d characters long; this one has %(length)d.") % {
                "limit": question.max_length,
                "length": len(text),
            }
        return [SurveyAnswer(question_id=question.id, text=text)], None
    values = list(dict.fromkeys(_values(raw)))
    if not values:
        return [], _("Please answer this question.") if question.required else None
    if question.kind == Kind.SCALE:
        number = values[0]
        if len(values) > 1 or not number.isascii() or not number.isdigit():
            return [], _("Choose one value from %(low)d to %(high)d.") % {
                "low": question.minimum,
                "high": question.maximum,
            }
        if not question.minimum <= int(number) <= question.maximum:
            return [], _("Choose one value from %(low)d to %(high)d.") % {
                "low": question.minimum,
                "high": question.maximum,
            }
        return [SurveyAnswer(question_id=question.id, number=int(number))], None
    known = question.option_ids()
    if any(value not in known for value in values):
        return [], _("That answer is not one of this question's options.")
    if question.kind == Kind.SINGLE and len(values) > 1:
        return [], _("Choose only one answer.")
    if question.kind == Kind.MULTIPLE:
        if len(values) < question.min_choices:
            return [], ngettext(
                "Choose at least %(count)d answer.", "Choose at least %(count)d answers.", question.min_choices
            ) % {"count": question.min_choices}
        if question.max_choices is not None and len(values) > question.max_choices:
            return [], ngettext(
                "Choose at most %(count)d answer.", "Choose at most %(count)d answers.", question.max_choices
            ) % {"count": question.max_choices}
    return [SurveyAnswer(question_id=question.id, option_id=value) for value in values], None


def answers_check(*, consultation, answers):
    """The unsaved answer rows for ``answers`` (``{question id: value or list of
    values}``) to ``consultation``'s survey; raises :class:`SurveyInvalid` with
    an error per question, or :class:`RuleBroken` when an answer belongs to no
    question of this survey (a form of another consultation)."""
    questions = questions_of(consultation)
    known = {question.id for question in questions}
    if any(question_id not in known for question_id in answers):
        raise RuleBroken(_("These answers belong to a question that is not part of this consultation's survey."))
    rows, errors = [], {}
    for question in questions:
        found, error = _check(question, answers.get(question.id))
        if error:
            errors[question.id] = error
        rows += found
    if errors:
        raise SurveyInvalid(errors)
    if not rows:
        raise RuleBroken(_("Please answer at least one question before sending."))
    return rows


def _write(response, rows):
    for old in response.answers.all():
        old.delete()
    for row in rows:
        row.response = response
        row.save()


# --- services -----------------------------------------------------------------------


def survey_answer(*, consultation, user, answers, language, now=None):
    """``user``'s answers to ``consultation``'s survey: the first time, or
    changed (all answers replaced) while the consultation is open."""
    now = now or timezone.now()
    reason = permissions.why_cannot_answer_survey(user, consultation, now)
    if reason:
        raise RuleBroken(reason)
    rows = answers_check(consultation=consultation, answers=answers)
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    enforce(
        f"survey:{user.pk}",
        limit=SURVEY_ANSWERS_PER_MINUTE,
        seconds=60,
        message=_("You are sending answers very quickly. Please wait a minute and try again."),
    )
    key = consultation.translation_key
    for _attempt in range(2):  # a second attempt when a parallel first answer won the race
        try:
            with transaction.atomic():
                response = (
                    SurveyResponse.objects.select_for_update().filter(respondent=user, consultation_key=key).first()
                )
                if response is None:
                    response = SurveyResponse(
                        consultation_key=key, respondent=user, language=language, created_at=now, updated_at=now
                    )
                    response.save()
                _write(response, rows)
                response.language, response.updated_at = language, now
                response.save()  # last, so that a listener sees the answers written
                return response
        except IntegrityError:
            continue
    raise RuleBroken(_("Your answers could not be saved. Please try again."))


def survey_enter_on_paper(*, consultation, facilitator, answers, language, source, now=None):
    """A facilitator types in one resident's answers from a paper form (or a
    telephone call or a workshop).  Each is a response of its own, under a
    stand-in account made for it: the resident counts once among those who took
    part, apart from the answers given online, and nobody is named."""
    now = now or timezone.now()
    reason = permissions.why_cannot_enter_survey_on_paper(facilitator, consultation, now)
    if reason:
        raise RuleBroken(reason)
    if source not in Source.values:
        raise RuleBroken(_("Choose where the answers come from."))
    if language not in LANGUAGE_CODES:
        raise RuleBroken(_("Choose the language the answers were given in."))
    rows = answers_check(consultation=consultation, answers=answers)
    enforce(
        f"survey-paper:{facilitator.pk}",
        limit=PAPER_ANSWERS_PER_MINUTE,
        seconds=60,
        message=_("You are entering answers very quickly. Please wait a minute and try again."),
    )
    with transaction.atomic():
        response = SurveyResponse(
            consultation_key=consultation.translation_key,
            respondent=User.objects.create_placeholder(Placeholder.ASSISTED),
            language=language,
            submitted_via=source,
            facilitator=facilitator,
            created_at=now,
            updated_at=now,
        )
        response.save()
        _write(response, rows)
        response.save()
    return response


def survey_answers_hand_over(*, user, to):
    """When ``user``'s account is deleted: their responses stay counted, under
    the stand-in account ``to`` that their other contributions go to, and their
    short-text answers (which may say who they are) are emptied, still counted as
    given.  Paper answers they entered as a facilitator stay, without their name.
    Returns how many responses."""
    responses = list(SurveyResponse.objects.filter(respondent=user).prefetch_related("answers"))
    for response in responses:
        for answer in response.answers.all():
            if answer.text:
                answer.text = ""
                answer.save()
        response.respondent = to
        response.save()
    for entered in SurveyResponse.objects.filter(facilitator=user):
        entered.facilitator = None
        entered.save()
    return len(responses)


# --- selectors ----------------------------------------------------------------------


def my_answers(*, consultation, user):
    """``{question id: [values]}`` of ``user``'s response (empty when none)."""
    if not user.is_authenticated:
        return {}
    found = {}
    for answer in SurveyAnswer.objects.filter(
        response__respondent=user, response__consultation_key=consultation.translation_key
    ):
        value = answer.option_id or (str(answer.number) if answer.number is not None else answer.text)
        found.setdefault(answer.question_id, []).append(value)
    return found


def results_public(consultation, now):
    return consultation.status_at(now) in (Status.CLOSED, Status.OUTCOME_PUBLISHED)


@dataclass
class QuestionResult:
    question: object
    rows: list  # [(option code, label, public count)]
    answered: dict  # {"online", "paper", "total"}: public counts of people who answered
    chart: object = None
    table_rows: list = field(default_factory=list)


@dataclass
class SurveyResults:
    respondents: dict  # {"online", "paper", "total"}: public counts
    questions: list


def _channels(online, paper):
    shown_online, shown_paper = smallcounts.suppress_column([online, paper])
    return {"online": shown_online, "paper": shown_paper, "total": smallcounts.suppress_column([online + paper])[0]}


def _label(question, code):
    if question.kind == Kind.SCALE:
        number = int(code)
        if number == question.minimum:
            return f"{number} ({question.minimum_label})"
        if number == question.maximum:
            return f"{number} ({question.maximum_label})"
        return code
    return dict(question.options).get(code, code)


def survey_results(*, consultation, now=None, charts=True):
    """The survey's results as the public may see them, or None before it closes
    (or when there is no survey).  Three queries, whatever the number of answers."""
    now = now or timezone.now()
    questions = questions_of(consultation)
    if not questions or not results_public(consultation, now):
        return None
    key = consultation.translation_key
    paper_q = ~Q(submitted_via="")
    people = SurveyResponse.objects.filter(consultation_key=key).aggregate(
        online=Count("pk", filter=~paper_q), paper=Count("pk", filter=paper_q)
    )
    answers = SurveyAnswer.objects.filter(response__consultation_key=key)
    counted = {
        (question_id, option_id or (str(number) if number is not None else ANSWERED)): n
        for question_id, option_id, number, n in answers.values_list("question_id", "option_id", "number")
        .annotate(n=Count("pk"))
        .order_by()
    }
    answered = {
        question_id: (online, paper)
        for question_id, online, paper in answers.values("question_id")
        .annotate(
            online=Count("response", distinct=True, filter=Q(response__submitted_via="")),
            paper=Count("response", distinct=True, filter=~Q(response__submitted_via="")),
        )
        .values_list("question_id", "online", "paper")
        .order_by()
    }
    everyone = people["online"] + people["paper"]
    results = []
    for question in questions:
        online, paper = answered.get(question.id, (0, 0))
        codes = [ANSWERED] if question.kind == Kind.TEXT else question.option_ids()
        labels = [_("gave an answer") if code == ANSWERED else _label(question, code) for code in codes]
        counts = [counted.get((question.id, code), 0) for code in codes]
        codes.append(NO_ANSWER)
        labels.append(_("no answer"))
        counts.append(max(everyone - online - paper, 0))
        shown = smallcounts.suppress_column(counts)
        result = QuestionResult(
            question=question,
            rows=list(zip(codes, labels, shown, strict=True)),
            answered=_channels(online, paper),
        )
        result.table_rows = [(label, value) for _code, label, value in result.rows]
        if charts:
            result.chart = smallcounts.bar_chart(
                chart_id=f"survey-{question.id}",
                title=question.text,
                description=_("Bar chart: how many people gave each answer to this question."),
                summary=_("%(answered)s of %(total)s people who took part answered this question.")
                % {"answered": result.answered["total"], "total": smallcounts.suppress_column([everyone])[0]},
                rows=result.table_rows,
            )
        results.append(result)
    return SurveyResults(respondents=_channels(people["online"], people["paper"]), questions=results)


def survey_personal_data(*, user):
    """``user``'s survey answers, for the download of everything Rada holds about them."""
    responses = list(
        SurveyResponse.objects.filter(respondent=user).prefetch_related("answers").order_by("created_at", "pk")
    )
    rows = []
    for response in responses:
        for answer in response.answers.all():
            rows.append(
                {
                    "consultation_key": response.consultation_key,
                    "question": answer.question_id,
                    "option": answer.option_id or None,
                    "value": answer.number,
                    "text": answer.text or None,
                    "answered_at": response.created_at,
                    "changed_at": response.updated_at,
                }
            )
    entered = SurveyResponse.objects.filter(facilitator=user).order_by("created_at", "pk")
    return rows, [
        {"consultation_key": r.consultation_key, "source": r.submitted_via, "entered_at": r.created_at} for r in entered
    ]
