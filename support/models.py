"""The information and support centre.

**Services** (the directory) and **frequently asked questions** are
translatable snippets, as glossary terms are: officials write them in one
language and translate them with wagtail-localize's "Translate" action, so each
language's row holds its own text while the fields that are facts, not words
(kind, area, languages spoken, opening hours, phone, e-mail), are synchronised
from the original.  A service not yet translated is shown from its original,
marked with its language.  The help points on ``/help/`` are the services
marked as such: one record, so the directory and the help points never tell
two different opening hours.

**Questions** are what residents ask; an official answers in the asker's
language and, with the asker's consent, publishes the answer, anonymised, as a
frequently asked question.

**Reports** of discrimination or a hate incident are confidential: only the
*Case workers* group may see them (``view_report``), they are not indexed, not
in the API and not in any export, and ``__str__`` is the reference code, so
nothing a person wrote reaches an admin log line.  After a report is closed,
its personal data is deleted after ``RADA_REPORT_RETENTION_MONTHS``; what
remains (kind, area, dates) is enough for the public statistics.
"""

import secrets

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.areas import Area

QUESTION_MAX_LENGTH = 4000
REPORT_TEXT_MAX_LENGTH = 5000

# --- the directory ---------------------------------------------------------------------

# Django's own weekday names, already translated into every language the site speaks.
WEEKDAY_CHOICES = [(str(number), name) for number, name in WEEKDAYS.items()]


class HoursBlock(blocks.StructBlock):
    """Days of the week with the same opening and closing times."""

    days = blocks.MultipleChoiceBlock(choices=WEEKDAY_CHOICES, label=_("Days"))
    opens = blocks.TimeBlock(label=_("Opens at"))
    closes = blocks.TimeBlock(label=_("Closes at"))

    class Meta:
        icon = "time"
        label = _("Opening hours")


def validate_languages(value):
    unknown = [code for code in value.split() if code not in LANG_INFO]
    if unknown:
        raise ValidationError(
            _("Unknown language codes: %(codes)s. Use two-letter codes such as pl, uk, ru, en, be, ka.")
            % {"codes": ", ".join(unknown)}
        )


class Service(TranslatableMixin, models.Model):
    """A city unit, an organisation or an office that helps migrants."""

    class Kind(models.TextChoices):
        CITY = "city", _("City unit")
        NGO = "ngo", _("Non-governmental organisation")
        HEALTH = "health", _("Health")
        SCHOOL = "school", _("Schools and education")
        WORK = "work", _("Work")
        HOUSING = "housing", _("Housing")
        LEGAL = "legal", _("Legal aid")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("anchor"), max_length=80, blank=True, help_text=_("Made from the name when left empty."))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    area = models.CharField(_("thematic area"), max_length=32, choices=Area.choices)
    helps_with = models.TextField(_("what it helps with"), max_length=1000)
    languages = models.CharField(
        _("languages spoken"),
        max_length=100,
        validators=[validate_languages],
        help_text=_("Language codes separated by spaces, for example: pl uk ru en."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    hours = StreamField([("hours", HoursBlock())], blank=True, verbose_name=_("opening hours"))
    hours_note = models.CharField(
        _("about the opening hours"),
        max_length=300,
        blank=True,
        help_text=_("For example: by appointment; closed on public holidays."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    accessibility = models.TextField(
        _("accessibility"),
        max_length=600,
        blank=True,
        help_text=_("Step-free entrance, lift, accessible toilet, induction loop, sign language…"),
    )
    easy_read = models.TextField(_("easy-read version"), max_length=1500, blank=True)
    notes = models.TextField(_("good to know"), max_length=600, blank=True)
    is_help_point = models.BooleanField(
        _("help point"),
        default=False,
        help_text=_("A place where residents can come in person for help; listed first on the help page."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("area")]),
        FieldPanel("helps_with"),
        FieldPanel("languages"),
        FieldPanel("is_help_point"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("hours"), FieldPanel("hours_note")], heading=_("Where and when")
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")], heading=_("Contact")),
        FieldPanel("accessibility"),
        FieldPanel("easy_read"),
        FieldPanel("notes"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("helps_with"),
        TranslatableField("address"),
        TranslatableField("hours_note"),
        TranslatableField("accessibility"),
        TranslatableField("easy_read"),
        TranslatableField("notes"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("area", overridable=False),
        SynchronizedField("languages", overridable=False),
        SynchronizedField("is_help_point", overridable=False),
        SynchronizedField("hours", overridable=False),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="support_service_slug_per_locale")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name.replace("ł", "l").replace("Ł", "L"))[:80].strip("-") or secrets.token_hex(4)
        super().save(*args, **kwargs)

    @property
    def anchor(self):
        return f"service-{self.slug}"

    @property
    def language_codes(self):
        return self.languages.split()

    def opening_hours(self):
        """[(days, opens, closes)]: days a list of weekday numbers, times as ``datetime.time``."""
        return [
            ([int(day) for day in block.value["days"]], block.value["opens"], block.value["closes"])
            for block in self.hours
        ]


class FrequentQuestion(TranslatableMixin, models.Model):
    """A question residents ask and the city's answer, anonymised, in every language once translated."""

    question = models.CharField(_("question"), max_length=500)
    answer = models.TextField(_("answer"), max_length=QUESTION_MAX_LENGTH)
    area = models.CharField(_("thematic area"), max_length=32, choices=Area.choices, blank=True)
    published_at = models.DateTimeField(_("published"), auto_now_add=True)

    panels = [FieldPanel("question"), FieldPanel("answer"), FieldPanel("area")]
    translatable_fields = [
        TranslatableField("question"),
        TranslatableField("answer"),
        SynchronizedField("area", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("frequently asked question")
        verbose_name_plural = _("frequently asked questions")
        ordering = ["-published_at", "pk"]

    def __str__(self):
        return self.question


class Question(models.Model):
    """A resident's question to the information centre."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for an answer")
        ANSWERED = "answered", _("Answered")

    text = models.TextField(_("question"), max_length=QUESTION_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="help_questions"
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    may_publish = models.BooleanField(_("may be published, anonymised"), default=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField(_("answer"), blank=True, max_length=QUESTION_MAX_LENGTH)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    faq = models.ForeignKey(FrequentQuestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("asked"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["created_at", "pk"]
        permissions = [("answer_question", _("Can answer residents' questions"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(email=""), name="support_question_has_reply_address"
            )
        ]

    def __str__(self):
        return f"#{self.pk}"

    @property
    def reply_address(self):
        return self.email or (self.user.email if self.user_id else "")


# --- reports ---------------------------------------------------------------------------

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed without doubt
CODE_LENGTH = 12


def new_reference_code():
    """31**12, about 2**59 codes: guessing one is hopeless at the status page's rate limit."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text):
    """What a person typed (``abcd-efgh jkmn``) as a stored code (``ABCDEFGHJKMN``)."""
    return "".join(char for char in (text or "").upper() if char.isalnum())


class Report(ClusterableModel):
    """A report of discrimination or a hate incident, seen only by case workers."""

    class Status(models.TextChoices):
        NEW = "new", _("Received")
        IN_PROGRESS = "in_progress", _("A case worker is dealing with it")
        CLOSED = "closed", _("Closed")

    class StillHappening(models.TextChoices):
        YES = "yes", _("Yes, it is still happening")
        NO = "no", _("No, it is over")
        UNSURE = "unsure", _("I am not sure")

    class Contact(models.TextChoices):
        NONE = "", _("Do not contact me")
        EMAIL = "email", _("By e-mail")
        PHONE = "phone", _("By phone")

    class Kind(models.TextChoices):
        UNCLASSIFIED = "", _("Not classified yet")
        VERBAL = "verbal", _("Insults, threats or harassment")
        PHYSICAL = "physical", _("Physical violence")
        PROPERTY = "property", _("Damage to property")
        ONLINE = "online", _("Hate online")
        UNEQUAL = "unequal", _("Unequal treatment (service, work, housing, school)")
        OTHER = "other", _("Other")

    code = models.CharField(_("reference code"), max_length=CODE_LENGTH, unique=True, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, editable=False)
    what_happened = models.TextField(_("what happened"), max_length=REPORT_TEXT_MAX_LENGTH, blank=True)
    where = models.CharField(_("where it happened"), max_length=300, blank=True)
    when = models.CharField(_("when it happened"), max_length=200, blank=True)
    still_happening = models.CharField(_("still happening"), max_length=8, choices=StillHappening.choices)
    contact = models.CharField(_("contact"), max_length=8, choices=Contact.choices, blank=True)
    contact_email = models.EmailField(_("e-mail address for contact"), blank=True)
    contact_phone = models.CharField(_("phone number for contact"), max_length=30, blank=True)
    counted = models.BooleanField(_("may be counted in public statistics"), default=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NEW)
    kind = models.CharField(_("kind of incident"), max_length=16, choices=Kind.choices, blank=True)
    area = models.CharField(_("thematic area"), max_length=32, choices=Area.choices, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    personal_data_deleted_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True, editable=False)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("kind"),
                FieldPanel("area"),
                FieldRowPanel(
                    [
                        FieldPanel("created_at", read_only=True),
                        FieldPanel("closed_at", read_only=True),
                        FieldPanel("personal_data_deleted_at", read_only=True),
                    ]
                ),
            ],
            heading=_("Case"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("what_happened", read_only=True),
                FieldPanel("where", read_only=True),
                FieldPanel("when", read_only=True),
                FieldPanel("still_happening", read_only=True),
                FieldPanel("contact", read_only=True),
                FieldPanel("contact_email", read_only=True),
                FieldPanel("contact_phone", read_only=True),
                FieldPanel("counted", read_only=True),
            ],
            heading=_("What the person wrote"),
        ),
        InlinePanel("entries", heading=_("Contacts, referrals and answers"), label=_("Entry")),
    ]

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-pk"]
        default_permissions = ("view", "change")  # reports are made on the public site only

    def __str__(self):
        # Only the code: the admin's log lines and titles never carry what a person wrote.
        return self.code

    @property
    def code_display(self):
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    @property
    def quarter(self):
        return f"{self.created_at.year}-Q{(self.created_at.month - 1) // 3 + 1}"


class ReportEntry(models.Model):
    """What a case worker did on a report: a contact, a referral, an answer to the person, a note."""

    class Kind(models.TextChoices):
        CONTACT = "contact", _("Contact with the person")
        REFERRAL = "referral", _("Referral")
        ANSWER = "answer", _("Answer to the person")
        NOTE = "note", _("Internal note")

    class ReferredTo(models.TextChoices):
        NONE = "", _("—")
        POLICE = "police", _("Police")
        OMBUDSMAN = "ombudsman", _("Commissioner for Human Rights (ombudsman)")
        NGO = "ngo", _("Non-governmental organisation")
        OTHER = "other", _("Other institution")

    report = ParentalKey(Report, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    referred_to = models.CharField(_("referred to"), max_length=16, choices=ReferredTo.choices, blank=True)
    text = models.TextField(
        _("text"),
        max_length=REPORT_TEXT_MAX_LENGTH,
        blank=True,
        help_text=_("An answer to the person is shown on the status page to whoever has the reference code."),
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("referred_to")]), FieldPanel("text")]

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.get_kind_display()

    def clean(self):
        super().clean()
        if self.kind == self.Kind.REFERRAL and not self.referred_to:
            raise ValidationError({"referred_to": _("Say where the person was referred.")})
