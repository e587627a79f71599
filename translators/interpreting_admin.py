"""Officials' screens for interpreting requests in the Wagtail admin: the week's
calendar (a list by day, no script needed), a new request, one request with
the translators Rada proposes, and the yearly count by language pair, which
downloads as CSV or XLSX."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import tabular
from core.errors import RuleBroken

from . import interpreting, interpreting_selectors, permissions
from .interpreting_forms import AssignForm, InterpretingRequestForm
from .models import InterpretingRequest, Translator


def _require_official(request):
    if not permissions.can_request_interpreters(request.user):
        raise PermissionDenied


def calendar(request):
    _require_official(request)
    try:
        day = datetime.date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        day = timezone.localdate()
    context = interpreting_selectors.week_calendar(interpreting_selectors.week_of(day))
    context["waiting"] = interpreting_selectors.open_requests(now=timezone.now())
    return TemplateResponse(request, "translators/admin/calendar.html", context)


def create(request):
    _require_official(request)
    form = InterpretingRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = interpreting.interpreting_request_create(official=request.user, **form.cleaned_data)
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Request saved. Now choose a translator."))
            return redirect("interpreting_admin_detail", created.pk)
    return TemplateResponse(
        request, "translators/admin/create.html", {"form": form}, status=400 if form.errors else 200
    )


def detail(request, pk):
    _require_official(request)
    item = get_object_or_404(
        InterpretingRequest.objects.select_related("translator__user", "requested_by").prefetch_related(
            "access_requests__registration__user"
        ),
        pk=pk,
    )
    context = {
        "item": item,
        "statuses": InterpretingRequest.Status,
        "can_assign": item.status in (InterpretingRequest.Status.REQUESTED, InterpretingRequest.Status.DECLINED),
        "matching": interpreting.matching_translators(item),
        "declined": item.declined_by.select_related("user"),
    }
    return TemplateResponse(request, "translators/admin/detail.html", context)


def _act(request, pk, action, done_message):
    _require_official(request)
    item = get_object_or_404(InterpretingRequest, pk=pk)
    try:
        action(item)
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done_message)
    return redirect("interpreting_admin_detail", pk)


@require_POST
def assign(request, pk):
    form = AssignForm(request.POST)
    translator = Translator.objects.filter(pk=form.cleaned_data["translator"]).first() if form.is_valid() else None
    if translator is None:
        _require_official(request)
        messages.error(request, _("Choose a translator from the list."))
        return redirect("interpreting_admin_detail", pk)
    return _act(
        request,
        pk,
        lambda item: interpreting.interpreting_assign(interpreting=item, translator=translator, official=request.user),
        _("Translator assigned; they are asked by e-mail to accept."),
    )


@require_POST
def cancel(request, pk):
    return _act(
        request,
        pk,
        lambda item: interpreting.interpreting_cancel(interpreting=item, official=request.user),
        _("Request cancelled."),
    )


@require_POST
def done(request, pk):
    return _act(
        request,
        pk,
        lambda item: interpreting.interpreting_done(interpreting=item, official=request.user),
        _("Marked as done."),
    )


def report(request):
    _require_official(request)
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = 0
    if not 2000 <= year <= 2200:
        year = timezone.localdate().year
    rows = interpreting_selectors.yearly_counts(year)
    file_format = request.GET.get("format")
    if file_format in ("csv", "xlsx"):
        headers = [_("From"), _("Into"), _("Language pair"), _("Requested"), _("Filled"), _("Not filled")]
        return tabular.download(
            name=f"interpreting-{year}",
            file_format=file_format,
            headers=headers,
            rows=[
                [row["source"], row["target"], row["pair"], row["requested"], row["filled"], row["unfilled"]]
                for row in rows
            ],
            title=_("Interpreting %(year)d") % {"year": year},
        )
    context = {"year": year, "rows": rows, "previous": year - 1, "next": year + 1}
    return TemplateResponse(request, "translators/admin/report.html", context)
