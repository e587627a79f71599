"""The resident's home on Rada, "My participation" (``/<lang>/accounts/``): what
they wrote, support, follow and registered for, their council record if they
hold a seat, their names and settings, their data, and leaving.

It lives here, in the site's layer, because it reads four apps at once --
consultations, events, council and accounts -- and ``accounts`` may import
none of them.  Each app answers through its own participation selectors; this
view only puts the answers on one page."""

from allauth.account.models import EmailAddress
from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.utils import timezone

from accounts.forms import AccountSettingsForm
from accounts.services import why_cannot_delete_account
from consultations.participation import participation_of
from core.language import current_language
from council.participation import member_record_of
from events.selectors import my_registrations


@login_required
def my_participation(request):
    user = request.user
    context = {
        "consultations": participation_of(user=user, language=current_language()),
        "registrations": my_registrations(user=user),
        "council": member_record_of(user=user),
        "emails": list(EmailAddress.objects.filter(user=user).order_by("-primary", "email")),
        "settings_form": AccountSettingsForm.for_user(user),
        "cannot_delete_reason": why_cannot_delete_account(user),
        "now": timezone.now(),
    }
    response = TemplateResponse(request, "accounts/participation.html", context)
    response["Cache-Control"] = "private, no-store"  # one person's own record
    return response
