"""Every write of the information centre: questions, answers, reports and their retention.

Nothing here logs what a person wrote: reports are confidential, and even a
question may carry someone's situation.  Refusals are ``RuleBroken`` with a
translated message.
"""

import calendar

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables
from wagtail.models import Locale

from core.errors import RuleBroken
from core.ratelimit import allow

from . import notifications, permissions
from .models import FrequentQuestion, Question, Report, ReportEntry, new_reference_code

QUESTIONS_PER_HOUR = 5
REPORTS_PER_HOUR = 5
STATUS_CHECKS_PER_MINUTE = 10


class TooManyAttempts(RuleBroken):
    """A flood from one person or address: the page answers 429."""


def _refuse_if(reason):
    if reason:
        raise RuleBroken(reason)


# --- questions -------------------------------------------------------------------------


def question_ask(*, text, language, user=None, email="", may_publish=False, address=""):
    """A resident's question; signed in, or with an e-mail address for the answer."""
    signed_in = user is not None and user.is_authenticated
    text = (text or "").strip()
    if not text:
        raise RuleBroken(_("Please write your question."))
    if not email and not (signed_in and user.email):
        raise RuleBroken(_("Please give an e-mail address for the answer, or log in."))
    who = f"user:{user.pk}" if signed_in else f"address:{address}"
    if not allow(f"help-question:{who}", limit=QUESTIONS_PER_HOUR, seconds=3600):
        raise TooManyAttempts(
            _("You have asked several questions in the last hour. Please wait before asking another.")
        )
    return Question.objects.create(
        text=text,
        language=language,
        user=user if signed_in else None,
        email="" if signed_in and user.email else email,
        may_publish=may_publish,
    )


def question_answer(*, question, official, answer, publish=False, faq_question="", faq_answer="", area=""):
    """The city's answer, e-mailed to the asker after commit; with the asker's
    consent and the official's choice, also a frequently asked question in the
    asker's language, written by the official without anything that would
    identify the asker."""
    _refuse_if(permissions.why_cannot_answer(official))
    answer = (answer or "").strip()
    if not answer:
        raise RuleBroken(_("Please write the answer."))
    if publish:
        if not question.may_publish:
            raise RuleBroken(_("The person who asked did not agree to publishing the answer."))
        if not faq_question.strip() or not faq_answer.strip():
            raise RuleBroken(_("To publish, write the question and the answer as everyone will read them."))
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.status == Question.Status.ANSWERED:
            raise RuleBroken(_("This question has already been answered."))
        if publish:
            question.faq = FrequentQuestion.objects.create(
                locale=Locale.objects.get(language_code=question.language),
                question=faq_question.strip(),
                answer=faq_answer.strip(),
                area=area,
            )
        question.answer = answer
        question.answered_by = official
        question.answered_at = timezone.now()
        question.status = Question.Status.ANSWERED
        question.save()
        notifications.notify_answer(question=question)
    return question


def months_before(moment, months):
    """``moment`` so many calendar months earlier (31 March less one month is 28 or 29 February)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


# --- reports ---------------------------------------------------------------------------


@sensitive_variables()  # an error report from inside must not carry the person's words
def report_submit(
    *,
    what_happened,
    still_happening,
    language,
    where="",
    when="",
    contact="",
    contact_email="",
    contact_phone="",
    counted=False,
    address="",
):
    """A new report with its unguessable reference code.  Rate-limited per address."""
    if not (what_happened or "").strip():
        raise RuleBroken(_("Please describe what happened."))
    if contact == Report.Contact.EMAIL and not contact_email:
        raise RuleBroken(_("Please give the e-mail address we may write to."))
    if contact == Report.Contact.PHONE and not contact_phone:
        raise RuleBroken(_("Please give the phone number we may call."))
    if not allow(f"support-report:{address}", limit=REPORTS_PER_HOUR, seconds=3600):
        raise TooManyAttempts(_("Too many reports were sent from this connection. Please try again in an hour."))
    fields = {
        "what_happened": what_happened.strip(),
        "where": where.strip(),
        "when": when.strip(),
        "still_happening": still_happening,
        "contact": contact,
        # Only the way the person chose is kept.
        "contact_email": contact_email if contact == Report.Contact.EMAIL else "",
        "contact_phone": contact_phone if contact == Report.Contact.PHONE else "",
        "counted": counted,
        "language": language,
    }
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Report.objects.create(code=new_reference_code(), **fields)
        except IntegrityError:  # the same code twice: 1 in 2**59, but never lose a report over it
            continue
    raise RuleBroken(_("Your report could not be saved. Please try again."))


def report_status_allowed(*, address):
    """One more status look-up from ``address``, or False when it asked too often."""
    return allow(f"support-report-status:{address}", limit=STATUS_CHECKS_PER_MINUTE, seconds=60)


def report_closed_now(report, *, previous_status, now=None):
    """Keeps ``closed_at`` true to the status a case worker just saved."""
    if report.status == Report.Status.CLOSED and previous_status != Report.Status.CLOSED:
        report.closed_at = now or timezone.now()
    elif report.status != Report.Status.CLOSED:
        report.closed_at = None


def reports_purge(*, now=None, months=None):
    """Deletes the personal data of reports closed more than ``months``
    (``RADA_REPORT_RETENTION_MONTHS``) ago: the person's words, place, time and
    contact, and every entry's text.  Kind, area, status and dates stay, for
    the statistics.  Returns how many reports were cleared."""
    now = now or timezone.now()
    months = settings.RADA_REPORT_RETENTION_MONTHS if months is None else months
    cutoff = months_before(now, months)
    with transaction.atomic():
        due = Report.objects.select_for_update().filter(
            status=Report.Status.CLOSED, closed_at__lte=cutoff, personal_data_deleted_at__isnull=True
        )
        ids = list(due.values_list("pk", flat=True))
        ReportEntry.objects.filter(report_id__in=ids).update(text="")
        count = Report.objects.filter(pk__in=ids).update(
            what_happened="",
            where="",
            when="",
            contact="",
            contact_email="",
            contact_phone="",
            personal_data_deleted_at=now,
        )
    return count
