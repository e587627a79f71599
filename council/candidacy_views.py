"""Calls for candidates on the site: the calls with their published lists of
candidates, and the application form of signed-in residents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import RuleBroken

from . import recruitment_selectors, recruitment_services, selectors
from .forms import CandidacyForm

FIELDS = ("motivation", "languages", "community", "language", "consent_to_publish")


def candidates(request):
    now = timezone.now()
    calls = recruitment_selectors.calls_page(now=now)
    mine = recruitment_selectors.my_candidacies(request.user, calls)
    for call in calls:
        call.is_open, call.is_upcoming = call.is_open_at(now), now < call.opens_at
        call.mine = mine.get(call.pk)
    context = {"calls": calls, "council_page": selectors.council_page()}
    return TemplateResponse(request, "council/candidates.html", context)


@login_required
def candidacy_form(request, pk):
    call = recruitment_selectors.call(pk)
    if call is None:
        raise Http404
    mine = recruitment_selectors.candidacy_of(call, request.user)
    reason = (
        recruitment_services.why_cannot_change(request.user, mine)
        if mine
        else recruitment_services.why_cannot_apply(request.user, call)
    )
    if reason:
        messages.error(request, reason)
        return redirect("council:candidates")
    initial = {name: getattr(mine, name) for name in FIELDS} if mine else None
    form = CandidacyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if mine:
                recruitment_services.candidacy_update(candidacy=mine, user=request.user, **form.cleaned_data)
            else:
                recruitment_services.candidacy_submit(call=call, user=request.user, **form.cleaned_data)
        except RuleBroken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your application is saved. You can change it while the call is open."))
            return redirect("council:candidates")
    context = {"form": form, "call": call, "candidacy": mine, "council_page": selectors.council_page()}
    return TemplateResponse(request, "council/candidacy_form.html", context, status=400 if form.errors else 200)
