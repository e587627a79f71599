"""The moderators' screen in the Wagtail admin: comments waiting for review
(reported or hidden), filterable by language, with hide and restore."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import RuleBroken

from . import permissions, selectors, services
from .forms import ModerationForm
from .models import Comment

QUEUE_PER_PAGE = 30


def _require_moderator(request):
    if not permissions.can_moderate(request.user):
        raise PermissionDenied


def moderation_queue(request):
    _require_moderator(request)
    language = request.GET.get("language", "")
    show = request.GET.get("show", "review")
    comments = selectors.moderation_queue(show=show, language=language)
    page = Paginator(comments, QUEUE_PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "consultations/admin/moderation.html",
        {"comments": page, "language": language, "show": show, "form": ModerationForm()},
    )


@require_POST
def moderation_decide(request, pk, action):
    _require_moderator(request)
    if action not in ("hide", "restore"):
        raise Http404
    comment = get_object_or_404(Comment, pk=pk)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please give a reason; it is shown to the author and kept in the log."))
    else:
        decide = services.comment_hide if action == "hide" else services.comment_restore
        try:
            decide(comment=comment, moderator=request.user, reason=form.cleaned_data["reason"])
        except RuleBroken as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Decision saved and logged."))
    back = request.POST.get("next", "")
    # Only back to a page of this site: never to wherever a crafted form says.
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("consultations_moderation")
    return redirect(back)
