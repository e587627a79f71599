"""E-mail to residents, in their own language, sent through django-tasks so that
a slow mail server never slows a request.  Every message is queued only after
the change it reports is committed, and carries a one-click unsubscribe link."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from core.text import render_plain

from .models import ConsultationNotice, ConsultationPage, Follow

SALT = "rada.unsubscribe"
REPLIES = "replies"


def unsubscribe_token(user_id, what):
    """``what`` is a consultation key or "area:<code>" (stop following it), or "replies"."""
    return signing.dumps({"u": user_id, "w": str(what)}, salt=SALT, compress=True)


def read_unsubscribe_token(token):
    data = signing.loads(token, salt=SALT)
    return data["u"], data["w"]


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _consultation_in(language, key):
    pages = ConsultationPage.objects.live().filter(translation_key=key)
    return pages.filter(locale__language_code=language).first() or pages.order_by("pk").first()


@task()
def send_notice(*, user_id, kind, consultation_key, unsubscribe, extra=None):
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return
    with translation.override(user.language):
        consultation = _consultation_in(user.language, consultation_key)
        context = {
            "user": user,
            "consultation": consultation,
            "consultation_url": _absolute(consultation.url) if consultation else settings.WAGTAILADMIN_BASE_URL,
            "unsubscribe_url": _absolute(
                reverse("consultations:unsubscribe", args=[unsubscribe_token(user.pk, unsubscribe)])
            ),
            **(extra or {}),
        }
        subject = render_plain(f"consultations/email/{kind}_subject.txt", context).strip()
        body = render_plain(f"consultations/email/{kind}.txt", context)
    message = EmailMessage(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=body,
        to=[user.email],
        headers={"List-Unsubscribe": f"<{context['unsubscribe_url']}>"},
    )
    message.send()


def _queue(**kwargs):
    transaction.on_commit(lambda: send_notice.enqueue(**kwargs))


def notify_reply(*, reply):
    parent = reply.parent
    author = parent.author
    if author.pk == reply.author_id or not author.notify_replies:
        return
    _queue(
        user_id=author.pk,
        kind="reply",
        consultation_key=str(parent.consultation_key),
        unsubscribe=REPLIES,
        extra={"reply_author": reply.author_name, "comment_id": parent.pk},  # the pseudonym, if any
    )


def notify_proposal_answer(*, proposal):
    if not proposal.author.notify_replies or not proposal.answer_status:
        return
    _queue(
        user_id=proposal.author_id,
        kind="proposal_answer",
        consultation_key=str(proposal.consultation_key),
        unsubscribe=REPLIES,
        extra={"proposal_title": proposal.title, "answer_status": proposal.answer_status, "answer": proposal.answer},
    )


def recipients(*, consultation, kind):
    """{user id: what their unsubscribe link stops}: the consultation's own
    followers (not told that it opened: they found it open) and its areas' followers."""
    result = {}
    area_codes = list(consultation.areas.values_list("code", flat=True))
    for user_id, area in Follow.objects.filter(area__in=area_codes).values_list("user_id", "area"):
        result.setdefault(user_id, f"area:{area}")
    if kind != ConsultationNotice.Kind.OPENED:
        for user_id in Follow.objects.filter(consultation_key=consultation.translation_key).values_list(
            "user_id", flat=True
        ):
            result[user_id] = str(consultation.translation_key)
    return result


def notify_event(*, consultation, kind):
    """Queue the e-mails about ``kind`` (opened, closed, outcome) to the
    consultation's and its areas' followers; returns how many."""
    people = recipients(consultation=consultation, kind=kind)
    for user_id, unsubscribe in people.items():
        _queue(user_id=user_id, kind=kind, consultation_key=str(consultation.translation_key), unsubscribe=unsubscribe)
    return len(people)
