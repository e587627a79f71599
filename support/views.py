"""The public pages of the information centre: ``/<lang>/help/`` and ``/<lang>/report/``.

Report pages are never cached, and their POST bodies are marked sensitive, so
Django's error reports leave what a person wrote out.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from core.errors import RuleBroken
from core.language import current_language
from core.ratelimit import client_address

from . import selectors, services
from .forms import AreaLanguageFilter, AskForm, ReportForm, StatusForm

REPORT_FIELDS = ("what_happened", "where", "when", "contact_email", "contact_phone")


def help_index(request):
    language = current_language()
    spoken = selectors.spoken_languages()
    filters = AreaLanguageFilter(request.GET or None, spoken=spoken)
    area, spoken_code = filters.value("area"), filters.value("language")
    entries = selectors.directory(language=language, area=area, spoken=spoken_code)
    context = {
        "filters": filters,
        "filtered": bool(area or spoken_code),
        "help_points": [entry for entry in entries if entry.service.is_help_point],
        "entries": entries,
        "faqs": selectors.faqs(language=language, area=area),
    }
    return TemplateResponse(request, "support/help.html", context)


def ask(request):
    # A person registered with an invitation code may have no e-mail address: they give one here.
    has_address = request.user.is_authenticated and bool(request.user.email)
    form = AskForm(request.POST or None, has_address=has_address)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_ask(
                text=form.cleaned_data["text"],
                language=form.cleaned_language(),
                user=request.user,
                email=form.cleaned_data.get("email", ""),
                may_publish=form.cleaned_data["may_publish"],
                address=client_address(request),
            )
        except services.TooManyAttempts as error:
            form.add_error(None, error.message)
            return TemplateResponse(request, "support/ask.html", {"form": form}, status=429)
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. Your question was sent; the answer will come by e-mail."))
            return redirect("support:ask")
    return TemplateResponse(request, "support/ask.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@sensitive_variables()  # every local: the form and its cleaned data carry the person's words
@sensitive_post_parameters(*REPORT_FIELDS)
def report(request):
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.report_submit(
                what_happened=data["what_happened"],
                where=data["where"],
                when=data["when"],
                still_happening=data["still_happening"],
                contact=data["contact"],
                contact_email=data["contact_email"],
                contact_phone=data["contact_phone"],
                counted=data["counted"],
                language=form.cleaned_language(),
                address=client_address(request),
            )
        except RuleBroken as error:
            form.add_error(None, error.message)
            return _report_form(request, form, status=429 if isinstance(error, services.TooManyAttempts) else 400)
        # Shown once, here, never in a redirect's address or a log line.
        return TemplateResponse(request, "support/report_sent.html", {"report": created})
    return _report_form(request, form, status=400 if form.errors else 200)


def _report_form(request, form, *, status):
    context = {"form": form, "retention_months": settings.RADA_REPORT_RETENTION_MONTHS}
    return TemplateResponse(request, "support/report.html", context, status=status)


@never_cache
@sensitive_variables()
@sensitive_post_parameters("code")
def report_status(request):
    form = StatusForm(request.POST or None)
    found = None
    if request.method == "POST":
        if not services.report_status_allowed(address=client_address(request)):
            context = {"form": StatusForm(), "error": _("Too many attempts. Please wait a minute and try again.")}
            return TemplateResponse(request, "support/report_status.html", context, status=429)
        if form.is_valid():
            found = selectors.report_by_code(form.cleaned_data["code"])
            if found is None:
                form.add_error("code", _("No report has this code. Check the letters and digits and try again."))
    context = {"form": form, "report": found}
    return TemplateResponse(request, "support/report_status.html", context, status=400 if form.errors else 200)
