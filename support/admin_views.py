"""Officials' screens in the Wagtail admin: the queue of residents' questions by
language and age, and the answer to one of them."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import RuleBroken
from core.language import LANGUAGE_CODES

from . import permissions, selectors, services
from .forms import AnswerForm


def _require_official(request):
    if not permissions.can_answer_questions(request.user):
        raise PermissionDenied


def queue(request):
    _require_official(request)
    language = request.GET.get("language", "")
    if language not in LANGUAGE_CODES:
        language = ""
    found = selectors.question_queue(language=language)
    languages = [
        (code, name, found["counts"].get(code, {}).get("waiting", 0), found["counts"].get(code, {}).get("oldest"))
        for code, name in settings.LANGUAGES
    ]
    context = {**found, "languages": languages, "language": language, "now": timezone.now()}
    return TemplateResponse(request, "support/admin/queue.html", context)


def answer(request, pk):
    _require_official(request)
    question = selectors.question(pk)
    if question is None:
        raise Http404
    form = AnswerForm(request.POST or None, may_publish=question.may_publish)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_answer(question=question, official=request.user, **form.cleaned_data)
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The answer is saved and e-mailed to the person who asked."))
            return redirect(reverse("support_admin_queue"))
    language_name = translation.get_language_info(question.language)["name_local"]
    context = {
        "question": question,
        "form": form,
        "language_name": language_name,
        "translators_url": reverse("translators:list"),
    }
    return TemplateResponse(request, "support/admin/answer.html", context, status=400 if form.errors else 200)
