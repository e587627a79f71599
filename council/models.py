"""The Immigrants' Council: terms, members, meetings, motions, polls, ballots,
resolutions and minutes.

Rules about *when* something may happen live in ``permissions`` and
``services``; this module holds the records and what the database itself
guarantees:

* one ballot per member per poll (a unique constraint);
* a secret poll's ballot row is only a marker of *who* voted: the choice column
  must be empty (a check constraint).  The choice goes, in the same
  transaction, into the :class:`BallotBox`, a table PostgreSQL does not log
  (no WAL, not replicated, not in base backups), as a row with a random id
  and no member, time or counter; at closing the box is counted into the
  options' counters once and emptied with ``TRUNCATE`` (see
  ``council.services.poll_close``);
* a closed poll, its options and its ballots cannot be changed: triggers in
  migration 0002 refuse the update, whoever sends it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from core.areas import Area
from core.blocks import RICH_TEXT_FEATURES
from core.language import LANGUAGE_CODES, current_language
from core.pages import RadaPage

MOTION_TEXT_MAX_LENGTH = 10_000
MOTION_TITLE_MAX_LENGTH = 200
MINUTES_MAX_LENGTH = 50_000
BIO_MAX_LENGTH = 800

LANGUAGE_CHOICES = settings.LANGUAGES


def _roman(number):
    numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
    numerals += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


class CouncilPage(RadaPage):
    """The council's home in the page tree.  The statute and other texts are
    ordinary content pages below it; members, meetings, motions and
    resolutions are served by ``council.views`` under the same address."""

    body = RichTextField(_("about the council"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*RadaPage.content_panels, FieldPanel("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ContentPage"]
    max_count_per_parent = 1
    template = "council/council_page.html"

    class Meta:
        verbose_name = _("council page")

    def get_context(self, request, *args, **kwargs):
        from . import selectors  # cycle: selectors import these models

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.council_overview(today=timezone.localdate()))
        context["subpages"] = self.get_children().live().public()
        return context


class Role(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")


class TermQuerySet(models.QuerySet):
    def covering(self, day):
        return self.filter(starts_on__lte=day, ends_on__gte=day)


class Term(models.Model):
    """A term of office (kadencja)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gt=models.F("starts_on")), name="term_ends_after_it_starts"),
        ]

    def __str__(self):
        return _("Term %(number)s (%(start)s–%(end)s)") % {
            "number": _roman(self.number),
            "start": self.starts_on.year,
            "end": self.ends_on.year,
        }

    @property
    def roman(self):
        return _roman(self.number)


class MembershipQuerySet(models.QuerySet):
    def current_on(self, day):
        """The seats held on ``day``: their members are entitled to vote at a
        meeting that day.  ``day`` is a date, or an expression such as
        ``OuterRef("meeting_day")`` to count them for each of many meetings."""
        return self.filter(starts_on__lte=day).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))


class Membership(models.Model):
    """A person's seat on the council for a term, with their public profile."""

    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("term"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="council_memberships",
        verbose_name=_("account"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    starts_on = models.DateField(_("member from"))
    ends_on = models.DateField(_("member until"), null=True, blank=True, help_text=_("Empty while the seat is held."))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    languages = models.CharField(
        _("languages spoken"), max_length=200, blank=True, help_text=_("For example: Ukrainian, Polish, English.")
    )
    community = models.CharField(_("community or organisation"), max_length=200, blank=True)
    bio_pl = models.TextField(_("short bio in Polish"), max_length=BIO_MAX_LENGTH, blank=True)
    bio_en = models.TextField(_("short bio in English"), max_length=BIO_MAX_LENGTH, blank=True)
    bio_uk = models.TextField(_("short bio in Ukrainian"), max_length=BIO_MAX_LENGTH, blank=True)
    bio_ru = models.TextField(_("short bio in Russian"), max_length=BIO_MAX_LENGTH, blank=True)

    objects = MembershipQuerySet.as_manager()

    panels = [
        FieldPanel("term"),
        FieldPanel("user"),
        FieldPanel("role"),
        MultiFieldPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Seat held")),
        MultiFieldPanel(
            [FieldPanel("photo"), FieldPanel("languages"), FieldPanel("community")],
            heading=_("Public profile"),
        ),
        MultiFieldPanel(
            [FieldPanel("bio_pl"), FieldPanel("bio_en"), FieldPanel("bio_uk"), FieldPanel("bio_ru")],
            heading=_("Short bio"),
        ),
    ]

    class Meta:
        ordering = ["term", "user__display_name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["term", "user"], name="one_membership_per_person_per_term"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.user.public_name} ({self.get_role_display()}, {self.term})"

    def get_absolute_url(self):
        return reverse("council:member", args=[self.pk])

    @property
    def name(self):
        return self.user.public_name

    def is_current_on(self, day):
        """For one loaded seat: :meth:`MembershipQuerySet.current_on`'s rule."""
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)

    @property
    def bio(self):
        """``(language, text)``: the bio in the reader's language, else the first one written."""
        current = current_language()
        order = [current] + [code for code in LANGUAGE_CODES if code != current]
        for code in order:
            text = getattr(self, f"bio_{code}", "")
            if text:
                return code, text
        return None, ""


class MeetingQuerySet(models.QuerySet):
    def with_members_entitled(self):
        """Each meeting with its ``meeting_day`` (in the site's time zone) and
        ``members_entitled``: the seats of its term held on that day."""
        seats = (
            Membership.objects.filter(term=OuterRef("term"))
            .current_on(OuterRef("meeting_day"))
            .order_by()
            .values("term")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(meeting_day=TruncDate("starts_at")).annotate(
            members_entitled=Coalesce(Subquery(seats, output_field=models.IntegerField()), 0)
        )


class Meeting(ClusterableModel):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        LIVE = "live", _("In progress")
        CLOSED = "closed", _("Closed")

    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("term"))
    number = models.PositiveSmallIntegerField(_("number"))
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=200)
    online_url = models.URLField(_("online link"), blank=True)
    language = models.CharField(
        _("language of the record"),
        max_length=8,
        choices=LANGUAGE_CHOICES,
        default="pl",
        help_text=_("The language the agenda, the questions and the minutes are written in."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED)
    current_item = models.ForeignKey(
        "AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    guest_seats = models.PositiveIntegerField(
        _("seats for guests"),
        null=True,
        blank=True,
        help_text=_("How many residents may register to attend in the room. Empty: no limit."),
    )
    guests_may_speak = models.BooleanField(
        _("guests may ask to speak"),
        default=False,
        editable=False,
        help_text=_("Set by the chair during the meeting."),
    )

    objects = MeetingQuerySet.as_manager()

    panels = [
        FieldPanel("term"),
        FieldPanel("number"),
        FieldPanel("starts_at"),
        FieldPanel("place"),
        FieldPanel("online_url"),
        FieldPanel("language"),
        FieldPanel("guest_seats"),
        InlinePanel("agenda_items", heading=_("Agenda"), label=_("Agenda item")),
    ]

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["term", "number"], name="meeting_number_unique_per_term"),
            models.CheckConstraint(
                condition=Q(status="scheduled") | Q(started_at__isnull=False), name="started_meeting_has_start_time"
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_at__isnull=False), name="closed_meeting_has_closing_time"
            ),
        ]

    def __str__(self):
        return _("Meeting no. %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        return reverse("council:meeting", args=[self.pk])

    @property
    def day(self):
        return timezone.localtime(self.starts_at).date()


AGENDA_TITLE_MAX_LENGTH = 255


class AgendaItem(Orderable):
    """One point of a meeting's agenda.

    ``title`` is the original, written in the meeting's language (the record's
    language, in which the minutes quote it).  ``title_pl`` … ``title_ru`` are
    optional translations for readers of the other languages; the one in the
    meeting's own language is left empty rather than copying ``title``, so the
    original is stored once and a translation never silently overrides it.
    :attr:`title_shown` picks the reader's language, else the original."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(
        _("title"),
        max_length=AGENDA_TITLE_MAX_LENGTH,
        help_text=_("In the meeting's language."),
    )
    title_pl = models.CharField(_("title in Polish"), max_length=AGENDA_TITLE_MAX_LENGTH, blank=True)
    title_en = models.CharField(_("title in English"), max_length=AGENDA_TITLE_MAX_LENGTH, blank=True)
    title_uk = models.CharField(_("title in Ukrainian"), max_length=AGENDA_TITLE_MAX_LENGTH, blank=True)
    title_ru = models.CharField(_("title in Russian"), max_length=AGENDA_TITLE_MAX_LENGTH, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    motion = models.ForeignKey(
        "Motion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
        verbose_name=_("motion"),
    )
    documents = ParentalManyToManyField("wagtaildocs.Document", blank=True, verbose_name=_("documents"))

    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldPanel(f"title_{code}") for code, _name in LANGUAGE_CHOICES],
            heading=_("Translations"),
            help_text=_("Optional. Readers of another language see the title in the meeting's language."),
            classname="collapsed",
        ),
        FieldPanel("description"),
        FieldPanel("motion"),
        FieldPanel("documents"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title

    @property
    def title_shown(self):
        """``(text, language)``: the title in the reader's language, else the
        original in the meeting's language.  Reads ``self.meeting``: list items
        through the meeting (or set it) so that this costs no query.

        An item that puts a motion on the agenda is titled from the motion, at
        display time: its number in the reader's words ("Motion III/5",
        "Проєкт ухвали № III/5") and its title in the reader's language when it
        has been translated (load ``motion__term`` and the motion's
        translations with the items)."""
        if self.motion_id is not None:
            motion = self.motion.shown
            return f"{self.motion.label}: {motion.title}", motion.language
        code = current_language()
        text = getattr(self, f"title_{code}", "")
        return (text, code) if text else (self.title, self.meeting.language)

    @property
    def title_text(self):
        return self.title_shown[0]

    @property
    def title_language(self):
        return self.title_shown[1]


class Attendance(models.Model):
    """Whether a member is in the meeting.  Members check in; the chair or the
    secretary confirms them (``present``) or marks them absent."""

    class State(models.TextChoices):
        CHECKED_IN = "checked_in", _("Checked in, awaiting confirmation")
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="attendance")
    state = models.CharField(max_length=16, choices=State.choices)
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="one_attendance_row_per_member"),
        ]

    def __str__(self):
        return f"{self.membership.name}: {self.get_state_display()}"


class Motion(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        SCHEDULED = "scheduled", _("On an agenda")
        VOTING = "voting", _("Being voted on")
        ADOPTED = "adopted", _("Adopted")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    FINAL = (State.ADOPTED, State.REJECTED, State.WITHDRAWN)

    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="motions", verbose_name=_("term"))
    number = models.PositiveIntegerField(_("number"), null=True, blank=True, editable=False)
    title = models.CharField(_("title"), max_length=MOTION_TITLE_MAX_LENGTH)
    text = models.TextField(_("text of the motion"), max_length=MOTION_TEXT_MAX_LENGTH)
    rationale = models.TextField(_("rationale"), max_length=MOTION_TEXT_MAX_LENGTH, blank=True)
    area = models.CharField(_("thematic area"), max_length=32, choices=Area.choices, blank=True)
    # The city's consultation the motion gives the council's opinion on, by the
    # ``translation_key`` its translations share: consultations are another
    # app's pages, reached only through ``core.opinions``.
    consultation_key = models.UUIDField(_("opinion on the consultation"), null=True, blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_motions", editable=False
    )
    sponsors = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="sponsored_motions")
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.DRAFT, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        constraints = [
            models.UniqueConstraint(fields=["term", "number"], name="motion_number_unique_per_term"),
            models.CheckConstraint(
                condition=Q(state="draft") | Q(number__isnull=False), name="submitted_motion_has_number"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("council:motion", args=[self.pk])

    @property
    def label(self):
        if self.number is None:
            return _("Draft motion")
        return _("Motion %(term)s/%(number)s") % {"term": self.term.roman, "number": self.number}

    @property
    def is_public(self):
        return self.state != self.State.DRAFT

    @property
    def shown(self):
        """Title and text in the reader's language, else the original (``council.translations``)."""
        return translations.shown(self)


class MotionEvent(models.Model):
    """Each change of a motion's state: who, when, to what."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="events")
    state = models.CharField(max_length=16, choices=Motion.State.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_state_display()} ({self.at:%Y-%m-%d %H:%M})"


QUESTION_MAX_LENGTH = 300


class Poll(models.Model):
    """One vote on an agenda item.

    ``question`` is the original, typed while the vote is prepared in the
    meeting's language (the record's, in which the minutes quote it);
    ``question_pl`` … ``question_ru`` are optional translations for readers of
    the other languages, given while preparing it (a closed poll is frozen),
    and the one in the meeting's own language stays empty, as an agenda
    item's title does.  :attr:`question_shown` picks the reader's language,
    else the original."""

    class Kind(models.TextChoices):
        NAMED = "named", _("Named vote")
        SECRET = "secret", _("Secret ballot")

    class Method(models.TextChoices):
        YES_NO = "yes_no", _("Yes / no / abstain")
        CHOICE = "choice", _("Choice between options")

    class Majority(models.TextChoices):
        SIMPLE = "simple", _("Simple majority")
        ABSOLUTE = "absolute", _("Absolute majority")
        TWO_THIRDS = "two_thirds", _("Two-thirds majority")
        THREE_FIFTHS = "three_fifths", _("Three-fifths majority")

    class Base(models.TextChoices):
        """What a qualified majority is counted of (a simple majority only
        compares yes with no, whatever the base)."""

        CAST = "cast", _("Votes cast (yes, no and abstain)")
        YES_NO = "yes_no", _("Yes and no votes (abstentions left out)")
        PRESENT = "present", _("Members present")
        STATUTORY = "statutory", _("Statutory membership (all seats of the council)")

    class QuorumRule(models.TextChoices):
        HALF = "half", _("Half of the statutory membership")
        TWO_THIRDS = "two_thirds", _("Two thirds of the statutory membership")

    class State(models.TextChoices):
        DRAFT = "draft", _("Prepared")
        OPEN = "open", _("Voting open")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        PASSED = "passed", _("Passed")
        REJECTED = "rejected", _("Rejected")
        CHOSEN = "chosen", _("Decided")
        NO_DECISION = "no_decision", _("No option won the required majority")
        PARTIAL = "partial", _("Some seats filled; the others remain open")
        NO_QUORUM = "no_quorum", _("No quorum; the vote is not valid")
        VOID = "void", _("Void: the ballot box was lost in a server failure")

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="polls")
    motion = models.ForeignKey(
        "Motion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="polls",
        help_text=_("The motion this vote decides, if any."),
    )
    question = models.CharField(_("question"), max_length=QUESTION_MAX_LENGTH)
    question_pl = models.CharField(_("question in Polish"), max_length=QUESTION_MAX_LENGTH, blank=True)
    question_en = models.CharField(_("question in English"), max_length=QUESTION_MAX_LENGTH, blank=True)
    question_uk = models.CharField(_("question in Ukrainian"), max_length=QUESTION_MAX_LENGTH, blank=True)
    question_ru = models.CharField(_("question in Russian"), max_length=QUESTION_MAX_LENGTH, blank=True)
    kind = models.CharField(_("kind of vote"), max_length=8, choices=Kind.choices, default=Kind.NAMED)
    method = models.CharField(_("what is voted"), max_length=8, choices=Method.choices, default=Method.YES_NO)
    majority = models.CharField(
        _("majority required"), max_length=12, choices=Majority.choices, default=Majority.SIMPLE
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum"), null=True, blank=True, help_text=_("Members who must be present. Empty: half of the members.")
    )
    # The defaults are the rules every poll followed before they could be
    # chosen: a qualified majority of the votes cast, a quorum of half.
    base = models.CharField(_("majority counted of"), max_length=10, choices=Base.choices, default=Base.CAST)
    quorum_rule = models.CharField(_("quorum rule"), max_length=10, choices=QuorumRule.choices, default=QuorumRule.HALF)
    seats = models.PositiveSmallIntegerField(_("seats to fill"), default=1)
    votes_per_ballot = models.PositiveSmallIntegerField(_("votes per ballot"), default=1)
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    previous_round = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="next_rounds", editable=False
    )
    # Counts of a show of hands or of paper ballots, for members in the room
    # without a device: entered by the secretary while the vote is open.
    paper_ballots = models.PositiveSmallIntegerField(default=0, editable=False)
    invalid_ballots = models.PositiveSmallIntegerField(default=0, editable=False)
    paper_entered_at = models.DateTimeField(null=True, blank=True, editable=False)
    state = models.CharField(max_length=8, choices=State.choices, default=State.DRAFT)
    created_at = models.DateTimeField(default=timezone.now)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The result, computed once at closing and never changed afterwards.
    entitled = models.PositiveSmallIntegerField(null=True, blank=True)
    present = models.PositiveSmallIntegerField(null=True, blank=True)
    cast = models.PositiveSmallIntegerField(null=True, blank=True)
    quorum_required = models.PositiveSmallIntegerField(null=True, blank=True)
    quorum_reached = models.BooleanField(null=True, blank=True)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)
    winner = models.ForeignKey("PollOption", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    base_count = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_needed = models.PositiveSmallIntegerField(null=True, blank=True)
    tie = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        constraints = [
            models.CheckConstraint(
                condition=Q(state="draft") | Q(opened_at__isnull=False), name="opened_poll_has_opening_time"
            ),
            models.CheckConstraint(
                condition=~Q(state="closed")
                | Q(
                    closed_at__isnull=False,
                    entitled__isnull=False,
                    present__isnull=False,
                    cast__isnull=False,
                    quorum_required__isnull=False,
                    quorum_reached__isnull=False,
                )
                & ~Q(outcome=""),
                name="closed_poll_has_frozen_result",
            ),
            models.CheckConstraint(
                condition=Q(state="closed") | Q(outcome="", cast__isnull=True),
                name="only_closed_poll_has_result",
            ),
        ]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("council:meeting", args=[self.agenda_item.meeting_id]) + f"#poll-{self.pk}"

    def question_in(self, code):
        """``(text, language)``: the question translated into ``code``, else
        the original in the meeting's language (never a translation into the
        meeting's own language).  Reads ``self.agenda_item.meeting``: load
        them with the poll (or set them) so that this costs no query."""
        original = self.agenda_item.meeting.language
        text = getattr(self, f"question_{code}", "") if code != original else ""
        return (text, code) if text else (self.question, original)

    @property
    def question_shown(self):
        """:meth:`question_in` the reader's language."""
        return self.question_in(current_language())

    @property
    def question_text(self):
        return self.question_shown[0]

    @property
    def question_language(self):
        return self.question_shown[1]

    @property
    def question_translations(self):
        """``{language: text}`` of the translations given, for a next round."""
        return {code: text for code in LANGUAGE_CODES if (text := getattr(self, f"question_{code}", ""))}

    @property
    def is_open(self):
        return self.state == self.State.OPEN

    @property
    def is_closed(self):
        return self.state == self.State.CLOSED

    @property
    def is_secret(self):
        return self.kind == self.Kind.SECRET

    def public_counts(self, options):
        """Votes per option id as anyone may see them, or None: a secret poll's
        tally is not shown until it closes (only how many voted), nor that of a
        void one, which was never counted.  Every page, live message and API
        answer asks here."""
        if self.outcome == self.Outcome.VOID:
            return None
        if self.is_closed or not self.is_secret:
            return {str(option.pk): option.total for option in options}
        return None

    def paper_counts(self, options):
        """Votes per option id counted by hand in the room, under the same
        rule as :meth:`public_counts`; None while none were entered."""
        if self.paper_entered_at is None or self.public_counts(()) is None:
            return None
        return {str(option.pk): option.paper_votes for option in options}

    @property
    def electronic(self):
        """Ballots cast on members' devices (of a closed poll)."""
        if self.cast is None:
            return None
        return self.cast - self.paper_ballots

    @property
    def is_election(self):
        return self.method == self.Method.CHOICE

    @property
    def several_votes(self):
        return self.votes_per_ballot > 1

    def elected_ids(self, options):
        return [option.pk for option in options if option.elected]

    def seats_left(self, options):
        if not self.is_closed or not self.is_election or self.outcome in (self.Outcome.NO_QUORUM, self.Outcome.VOID):
            return 0
        return self.seats - len(self.elected_ids(options))

    @property
    def open_seats(self):
        """:meth:`seats_left` with the options as loaded (prefetch them)."""
        return self.seats_left(self.options.all())

    @property
    def elected_options(self):
        return [option for option in self.options.all() if option.elected]

    def rule_summary(self):
        """Which rule applied, in a sentence: "Passed: 9 needed (three fifths
        of 15, statutory membership); 10 voted yes." """
        if not self.is_closed or self.outcome in (self.Outcome.VOID, self.Outcome.NO_QUORUM):
            return ""
        if self.majority == self.Majority.SIMPLE:
            if self.is_election:
                return str(_("Relative majority: the candidates with the most votes are elected."))
            return str(_("Simple majority: more yes than no votes needed."))
        values = {
            "needed": self.votes_needed,
            "count": self.base_count,
            "threshold": THRESHOLD_NAMES[self.majority],
            "base": BASE_NAMES[self.base],
        }
        if self.is_election:
            return str(
                _("Each elected candidate needed at least %(needed)s votes (%(threshold)s of %(count)s, %(base)s).")
                % values
            )
        return str(_("%(needed)s yes votes needed (%(threshold)s of %(count)s, %(base)s).") % values)

    def frozen_result(self):
        """The result computed once at closing, or None while it is not closed."""
        if not self.is_closed:
            return None
        return {
            "entitled": self.entitled,
            "present": self.present,
            "cast": self.cast,
            "quorum_required": self.quorum_required,
            "quorum_reached": self.quorum_reached,
            "outcome": self.outcome,
            "winner": self.winner_id,
            "base": self.base,
            "base_count": self.base_count,
            "votes_needed": self.votes_needed,
            "electronic": self.electronic,
            "paper": self.paper_ballots,
            "invalid": self.invalid_ballots,
            "tie": self.tie,
            "rule": self.rule_summary(),
        }


THRESHOLD_NAMES = {
    "absolute": _("more than half"),
    "three_fifths": _("three fifths"),
    "two_thirds": _("two thirds"),
}
BASE_NAMES = {
    "cast": _("the votes cast"),
    "yes_no": _("the yes and no votes"),
    "present": _("the members present"),
    "statutory": _("the statutory membership"),
}


class PollOption(models.Model):
    class Kind(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        ABSTAIN = "abstain", _("Abstain")
        OPTION = "option", _("Option")

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=8, choices=Kind.choices)
    text = models.CharField(max_length=200, blank=True)
    # The tally.  A named poll's ballots raise it one by one (who chose what
    # is public); a secret poll's stays untouched until the closing writes the
    # count of its ballot box, so no row version follows the voting.
    votes = models.PositiveIntegerField(default=0)
    # Votes counted by hand in the room (a show of hands, paper ballots).
    paper_votes = models.PositiveIntegerField(default=0)
    # Set at closing: the candidate won a seat.
    elected = models.BooleanField(default=False)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["poll", "position"], name="option_position_unique_per_poll"),
            models.CheckConstraint(condition=Q(kind="option") | Q(text=""), name="only_options_have_text"),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return self.text if self.kind == self.Kind.OPTION else self.get_kind_display()

    @property
    def total(self):
        return self.votes + self.paper_votes


class PaperCount(models.Model):
    """Each entry of paper counts for a poll, as the secretary made it: who,
    when, and what (the last one stands, in the poll and its options).  Apart
    from the poll so that no row points at both a person and an option."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="paper_entries")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    entered_at = models.DateTimeField()
    ballots = models.PositiveSmallIntegerField()
    invalid = models.PositiveSmallIntegerField()
    # ``{option position: votes}``: positions, not ids, say which option.
    counts = models.JSONField()

    class Meta:
        ordering = ["entered_at", "pk"]
        verbose_name = _("paper count")

    def __str__(self):
        return str(_("paper count"))


class Ballot(models.Model):
    """That a member voted in a poll, and in a named poll, what they chose.

    There is no timestamp.  In a secret poll the row is only the participation
    marker (*who*); the choice is in the :class:`BallotBox` until the poll
    closes, then only in the options' totals."""

    poll = models.ForeignKey(Poll, on_delete=models.PROTECT, related_name="ballots")
    member = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="ballots")
    secret = models.BooleanField()
    option = models.ForeignKey(PollOption, null=True, blank=True, on_delete=models.PROTECT, related_name="ballots")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["poll", "member"], name="one_ballot_per_member_per_poll"),
            models.CheckConstraint(
                condition=Q(secret=True, option__isnull=True) | Q(secret=False, option__isnull=False),
                name="secret_ballot_stores_no_choice",
            ),
        ]

    def __str__(self):
        # Who voted, never what: this text may reach logs and admin screens.
        return _("Ballot of %(member)s") % {"member": self.member.name}


class BallotBox(models.Model):
    """The choices of secret polls that are open: one row per ballot, with a
    random id, the poll and the option, and nothing else -- no member, no time,
    no sequence.

    On PostgreSQL the table is UNLOGGED (migration 0006): its rows never reach
    the WAL, replicas, WAL archives or base backups, and a crash empties it.
    There is no foreign key on purpose: checking one would lock the option's
    row, and that lock is written to the WAL beside the member's marker.
    ``council.services`` keeps the ids right, and the closing empties the box
    of the poll (``TRUNCATE``: a new, empty file, no page remnants)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    # Empty for a vote a ballot left unused: a ballot with several votes puts
    # as many rows in the box whatever it chose, so their number says nothing.
    option = models.ForeignKey(
        PollOption, null=True, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )

    class Meta:
        verbose_name = _("ballot box")

    def __str__(self):
        # Never the choice: this text may reach logs and admin screens.
        return str(_("ballot box"))


class Resolution(models.Model):
    """An adopted motion, numbered in sequence within its term."""

    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="resolutions")
    number = models.PositiveIntegerField()
    motion = models.OneToOneField(Motion, on_delete=models.PROTECT, related_name="resolution")
    poll = models.OneToOneField(Poll, on_delete=models.PROTECT, related_name="resolution")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="resolutions")
    adopted_on = models.DateField()
    title = models.CharField(max_length=MOTION_TITLE_MAX_LENGTH)
    text = models.TextField()
    language = models.CharField(max_length=8, choices=LANGUAGE_CHOICES)

    class Meta:
        ordering = ["-adopted_on", "-number"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        constraints = [
            models.UniqueConstraint(fields=["term", "number"], name="resolution_number_unique_per_term"),
        ]

    def __str__(self):
        return f"{self.label}: {self.title}"

    def get_absolute_url(self):
        return reverse("council:resolution", args=[self.pk])

    @property
    def label(self):
        """The resolution's number written as ``RADA_RESOLUTION_NUMBER_FORMAT`` says."""
        number = settings.RADA_RESOLUTION_NUMBER_FORMAT.format(
            term=self.term.number,
            term_roman=self.term.roman,
            number=self.number,
            year=self.adopted_on.year,
        )
        return _("Resolution no. %(number)s") % {"number": number}

    @property
    def shown(self):
        """Title and text in the reader's language, else the original (``council.translations``)."""
        return translations.shown(self)


class Minutes(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    text = models.TextField(max_length=MINUTES_MAX_LENGTH)
    state = models.CharField(max_length=12, choices=State.choices, default=State.DRAFT)
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        constraints = [
            models.CheckConstraint(
                condition=Q(state="draft") | Q(published_at__isnull=False), name="published_minutes_have_date"
            ),
        ]

    def __str__(self):
        return _("Minutes of %(meeting)s") % {"meeting": self.meeting}

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED

    @property
    def language(self):
        """The minutes are written in the meeting's language."""
        return self.meeting.language

    @property
    def shown(self):
        """The text in the reader's language, else the original (``council.translations``)."""
        return translations.shown(self)


class SpeakerRequest(models.Model):
    """A place on the speakers' list: a member, or a guest in the room when the
    chair allows guests (with an account, or added by the chair by name)."""

    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        SPEAKING = "speaking", _("Speaking")
        DONE = "done", _("Has spoken")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    ACTIVE = (State.WAITING, State.SPEAKING)

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="speakers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    guest_name = models.CharField(max_length=100, blank=True)
    is_member = models.BooleanField(default=True)
    state = models.CharField(max_length=12, choices=State.choices, default=State.WAITING)
    requested_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The speaking time the chair gave this turn, in seconds; empty: no limit.
    time_limit = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=Q(state__in=["waiting", "speaking"]),
                name="one_place_on_the_speakers_list",
            ),
            models.UniqueConstraint(fields=["meeting"], condition=Q(state="speaking"), name="one_speaker_at_a_time"),
            models.CheckConstraint(condition=Q(user__isnull=False) | ~Q(guest_name=""), name="speaker_has_a_name"),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.user.public_name if self.user_id else self.guest_name

    @property
    def time_limit_text(self):
        """The speaking time as ``m:ss``, or empty."""
        if not self.time_limit:
            return ""
        minutes, seconds = divmod(self.time_limit, 60)
        return f"{minutes}:{seconds:02d}"

    @property
    def time_limit_minutes(self):
        return self.time_limit // 60 if self.time_limit else None


class LiveSequence(models.Model):
    """The number of the last live message sent for a meeting (see ``council.live``)."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, primary_key=True, related_name="+")
    seq = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.meeting_id}: {self.seq}"


# The city's follow-up of resolutions and the translations of the council's
# records live in their own modules; imported here so that Django finds their
# models (and ``shown`` above reads ``translations``).
from . import translations  # noqa: E402
from .follow_up import CityResponseUpdate  # noqa: E402, F401

# Calls for candidates, substitutes and vacated seats, likewise.
from .recruitment import Candidacy, CandidateCall, Substitute, Vacancy  # noqa: E402, F401
from .translations import RecordTranslation  # noqa: E402, F401
