"""E-mails about interpreting requests, each in its reader's own language, sent
through django-tasks after the change is committed (as ``events.notifications``
does): the translator when a request is offered to them or cancelled, the
official who asked when the translator answers."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from .models import InterpretingRequest

ASSIGNED, ANSWERED, CANCELLED = "assigned", "answered", "cancelled"


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def send_interpreting_mail(*, what, request_id, user_id):
    interpreting = InterpretingRequest.objects.filter(pk=request_id).first()
    if interpreting is None:
        return
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not user.is_active or not user.email:
        return
    with translation.override(user.language):
        context = {
            "what": what,
            "user": user,
            "interpreting": interpreting,
            "pair": interpreting.pair_name(),
            "starts_at": timezone.localtime(interpreting.starts_at),
            "ends_at": timezone.localtime(interpreting.ends_at),
            "accepted": interpreting.status == InterpretingRequest.Status.ACCEPTED,
            "url": _absolute(
                reverse("interpreting_admin_detail", args=[interpreting.pk])
                if what == ANSWERED
                else reverse("translators:assignments")
            ),
        }
        subject = render_to_string("translators/email/interpreting_subject.txt", context).strip()
        body = render_to_string("translators/email/interpreting.txt", context)
    EmailMessage(subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=body, to=[user.email]).send()


def _notify(what, interpreting, user_id):
    request_id = interpreting.pk
    transaction.on_commit(lambda: send_interpreting_mail.enqueue(what=what, request_id=request_id, user_id=user_id))


def notify_assigned(*, interpreting):
    _notify(ASSIGNED, interpreting, interpreting.translator.user_id)


def notify_cancelled(*, interpreting):
    _notify(CANCELLED, interpreting, interpreting.translator.user_id)


def notify_answered(*, interpreting):
    if interpreting.requested_by_id:  # the official who asked may have left since
        _notify(ANSWERED, interpreting, interpreting.requested_by_id)
