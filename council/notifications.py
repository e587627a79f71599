"""E-mail to the council's members, each in their own language, sent through
django-tasks after the change it reports is committed."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .follow_up import CityResponseUpdate
from .models import Membership


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def send_city_answer(*, user_id, update_id):
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    update = CityResponseUpdate.objects.select_related("resolution__term").filter(pk=update_id).first()
    if user is None or not user.email or update is None:
        return
    with translation.override(user.language):
        resolution = update.resolution
        language, text = update.text
        context = {
            "user": user,
            "resolution": resolution,
            "update": update,
            "text": text,
            "text_language": language,
            "resolution_url": _absolute(resolution.get_absolute_url()),
        }
        subject = render_to_string("council/email/city_answer_subject.txt", context).strip()
        body = render_to_string("council/email/city_answer.txt", context)
    EmailMessage(subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=body, to=[user.email]).send()


def notify_city_answer(*, update, today):
    """Queue the e-mail about the city's answer to every member who holds a
    seat in the resolution's term today; returns how many."""
    user_ids = list(
        Membership.objects.current_on(today)
        .filter(term_id=update.resolution.term_id, user__is_active=True)
        .exclude(user__email="")
        .values_list("user_id", flat=True)
        .distinct()
    )
    for user_id in user_ids:
        transaction.on_commit(lambda user_id=user_id: send_city_answer.enqueue(user_id=user_id, update_id=update.pk))
    return len(user_ids)
