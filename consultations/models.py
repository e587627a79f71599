"""Public consultations: the pages officials write and what residents write on them.

A consultation exists once per language as a Wagtail page; all translations
share one ``translation_key``.  Comments belong to the consultation, not to one
translation of it, so they are keyed by that ``translation_key``: a resident
reading in Ukrainian and one reading in Polish take part in the same
discussion.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Lower
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from vote.models import VoteModel
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.areas import Area
from core.blocks import RICH_TEXT_FEATURES, DocumentBlock
from core.opinions import opinions_of
from core.pages import RadaPage

from .survey_blocks import SURVEY_BLOCKS
from .wording import diff

COMMENT_MAX_LENGTH = 4000
COMMENT_EDIT_WINDOW = datetime.timedelta(minutes=15)
COMMENTS_PER_PAGE = 25


class Status(models.TextChoices):
    UPCOMING = "upcoming", _("upcoming")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")
    OUTCOME_PUBLISHED = "outcome_published", _("outcome published")


class ConsultationQuerySet(PageQuerySet):
    def with_status(self, now):
        """Annotate ``status`` exactly as :meth:`ConsultationPage.status_at` computes it."""
        return self.annotate(
            status=Case(
                When(outcome_published_at__lte=now, then=Value(Status.OUTCOME_PUBLISHED)),
                When(opens_at__gt=now, then=Value(Status.UPCOMING)),
                When(closes_at__gt=now, then=Value(Status.OPEN)),
                default=Value(Status.CLOSED),
                output_field=models.CharField(),
            )
        )


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Section title"), max_length=200)
    body = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Section")


class ConsultationIndexPage(RadaPage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]

    class Meta:
        verbose_name = _("consultations index page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import consultation_list  # cycle: selectors import these models

        context = super().get_context(request, *args, **kwargs)
        context.update(consultation_list(index_page=self, params=request.GET, now=timezone.now()))
        return context


class ConsultationPage(RadaPage):
    summary = RichTextField(
        _("plain-language summary"),
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("What is decided, why it matters and how to take part, in short plain sentences."),
    )
    sections = StreamField(
        [("section", SectionBlock())],
        verbose_name=_("sections"),
        help_text=_("Residents may comment on each section separately."),
    )
    areas = ParentalManyToManyField("cms.ThematicArea", verbose_name=_("thematic areas"), blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    outcome_published_at = models.DateTimeField(_("outcome published at"), null=True, blank=True, editable=False)
    allow_proposals = models.BooleanField(_("residents may submit proposals"), default=False)
    documents = StreamField([("document", DocumentBlock())], verbose_name=_("documents"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    survey = StreamField(
        SURVEY_BLOCKS,
        verbose_name=_("survey"),
        blank=True,
        help_text=_(
            "Questions residents answer once while the consultation is open; results are public after it closes."
        ),
    )
    draft_number = models.PositiveSmallIntegerField(
        _("draft number"),
        default=1,
        help_text=_(
            "Raise it when you publish a revised draft: the sections of the earlier draft are kept, "
            "and readers can compare the two drafts of each section."
        ),
    )

    objects = PageManager.from_queryset(ConsultationQuerySet)()

    content_panels = [
        *RadaPage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("allow_proposals")],
            heading=_("When and how residents take part"),
        ),
        FieldPanel("draft_number"),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sections"),
        FieldPanel("survey"),
        FieldPanel("documents"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
    ]
    search_fields = [
        *RadaPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("sections"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = ["consultations.OutcomePage", "plainlanguage.EasyReadPage"]

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A consultation must close after it opens.")})

    def status_at(self, now):
        """upcoming → open → closed → outcome published.  Open is [opens_at, closes_at)."""
        if self.outcome_published_at is not None and self.outcome_published_at <= now:
            return Status.OUTCOME_PUBLISHED
        if now < self.opens_at:
            return Status.UPCOMING
        if now < self.closes_at:
            return Status.OPEN
        return Status.CLOSED

    def section_titles(self):
        """{block id: title} of the sections, to label comments on a section."""
        return {block.id: block.value["title"] for block in self.sections}

    def get_context(self, request, *args, form=None, proposal_form=None, pseudonym_form=None, **kwargs):
        from .pagebody import ConsultationBody  # cycle: it reads the selectors, which import these models

        context = super().get_context(request, *args, **kwargs)
        body = ConsultationBody(
            consultation=self,
            request=request,
            now=timezone.now(),
            messages=get_messages(request),
            forms={"form": form, "proposal_form": proposal_form, "pseudonym_form": pseudonym_form},
        )
        context.update(body.reader, status=body.status, counts=body.counts, body=body.html, csrf_token=body.csrf_token)
        return context

    def serve(self, request, *args, **kwargs):
        """Comments are posted to their own address; a form sent here (from a
        page loaded before that was so) is passed on there with its body."""
        if request.method == "POST":
            response = HttpResponseRedirect(reverse("consultations:comment_create", args=[self.pk]))
            response.status_code = 307  # the browser sends the same POST again
            return response
        return super().serve(request, *args, **kwargs)


class Source(models.TextChoices):
    """Where a comment a facilitator entered came from."""

    PAPER = "paper", _("a paper form")
    PHONE = "phone", _("a telephone call")
    WORKSHOP = "workshop", _("a workshop or meeting")
    OTHER = "other", _("another way")


class Comment(VoteModel, models.Model):
    """What a resident writes on a consultation, or in reply to another comment.

    Replies go one level deep: a reply's ``parent`` is always a top-level
    comment.  A deleted comment keeps its row (the thread keeps its shape) and
    loses its text.
    """

    class State(models.TextChoices):
        PUBLISHED = "published", _("published")
        HIDDEN = "hidden", _("hidden by a moderator")
        DELETED = "deleted", _("deleted by its author")

    consultation_key = models.UUIDField(_("consultation"), db_index=True, editable=False)
    section_id = models.CharField(_("section"), max_length=64, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("in reply to"), null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="comments"
    )
    text = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.PUBLISHED)
    created_at = models.DateTimeField(_("written at"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    is_official = models.BooleanField(_("official answer of the city"), default=False)
    hidden_reason = models.TextField(_("why it was hidden"), blank=True)
    needs_review = models.BooleanField(_("waiting for a moderator"), default=False, db_index=True)
    # Assisted input: a facilitator typed in what a resident said or wrote on paper.
    submitted_via = models.CharField(
        _("submitted through a facilitator, from"), max_length=10, choices=Source.choices, blank=True, default=""
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by facilitator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_recorded_at = models.DateTimeField(_("resident's consent recorded at"), null=True, blank=True)
    # Set when the author anonymised it: ``accounts.models.User.handover_mark``.
    handover_mark = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [
            ("moderate_comment", _("Can hide and restore comments")),
            ("answer_as_city", _("Can answer comments on behalf of the city")),
            ("enter_for_resident", _("Can enter comments on behalf of residents who gave their consent")),
        ]
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["consultation_key", "parent", "created_at"], name="comment_thread_idx")]
        constraints = [
            models.CheckConstraint(condition=~Q(text="") | Q(state="deleted"), name="comment_text_not_empty"),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="comment_not_own_parent"),
            models.CheckConstraint(
                condition=Q(submitted_via="") | Q(consent_recorded_at__isnull=False),
                name="facilitated_comment_has_consent",
            ),
        ]

    def __str__(self):
        return f"{self.author} — {self.text[:40]}"

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED

    def editable_until(self):
        return self.created_at + COMMENT_EDIT_WINDOW

    @property
    def via_facilitator(self):
        return bool(self.submitted_via)

    @property
    def author_name(self):
        return shown_name(self)


class Answer(models.TextChoices):
    """How the city answered a comment thread or a proposal."""

    ACCEPTED = "accepted", _("accepted")
    PARTLY_ACCEPTED = "partly_accepted", _("partly accepted")
    REJECTED = "rejected", _("rejected")
    NOTED = "noted", _("noted")


PROPOSAL_TITLE_MAX_LENGTH = 160
PROPOSALS_PER_PAGE = 20


class Proposal(VoteModel, models.Model):
    """A resident's titled proposal on a consultation that accepts them.

    Other residents support it (django-vote, "up" only, one per person);
    officials answer it with a status and a justification.
    """

    consultation_key = models.UUIDField(_("consultation"), db_index=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="proposals"
    )
    title = models.CharField(_("title"), max_length=PROPOSAL_TITLE_MAX_LENGTH)
    text = models.TextField(_("proposal"), max_length=COMMENT_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    answer_status = models.CharField(_("answer"), max_length=20, choices=Answer.choices, blank=True)
    answer = models.TextField(_("justification"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set when the author anonymised it: ``accounts.models.User.handover_mark``.
    handover_mark = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(title="") & ~Q(text=""), name="proposal_has_title_and_text"),
            models.CheckConstraint(
                condition=Q(answer_status="") | ~Q(answer=""), name="proposal_answer_has_justification"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def author_name(self):
        return shown_name(self)


WORDING_MAX_LENGTH = 8000


class WordingProposal(VoteModel, models.Model):
    """A resident's new wording for one section of a consultation's draft.

    It keeps the section's text it was written against (``base_text``, of draft
    ``draft``), so the difference shown stays the one its author meant after the
    city publishes a revised draft.  Supported as proposals are (django-vote,
    "up" only); hidden by moderators with a reason; answered in the outcome.
    """

    consultation_key = models.UUIDField(_("consultation"), db_index=True, editable=False)
    section_id = models.CharField(_("section"), max_length=64)
    section_title = models.CharField(_("section title"), max_length=200, blank=True)
    draft = models.PositiveSmallIntegerField(_("draft number"), default=1)
    base_text = models.TextField(_("text of the draft"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="wordings"
    )
    text = models.TextField(_("proposed wording"), max_length=WORDING_MAX_LENGTH)
    note = models.TextField(_("why"), max_length=COMMENT_MAX_LENGTH, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    hidden_reason = models.TextField(_("why it was hidden"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set when the author anonymised it: ``accounts.models.User.handover_mark``.
    handover_mark = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("proposed wording")
        verbose_name_plural = _("proposed wordings")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["consultation_key", "section_id"], name="wording_section_idx")]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="wording_not_empty"),
            models.CheckConstraint(
                condition=Q(is_hidden=False) | ~Q(hidden_reason=""), name="wording_hidden_has_reason"
            ),
        ]

    def __str__(self):
        return f"{self.section_title or self.section_id}: {self.text[:40]}"

    @property
    def author_name(self):
        return shown_name(self)

    def segments(self):
        return diff(self.base_text, self.text)


class DraftSection(models.Model):
    """One section of a consultation's draft as it was published, per language.

    Publishing a consultation records its sections under its ``draft_number``
    (a later publication of the same draft overwrites them: a typo fixed); when
    an official raises the number, the earlier draft's rows stay as they were,
    and readers compare the two."""

    page = models.ForeignKey(
        ConsultationPage, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="draft_sections"
    )
    draft = models.PositiveSmallIntegerField(_("draft number"))
    section_id = models.CharField(_("section"), max_length=64)
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("section title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    published_at = models.DateTimeField(_("published at"), default=timezone.now)

    class Meta:
        verbose_name = _("section of a draft")
        verbose_name_plural = _("sections of drafts")
        ordering = ["page", "draft", "position"]
        constraints = [
            models.UniqueConstraint(fields=["page", "draft", "section_id"], name="draft_section_once"),
        ]

    def __str__(self):
        return f"{self.title} ({self.draft})"


class Report(models.Model):
    """A resident's report that a comment breaks the rules."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("spam or advertising")
        ABUSE = "abuse", _("insults, hate or discrimination")
        PERSONAL_DATA = "personal_data", _("someone's personal data")
        OFF_TOPIC = "off_topic", _("not about this consultation")
        OTHER = "other", _("something else")

    comment = models.ForeignKey(Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    details = models.TextField(_("details"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_person")]

    def __str__(self):
        return f"{self.get_reason_display()} — {self.comment_id}"


class ModerationDecision(models.Model):
    """The log of every moderation decision: who, when, what and why."""

    class Action(models.TextChoices):
        AUTO_HIDE = "auto_hide", _("hidden automatically after reports")
        HIDE = "hide", _("hidden")
        RESTORE = "restore", _("restored")

    comment = models.ForeignKey(Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="decisions")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("decision"), max_length=12, choices=Action.choices)
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        ordering = ["-created_at", "-id"]
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="decision_has_a_reason")]

    def __str__(self):
        return f"{self.get_action_display()} — {self.comment_id}"


class OutcomeForm(WagtailAdminPageForm):
    """Answers may only point at this consultation's comment threads and proposals."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        consultation = parent_page or (self.instance.get_parent() if self.instance.pk else None)
        self.consultation = consultation
        if consultation is None:
            return
        key = consultation.translation_key
        comments = Comment.objects.filter(consultation_key=key, parent=None, state=Comment.State.PUBLISHED)
        proposals = Proposal.objects.filter(consultation_key=key, is_hidden=False)
        wordings = WordingProposal.objects.filter(consultation_key=key, is_hidden=False)
        opinion_choices = [("", "---------")] + [
            (opinion.key, f"{opinion.number}: {opinion.title}") for opinion in opinions_of(key)
        ]
        formset = self.formsets.get("answers")
        if formset is None:
            return

        class AnswerForm(formset.form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["comment"].queryset = comments.select_related("author").annotate(
                    author_pseudonym=models.Subquery(
                        ConsultationPseudonym.objects.filter(
                            user_id=models.OuterRef("author_id"), consultation_key=key
                        ).values("name")[:1]
                    )
                )
                self.fields["proposal"].queryset = proposals
                if "wording" in self.fields:
                    self.fields["wording"].queryset = wordings
                    self.fields["wording"].label_from_instance = _whole_wording
                if "opinion" in self.fields:
                    # Another body's opinion (the council's resolutions), offered through core.
                    self.fields["opinion"] = forms.ChoiceField(
                        label=_("opinion of the Immigrants' Council"), choices=opinion_choices, required=False
                    )
                # The whole text, so an official answers what was written, not its first words.
                self.fields["comment"].label_from_instance = _whole_comment
                self.fields["proposal"].label_from_instance = _whole_proposal

        formset.form = AnswerForm  # on this formset only: also reaches empty_form, made on demand
        formset.__dict__.pop("forms", None)  # rebuild any forms made before the swap
        self.consultation = consultation

    def clean(self):
        cleaned = super().clean()
        consultation = getattr(self, "consultation", None)
        if (
            consultation is not None
            and "action-publish" in self.data
            and consultation.specific.status_at(timezone.now()) in (Status.UPCOMING, Status.OPEN)
        ):
            raise ValidationError(_("An outcome can be published only after the consultation has closed."))
        return cleaned


def _whole_comment(comment):
    return f"#{comment.pk} {shown_name(comment)}: {' '.join(comment.text.split())}"


def _whole_proposal(proposal):
    return f"#{proposal.pk} {proposal.title}: {' '.join(proposal.text.split())}"


def _whole_wording(wording):
    return f"#{wording.pk} {wording.section_title}: {' '.join(wording.text.split())}"


class OutcomePage(RadaPage):
    """What came of a consultation, published by an official when it has closed.

    Publishing it (draft, preview, publish as any page) marks the consultation,
    in all its languages, as *outcome published*.
    """

    summary = RichTextField(_("what we heard"), features=RICH_TEXT_FEATURES)
    changes = RichTextField(_("what we changed"), features=RICH_TEXT_FEATURES, blank=True)
    show_survey_results = models.BooleanField(
        _("show the survey's results on this page"),
        default=True,
        help_text=_("When the consultation had a survey, its results (with the small-count rule) follow the text."),
    )

    base_form_class = OutcomeForm
    content_panels = [
        *RadaPage.content_panels,
        FieldPanel("summary"),
        FieldPanel("changes"),
        FieldPanel("show_survey_results"),
        InlinePanel("answers", heading=_("Answers to comments and proposals"), label=_("answer")),
    ]
    search_fields = [*RadaPage.search_fields, index.SearchField("summary"), index.SearchField("changes")]
    parent_page_types = ["consultations.ConsultationPage"]
    subpage_types = ["plainlanguage.EasyReadPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("consultation outcome")

    def get_context(self, request, *args, **kwargs):
        from .selectors import outcome_detail  # cycle: selectors import these models

        context = super().get_context(request, *args, **kwargs)
        context.update(outcome_detail(outcome=self))
        return context


class OutcomeAnswer(Orderable):
    """The city's answer to one comment thread or one proposal."""

    page = ParentalKey(OutcomePage, on_delete=models.CASCADE, related_name="answers")
    comment = models.ForeignKey(
        Comment, verbose_name=_("comment thread"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    wording = models.ForeignKey(
        WordingProposal,
        verbose_name=_("proposed wording"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The key of another body's opinion (``core.opinions.Opinion.key``): the
    # council's tables are not this app's to point at.
    opinion = models.CharField(_("opinion of the Immigrants' Council"), max_length=64, blank=True)
    status = models.CharField(_("answer"), max_length=20, choices=Answer.choices)
    justification = models.TextField(_("justification"))

    panels = [
        FieldPanel("comment"),
        FieldPanel("proposal"),
        FieldPanel("wording"),
        FieldPanel("opinion"),
        FieldPanel("status"),
        FieldPanel("justification"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.CheckConstraint(
                condition=Q(comment__isnull=True, proposal__isnull=False, wording__isnull=True, opinion="")
                | Q(comment__isnull=False, proposal__isnull=True, wording__isnull=True, opinion="")
                | Q(comment__isnull=True, proposal__isnull=True, wording__isnull=False, opinion="")
                | Q(comment__isnull=True, proposal__isnull=True, wording__isnull=True) & ~Q(opinion=""),
                name="answer_to_exactly_one_contribution",
            ),
            models.CheckConstraint(condition=~Q(justification=""), name="answer_has_justification"),
        ]

    def clean(self):
        chosen = [self.comment_id, self.proposal_id, self.wording_id, self.opinion or None]
        if sum(item is not None for item in chosen) != 1:
            raise ValidationError(
                _("Choose one thing to answer: a comment thread, a proposal, a proposed wording or an opinion.")
            )


class Follow(models.Model):
    """A resident follows one consultation, or every consultation of a thematic area.

    A consultation's followers hear when it closes and when its outcome is
    published; an area's followers also hear when one of its consultations opens.
    Writing a comment or a proposal follows the consultation.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    consultation_key = models.UUIDField(_("consultation"), null=True, blank=True, db_index=True)
    area = models.CharField(_("thematic area"), max_length=32, choices=Area.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "consultation_key"], condition=Q(consultation_key__isnull=False), name="follow_once"
            ),
            models.UniqueConstraint(fields=["user", "area"], condition=~Q(area=""), name="follow_area_once"),
            models.CheckConstraint(
                condition=(Q(consultation_key__isnull=False) & Q(area=""))
                | (Q(consultation_key__isnull=True) & ~Q(area="")),
                name="follow_one_thing",
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.consultation_key or self.area}"


class ConsultationNotice(models.Model):
    """That the e-mails about a consultation opening, closing or publishing its
    outcome were queued: at most once each, also when two senders run at once."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("opened")
        CLOSED = "closed", _("closed")
        OUTCOME = "outcome", _("outcome published")

    consultation_key = models.UUIDField(db_index=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("consultation notice")
        verbose_name_plural = _("consultation notices")
        constraints = [models.UniqueConstraint(fields=["consultation_key", "kind"], name="notice_once")]

    def __str__(self):
        return f"{self.consultation_key} {self.kind}"


class ConsultationPseudonym(models.Model):
    """The name a resident writes under in one consultation, instead of their
    public name: all their comments and proposals there show it (see
    :mod:`consultations.authors`).  One per person and consultation; no two
    people share one in a consultation, whatever the letter case."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="pseudonyms"
    )
    consultation_key = models.UUIDField(_("consultation"), db_index=True)
    name = models.CharField(_("pseudonym"), max_length=60)
    created_at = models.DateTimeField(_("chosen at"), default=timezone.now)

    class Meta:
        verbose_name = _("pseudonym in a consultation")
        verbose_name_plural = _("pseudonyms in consultations")
        constraints = [
            models.UniqueConstraint(fields=["user", "consultation_key"], name="one_pseudonym_per_consultation"),
            models.UniqueConstraint(Lower("name"), "consultation_key", name="pseudonym_unique_in_consultation"),
            models.CheckConstraint(condition=~Q(name=""), name="pseudonym_not_empty"),
        ]

    def __str__(self):
        return self.name


_NOT_LOADED = object()


def shown_name(item):
    """The name shown next to a comment or a proposal, everywhere it is public
    (pages, the API and its downloads, outcome pages, officials' exports):

    - the placeholder's name when the author is a stand-in account (a former
      participant, or a resident whose words a facilitator entered), which never
      reveals who the person was;
    - else the author's pseudonym in that consultation, if they chose one;
    - else the author's public name.

    Lists load the pseudonyms beforehand (:mod:`consultations.authors`), so
    that this asks the database nothing more."""
    author = item.author
    if author.placeholder:
        return author.public_name
    pseudonym = getattr(item, "author_pseudonym", _NOT_LOADED)
    if pseudonym is _NOT_LOADED:
        pseudonym = (
            ConsultationPseudonym.objects.filter(user_id=item.author_id, consultation_key=item.consultation_key)
            .values_list("name", flat=True)
            .first()
        )
    return pseudonym or author.public_name


# The survey's answers live in their own module; imported here so that Django registers them.
from .survey_models import SurveyAnswer, SurveyResponse  # noqa: E402, F401
