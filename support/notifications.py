"""E-mail to a resident when the city answers their question, in the language
they asked in, sent through django-tasks after the answer is committed."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from .models import Question


@task()
def send_answer(*, question_id):
    question = Question.objects.select_related("user").filter(pk=question_id).first()
    if question is None or not question.reply_address:
        return
    if question.user_id and not question.user.is_active:
        return
    with translation.override(question.language):
        context = {
            "question": question,
            "help_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("support:help"),
        }
        subject = render_to_string("support/email/answer_subject.txt", context).strip()
        body = render_to_string("support/email/answer.txt", context)
    EmailMessage(subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=body, to=[question.reply_address]).send()


def notify_answer(*, question):
    question_id = question.pk
    transaction.on_commit(lambda: send_answer.enqueue(question_id=question_id))
