"""E-mail to a resident when an official answers one of their requests, in the
resident's own language, sent through django-tasks after the decision is
committed (as ``consultations.notifications`` does)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from core.text import render_plain

from .models import AccessRequest


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def send_decision(*, request_id):
    access_request = (
        AccessRequest.objects.select_related("registration__user", "registration__event", "registration__meeting")
        .filter(pk=request_id)
        .first()
    )
    if access_request is None:  # the resident cancelled in the meantime
        return
    user = access_request.registration.user
    if not user.is_active or not user.email:
        return
    occasion = access_request.registration.occasion
    with translation.override(user.language):
        context = {
            "user": user,
            "request": access_request,
            "what": access_request.describe(),
            "occasion": str(occasion),
            "starts_at": timezone.localtime(occasion.starts_at),
            "place": occasion.place,
            "confirmed": access_request.status == AccessRequest.Status.CONFIRMED,
            "url": _absolute(occasion.get_absolute_url()),
            "registrations_url": _absolute(reverse("events:mine")),
        }
        subject = render_plain("events/email/decision_subject.txt", context).strip()
        body = render_plain("events/email/decision.txt", context)
    EmailMessage(subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=body, to=[user.email]).send()


def notify_decision(*, access_request):
    request_id = access_request.pk
    transaction.on_commit(lambda: send_decision.enqueue(request_id=request_id))
