"""Events and residents saying they will attend, with what they need to take
part: an interpreter, sign language, childcare, step-free access.

An event may belong to a consultation, not to one translation of it: like
comments, it is then keyed by the consultation pages' shared
``translation_key``.  Trainings, information sessions and campaigns stand on
their own (no key), with a thematic area of their own.
A registration is for an event *or* for a council meeting (two foreign keys,
exactly one set).  Each thing a resident asks for is its own row, so that an
official can confirm one and refuse another, and so that the counts per
language come from the database.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.areas import Area
from core.language import language_name

OTHER_LANGUAGE = "other"
NOTE_MAX_LENGTH = 1000
MAX_CHILDREN = 10


class Event(models.Model):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        OPEN_MEETING = "open_meeting", _("Open meeting")
        INFORMATION_MEETING = "information_meeting", _("Information meeting")
        WALK = "walk", _("Study walk")
        OTHER = "other", _("Other event")

    consultation_key = models.UUIDField(
        _("consultation"), db_index=True, null=True, blank=True, help_text=_("Empty for an event of its own.")
    )
    area = models.CharField(_("thematic area"), max_length=32, choices=Area.choices, blank=True)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.WORKSHOP)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("places"), help_text=_("How many residents can register."))
    description = models.TextField(_("description"), blank=True, max_length=4000)
    language = models.CharField(
        _("language of the title and description"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    spoken_languages = models.JSONField(
        _("languages spoken at the event"), default=list, blank=True, help_text=_("Without an interpreter.")
    )
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_it_starts"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="event_has_a_place"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event", args=[self.pk])

    def has_started(self, now):
        return self.starts_at <= now

    def spoken_language_names(self):
        return [language_name(code) for code in self.spoken_languages]


class Registration(models.Model):
    """A resident will attend an event or a council meeting.  Cancelling deletes it
    (with its requests): nothing about the person is kept once they are not coming."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("resident")
    )
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    meeting = models.ForeignKey(
        "council.Meeting",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("council meeting"),
    )
    note = models.TextField(_("note for the organisers"), blank=True, max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.CheckConstraint(
                condition=Q(event__isnull=False, meeting__isnull=True) | Q(event__isnull=True, meeting__isnull=False),
                name="registration_for_an_event_or_a_meeting",
            ),
            models.UniqueConstraint(
                fields=["event", "user"], condition=Q(event__isnull=False), name="one_registration_per_event"
            ),
            models.UniqueConstraint(
                fields=["meeting", "user"], condition=Q(meeting__isnull=False), name="one_registration_per_meeting"
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.occasion}"

    @property
    def occasion(self):
        return self.event if self.event_id else self.meeting


class AccessRequest(models.Model):
    class Kind(models.TextChoices):
        INTERPRETER = "interpreter", _("Interpreter")
        SIGN_LANGUAGE = "sign_language", _("Polish Sign Language (PJM) interpreter")
        CHILDCARE = "childcare", _("Childcare")
        STEP_FREE = "step_free", _("Step-free access")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        CONFIRMED = "confirmed", _("confirmed")
        DECLINED = "declined", _("cannot be provided")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="requests")
    kind = models.CharField(_("request"), max_length=16, choices=Kind.choices)
    language = models.CharField(_("into language"), max_length=8, blank=True)
    other_language = models.CharField(_("other language"), max_length=60, blank=True)
    children = models.PositiveSmallIntegerField(_("number of children"), null=True, blank=True)
    children_ages = models.CharField(_("ages of the children"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    answer = models.TextField(_("note from the organisers"), blank=True, max_length=NOTE_MAX_LENGTH)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["registration", "kind"]
        verbose_name = _("interpreter or accessibility request")
        verbose_name_plural = _("interpreter and accessibility requests")
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind"], name="one_request_of_a_kind_per_registration"),
            models.CheckConstraint(
                condition=~Q(kind="interpreter") | ~Q(language=""), name="interpreter_request_names_a_language"
            ),
            models.CheckConstraint(
                condition=~Q(kind="childcare") | Q(children__gte=1), name="childcare_request_counts_children"
            ),
        ]

    def __str__(self):
        return str(self.describe())

    def language_name(self):
        if self.language == OTHER_LANGUAGE:
            return self.other_language
        return language_name(self.language)

    def describe(self):
        """What was asked for, in a short translated phrase."""
        if self.kind == self.Kind.INTERPRETER:
            return gettext("an interpreter into %(language)s") % {"language": self.language_name()}
        if self.kind == self.Kind.CHILDCARE:
            text = ngettext("childcare for %(count)d child", "childcare for %(count)d children", self.children) % {
                "count": self.children
            }
            return f"{text} ({self.children_ages})" if self.children_ages else text
        if self.kind == self.Kind.SIGN_LANGUAGE:
            return gettext("a Polish Sign Language (PJM) interpreter")
        return gettext("step-free access")
