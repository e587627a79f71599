"""Account pages beyond allauth's: registering with an invitation code, issuing
codes, and (below) the privacy page and the download of one's data.  HTTP in, one service call, a redirect."""

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import RuleBroken
from core.language import current_language, language_home
from core.ratelimit import client_address, enforce
from core.text import whole_number

from . import services
from .forms import (
    AccountDeleteForm,
    AccountSettingsForm,
    AnonymiseForm,
    InvitationIssueForm,
    InvitationSignupForm,
)

INVITATION_ATTEMPTS_PER_HOUR = 10
CODES_PER_PAGE = 50


def invitation_register(request):
    if request.user.is_authenticated:
        return redirect(language_home())
    form = InvitationSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            enforce(
                f"invitation:{client_address(request)}",
                limit=INVITATION_ATTEMPTS_PER_HOUR,
                seconds=3600,
                message=_("Too many attempts with invitation codes. Please try again in an hour."),
            )
            user = services.invitation_register(
                code=form.cleaned_data["code"],
                display_name=form.cleaned_data["display_name"],
                password=form.cleaned_data["password1"],
                email=form.cleaned_data["email"],
                language=current_language(),
            )
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome! Your account is ready. To log in next time, use the name %(username)s and your password.")
                % {"username": user.username},
            )
            return redirect(language_home())
    status = 400 if form.errors else 200
    return TemplateResponse(request, "accounts/invitation_register.html", {"form": form}, status=status)


@login_required
def invitation_issue(request):
    """Partner organisations and officials issue codes; they are shown once, here."""
    if not services.can_issue_invitations(request.user):
        raise PermissionDenied
    form = InvitationIssueForm(request.POST or None)
    codes = []
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.invitation_codes_issue(issued_by=request.user, **form.cleaned_data)
        except RuleBroken as error:
            form.add_error(None, error.message)
    context = {"form": form, "codes": codes, "expires_in": form.cleaned_data.get("days") if codes else None}
    response = TemplateResponse(request, "accounts/invitation_issue.html", context, status=400 if form.errors else 200)
    response["Cache-Control"] = "no-store"  # the codes exist in clear only on this one page
    return response


@login_required
def invitation_list(request):
    """The codes one has issued (officials: every organisation's), what became
    of each, and a button to withdraw one that is still unused."""
    if not services.can_issue_invitations(request.user):
        raise PermissionDenied
    if request.method == "POST":
        try:
            code = services.invitation_code_withdraw(code_id=whole_number(request.POST.get("code")), by=request.user)
        except RuleBroken as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The code ending in %(hint)s is withdrawn: nobody can register with it now.")
                % {"hint": code.hint or "…"},
            )
        return redirect(f"{reverse('accounts:invitation_list')}?page={whole_number(request.GET.get('page')) or 1}")
    now = timezone.now()
    codes = services.invitation_codes_visible_to(request.user)
    page = Paginator(codes, CODES_PER_PAGE).get_page(request.GET.get("page"))
    for code in page:
        code.state = code.state_at(now)
    totals = codes.aggregate(
        issued=Count("pk"),
        used=Count("pk", filter=Q(used_at__isnull=False)),
        withdrawn=Count("pk", filter=Q(used_at__isnull=True, withdrawn_at__isnull=False)),
        unused=Count("pk", filter=Q(used_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=now)),
    )
    context = {"codes": page, "totals": totals, "all_organisations": services.can_see_all_invitations(request.user)}
    return TemplateResponse(request, "accounts/invitation_list.html", context)


@login_required
def account_privacy(request):
    """Anonymise what one wrote, or delete one's account: each one step, confirmed."""
    anonymise_form = AnonymiseForm(request.POST if request.POST.get("action") == "anonymise" else None)
    delete_form = AccountDeleteForm(request.POST if request.POST.get("action") == "delete" else None, user=request.user)
    if request.method == "POST" and anonymise_form.is_bound and anonymise_form.is_valid():
        try:
            moved = services.contributions_anonymise(user=request.user, keep_session=request.session.session_key)
        except RuleBroken as error:
            anonymise_form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Done: %(comments)d comments and %(proposals)d proposals now show “a former participant”.")
                % {"comments": moved["comments"], "proposals": moved["proposals"]},
            )
            return redirect(request.path)
    if request.method == "POST" and delete_form.is_bound and delete_form.is_valid():
        try:
            services.account_delete(
                user=request.user, remove_contributions=delete_form.cleaned_data["remove_contributions"]
            )
        except RuleBroken as error:
            delete_form.add_error(None, error.message)
        else:
            logout(request)
            messages.success(request, _("Your account is deleted. Thank you for taking part."))
            return redirect(language_home())
    context = {
        "anonymise_form": anonymise_form,
        "delete_form": delete_form,
        "cannot_delete_reason": services.why_cannot_delete_account(request.user),
    }
    status = 400 if anonymise_form.errors or delete_form.errors else 200
    return TemplateResponse(request, "accounts/privacy.html", context, status=status)


@login_required
def account_settings(request):
    """One's public name, the language of e-mails and reply e-mails.  The form
    also stands on one's participation page, which a success returns to."""
    form = AccountSettingsForm.for_user(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_settings_update(user=request.user, **form.cleaned_data)
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your settings are saved."))
            return redirect(reverse("my_participation") + "#settings")
    status = 400 if form.errors else 200
    return TemplateResponse(request, "accounts/settings.html", {"form": form}, status=status)


@login_required
def data_export(request):
    """Everything Rada holds about the person (right of access and portability):
    GET shows what the file holds, with a button; POST, or GET with
    ``?download``, gives it as a JSON file."""
    if request.method == "POST" or "download" in request.GET:
        document = services.personal_data_document(user=request.user)
        name = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "-" for ch in request.user.username)
        response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = f'attachment; filename="rada-{name}-{timezone.localdate():%Y-%m-%d}.json"'
        response["Cache-Control"] = "no-store"
        return response
    sections = services.personal_data_collect(user=request.user)
    context = {
        "held": [section for section in sections if section.rows],
        "empty": [section.title for section in sections if not section.rows],
    }
    return TemplateResponse(request, "accounts/data_export.html", context)
