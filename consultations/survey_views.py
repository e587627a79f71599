"""A consultation's survey: answering it, typing in paper answers, its results.

A plain HTML form (radio buttons, check boxes, text fields) that works without
JavaScript; the answers are checked by :mod:`.surveys`, whose errors are shown
beside their questions.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import RuleBroken

from . import permissions, selectors, surveys
from .models import Source
from .survey_blocks import Kind, questions_of

PREFIX = "q-"


def _consultation(request, page_id):
    consultation = selectors.visible_consultation(page_id, user=request.user)
    if consultation is None or not consultation.survey:
        raise Http404
    return consultation


def _answers_from(request, questions):
    """``{question id: values}`` from the form, including names of questions this
    survey does not have (the service refuses those)."""
    kinds = {question.id: question.kind for question in questions}
    answers = {}
    for name in request.POST:
        if not name.startswith(PREFIX):
            continue
        question_id = name[len(PREFIX) :]
        if kinds.get(question_id) == Kind.TEXT:
            answers[question_id] = request.POST.get(name, "")
        else:
            answers[question_id] = request.POST.getlist(name)
    return answers


def _form_items(questions, values, errors):
    """What the template needs for each question: the question, its chosen values and its error."""
    return [
        {"question": question, "values": values.get(question.id, []), "error": errors.get(question.id, "")}
        for question in questions
    ]


def _text_values(answers):
    return {key: [value] if isinstance(value, str) else value for key, value in answers.items()}


def survey(request, page_id):
    """The survey of a consultation: the form while it is open, the results after it closes."""
    consultation = _consultation(request, page_id)
    page = consultation.localized
    now = timezone.now()
    questions = questions_of(page)
    reason = permissions.why_cannot_answer_survey(request.user, consultation, now)
    errors, message, status = {}, "", 200
    values = {} if reason else surveys.my_answers(consultation=consultation, user=request.user)
    answered = bool(values)
    if request.method == "POST":
        answers = _answers_from(request, questions)
        try:
            surveys.survey_answer(
                consultation=consultation, user=request.user, answers=answers, language=translation.get_language()
            )
        except surveys.SurveyInvalid as invalid:
            errors, message, status, values = invalid.errors, invalid.message, 400, _text_values(answers)
        except RuleBroken as broken:
            message, status, values = broken.message, 400, _text_values(answers)
        else:
            messages.success(
                request,
                _("Thank you. Your answers are saved; you may change them until the consultation closes."),
            )
            return redirect(reverse("consultations:survey", args=[page_id]))
    context = {
        "consultation": page,
        "items": _form_items(questions, values, errors),
        "cannot_reason": reason,
        "form_error": message,
        "answered": answered,
        "can_enter_on_paper": permissions.why_cannot_enter_survey_on_paper(request.user, consultation, now) is None,
        "status": consultation.status_at(now),
    }
    return TemplateResponse(request, "consultations/survey.html", context, status=status)


@login_required
def survey_paper(request, page_id):
    """A facilitator types in one resident's answers from a paper form."""
    consultation = _consultation(request, page_id)
    page = consultation.localized
    reason = permissions.why_cannot_enter_survey_on_paper(request.user, consultation, timezone.now())
    if reason and not permissions.is_facilitator(request.user):
        raise PermissionDenied(reason)
    questions = questions_of(page)
    errors, message, status, values = {}, "", 200, {}
    source, language = Source.PAPER, translation.get_language()
    if request.method == "POST":
        answers = _answers_from(request, questions)
        source, language = request.POST.get("source", ""), request.POST.get("language", "")
        try:
            surveys.survey_enter_on_paper(
                consultation=consultation, facilitator=request.user, answers=answers, language=language, source=source
            )
        except surveys.SurveyInvalid as invalid:
            errors, message, status, values = invalid.errors, invalid.message, 400, _text_values(answers)
        except RuleBroken as broken:
            message, status, values = broken.message, 400, _text_values(answers)
        else:
            messages.success(request, _("The answers are saved, counted as entered from paper. Enter the next form."))
            return redirect(reverse("consultations:survey_paper", args=[page_id]))
    context = {
        "consultation": page,
        "items": _form_items(questions, values, errors),
        "cannot_reason": reason,
        "form_error": message,
        "sources": Source.choices,
        "source": source,
        "languages": settings.LANGUAGES,
        "language": language,
    }
    return TemplateResponse(request, "consultations/survey_paper.html", context, status=status)
