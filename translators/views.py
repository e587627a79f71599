"""HTTP in, one service or selector call, a redirect or the page with the form."""

import json
import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.detection import suggest_language
from core.errors import RuleBroken
from core.language import LANGUAGE_CODES, current_language
from core.ratelimit import allow, client_address, window_left
from core.text import clean_text
from council.translations import TRANSLATED_TEXT_MAX_LENGTH

from . import interpreting as interpreting_services
from . import interpreting_selectors, permissions, selectors, services
from .forms import TranslationForm, TranslatorForm
from .interpreting_forms import AnswerForm
from .models import InterpretingRequest

DETECT_MAX_LENGTH = 4000
DETECTIONS_PER_MINUTE = 30


def translator_list(request):
    return TemplateResponse(
        request,
        "translators/translator_list.html",
        {"translators": selectors.listed_translators(), "me": permissions.translator_of(request.user)},
    )


@login_required
def register(request):
    translator = permissions.translator_of(request.user)
    reason = permissions.why_cannot_register(request.user)
    form = TranslatorForm(request.POST or None, initial=TranslatorForm.initial_for(translator))
    if request.method == "POST" and not reason and form.is_valid():
        try:
            services.translator_register(
                user=request.user,
                pairs=form.cleaned_pairs(),
                kind=form.cleaned_data["kind"],
                is_sworn=form.cleaned_data["is_sworn"],
                is_listed=form.cleaned_data["is_listed"],
                other_languages=form.cleaned_data["other_languages"],
            )
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. Your registration as a translator is saved."))
            return redirect("translators:register")
    context = {"form": form, "translator": translator, "cannot_register_reason": reason}
    return TemplateResponse(request, "translators/register.html", context, status=400 if form.errors else 200)


def _not_a_translator(request):
    return TemplateResponse(
        request,
        "translators/not_translator.html",
        {"translator": permissions.translator_of(request.user)},
        status=403,
    )


@login_required
def queue(request):
    if not permissions.is_approved_translator(request.user):
        return _not_a_translator(request)
    context = selectors.translation_queue(
        translator=permissions.translator_of(request.user),
        user=request.user,
        pair_code=request.GET.get("pair", ""),
        page_number=request.GET.get("page"),
        now=timezone.now(),
        language=current_language(),
    )
    context["council_entries"] = selectors.council_queue(
        translator=permissions.translator_of(request.user), pair_code=request.GET.get("pair", "")
    )
    return TemplateResponse(request, "translators/queue.html", context)


@login_required
def translate(request, kind, pk, language):
    if not permissions.is_approved_translator(request.user):
        return _not_a_translator(request)
    item = selectors.queue_item(kind=kind, pk=pk)
    if (
        item is None
        or language not in LANGUAGE_CODES
        or services.why_not_translatable(item, timezone.now(), user=request.user)
    ):
        raise Http404
    council = kind in selectors.COUNCIL_KINDS
    form = TranslationForm(
        request.POST or None,
        with_title=kind in ("proposal", "motion", "resolution"),
        language=language,
        max_length=TRANSLATED_TEXT_MAX_LENGTH if council else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.translation_submit(
                item=item,
                translator=request.user,
                language=language,
                text=form.cleaned_data["text"],
                title=form.cleaned_data.get("title", ""),
            )
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. Your translation is published."))
            return redirect(reverse("translators:queue"))
    context = {
        "kind": kind,
        "council": council,
        "item": item,
        "target": language,
        "target_name": get_language_info(language)["name_translated"],
        "form": form,
        "can_translate": permissions.can_translate_pair(request.user, item.language, language),
    }
    return TemplateResponse(request, "translators/translate.html", context, status=400 if form.errors else 200)


@require_POST
def detect(request):
    """``{"language": "uk"}`` (or null) for the posted ``text``: a writing aid for
    the comment and proposal forms.  Rate-limited per address; nothing is kept."""
    if not allow(f"detect:{client_address(request)}", limit=DETECTIONS_PER_MINUTE, seconds=60):
        response = JsonResponse({"error": _("Too many requests. Please wait a minute.")}, status=429)
        response["Retry-After"] = str(math.ceil(window_left(60)))
        return response
    text = request.POST.get("text")
    if text is None and request.content_type == "application/json":
        try:
            text = json.loads(request.body or b"{}").get("text", "")
        except (ValueError, AttributeError, RecursionError):  # deep nesting exhausts the parser's stack
            text = None
        if not isinstance(text, str):
            return JsonResponse({"error": _('Send the text as JSON: {"text": …}.')}, status=400)
    text = clean_text(text or "")[:DETECT_MAX_LENGTH]
    language = suggest_language(text)
    return JsonResponse({"language": language, "languages": list(LANGUAGE_CODES)})


@login_required
def assignments(request):
    """A translator's interpreting assignments, with the answer form for each offer."""
    translator = permissions.translator_of(request.user)
    if translator is None or not translator.is_approved:
        return _not_a_translator(request)
    context = interpreting_selectors.assignments_of(translator, now=timezone.now())
    return TemplateResponse(request, "translators/assignments.html", context)


@login_required
@require_POST
def assignment_answer(request, pk):
    interpreting = get_object_or_404(InterpretingRequest, pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors.get("answer", [_("Choose whether you accept or decline.")])[0])
        return redirect(f"{reverse('translators:assignments')}#assignment-{pk}")
    accept = form.cleaned_data["answer"] == "accept"
    try:
        interpreting_services.interpreting_answer(
            interpreting=interpreting, user=request.user, accept=accept, note=form.cleaned_data["note"]
        )
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Thank you. You have accepted; the city is told by e-mail.")
            if accept
            else _("Thank you for telling us. The city will ask someone else."),
        )
    return redirect(f"{reverse('translators:assignments')}#assignment-{pk}")
